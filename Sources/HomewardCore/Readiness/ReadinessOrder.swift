/// The column a readiness table is sorted by, largest first (areas by code): `returned`, `area`, `actions`,
/// `kilograms`, `reached`, `treated`, `commissioned:KIND` or `restoring:KIND` (a facility kind's code).
public enum ReadinessOrder: Hashable, Sendable, CustomStringConvertible {
    case returned, area, actions, kilograms, reached, treated
    case commissioned(String)
    case restoring(String)

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("returned", 1): self = .returned
        case ("area", 1): self = .area
        case ("actions", 1): self = .actions
        case ("kilograms", 1), ("tonnes", 1): self = .kilograms
        case ("reached", 1): self = .reached
        case ("treated", 1): self = .treated
        case ("commissioned", 2) where RecordCode.isValid(parts[1]): self = .commissioned(parts[1])
        case ("restoring", 2) where RecordCode.isValid(parts[1]): self = .restoring(parts[1])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .returned: "returned"
        case .area: "area"
        case .actions: "actions"
        case .kilograms: "kilograms"
        case .reached: "reached"
        case .treated: "treated"
        case .commissioned(let kind): "commissioned:\(kind)"
        case .restoring(let kind): "restoring:\(kind)"
        }
    }

    /// The facility kind whose column it sorts by, if it is one.
    public var kind: String? {
        switch self {
        case .commissioned(let kind), .restoring(let kind): kind
        default: nil
        }
    }

    public static let expected = "returned, area, actions, kilograms, reached, treated, commissioned:KIND or restoring:KIND"
}

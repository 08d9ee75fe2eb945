/// How many of the actions summed gave each figure. A figure that no action gave is not known, which a sum
/// of 0 cannot say; one that only some gave is what those reported, a floor for the whole.
public struct AidReporting: Hashable, Sendable, Encodable {
    /// Actions that gave a weight (`kilograms`, `tonnes`).
    public var kilograms = 0
    public var parcels = 0
    public var reached = 0
    public var treated = 0

    public init(kilograms: Int = 0, parcels: Int = 0, reached: Int = 0, treated: Int = 0) {
        self.kilograms = kilograms
        self.parcels = parcels
        self.reached = reached
        self.treated = treated
    }

    /// Every one of `actions` gave every figure.
    public init(all actions: Int) {
        self.init(kilograms: actions, parcels: actions, reached: actions, treated: actions)
    }

    /// The four figures, in the order tables give them.
    public static var figures: [KeyPath<AidReporting, Int>] { [\.kilograms, \.parcels, \.reached, \.treated] }

    static func + (a: AidReporting, b: AidReporting) -> AidReporting {
        AidReporting(kilograms: a.kilograms + b.kilograms, parcels: a.parcels + b.parcels, reached: a.reached + b.reached, treated: a.treated + b.treated)
    }

    enum CodingKeys: String, CodingKey { case kilograms, parcels, reached = "people_reached", treated = "medical_treated" }
}

/// Whether the actions summed gave a figure: all of them, some (how many), or none, so that a reader tells a
/// figure of 0 from one nobody reported.
public enum AidFigureReporting: Hashable, Sendable {
    case complete
    case partly(Int)
    case unreported
}

/// The four levels of the OCHA administrative hierarchy.
///
/// Countries name them differently (governorate, province, wilaya…); Homeward keeps the numbers
/// and shows the names a deployment uses.
public enum AdminLevel: Int, CaseIterable, Comparable, Codable, Sendable {
    case adm1 = 1, adm2, adm3, adm4

    public static func < (lhs: AdminLevel, rhs: AdminLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The word used in messages, after OCHA's Syria usage.
    public var noun: String {
        switch self {
        case .adm1: "governorate"
        case .adm2: "district"
        case .adm3: "sub-district"
        case .adm4: "community"
        }
    }

    public var coarser: AdminLevel? { AdminLevel(rawValue: rawValue - 1) }
}

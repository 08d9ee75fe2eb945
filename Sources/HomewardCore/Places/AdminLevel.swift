/// The four levels of the OCHA administrative hierarchy.
///
/// Countries name them differently (governorate, province, wilaya…); Homeward keeps the numbers, and pages and
/// messages name them through the catalogue's `level.adm1.name` … entries, which a deployment words its own way
/// (``Catalogue/overlayFolder``).
public enum AdminLevel: Int, CaseIterable, Comparable, Codable, Sendable {
    case adm1 = 1, adm2, adm3, adm4

    public static func < (lhs: AdminLevel, rhs: AdminLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var coarser: AdminLevel? { AdminLevel(rawValue: rawValue - 1) }
}

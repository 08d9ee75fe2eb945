/// An area and the areas above it, one P-code per level, down to the level the report gives.
///
/// Kept with each movement so that totals by governorate or district are plain groupings.
public struct Lineage: Hashable, Sendable {
    public var codes: [String?] = [nil, nil, nil, nil]

    public init() {}

    public init(_ byLevel: [AdminLevel: String]) {
        for (level, code) in byLevel { self[level] = code }
    }

    public subscript(level: AdminLevel) -> String? {
        get { codes[level.rawValue - 1] }
        set { codes[level.rawValue - 1] = newValue }
    }

    /// The finest level given.
    public var level: AdminLevel? { AdminLevel.allCases.last { self[$0] != nil } }

    /// The P-code at the finest level given.
    public var finest: String? { level.flatMap { self[$0] } }
}

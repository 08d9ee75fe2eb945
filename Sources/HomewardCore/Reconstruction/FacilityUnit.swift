/// What a kind of facility is counted in: whole items (schools, bakeries) or kilometres exact to 0.1 (roads, lines).
public enum FacilityUnit: String, CaseIterable, Sendable, Codable, ClosedSet {
    case items
    case km

    /// Decimal places a quantity in this unit may have: none for items, one for km.
    public var decimals: Int { self == .km ? 1 : 0 }
}

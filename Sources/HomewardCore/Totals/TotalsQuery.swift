/// A question about how many people returned: in which window, broken down how.
public struct TotalsQuery: Hashable, Sendable {
    public var window: DateWindow
    public var grouping: Grouping?
    /// Keep only the largest groups; the total still counts everything.
    public var top: Int?
    public var category: MovementCategory?
    public var crossing: String?
    public var organisation: String?

    public init(window: DateWindow = DateWindow(), grouping: Grouping? = nil, top: Int? = nil,
                category: MovementCategory? = nil, crossing: String? = nil, organisation: String? = nil) {
        self.window = window
        self.grouping = grouping
        self.top = top
        self.category = category
        self.crossing = crossing
        self.organisation = organisation
    }
}

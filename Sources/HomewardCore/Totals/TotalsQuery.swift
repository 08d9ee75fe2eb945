import Foundation

/// A question about how many people returned: in which window, broken down how.
public struct TotalsQuery: Hashable, Sendable {
    public var window: DateWindow
    public var grouping: Grouping?
    /// Keep only the largest groups; the total still counts everything.
    public var top: Int?
    public var category: MovementCategory?
    public var crossing: String?
    public var organisation: String?
    /// Ask as the ledger stood at this moment: corrections recorded after it are not yet seen.
    public var asRecordedOn: Date?

    public init(window: DateWindow = DateWindow(), grouping: Grouping? = nil, top: Int? = nil,
                category: MovementCategory? = nil, crossing: String? = nil, organisation: String? = nil,
                asRecordedOn: Date? = nil) {
        self.window = window
        self.grouping = grouping
        self.top = top
        self.category = category
        self.crossing = crossing
        self.organisation = organisation
        self.asRecordedOn = asRecordedOn
    }
}

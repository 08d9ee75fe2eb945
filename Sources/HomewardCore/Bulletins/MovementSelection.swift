/// Which movements a bulletin's number sums, kept as the filters that picked them rather than as their ids.
///
/// A million ids would weigh more than the bulletin; the filters, applied again to each movement's version in force
/// at the snapshot's `recordedOn` (as `--as-recorded-on` does), list the same records however the ledger is corrected
/// or added to later.
public struct MovementSelection: Hashable, Sendable, Codable {
    /// Movements whose whole period lies from `from` (or the first record) to `to`.
    public var from: Day?
    public var to: Day
    public var category: MovementCategory?
    public var crossing: String?
    /// Only movements that name no crossing point (returns inside the country, mostly); absent, not `false`, in
    /// snapshots that do not ask it, so that their canonical JSON and hash stay as they were.
    public var withoutCrossing: Bool?

    public init(from: Day? = nil, to: Day, category: MovementCategory? = nil, crossing: String? = nil, withoutCrossing: Bool? = nil) {
        self.from = from
        self.to = to
        self.category = category
        self.crossing = crossing
        self.withoutCrossing = withoutCrossing
    }

    public var window: DateWindow { DateWindow(from: from, to: to) }
}

/// What entered restoration and what was commissioned, per settlement and kind, by record: the running state
/// that lets an import warn about a commissioning no reported start accounts for.
///
/// Records are kept by key, so re-importing or correcting a record replaces its old quantity instead of adding to it.
public struct RestorationLedger: Sendable {
    public struct Entry: Hashable, Sendable {
        public var day: Day
        public var status: FacilityStatus
        public var tenths: Int

        public init(day: Day, status: FacilityStatus, tenths: Int) {
            self.day = day
            self.status = status
            self.tenths = tenths
        }
    }

    /// The finest P-code of the settlement and the kind's code.
    public struct Place: Hashable, Sendable {
        public var settlement: String
        public var kind: String

        public init(settlement: String, kind: String) {
            self.settlement = settlement
            self.kind = kind
        }
    }

    private var entries: [Place: [String: Entry]] = [:]
    /// Where each record is counted: a correction that moves it to another settlement or kind leaves where it was.
    private var places: [String: Place] = [:]

    public init() {}

    public mutating func record(_ place: Place, key: String, _ entry: Entry) {
        if let earlier = places.updateValue(place, forKey: key), earlier != place { entries[earlier]?[key] = nil }
        entries[place, default: [:]][key] = entry
    }

    /// The record with `key` at `place` as it stands now, `nil` where it has moved or is not there.
    public func entry(_ place: Place, key: String) -> Entry? { entries[place]?[key] }

    /// Where the record with `key` is counted now, `nil` where it is not.
    public func place(of key: String) -> Place? { places[key] }

    /// Every record at `place`, by key.
    public func entries(at place: Place) -> [String: Entry] { entries[place] ?? [:] }

    /// Under restoration at `place` on `day`, leaving out the record with `excluding` (the one being checked).
    public func balance(_ place: Place, on day: Day, excluding: String? = nil) -> Int {
        Self.stock((entries[place] ?? [:]).filter { $0.key != excluding }.map(\.value), on: day)
    }

    /// What entered restoration by `day` less what was commissioned by then, day by day, never below zero:
    /// a commissioning without a reported start takes the stock to zero, not below, so it does not eat into
    /// facilities that enter restoration later. Within a day, starts count before commissionings.
    public static func stock(_ entries: [Entry], on day: Day) -> Int {
        let ordered = entries.filter { $0.day <= day && $0.status != .damaged }
            .sorted { ($0.day, $0.status == .commissioned ? 1 : 0) < ($1.day, $1.status == .commissioned ? 1 : 0) }
        return ordered.reduce(0) { stock, entry in max(0, stock + (entry.status == .underRestoration ? entry.tenths : -entry.tenths)) }
    }
}

/// A quantity of facilities of one kind reaching a status on a date in a settlement, as one organisation reported it.
public struct FacilityWork: Hashable, Sendable {
    public var date: Day
    /// The settlement: a community P-code and the areas above it, or a coarser area when that is all that is known.
    public var place: Lineage
    public var kind: String
    public var status: FacilityStatus
    /// In tenths of the kind's unit (a school is 10, 2.5 km is 25), so sums are exact.
    public var tenths: Int
    public var organisation: String
    /// `#meta+id`: one named facility followed through its statuses.
    public var externalId: String?
    /// Identity across imports: with an id, (organisation, id, status), so a facility reaches each status once and
    /// a later report of it corrects the first; without, every non-figure value of its row.
    public var key: String

    public init(date: Day, place: Lineage, kind: String, status: FacilityStatus, tenths: Int, organisation: String,
                externalId: String? = nil, key: String) {
        self.date = date
        self.place = place
        self.kind = kind
        self.status = status
        self.tenths = tenths
        self.organisation = organisation
        self.externalId = externalId
        self.key = key
    }

    public static func key(externalId: String?, status: FacilityStatus, organisation: String, content: [String]) -> String {
        externalId.map { StableDigest.hex(["facility-id", organisation, $0, status.rawValue]) }
            ?? StableDigest.hex(["facility", organisation] + content)
    }
}

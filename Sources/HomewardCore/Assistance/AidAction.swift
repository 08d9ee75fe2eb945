/// One delivery of aid in a locality on a date by an organisation, with what it delivered. Medical
/// assistance is an action that records the people treated.
public struct AidAction: Hashable, Sendable {
    public var date: Day
    /// The locality: a P-code at any level and the areas above it.
    public var place: Lineage
    public var organisation: String
    public var type: String
    /// Weight delivered, exactly: tonnes as given, times 1,000.
    public var kilograms: Int?
    public var parcels: Int?
    public var reached: Int?
    /// People given medical treatment.
    public var treated: Int?
    public var description: String?
    public var externalId: String?
    /// Identity across imports: (organisation, id) with an id, else every non-figure value of its row.
    public var key: String

    public init(date: Day, place: Lineage, organisation: String, type: String, kilograms: Int? = nil, parcels: Int? = nil,
                reached: Int? = nil, treated: Int? = nil, description: String? = nil, externalId: String? = nil, key: String) {
        self.date = date
        self.place = place
        self.organisation = organisation
        self.type = type
        self.kilograms = kilograms
        self.parcels = parcels
        self.reached = reached
        self.treated = treated
        self.description = description
        self.externalId = externalId
        self.key = key
    }

    public static func key(externalId: String?, organisation: String, content: [String]) -> String {
        externalId.map { StableDigest.hex(["aid-id", organisation, $0]) } ?? StableDigest.hex(["aid", organisation] + content)
    }
}

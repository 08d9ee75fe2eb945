/// A movement as the ledger holds it, with its id and when it was recorded: what the API lists.
public struct RecordedMovement: Hashable, Sendable, Codable {
    public var id: Int
    public var start: Day
    public var end: Day
    public var category: MovementCategory
    public var crossing: String?
    /// An ISO3 code (refugees) or a P-code (IDPs).
    public var origin: String?
    public var destination: String?
    public var persons: Int
    public var organisation: String
    public var source: String?
    public var externalId: String?
    public var recordedAt: String
    /// Who recorded the version listed (`person:LOGIN`, `token:ID:LOGIN`, `system:USER`): every figure says who gave it;
    /// `nil` for movements written before Homeward kept it.
    public var recordedBy: String?

    public init(id: Int, start: Day, end: Day, category: MovementCategory, crossing: String?, origin: String?, destination: String?,
                persons: Int, organisation: String, source: String?, externalId: String?, recordedAt: String, recordedBy: String? = nil) {
        self.id = id
        self.start = start
        self.end = end
        self.category = category
        self.crossing = crossing
        self.origin = origin
        self.destination = destination
        self.persons = persons
        self.organisation = organisation
        self.source = source
        self.externalId = externalId
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, start, end, category, crossing, origin, destination, persons, organisation, source
        case externalId = "external_id"
        case recordedAt = "recorded_at"
        case recordedBy = "recorded_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(category, forKey: .category)
        try c.encode(crossing, forKey: .crossing)
        try c.encode(origin, forKey: .origin)
        try c.encode(destination, forKey: .destination)
        try c.encode(persons, forKey: .persons)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(source, forKey: .source)
        try c.encode(externalId, forKey: .externalId)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(recordedBy, forKey: .recordedBy)
    }
}

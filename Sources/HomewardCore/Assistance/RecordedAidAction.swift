/// An aid action as stored, for lists: its id, the locality's lineage, weight in kilograms and tonnes.
public struct RecordedAidAction: Hashable, Sendable, Encodable {
    public var id: Int
    public var action: AidAction
    /// When and by whom the version listed was recorded: a figure in a list says who gave it without a call for its history.
    public var recordedAt: String?
    public var recordedBy: String?

    public init(id: Int, action: AidAction, recordedAt: String? = nil, recordedBy: String? = nil) {
        self.id = id
        self.action = action
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, date, locality, adm1, adm2, adm3, adm4, organisation, type, kilograms, tonnes, parcels
        case reached = "people_reached", treated = "medical_treated", description, externalId = "external_id"
        case recordedAt = "recorded_at", recordedBy = "recorded_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let a = action
        try c.encode(id, forKey: .id)
        try c.encode(a.date, forKey: .date)
        try c.encode(a.place.finest, forKey: .locality)
        for (level, key) in zip(AdminLevel.allCases, [CodingKeys.adm1, .adm2, .adm3, .adm4]) { try c.encode(a.place[level], forKey: key) }
        try c.encode(a.organisation, forKey: .organisation)
        try c.encode(a.type, forKey: .type)
        try c.encode(a.kilograms, forKey: .kilograms)
        try c.encode(a.kilograms.map { ScaledNumber.double($0, decimals: 3) }, forKey: .tonnes)
        try c.encode(a.parcels, forKey: .parcels)
        try c.encode(a.reached, forKey: .reached)
        try c.encode(a.treated, forKey: .treated)
        try c.encode(a.description, forKey: .description)
        try c.encode(a.externalId, forKey: .externalId)
        try c.encodeIfPresent(recordedAt, forKey: .recordedAt)
        try c.encodeIfPresent(recordedBy, forKey: .recordedBy)
    }
}

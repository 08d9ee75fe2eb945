/// A facility record as stored, for lists: its id, the settlement's lineage, the quantity in the kind's unit.
public struct RecordedFacilityWork: Hashable, Sendable, Encodable {
    public var id: Int
    public var work: FacilityWork
    public var unit: FacilityUnit
    /// When and by whom the version listed was recorded: a figure in a list says who gave it without a call for its history.
    public var recordedAt: String?
    public var recordedBy: String?

    public init(id: Int, work: FacilityWork, unit: FacilityUnit, recordedAt: String? = nil, recordedBy: String? = nil) {
        self.id = id
        self.work = work
        self.unit = unit
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, date, settlement, adm1, adm2, adm3, adm4, kind, unit, status, quantity, organisation, externalId = "external_id"
        case recordedAt = "recorded_at", recordedBy = "recorded_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(work.date, forKey: .date)
        try c.encode(work.place.finest, forKey: .settlement)
        for (level, key) in zip(AdminLevel.allCases, [CodingKeys.adm1, .adm2, .adm3, .adm4]) { try c.encode(work.place[level], forKey: key) }
        try c.encode(work.kind, forKey: .kind)
        try c.encode(unit, forKey: .unit)
        try c.encode(work.status, forKey: .status)
        try c.encode(ScaledNumber.double(work.tenths, decimals: 1), forKey: .quantity)
        try c.encode(work.organisation, forKey: .organisation)
        try c.encode(work.externalId, forKey: .externalId)
        try c.encodeIfPresent(recordedAt, forKey: .recordedAt)
        try c.encodeIfPresent(recordedBy, forKey: .recordedBy)
    }
}

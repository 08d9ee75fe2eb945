/// One version of a record that imports correct in place (a facility record, an aid action): as first recorded, or as
/// a correction left it, with who wrote it and what replaced it. A record's history says why a figure asked last week
/// differs from today's, and who changed it.
public struct RecordVersion<Record: Encodable & Sendable>: Sendable, Encodable {
    /// The values of this version; its id is the record's.
    public var record: Record
    public var recordedAt: String
    /// Who recorded this version (`system:amal`, `token:12:amal`).
    public var recordedBy: String?
    public var importID: Int?
    /// When a correction replaced this version; `nil` for the version in force.
    public var supersededAt: String?
    public var supersededBy: String?
    public var supersededInImport: Int?

    public init(record: Record, recordedAt: String, recordedBy: String?, importID: Int?, supersededAt: String?, supersededBy: String?,
                supersededInImport: Int?) {
        self.record = record
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.importID = importID
        self.supersededAt = supersededAt
        self.supersededBy = supersededBy
        self.supersededInImport = supersededInImport
    }

    public var inForce: Bool { supersededAt == nil }

    /// The version of `versions` (one record's, as its history lists them) a read saw: written and not yet replaced by the
    /// imports it saw, those committed under numbers up to `through` (``BulletinSnapshot/recordedThrough``), by their commit
    /// numbers (`commit`); else, for a write whose import has none, by `moment` (a timestamp as the store writes them, to the
    /// second). `nil` where the read saw no version of the record.
    public static func seen(among versions: [RecordVersion], through: Int?, at moment: String, commit: (Int) -> Int?) -> RecordVersion? {
        func seen(_ importID: Int?, _ at: String) -> Bool {
            if let through, let number = importID.flatMap(commit) { return number <= through }
            return at <= moment
        }
        return versions.last { v in seen(v.importID, v.recordedAt) && !(v.supersededAt.map { seen(v.supersededInImport, $0) } ?? false) }
    }

    enum CodingKeys: String, CodingKey {
        case record
        case recordedAt = "recorded_at", recordedBy = "recorded_by", importID = "import_id", inForce = "in_force"
        case supersededAt = "superseded_at", supersededBy = "superseded_by", supersededInImport = "superseded_in_import"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record, forKey: .record)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encode(importID, forKey: .importID)
        try c.encode(inForce, forKey: .inForce)
        try c.encode(supersededAt, forKey: .supersededAt)
        try c.encode(supersededBy, forKey: .supersededBy)
        try c.encode(supersededInImport, forKey: .supersededInImport)
    }
}

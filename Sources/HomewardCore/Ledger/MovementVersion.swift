/// One version of a movement: as first recorded, or as a correction left it, with who wrote it and
/// what replaced it. A movement's history explains why a total asked last week differs from today's.
public struct MovementVersion: Hashable, Sendable, Encodable {
    /// The values of this version; `id` is the movement's.
    public var movement: RecordedMovement
    /// Who recorded this version (`system:amal`, `token:12:amal`); `nil` for rows older than revisions.
    public var recordedBy: String?
    public var importID: Int?
    /// When the import that wrote this version committed: from then on it is in the ledger as `--as-recorded-on` sees it
    /// (`movement.recordedAt` is when that import began). `nil` for imports from before commits were timed.
    public var committedAt: String?
    /// When a correction replaced this version; `nil` for the version in force.
    public var supersededAt: String?
    public var supersededBy: String?
    public var supersededInImport: Int?

    public init(movement: RecordedMovement, recordedBy: String?, importID: Int?, committedAt: String? = nil, supersededAt: String?,
                supersededBy: String?, supersededInImport: Int?) {
        self.movement = movement
        self.recordedBy = recordedBy
        self.importID = importID
        self.committedAt = committedAt
        self.supersededAt = supersededAt
        self.supersededBy = supersededBy
        self.supersededInImport = supersededInImport
    }

    enum CodingKeys: String, CodingKey {
        case movement
        case recordedBy = "recorded_by"
        case importID = "import_id"
        case committedAt = "committed_at"
        case supersededAt = "superseded_at"
        case supersededBy = "superseded_by"
        case supersededInImport = "superseded_in_import"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(movement, forKey: .movement)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encode(importID, forKey: .importID)
        try c.encode(committedAt, forKey: .committedAt)
        try c.encode(supersededAt, forKey: .supersededAt)
        try c.encode(supersededBy, forKey: .supersededBy)
        try c.encode(supersededInImport, forKey: .supersededInImport)
    }
}

/// An import as the ledger keeps it: what it read, from where, who sent it, and what became of its rows. A dry run or a
/// refused import leaves none: its transaction rolled back.
public struct ImportRecord: Sendable, Equatable, Encodable {
    public var id: Int
    /// Its place in the order imports committed: its commit's number, or for imports kept before commits were numbered (which
    /// came first), -n to -1 by id. Ids follow the order imports began: on PostgreSQL a long file's import can commit after a
    /// quick one that began later, and a reader paging by id would miss it.
    public var position: Int
    /// The kind of records it read (`movements`, `aid`, …).
    public var records: String
    /// The file's name, or the route a client posted to (`POST /movements`).
    public var sourceName: String
    public var startedAt: String
    /// Who sent it, as the audit names callers (`person:amal`, `token:12:amal`, `system:root`).
    public var startedBy: String?
    /// When it committed; `nil` for imports recorded before the moment was kept.
    public var committedAt: String?
    /// SUCCESS or WARNING: an import whose rows were refused wrote nothing, and is not kept.
    public var status: String
    public var rows: Int?
    public var imported: Int?
    public var updated: Int?
    public var ignored: Int?
    public var rejected: Int?
    public var warnings: Int?

    public init(id: Int, position: Int, records: String, sourceName: String, startedAt: String, startedBy: String?, committedAt: String?, status: String,
                rows: Int?, imported: Int?, updated: Int?, ignored: Int?, rejected: Int?, warnings: Int?) {
        (self.id, self.position, self.records, self.sourceName, self.startedAt, self.startedBy, self.committedAt, self.status) =
            (id, position, records, sourceName, startedAt, startedBy, committedAt, status)
        (self.rows, self.imported, self.updated, self.ignored, self.rejected, self.warnings) = (rows, imported, updated, ignored, rejected, warnings)
    }

    enum CodingKeys: String, CodingKey {
        case id, position, records, status, rows, imported, updated, ignored, rejected, warnings
        case sourceName = "source_name", startedAt = "started_at", startedBy = "started_by", committedAt = "committed_at"
    }

    /// Every key, null where unknown: a script reads one shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(position, forKey: .position)
        try c.encode(records, forKey: .records)
        try c.encode(sourceName, forKey: .sourceName)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(startedBy, forKey: .startedBy)
        try c.encode(committedAt, forKey: .committedAt)
        try c.encode(status, forKey: .status)
        try c.encode(rows, forKey: .rows)
        try c.encode(imported, forKey: .imported)
        try c.encode(updated, forKey: .updated)
        try c.encode(ignored, forKey: .ignored)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(warnings, forKey: .warnings)
    }
}

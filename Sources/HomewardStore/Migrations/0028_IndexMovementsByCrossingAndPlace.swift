import SQLKit

/// The movements' period index carries the crossing, the destination and the organisation too: an import looks up, for
/// each new movement, another organisation's report of the same days, crossing and destination (and, for one without an
/// id, its own organisation's), which the days alone left to a scan of every movement of the day (some 1.3 s for a batch
/// of 1,000 rows in a ledger of 1,000,000, 0.01 s with the index), and the organisation as a range passes over its own.
struct IndexMovementsByCrossingAndPlace: Migration {
    let name = "0028_index_movements_by_crossing_and_place"

    /// Also how a first load on SQLite, which drops the index while it appends, builds it again.
    static let create = "CREATE INDEX movements_period ON movements (start_day, end_day, crossing_code, dest_pcode, organisation_id)"

    /// On PostgreSQL the new index is built beside the old one, which goes only once it is there: dropping it first would
    /// hold every read of the ledger for the whole build (the drop's lock lasts to the migration's commit). SQLite has no
    /// index rename, and a writer holds its database whole either way.
    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        if sql.backend == .postgres {
            try await db.raw(SQLQueryString(Self.create.replacingOccurrences(of: "movements_period", with: "movements_period_new"))).run()
            try await db.raw("DROP INDEX IF EXISTS movements_period").run()
            try await db.raw("ALTER INDEX movements_period_new RENAME TO movements_period").run()
        } else {
            try await db.raw("DROP INDEX IF EXISTS movements_period").run()
            try await db.raw(SQLQueryString(Self.create)).run()
        }
    }
}

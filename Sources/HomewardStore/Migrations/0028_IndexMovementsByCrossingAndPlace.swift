import SQLKit

/// The movements' period index carries the crossing and the destination too: an import looks up, for each new
/// movement, another organisation's report of the same days, crossing and destination (and, for one without an id,
/// its own organisation's), which the days alone left to a scan of every movement of the day: some 1.3 s for a batch
/// of 1,000 rows in a ledger of 1,000,000, 0.01 s with the index.
struct IndexMovementsByCrossingAndPlace: Migration {
    let name = "0028_index_movements_by_crossing_and_place"

    /// Also how a first load on SQLite, which drops the index while it appends, builds it again.
    static let create = "CREATE INDEX movements_period ON movements (start_day, end_day, crossing_code, dest_pcode)"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("DROP INDEX IF EXISTS movements_period").run()
        try await db.raw(SQLQueryString(Self.create)).run()
    }
}

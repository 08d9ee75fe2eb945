import SQLKit

/// Aid actions' and facility records' day indexes carry the place and the kind too: an import looks up, for each new
/// record, another organisation's of the same day, place and type (or kind and status), which the day alone left to a
/// scan of every record of the day, this import's own included: a file of one day's deliveries grew with its square.
struct IndexAidAndWorksByPlace: Migration {
    let name = "0029_index_aid_and_works_by_place"

    static let indexes = [
        ("aid_actions_day", "CREATE INDEX aid_actions_day ON aid_actions (day, place_pcode, type_code)"),
        ("facility_works_day", "CREATE INDEX facility_works_day ON facility_works (day, place_pcode, kind_code, status)"),
    ]

    /// On PostgreSQL each new index is built beside the old one, which goes only once it is there (as in
    /// ``IndexMovementsByCrossingAndPlace``): reads by day go on meanwhile.
    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        for (index, create) in Self.indexes {
            if sql.backend == .postgres {
                try await db.raw(SQLQueryString(create.replacingOccurrences(of: index + " ON", with: index + "_new ON"))).run()
                try await db.raw(SQLQueryString("DROP INDEX IF EXISTS \(index)")).run()
                try await db.raw(SQLQueryString("ALTER INDEX \(index)_new RENAME TO \(index)")).run()
            } else {
                try await db.raw(SQLQueryString("DROP INDEX IF EXISTS \(index)")).run()
                try await db.raw(SQLQueryString(create)).run()
            }
        }
    }
}

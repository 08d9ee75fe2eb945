import SQLKit

/// Each revisions table indexed by the record its versions are of, as `movement_revisions` is: every correction reads its
/// record's versions (a correction that puts back an earlier one is warned of), and a record's history lists them;
/// without the index each read scanned the whole table (PostgreSQL indexes no foreign key by itself).
struct IndexRevisionsByRecord: Migration {
    let name = "0026_index_revisions_by_record"

    static let tables = [("site_census_revisions", "census_id"), ("site_departure_revisions", "departure_id"),
                         ("facility_work_revisions", "work_id"), ("aid_action_revisions", "action_id"),
                         ("source_figure_revisions", "figure_id")]

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        for (table, column) in Self.tables {
            try await db.raw("CREATE INDEX IF NOT EXISTS \(unsafeRaw: table)_\(unsafeRaw: column) ON \(unsafeRaw: table) (\(unsafeRaw: column))").run()
        }
    }
}

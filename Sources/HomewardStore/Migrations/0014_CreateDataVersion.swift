import SQLKit

/// A number every committed write on PostgreSQL moves on, so that servers can tag and cache answers by it
/// (``DataVersion``) and see each other's writes at once.
///
/// A sequence, not a row: `nextval` takes no lock, so concurrent writers never wait for each other on it,
/// and `last_value` is the latest number of every session. `Database.write` calls it after each commit.
/// SQLite's is a table of its own (``CreateSQLiteDataVersion``), read when its `PRAGMA data_version` says something was committed.
struct CreateDataVersion: Migration {
    let name = "0014_create_data_version"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        guard sql.backend == .postgres else { return }
        try await db.raw("CREATE SEQUENCE data_version").run()
    }
}

import SQLKit

/// SQLite's counterpart of PostgreSQL's `data_version` sequence: one number each write of something readable moves on, in
/// its own transaction. `PRAGMA data_version` alone moved with every commit, a token's last use too, so that a client
/// polling once a minute lost its 304s to any other client's request (``DataVersion``).
struct CreateSQLiteDataVersion: Migration {
    let name = "0027_create_sqlite_data_version"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        guard sql.backend == .sqlite else { return }
        try await db.raw("CREATE TABLE data_version (only INTEGER PRIMARY KEY CHECK (only = 1), value INTEGER NOT NULL)").run()
        try await db.raw("INSERT INTO data_version (only, value) VALUES (1, 0)").run()
    }
}

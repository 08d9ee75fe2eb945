import SQLKit

/// SQLite's counterpart of PostgreSQL's `data_version` sequence: one number each write of something readable moves on, in
/// its own transaction. `PRAGMA data_version` alone moved with every commit, a token's last use too, so that a client
/// polling once a minute lost its 304s to any other client's request (``DataVersion``).
///
/// Moved by a trigger on the audit: every write that leaves something readable leaves an entry there (`Database.write`
/// adds one where the write named none), and housekeeping leaves none. In the database, the trigger moves it for every
/// process that writes, a build older than it too.
struct CreateSQLiteDataVersion: Migration {
    let name = "0027_create_sqlite_data_version"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        guard sql.backend == .sqlite else { return }
        try await db.raw("CREATE TABLE data_version (only INTEGER PRIMARY KEY CHECK (only = 1), value INTEGER NOT NULL)").run()
        try await db.raw("INSERT INTO data_version (only, value) VALUES (1, 0)").run()
        try await db.raw("""
            CREATE TRIGGER audit_log_moves_data_version AFTER INSERT ON audit_log
            BEGIN UPDATE data_version SET value = value + 1; END
            """).run()
    }
}

import SQLKit

/// Each import's number in the order imports committed, and when it committed.
///
/// A bulletin keeps the number of the last import its read saw, so that its records can be listed again exactly:
/// a wall-clock moment cannot tell a write committed in the same second after the read, nor an import that began
/// before the read and committed after it. `import_commits` holds the last number given; an import takes the next
/// as its last statement, and on PostgreSQL the row's lock, held until the commit, makes the numbers follow the
/// order in which imports commit. Imports kept before this step have `NULL`: they committed before any number.
struct NumberImportCommits: Migration {
    let name = "0019_number_import_commits"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE imports ADD COLUMN commit_number BIGINT").run()
        try await db.raw("ALTER TABLE imports ADD COLUMN committed_at TEXT").run()
        // One row, kept so by its key (which logical replication also needs to carry its updates).
        try await db.raw("CREATE TABLE import_commits (id INTEGER PRIMARY KEY CHECK (id = 1), last_number BIGINT NOT NULL)").run()
        try await db.raw("INSERT INTO import_commits (id, last_number) VALUES (1, 0)").run()
    }
}

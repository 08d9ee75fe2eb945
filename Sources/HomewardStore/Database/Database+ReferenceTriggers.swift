import SQLKit

extension Database {
    /// Turns PostgreSQL's foreign-key triggers off for the transaction, when the role may.
    ///
    /// PostgreSQL checks each foreign key of each row in a trigger of its own: six lookups for a movement, more than
    /// half of what inserting it costs. An import that checks its references once per name instead (as SQLite's path
    /// does with its foreign keys off) sets `session_replication_role` to `replica`, which only a superuser, or a role
    /// granted `SET` on it (PostgreSQL 15 and later; `homeward database app-role --bulk-imports`), may do. Any other
    /// role keeps the triggers and gets the same answer, more slowly. `SET LOCAL` ends with the transaction.
    static func skipReferenceTriggers(on db: any SQLDatabase) async throws {
        guard let role = try await db.raw("""
            SELECT rolsuper, current_setting('server_version_num')::int AS version FROM pg_roles WHERE rolname = current_user
            """).first() else { return }
        var may = try role.decode(column: "rolsuper", as: Bool.self)
        if !may, try role.decode(column: "version", as: Int.self) >= 150_000 {
            may = try await db.raw("SELECT has_parameter_privilege('session_replication_role', 'SET') AS may")
                .first(decodingColumn: "may", as: Bool.self) ?? false
        }
        if may { try await db.raw("SET LOCAL session_replication_role = replica").run() }
    }

    /// Whether this transaction's rows go unchecked by the database, so that the writer must check their references itself.
    static func referencesUnchecked(on connection: Connection) async throws -> Bool {
        switch connection.driver {
        case .sqlite:
            try await connection.sql.raw("PRAGMA foreign_keys").first(decodingColumn: "foreign_keys", as: Int.self) == 0
        case .postgres:
            try await connection.sql.raw("SELECT current_setting('session_replication_role') AS role")
                .first(decodingColumn: "role", as: String.self) == "replica"
        }
    }
}

import HomewardCore
import SQLKit

/// The PostgreSQL role a server should connect as: it reads and writes records, but cannot change the schema,
/// and cannot change or delete what the audit holds.
///
/// The audit's triggers refuse UPDATE, DELETE and TRUNCATE for everyone, but the tables' owner can drop a
/// trigger; a server connected as its own role cannot, since privileges are checked before triggers run.
/// Default privileges give the role the tables that later versions add, so that upgrading needs the owner
/// only for `homeward database migrate`.
extension Database {
    /// Creates `name` (a login role) if it does not exist, sets its password when given, and grants it what
    /// a server needs. Run as the database's owner; granting again is harmless.
    ///
    /// - Parameter bulkImports: also let the role check an import's references once per name instead of row by row
    ///   (``skipReferenceTriggers(on:)``): `SET` on `session_replication_role`, PostgreSQL 15 and later, granted by a
    ///   superuser. The same setting would let the role turn off the database's other triggers for its own
    ///   session, so it is a choice of speed over a second line of defence, left to whoever runs the database.
    public func grantApplicationRole(_ name: String, password: String?, bulkImports: Bool = false, by caller: Caller) async throws {
        guard backend == .postgres else {
            throw StoreError.refused(FieldProblem(field: "database", value: location.description, Message("database.app_role.postgres_only")))
        }
        guard Self.isPlainIdentifier(name) else {
            throw StoreError.refused(FieldProblem(field: "role", value: name, Message("database.app_role.name")))
        }
        try await write(by: caller, for: .people) { write in
            let db = write.sql
            let role = "\"\(name)\""
            let exists = try await db.raw("SELECT 1 AS one FROM pg_roles WHERE rolname = \(bind: name)").first() != nil
            if !exists { try await db.raw("CREATE ROLE \(unsafeRaw: role) LOGIN").run() }
            if let password {
                // Utility statements take no parameters: the password goes in as a literal, quotes doubled.
                let literal = "'" + password.replacingOccurrences(of: "'", with: "''") + "'"
                try await db.raw("ALTER ROLE \(unsafeRaw: role) PASSWORD \(unsafeRaw: literal)").run()
            }
            let names = try await db.raw("SELECT current_database() AS db, current_schema() AS schema").first()
            let database = "\"\(try names?.decode(column: "db", as: String.self) ?? "")\""
            let schema = "\"\(try names?.decode(column: "schema", as: String.self) ?? "public")\""
            for statement in [
                "GRANT CONNECT, TEMPORARY ON DATABASE \(database) TO \(role)",
                "GRANT USAGE ON SCHEMA \(schema) TO \(role)",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema) TO \(role)",
                "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA \(schema) TO \(role)",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA \(schema) GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO \(role)",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA \(schema) GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO \(role)",
                // The audit is appended to, never changed: for this role and for anyone else not its owner.
                "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM \(role)",
                "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC",
            ] {
                try await db.raw(SQLQueryString(statement)).run()
            }
            if bulkImports {
                let version = try await db.raw("SELECT current_setting('server_version_num')::int AS version").first(decodingColumn: "version", as: Int.self)
                guard let version, version >= 150_000 else {
                    throw StoreError.refused(FieldProblem(field: "bulk-imports", value: String(version ?? 0), Message("database.app_role.bulk_imports")))
                }
                try await db.raw("GRANT SET ON PARAMETER session_replication_role TO \(unsafeRaw: role)").run()
            }
            try await write.audit("granted", kind: "application-role", detail: name + (bulkImports ? " (bulk imports)" : ""))
        }
    }

    /// Lower-case letters, digits and underscores, not starting with a digit: a name that needs no escaping.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 63, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

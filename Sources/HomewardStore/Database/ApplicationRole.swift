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
    public func grantApplicationRole(_ name: String, password: String?, by caller: Caller) async throws {
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
            try await write.audit("granted", kind: "application-role", detail: name)
        }
    }

    /// Lower-case letters, digits and underscores, not starting with a digit: a name that needs no escaping.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 63, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

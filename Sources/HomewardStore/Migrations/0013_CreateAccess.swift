import SQLKit

/// People, their credentials and sessions, working groups, and the audit log.
///
/// Passwords are bcrypt hashes; tokens and session ids are kept only as SHA-256 digests, so a copy of the
/// database gives no one a way in. The audit log is append-only in the database itself: triggers refuse
/// every UPDATE and DELETE on it, whatever program connects.
struct CreateAccess: Migration {
    let name = "0013_create_access"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE organisations ADD COLUMN working_group BOOLEAN NOT NULL DEFAULT FALSE").run()
        try await db.raw("""
            CREATE TABLE organisation_members (
                group_id BIGINT NOT NULL REFERENCES organisations (id),
                member_id BIGINT NOT NULL REFERENCES organisations (id),
                PRIMARY KEY (group_id, member_id)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE persons (
                \(unsafeRaw: sql.idColumn),
                login TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'editor', 'viewer')),
                active BOOLEAN NOT NULL DEFAULT TRUE,
                password_hash TEXT,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            )
            """).run()
        try await db.raw("""
            CREATE TABLE api_tokens (
                \(unsafeRaw: sql.idColumn),
                person_id BIGINT NOT NULL REFERENCES persons (id),
                digest TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked_at TEXT,
                last_used_at TEXT
            )
            """).run()
        try await db.raw("""
            CREATE TABLE sessions (
                digest TEXT PRIMARY KEY,
                person_id BIGINT NOT NULL REFERENCES persons (id),
                csrf TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """).run()
        try await db.raw("""
            CREATE TABLE sign_in_failures (
                \(unsafeRaw: sql.idColumn),
                login TEXT NOT NULL,
                address TEXT,
                at TEXT NOT NULL
            )
            """).run()
        try await db.raw("CREATE INDEX sign_in_failures_login ON sign_in_failures (login, at)").run()
        try await db.raw("""
            CREATE TABLE audit_log (
                \(unsafeRaw: sql.idColumn),
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                address TEXT,
                action TEXT NOT NULL,
                kind TEXT NOT NULL,
                record TEXT,
                detail TEXT,
                before_value TEXT,
                after_value TEXT
            )
            """).run()
        try await db.raw("CREATE INDEX audit_log_at ON audit_log (at)").run()
        switch sql.backend {
        case .sqlite:
            for event in ["UPDATE", "DELETE"] {
                try await db.raw("""
                    CREATE TRIGGER audit_log_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                    """).run()
            }
        case .postgres:
            try await db.raw("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
                """).run()
        }
    }
}

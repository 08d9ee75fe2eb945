import SQLKit

/// Responses to POST requests that carried an `Idempotency-Key`, so a retried request gets the first answer.
struct CreateIdempotencyKeys: Migration {
    let name = "0004_create_idempotency_keys"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE idempotency_keys (
                key TEXT PRIMARY KEY,
                request_digest TEXT NOT NULL,
                status INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """).run()
    }
}

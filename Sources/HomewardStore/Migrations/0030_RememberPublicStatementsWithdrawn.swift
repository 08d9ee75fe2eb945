import SQLKit

/// A statement made public and withdrawn before withdrawals kept who had made it public: found again in the audit, so that
/// the public versions of its day go on hiding what it hid (``Stores/publicVersions(of:)``): a reader may have kept it.
struct RememberPublicStatementsWithdrawn: Migration {
    let name = "0030_remember_public_statements_withdrawn"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            UPDATE bulletins SET made_public_by = 'audit' WHERE made_public_by IS NULL AND CAST(id AS TEXT) IN (
                SELECT record FROM audit_log WHERE kind = 'bulletin'
                AND (action = 'make-public' OR (action = 'publish' AND detail LIKE '%, public%')))
            """).run()
    }
}

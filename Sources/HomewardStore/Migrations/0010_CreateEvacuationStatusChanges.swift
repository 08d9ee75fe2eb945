import SQLKit

/// Every change of an evacuation operation's status, with who made it and when: "suspended on the 12th by
/// the centre" is part of the operation's record, not an overwrite of it.
struct CreateEvacuationStatusChanges: Migration {
    let name = "0010_create_evacuation_status_changes"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE evacuation_status_changes (
                \(unsafeRaw: sql.idColumn),
                operation_id BIGINT NOT NULL REFERENCES evacuation_operations (id),
                from_status TEXT NOT NULL,
                to_status TEXT NOT NULL CHECK (to_status IN ('planned', 'under-way', 'completed', 'suspended')),
                changed_at TEXT NOT NULL,
                changed_by TEXT NOT NULL
            )
            """).run()
        try await db.raw("CREATE INDEX evacuation_status_changes_operation ON evacuation_status_changes (operation_id)").run()
    }
}

import SQLKit

/// Which kind of record each import brought, now that one importer takes every kind.
struct AddImportRecords: Migration {
    let name = "0008_add_import_records"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE imports ADD COLUMN records TEXT NOT NULL DEFAULT 'movements'").run()
    }
}

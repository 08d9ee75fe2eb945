import SQLKit

/// Partner organisations, created on first use by name.
struct CreateOrganisations: Migration {
    let name = "0002_create_organisations"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE organisations (
                \(unsafeRaw: sql.idColumn),
                name TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            )
            """).run()
    }
}

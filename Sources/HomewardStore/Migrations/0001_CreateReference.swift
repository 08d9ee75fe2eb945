import SQLKit

/// The gazetteer: administrative areas, countries, crossing points, and the deployment's settings.
struct CreateReference: Migration {
    let name = "0001_create_reference"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )
            """).run()
        try await db.raw("""
            CREATE TABLE admin_areas (
                pcode TEXT PRIMARY KEY,
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
                name_en TEXT NOT NULL,
                name_ar TEXT NOT NULL,
                parent_pcode TEXT REFERENCES admin_areas (pcode),
                latitude DOUBLE PRECISION,
                longitude DOUBLE PRECISION,
                CHECK ((level = 1) = (parent_pcode IS NULL))
            )
            """).run()
        try await db.raw("CREATE INDEX admin_areas_parent ON admin_areas (parent_pcode)").run()
        try await db.raw("""
            CREATE TABLE countries (
                iso3 TEXT PRIMARY KEY,
                iso2 TEXT NOT NULL,
                name_en TEXT NOT NULL,
                name_ru TEXT NOT NULL,
                name_ar TEXT NOT NULL
            )
            """).run()
        try await db.raw("""
            CREATE TABLE crossing_points (
                code TEXT PRIMARY KEY,
                name_en TEXT NOT NULL,
                name_ar TEXT NOT NULL,
                country_iso3 TEXT REFERENCES countries (iso3),
                counterpart_name TEXT,
                admin_pcode TEXT REFERENCES admin_areas (pcode),
                note TEXT
            )
            """).run()
    }
}

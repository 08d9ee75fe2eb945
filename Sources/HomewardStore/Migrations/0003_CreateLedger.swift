import SQLKit

/// The returns ledger: movements, and the imports that brought them.
///
/// Days are integers (days since 1970-01-01) on both databases, so windows and weeks are plain arithmetic.
/// A movement keeps its destination's whole lineage (`dest_adm1` … `dest_adm4`), so totals by any level
/// are one grouping without joins.
struct CreateLedger: Migration {
    let name = "0003_create_ledger"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE imports (
                \(unsafeRaw: sql.idColumn),
                started_at TEXT NOT NULL,
                source_name TEXT NOT NULL,
                status TEXT,
                rows_read BIGINT,
                imported BIGINT,
                updated BIGINT,
                ignored BIGINT,
                rejected BIGINT,
                warnings BIGINT
            )
            """).run()
        try await db.raw("""
            CREATE TABLE movements (
                \(unsafeRaw: sql.idColumn),
                row_key TEXT NOT NULL UNIQUE,
                fingerprint TEXT NOT NULL,
                start_day INTEGER NOT NULL,
                end_day INTEGER NOT NULL,
                category TEXT NOT NULL CHECK (category IN ('refugee', 'idp')),
                crossing_code TEXT REFERENCES crossing_points (code),
                origin_country TEXT REFERENCES countries (iso3),
                origin_pcode TEXT REFERENCES admin_areas (pcode),
                dest_pcode TEXT REFERENCES admin_areas (pcode),
                dest_level INTEGER,
                dest_adm1 TEXT,
                dest_adm2 TEXT,
                dest_adm3 TEXT,
                dest_adm4 TEXT,
                persons BIGINT NOT NULL CHECK (persons > 0),
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                source TEXT,
                external_id TEXT,
                import_id BIGINT REFERENCES imports (id),
                recorded_at TEXT NOT NULL,
                CHECK (end_day >= start_day),
                CHECK (crossing_code IS NOT NULL OR dest_pcode IS NOT NULL)
            )
            """).run()
        try await db.raw("CREATE INDEX movements_period ON movements (start_day, end_day)").run()
    }
}

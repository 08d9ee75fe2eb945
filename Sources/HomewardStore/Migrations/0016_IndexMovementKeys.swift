import SQLKit

/// A movement's key unique through an index of its own, `movements_row_key`, instead of the column's `UNIQUE`.
///
/// SQLite cannot drop the index behind a column constraint, and a first load into an empty ledger inserts a
/// million rows faster when the key's index is built once at the end (``MovementWriter``), as the period index
/// already is. SQLite rebuilds the table to lose the constraint (ids, rows and references kept; foreign keys
/// are off for the step, as SQLite's own procedure asks); PostgreSQL swaps its constraint for the index.
struct IndexMovementKeys: Migration {
    let name = "0016_index_movement_keys"
    let foreignKeys = false

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        guard sql.backend == .sqlite else {
            try await db.raw("ALTER TABLE movements DROP CONSTRAINT movements_row_key_key").run()
            try await db.raw("CREATE UNIQUE INDEX movements_row_key ON movements (row_key)").run()
            return
        }
        // The table of 0003 and 0006, the key's UNIQUE aside.
        try await db.raw("""
            CREATE TABLE movements_keyed (
                id INTEGER PRIMARY KEY,
                row_key TEXT NOT NULL,
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
                recorded_by TEXT,
                CHECK (end_day >= start_day),
                CHECK (crossing_code IS NOT NULL OR dest_pcode IS NOT NULL)
            )
            """).run()
        let columns = """
            id, row_key, fingerprint, start_day, end_day, category, crossing_code, origin_country, origin_pcode, dest_pcode, dest_level, \
            dest_adm1, dest_adm2, dest_adm3, dest_adm4, persons, organisation_id, source, external_id, import_id, recorded_at, recorded_by
            """
        try await db.raw("INSERT INTO movements_keyed (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM movements ORDER BY id").run()
        try await db.raw("DROP TABLE movements").run()
        try await db.raw("ALTER TABLE movements_keyed RENAME TO movements").run()
        try await db.raw("CREATE INDEX movements_period ON movements (start_day, end_day)").run()
        try await db.raw("CREATE UNIQUE INDEX movements_row_key ON movements (row_key)").run()
    }
}

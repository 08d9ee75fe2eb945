import SQLKit

/// A movement's or a departure's count may be 0: a partner's 0 for a row reported before withdraws it, its earlier
/// version kept as a revision, where it had been dropped as "nothing to record" and the figure stayed in every total.
///
/// SQLite cannot change a `CHECK`, so it rebuilds both tables (ids, rows and references kept; foreign keys off for the
/// step, as ``IndexMovementKeys`` did); PostgreSQL swaps the constraints.
struct AllowWithdrawals: Migration {
    let name = "0021_allow_withdrawals"
    let foreignKeys = false

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        guard sql.backend == .sqlite else {
            for table in ["movements", "site_departures"] {
                try await db.raw("""
                    ALTER TABLE \(unsafeRaw: table) DROP CONSTRAINT \(unsafeRaw: table)_persons_check,
                        ADD CONSTRAINT \(unsafeRaw: table)_persons_check CHECK (persons >= 0)
                    """).run()
            }
            return
        }
        // The table of 0016, its count's check aside.
        try await db.raw("""
            CREATE TABLE movements_withdrawable (
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
                persons BIGINT NOT NULL CHECK (persons >= 0),
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
        let movements = """
            id, row_key, fingerprint, start_day, end_day, category, crossing_code, origin_country, origin_pcode, dest_pcode, dest_level, \
            dest_adm1, dest_adm2, dest_adm3, dest_adm4, persons, organisation_id, source, external_id, import_id, recorded_at, recorded_by
            """
        try await rebuild("movements", columns: movements, on: db)
        try await db.raw("CREATE INDEX movements_period ON movements (start_day, end_day)").run()
        try await db.raw("CREATE UNIQUE INDEX movements_row_key ON movements (row_key)").run()
        // The table of 0009, its count's check aside.
        try await db.raw("""
            CREATE TABLE site_departures_withdrawable (
                id INTEGER PRIMARY KEY,
                row_key TEXT NOT NULL UNIQUE,
                site_code TEXT NOT NULL REFERENCES sites (code),
                start_day INTEGER NOT NULL,
                end_day INTEGER NOT NULL,
                persons BIGINT NOT NULL CHECK (persons >= 0),
                destination TEXT,
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                external_id TEXT,
                recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL, import_id BIGINT REFERENCES imports (id)
            )
            """).run()
        let departures = "id, row_key, site_code, start_day, end_day, persons, destination, organisation_id, external_id, recorded_at, recorded_by, import_id"
        try await rebuild("site_departures", columns: departures, on: db)
        try await db.raw("CREATE INDEX site_departures_site_day ON site_departures (site_code, end_day)").run()
    }

    /// Moves the rows of `table` into `\(table)_withdrawable`, made already, and puts the new table in its place.
    private func rebuild(_ table: String, columns: String, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO \(unsafeRaw: table)_withdrawable (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: table) ORDER BY id
            """).run()
        try await db.raw("DROP TABLE \(unsafeRaw: table)").run()
        try await db.raw("ALTER TABLE \(unsafeRaw: table)_withdrawable RENAME TO \(unsafeRaw: table)").run()
    }
}

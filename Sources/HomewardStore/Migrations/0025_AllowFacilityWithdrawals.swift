import SQLKit

/// A facility record's quantity may be 0: a partner's 0 for a record given before under its id withdraws it, its earlier
/// version kept as a revision, where it had been dropped as "nothing to record" and the facilities stayed in every figure.
///
/// SQLite cannot change a `CHECK`, so it rebuilds the table (ids, rows and references kept; foreign keys off for the step,
/// as ``AllowWithdrawals`` did); PostgreSQL swaps the constraint.
struct AllowFacilityWithdrawals: Migration {
    let name = "0025_allow_facility_withdrawals"
    let foreignKeys = false

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        guard sql.backend == .sqlite else {
            try await db.raw("""
                ALTER TABLE facility_works DROP CONSTRAINT facility_works_quantity_tenths_check,
                    ADD CONSTRAINT facility_works_quantity_tenths_check CHECK (quantity_tenths >= 0)
                """).run()
            return
        }
        // The table of 0011, its quantity's check aside.
        try await db.raw("""
            CREATE TABLE facility_works_withdrawable (
                id INTEGER PRIMARY KEY,
                row_key TEXT NOT NULL UNIQUE,
                day INTEGER NOT NULL,
                place_pcode TEXT NOT NULL REFERENCES admin_areas (pcode),
                adm1 TEXT, adm2 TEXT, adm3 TEXT, adm4 TEXT,
                kind_code TEXT NOT NULL REFERENCES facility_kinds (code),
                status TEXT NOT NULL CHECK (status IN ('damaged', 'under-restoration', 'commissioned')),
                quantity_tenths BIGINT NOT NULL CHECK (quantity_tenths >= 0),
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                external_id TEXT,
                recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL, import_id BIGINT REFERENCES imports (id)
            )
            """).run()
        let columns = """
            id, row_key, day, place_pcode, adm1, adm2, adm3, adm4, kind_code, status, quantity_tenths, organisation_id, external_id, \
            recorded_at, recorded_by, import_id
            """
        try await db.raw("INSERT INTO facility_works_withdrawable (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM facility_works ORDER BY id").run()
        try await db.raw("DROP TABLE facility_works").run()
        try await db.raw("ALTER TABLE facility_works_withdrawable RENAME TO facility_works").run()
        try await db.raw("CREATE INDEX facility_works_day ON facility_works (day)").run()
    }
}

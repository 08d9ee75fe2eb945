import SQLKit

/// Camps and evacuation: sites, the censuses and departures organisations report for them, and the
/// operations that evacuate them in cycles through transit centres.
///
/// Censuses of different organisations stay separate rows (never merged). A corrected census or departure
/// is copied into its `…_revisions` table before it changes, as movements are. Days are integers, as in the ledger.
struct CreateCamps: Migration {
    let name = "0009_create_camps"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE sites (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                name_ar TEXT,
                kind TEXT NOT NULL CHECK (kind IN ('camp', 'informal-settlement', 'collective-centre', 'transit-centre')),
                admin_pcode TEXT NOT NULL REFERENCES admin_areas (pcode),
                operator_id BIGINT REFERENCES organisations (id),
                capacity BIGINT,
                stay_hours INTEGER,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                CHECK (kind <> 'transit-centre' OR capacity IS NOT NULL)
            )
            """).run()
        let recorded = "recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL, import_id BIGINT REFERENCES imports (id)"
        try await db.raw("""
            CREATE TABLE site_censuses (
                \(unsafeRaw: sql.idColumn),
                site_code TEXT NOT NULL REFERENCES sites (code),
                day INTEGER NOT NULL,
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                residents BIGINT NOT NULL CHECK (residents >= 0),
                households BIGINT CHECK (households >= 0),
                \(unsafeRaw: recorded),
                UNIQUE (site_code, day, organisation_id)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE site_departures (
                \(unsafeRaw: sql.idColumn),
                row_key TEXT NOT NULL UNIQUE,
                site_code TEXT NOT NULL REFERENCES sites (code),
                start_day INTEGER NOT NULL,
                end_day INTEGER NOT NULL,
                persons BIGINT NOT NULL CHECK (persons > 0),
                destination TEXT,
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                external_id TEXT,
                \(unsafeRaw: recorded)
            )
            """).run()
        try await db.raw("CREATE INDEX site_departures_site_day ON site_departures (site_code, end_day)").run()
        let superseded = "superseded_at TEXT NOT NULL, superseded_by TEXT NOT NULL, superseded_in_import BIGINT REFERENCES imports (id)"
        try await db.raw("""
            CREATE TABLE site_census_revisions (
                \(unsafeRaw: sql.idColumn),
                census_id BIGINT NOT NULL REFERENCES site_censuses (id),
                residents BIGINT NOT NULL,
                households BIGINT,
                \(unsafeRaw: recorded),
                \(unsafeRaw: superseded)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE site_departure_revisions (
                \(unsafeRaw: sql.idColumn),
                departure_id BIGINT NOT NULL REFERENCES site_departures (id),
                persons BIGINT NOT NULL,
                destination TEXT,
                \(unsafeRaw: recorded),
                \(unsafeRaw: superseded)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE evacuation_operations (
                \(unsafeRaw: sql.idColumn),
                site_code TEXT NOT NULL REFERENCES sites (code),
                baseline_day INTEGER NOT NULL,
                baseline_residents BIGINT NOT NULL CHECK (baseline_residents > 0),
                start_day INTEGER NOT NULL,
                per_cycle BIGINT NOT NULL CHECK (per_cycle > 0),
                cycle_days INTEGER NOT NULL CHECK (cycle_days > 0),
                deadline_day INTEGER,
                status TEXT NOT NULL CHECK (status IN ('planned', 'under-way', 'completed', 'suspended')),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            )
            """).run()
        try await db.raw("""
            CREATE TABLE evacuation_transit_centres (
                operation_id BIGINT NOT NULL REFERENCES evacuation_operations (id),
                site_code TEXT NOT NULL REFERENCES sites (code),
                position INTEGER NOT NULL,
                PRIMARY KEY (operation_id, site_code)
            )
            """).run()
    }
}

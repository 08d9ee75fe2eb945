import SQLKit

/// Every earlier version of a corrected movement, with who replaced it, when and in which import,
/// so that totals can be asked as the ledger stood at a past moment (`--as-recorded-on`).
///
/// A movement's current version stays in `movements`; `recorded_at` and `recorded_by` say when and by
/// whom it was written. A correction first copies the row as it was into `movement_revisions`. The
/// version in force at moment T is the current row if it was recorded by T, or else the revision
/// recorded by T and superseded after it. Rows written before this step have no `recorded_by`.
struct CreateMovementRevisions: Migration {
    let name = "0006_create_movement_revisions"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE movements ADD COLUMN recorded_by TEXT").run()
        try await db.raw("ALTER TABLE imports ADD COLUMN started_by TEXT").run()
        try await db.raw("""
            CREATE TABLE movement_revisions (
                \(unsafeRaw: sql.idColumn),
                movement_id BIGINT NOT NULL REFERENCES movements (id),
                fingerprint TEXT NOT NULL,
                start_day INTEGER NOT NULL,
                end_day INTEGER NOT NULL,
                category TEXT NOT NULL,
                crossing_code TEXT,
                origin_country TEXT,
                origin_pcode TEXT,
                dest_pcode TEXT,
                dest_level INTEGER,
                dest_adm1 TEXT,
                dest_adm2 TEXT,
                dest_adm3 TEXT,
                dest_adm4 TEXT,
                persons BIGINT NOT NULL,
                organisation_id BIGINT NOT NULL,
                source TEXT,
                external_id TEXT,
                import_id BIGINT,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT,
                superseded_at TEXT NOT NULL,
                superseded_by TEXT NOT NULL,
                superseded_in_import BIGINT REFERENCES imports (id)
            )
            """).run()
        try await db.raw("CREATE INDEX movement_revisions_movement ON movement_revisions (movement_id)").run()
        try await db.raw("CREATE INDEX movement_revisions_superseded ON movement_revisions (superseded_at)").run()
    }
}

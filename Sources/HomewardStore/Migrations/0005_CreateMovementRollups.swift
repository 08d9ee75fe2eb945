import SQLKit

/// Sums of persons ahead of time, so that totals over millions of movements read hundreds or
/// thousands of rows instead of millions (see ``MovementRollups``).
///
/// `movement_rollups` sums by day range: movements within one calendar month under their dimension
/// (`adm1`), movements across months under the dimension with `+span` (`adm1+span`).
/// `movement_rollups_monthly` sums the one-month movements again by month, for the whole months
/// of a window. No backfill: this step ships with the ledger itself, so `movements` is empty here.
struct CreateMovementRollups: Migration {
    let name = "0005_create_movement_rollups"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE movement_rollups (
                dimension TEXT NOT NULL,
                key TEXT NOT NULL,
                start_day INTEGER NOT NULL,
                end_day INTEGER NOT NULL,
                category TEXT NOT NULL,
                persons BIGINT NOT NULL,
                movements BIGINT NOT NULL,
                PRIMARY KEY (dimension, start_day, end_day, category, key)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE movement_rollups_monthly (
                dimension TEXT NOT NULL,
                key TEXT NOT NULL,
                month INTEGER NOT NULL,
                category TEXT NOT NULL,
                persons BIGINT NOT NULL,
                movements BIGINT NOT NULL,
                PRIMARY KEY (dimension, month, category, key)
            )
            """).run()
    }
}

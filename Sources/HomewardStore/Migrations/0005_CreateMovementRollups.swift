import SQLKit

/// Sums of persons by day range, category and one dimension, so that totals over millions of
/// movements read thousands of rows instead of millions.
///
/// Kept in step by every write to `movements` (``MovementRollups``); filled here from what exists.
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
        for dimension in MovementRollups.Dimension.allCases {
            try await db.raw("""
                INSERT INTO movement_rollups (dimension, key, start_day, end_day, category, persons, movements)
                SELECT '\(unsafeRaw: dimension.rawValue)', COALESCE(\(unsafeRaw: dimension.column), ''), start_day, end_day, category,
                       SUM(persons), COUNT(*)
                FROM movements GROUP BY COALESCE(\(unsafeRaw: dimension.column), ''), start_day, end_day, category
                """).run()
        }
    }
}

import SQLKit

/// The period a corrected departure had, kept in its revision with its count and destination.
///
/// A departure given again under the reporter's id may move its period, and a revision keeps every value the
/// correction overwrites. Revisions kept before this step did not keep the days: `NULL` there means not known.
struct AddDepartureRevisionDays: Migration {
    let name = "0017_add_departure_revision_days"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE site_departure_revisions ADD COLUMN start_day INTEGER").run()
        try await db.raw("ALTER TABLE site_departure_revisions ADD COLUMN end_day INTEGER").run()
    }
}

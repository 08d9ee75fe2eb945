import SQLKit

/// The day each change of an operation's status took effect, which may come before the day it was recorded.
///
/// Changes kept before this step have `NULL`: they took effect on the day they were recorded (`changed_at`).
struct AddStatusChangeDays: Migration {
    let name = "0018_add_status_change_days"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE evacuation_status_changes ADD COLUMN day INTEGER").run()
    }
}

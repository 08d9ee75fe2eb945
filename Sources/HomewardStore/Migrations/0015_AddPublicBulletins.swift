import SQLKit

/// Whether a published bulletin may be read by the public, since when and on whose say.
///
/// A column beside the snapshot, not in it: the snapshot and its hash never change, and making a bulletin public
/// (or withdrawing it) is a later decision the audit keeps. `NULL` is internal, which every bulletin published before
/// this step stays.
struct AddPublicBulletins: Migration {
    let name = "0015_add_public_bulletins"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE bulletins ADD COLUMN public_since TEXT").run()
        try await db.raw("ALTER TABLE bulletins ADD COLUMN made_public_by TEXT").run()
    }
}

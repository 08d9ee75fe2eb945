import SQLKit

/// A site's name in Russian, as places and crossing points have one: the Russian pages and statement named sites in English.
struct AddSiteRussianNames: Migration {
    let name = "0020_add_site_russian_names"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE sites ADD COLUMN name_ru TEXT").run()
    }
}

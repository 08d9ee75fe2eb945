import SQLKit

/// Russian names of areas and crossing points, beside the English and Arabic ones (countries have had
/// all three since `CreateReference`).
///
/// `NULL` where the reference data has no name, which pages show as the English one. The names come
/// from a names file in the gazetteer folder; a database seeded before this step gets them when that
/// folder is loaded again (`homeward gazetteer load`), since a step changes the schema only.
struct AddPlaceNames: Migration {
    let name = "0007_add_place_names"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE admin_areas ADD COLUMN name_ru TEXT").run()
        try await db.raw("ALTER TABLE crossing_points ADD COLUMN name_ru TEXT").run()
    }
}

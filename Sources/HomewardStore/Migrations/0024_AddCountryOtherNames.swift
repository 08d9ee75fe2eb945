import Foundation
import HomewardCore
import SQLKit

/// The other terms a country is known by (Iran, Russia, UK) and the taxonomy's pattern for its names (Turkey), so that a
/// field sheet's "Turkey" is Türkiye rather than an unknown country.
///
/// Filled from the bundled world taxonomy for the countries stored, so that a deployment knows them without loading
/// its gazetteer again; a deployment's own countries file may give them too (`other_names`, `name_pattern`). What it
/// fills comes from the `world/countries.csv` that ships with the version that runs the step, read as that version reads it.
struct AddCountryOtherNames: Migration {
    let name = "0024_add_country_other_names"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("ALTER TABLE countries ADD COLUMN other_names TEXT").run()
        try await db.raw("ALTER TABLE countries ADD COLUMN name_pattern TEXT").run()
        let stored = Set(try await db.raw("SELECT iso3 FROM countries").all(decodingColumn: "iso3", as: String.self))
        guard !stored.isEmpty else { return }
        for directory in [try ReferenceDirectory.bundled("world")] {
            for case .countries(let countries) in directory.tables {
                for country in countries where stored.contains(country.iso3) {
                    try await db.raw("""
                        UPDATE countries SET other_names = \(bind: Country.joined(country.otherNames)), name_pattern = \(bind: country.namePattern)
                        WHERE iso3 = \(bind: country.iso3)
                        """).run()
                }
            }
        }
    }
}

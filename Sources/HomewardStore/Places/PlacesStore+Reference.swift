import HomewardCore
import SQLKit

extension PlacesStore {
    /// The country people return to, as the loaded gazetteer says.
    public func homeCountry() async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT value FROM settings WHERE key = 'home_country'").first(decodingColumn: "value", as: String.self)
        }
    }

    /// Loads gazetteer files in one transaction: areas, countries and crossings are added or updated,
    /// then names files name them in more languages.
    ///
    /// - Parameter homeCountry: sets the deployment's country (otherwise the folder's `home_country.txt`).
    /// - Returns: how many areas, countries, crossings and names were read.
    @discardableResult
    public func loadReference(_ directories: [ReferenceDirectory], homeCountry: String? = nil, by caller: Caller) async throws -> ReferenceCounts {
        try await database.write(by: caller, for: .reference) { try await PlacesStore.loadReference(directories, homeCountry: homeCountry, on: $0) }
    }

    static func loadReference(_ directories: [ReferenceDirectory], homeCountry: String?, on write: WriteContext) async throws -> ReferenceCounts {
        let connection = write.connection, db = connection.sql
        var areas: [AdminArea] = [], countries: [Country] = [], crossings: [CrossingPoint] = [], names: [PlaceName] = []
        for table in directories.flatMap(\.tables) {
            switch table {
            case .areas(let list): areas += list
            case .countries(let list): countries += list
            case .crossings(let list): crossings += list
            case .names(let list): names += list
            }
        }
        try await connection.bulkInsert(into: "countries", columns: ["iso3", "iso2", "name_en", "name_ru", "name_ar"],
                            rows: countries.map { [.text($0.iso3), .text($0.iso2), .text($0.nameEn), .text($0.nameRu), .text($0.nameAr)] },
                            suffix: "ON CONFLICT (iso3) DO UPDATE SET iso2 = excluded.iso2, name_en = excluded.name_en, name_ru = excluded.name_ru, name_ar = excluded.name_ar")
        // Parents before children, so that every parent reference holds as it is written.
        for level in AdminLevel.allCases {
            let rows: [[BulkValue]] = areas.filter { $0.level == level }.map {
                [.text($0.pcode), .integer(level.rawValue), .text($0.nameEn), .text($0.nameAr), BulkValue($0.nameRu), BulkValue($0.parent),
                 BulkValue($0.latitude), BulkValue($0.longitude)]
            }
            do {
                // A Russian name comes from a names file, so reloading an areas file keeps the one there is.
                try await connection.bulkInsert(into: "admin_areas", columns: ["pcode", "level", "name_en", "name_ar", "name_ru", "parent_pcode", "latitude", "longitude"],
                                    rows: rows,
                                    suffix: "ON CONFLICT (pcode) DO UPDATE SET level = excluded.level, name_en = excluded.name_en, name_ar = excluded.name_ar, name_ru = COALESCE(excluded.name_ru, admin_areas.name_ru), parent_pcode = excluded.parent_pcode, latitude = excluded.latitude, longitude = excluded.longitude")
            } catch {
                throw ImportError("the \(level.noun) areas could not be written; is every parent P-code in the files of the level above? (\(String(reflecting: error)))")
            }
        }
        try await insertCrossings(crossings, on: connection,
                                  suffix: "ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_ar = excluded.name_ar, name_ru = COALESCE(excluded.name_ru, crossing_points.name_ru), country_iso3 = excluded.country_iso3, counterpart_name = excluded.counterpart_name, admin_pcode = excluded.admin_pcode, note = excluded.note")
        try await writeNames(names, on: db)
        try await bumpReferenceVersion(on: db)
        let home = homeCountry ?? directories.compactMap(\.homeCountry).last
        if let home {
            try await db.raw("DELETE FROM settings WHERE key = 'home_country'").run()
            try await db.raw("INSERT INTO settings (key, value) VALUES ('home_country', \(bind: home))").run()
        }
        let counts = ReferenceCounts(areas: areas.count, countries: countries.count, crossings: crossings.count, names: names.count)
        try await write.audit("load", kind: "reference", detail: """
            areas: \(counts.areas), countries: \(counts.countries), crossings: \(counts.crossings), names in other languages: \(counts.names)\
            \(home.map { "; home country \($0)" } ?? "")
            """)
        return counts
    }

    /// Loads the bundled reference data into a database that has none.
    func seedBundledReferenceIfNew() async throws {
        guard try await homeCountry() == nil else { return }
        let directories = try ReferenceDirectory.bundled()
        try await database.write(by: .homeward, for: .reference) { write in
            // Another process may have seeded while this one waited for the write lock.
            let seeded = try await write.sql.raw("SELECT value FROM settings WHERE key = 'home_country'").first()
            guard seeded == nil else { return }
            _ = try await PlacesStore.loadReference(directories, homeCountry: nil, on: write)
        }
        database.logger.info("loaded the bundled reference data")
    }
}

/// What ``PlacesStore/loadReference(_:homeCountry:by:)`` read.
public struct ReferenceCounts: Sendable {
    public var areas: Int
    public var countries: Int
    public var crossings: Int
    /// Names in languages other than English, from names files.
    public var names: Int
}

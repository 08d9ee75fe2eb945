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
    /// - Parameters:
    ///   - homeCountry: sets the deployment's country (otherwise the folder's `home_country.txt`).
    ///   - replacing: the folder becomes the whole gazetteer: stored areas and crossing points it does not list are
    ///     removed (another country's deployment starts from the bundled one), unless figures name them.
    /// - Returns: how many areas, countries, crossings and names were read, and what was removed.
    /// - Throws: ``ImportError`` naming the file, row and column at fault, before anything is written.
    @discardableResult
    public func loadReference(_ directories: [ReferenceDirectory], homeCountry: String? = nil, replacing: Bool = false,
                              by caller: Caller) async throws -> ReferenceCounts {
        try await database.write(by: caller, for: .reference) {
            try await PlacesStore.loadReference(directories, homeCountry: homeCountry, replacing: replacing, on: $0)
        }
    }

    static func loadReference(_ directories: [ReferenceDirectory], homeCountry: String?, replacing: Bool = false,
                              on write: WriteContext) async throws -> ReferenceCounts {
        let connection = write.connection, db = connection.sql
        var areas: [AdminArea] = [], countries: [Country] = [], crossings: [CrossingPoint] = [], names: [PlaceName] = []
        var areaRows: [ReferenceRow] = [], crossingRows: [ReferenceRow] = []
        for table in directories.flatMap(\.tables) {
            switch table {
            case .areas(let list, let rows): areas += list; areaRows += rows
            case .countries(let list): countries += list
            case .crossings(let list, let rows): crossings += list; crossingRows += rows
            case .names(let list): names += list
            }
        }
        let home = (homeCountry ?? directories.compactMap(\.homeCountry).last).map { $0.uppercased() }
        if replacing {
            guard !areas.isEmpty else { throw ImportError("the folder has no areas, and would replace every stored one") }
            guard home != nil else { throw ImportError("a folder that replaces the gazetteer names its country: --country, or home_country.txt") }
        }
        var stored: [String: ReferenceCheck.Stored] = [:]
        for row in try await db.raw("SELECT pcode, level, parent_pcode FROM admin_areas").all() {
            stored[try row.decode(column: "pcode", as: String.self)] = ReferenceCheck.Stored(
                level: try level(try row.decode(column: "level", as: Int.self)), parent: try row.decode(column: "parent_pcode", as: String?.self))
        }
        let storedCountries = try await db.raw("SELECT iso3 FROM countries").all().map { try $0.decode(column: "iso3", as: String.self) }
        let check = try ReferenceCheck(areas: Array(zip(areas, areaRows)), crossings: Array(zip(crossings, crossingRows)), stored: stored,
                                       countries: Set(storedCountries + countries.map(\.iso3)), homeCountry: home, replacing: replacing)
        try await refuseMovesUnderFigures(check.moves, areas: check.areas, on: db)
        let removedAreas = replacing ? Set(stored.keys).subtracting(check.areas.keys) : []
        let storedCrossings = try await db.raw("SELECT code FROM crossing_points").all().map { try $0.decode(column: "code", as: String.self) }
        let removedCrossings = replacing ? Set(storedCrossings).subtracting(crossings.map(\.code)) : []
        // A stored crossing written in another letter case would be a second crossing, whose rows split the first's figures.
        for (crossing, at) in zip(crossings, crossingRows) where !replacing {
            if let stored = RecordCode.taken(crossing.code, among: storedCrossings), stored != crossing.code {
                throw ImportError([ImportProblem(row: at.row, column: "crossing_code", value: crossing.code,
                                                 reason: "\(at.file): the crossing point \(stored) is stored already; write its code as it is")])
            }
        }
        try await refuseRemovingWhatFiguresName(areas: removedAreas, crossings: removedCrossings, on: db)
        try await connection.bulkInsert(into: "countries", columns: ["iso3", "iso2", "name_en", "name_ru", "name_ar", "other_names", "name_pattern"],
                            rows: countries.map { [.text($0.iso3), .text($0.iso2), .text($0.nameEn), .text($0.nameRu), .text($0.nameAr),
                                                   BulkValue(Country.joined($0.otherNames)), BulkValue($0.namePattern)] },
                            suffix: "ON CONFLICT (iso3) DO UPDATE SET iso2 = excluded.iso2, name_en = excluded.name_en, name_ru = excluded.name_ru, "
                                // A countries file without these columns leaves what a fuller one (the taxonomy) gave.
                                + "name_ar = excluded.name_ar, other_names = COALESCE(excluded.other_names, countries.other_names), "
                                + "name_pattern = COALESCE(excluded.name_pattern, countries.name_pattern)")
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
                                    suffix: "ON CONFLICT (pcode) DO UPDATE SET level = excluded.level, name_en = excluded.name_en, name_ar = COALESCE(NULLIF(excluded.name_ar, ''), admin_areas.name_ar), name_ru = COALESCE(excluded.name_ru, admin_areas.name_ru), parent_pcode = excluded.parent_pcode, latitude = excluded.latitude, longitude = excluded.longitude")
            } catch {
                throw ImportError("the adm\(level.rawValue) areas could not be written; is every parent P-code in the files of the level above? (\(String(reflecting: error)))")
            }
        }
        try await insertCrossings(crossings, on: connection,
                                  suffix: "ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_ar = excluded.name_ar, name_ru = COALESCE(excluded.name_ru, crossing_points.name_ru), country_iso3 = excluded.country_iso3, counterpart_name = excluded.counterpart_name, admin_pcode = excluded.admin_pcode, note = excluded.note")
        try await remove(crossings: removedCrossings, areas: removedAreas, stored: stored, on: db)
        try await writeNames(names, on: db)
        try await bumpReferenceVersion(on: db)
        if let home {
            try await db.raw("DELETE FROM settings WHERE key = 'home_country'").run()
            try await db.raw("INSERT INTO settings (key, value) VALUES ('home_country', \(bind: home))").run()
        }
        let current = try await db.raw("SELECT value FROM settings WHERE key = 'home_country'").first(decodingColumn: "value", as: String.self)
        let counts = ReferenceCounts(areas: areas.count, countries: countries.count, crossings: crossings.count, names: names.count,
                                     removedAreas: removedAreas.count, removedCrossings: removedCrossings.count, homeCountry: current,
                                     homeCountryGiven: home != nil)
        try await write.audit("load", kind: "reference", detail: """
            areas: \(counts.areas), countries: \(counts.countries), crossings: \(counts.crossings), names in other languages: \(counts.names)\
            \(replacing ? "; replacing the gazetteer: \(counts.removedAreas) areas and \(counts.removedCrossings) crossing points removed" : "")\
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

/// What ``PlacesStore/loadReference(_:homeCountry:replacing:by:)`` read and did.
public struct ReferenceCounts: Sendable {
    public var areas: Int
    public var countries: Int
    public var crossings: Int
    /// Names in languages other than English, from names files.
    public var names: Int
    /// Stored areas and crossing points the folder did not list, when it replaced the gazetteer.
    public var removedAreas = 0
    public var removedCrossings = 0
    /// The deployment's country after the load, and whether the load set it (or kept the one there was).
    public var homeCountry: String?
    public var homeCountryGiven = false
}

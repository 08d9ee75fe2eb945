import HomewardCore
import SQLKit
import Synchronization

/// Places every other record refers to: administrative areas, countries and crossing points, and the
/// gazetteer that imports check against.
public final class PlacesStore: Sendable {
    let database: Database
    /// The gazetteer as last read, with the reference version it was read at.
    private let gazetteerCache = Mutex<(version: String, gazetteer: Gazetteer)?>(nil)

    public init(database: Database) {
        self.database = database
    }

    /// The whole gazetteer, for checking imported rows; read again only when the reference data changed.
    ///
    /// Every change to reference data bumps `reference_version` in `settings`, in this process or another.
    public func gazetteer() async throws -> Gazetteer {
        let version = try await database.read { db in
            try await db.raw("SELECT value FROM settings WHERE key = 'reference_version'").first(decodingColumn: "value", as: String.self)
        } ?? "0"
        if let cached = gazetteerCache.withLock({ $0 }), cached.version == version { return cached.gazetteer }
        let gazetteer = try await database.read { db in try await PlacesStore.gazetteer(on: db) }
        gazetteerCache.withLock { $0 = (version, gazetteer) }
        return gazetteer
    }

    /// Marks the reference data as changed, inside the transaction that changes it.
    static func bumpReferenceVersion(on db: any SQLDatabase) async throws {
        let current = try await db.raw("SELECT value FROM settings WHERE key = 'reference_version'").first(decodingColumn: "value", as: String.self)
        let next = String((current.flatMap(Int.init) ?? 0) + 1)
        try await db.raw("DELETE FROM settings WHERE key = 'reference_version'").run()
        try await db.raw("INSERT INTO settings (key, value) VALUES ('reference_version', \(bind: next))").run()
    }

    /// The gazetteer's finest level, whose places are settlements (localities): communities where there are four levels,
    /// districts in a gazetteer of two.
    static func finestLevel(on db: any SQLDatabase) async throws -> AdminLevel {
        try await deepestLevel(on: db) ?? .adm4
    }

    /// The gazetteer's deepest level; `nil` before any area is loaded.
    static func deepestLevel(on db: any SQLDatabase) async throws -> AdminLevel? {
        let deepest = try await db.raw("SELECT MAX(level) AS deepest FROM admin_areas").first(decodingColumn: "deepest", as: Int?.self) ?? nil
        return deepest.flatMap(AdminLevel.init(rawValue:))
    }

    static func gazetteer(on db: any SQLDatabase) async throws -> Gazetteer {
        let home = try await db.raw("SELECT value FROM settings WHERE key = 'home_country'").first(decodingColumn: "value", as: String.self)
        return Gazetteer(homeCountry: home ?? "", areas: try await areas(on: db), countries: try await countries(on: db),
                         crossings: try await crossings(on: db))
    }

    /// Areas of one level, or the children of one area.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` for a parent P-code that names no area: a typo is
    ///   said so, not answered with an empty list, which would read as an area without subdivisions.
    public func areas(level: AdminLevel? = nil, parent: String? = nil) async throws -> [AdminArea] {
        try await database.read { db in
            if let level { try await PlacesStore.refuseAbsentLevel(level, field: "level", value: String(level.rawValue), on: db) }
            let areas = try await PlacesStore.areas(on: db, level: level, parent: parent)
            if let parent, areas.isEmpty,
               try await db.raw("SELECT 1 AS found FROM admin_areas WHERE pcode = \(bind: parent)").first() == nil {
                throw StoreError.invalid(field: "parent", value: parent, reason: "no area has this P-code")
            }
            return areas
        }
    }

    static func areas(on db: any SQLDatabase, level: AdminLevel? = nil, parent: String? = nil) async throws -> [AdminArea] {
        var query: SQLQueryString = "SELECT pcode, level, name_en, name_ar, name_ru, parent_pcode, latitude, longitude FROM admin_areas WHERE 1 = 1"
        if let level { query += " AND level = \(bind: level.rawValue)" }
        if let parent { query += " AND parent_pcode = \(bind: parent)" }
        query += " ORDER BY pcode"
        return try await db.raw(query).all().map { row in
            AdminArea(pcode: try row.decode(column: "pcode", as: String.self),
                      level: try PlacesStore.level(try row.decode(column: "level", as: Int.self)),
                      nameEn: try row.decode(column: "name_en", as: String.self),
                      nameAr: try row.decode(column: "name_ar", as: String.self),
                      nameRu: try row.decode(column: "name_ru", as: String?.self),
                      parent: try row.decode(column: "parent_pcode", as: String?.self),
                      latitude: try row.decode(column: "latitude", as: Double?.self),
                      longitude: try row.decode(column: "longitude", as: Double?.self))
        }
    }

    public func countries() async throws -> [Country] {
        try await database.read { db in try await PlacesStore.countries(on: db) }
    }

    static func countries(on db: any SQLDatabase) async throws -> [Country] {
        try await db.raw("SELECT iso3, iso2, name_en, name_ru, name_ar, other_names, name_pattern FROM countries ORDER BY iso3").all().map { row in
            Country(iso3: try row.decode(column: "iso3", as: String.self), iso2: try row.decode(column: "iso2", as: String.self),
                    nameEn: try row.decode(column: "name_en", as: String.self), nameRu: try row.decode(column: "name_ru", as: String.self),
                    nameAr: try row.decode(column: "name_ar", as: String.self),
                    otherNames: Country.split(try row.decode(column: "other_names", as: String?.self)),
                    namePattern: try row.decode(column: "name_pattern", as: String?.self))
        }
    }

    public func crossings() async throws -> [CrossingPoint] {
        try await database.read { db in try await PlacesStore.crossings(on: db) }
    }

    static func crossings(on db: any SQLDatabase) async throws -> [CrossingPoint] {
        try await db.raw("SELECT code, name_en, name_ar, name_ru, country_iso3, counterpart_name, admin_pcode, note FROM crossing_points ORDER BY code")
            .all().map { row in
                CrossingPoint(code: try row.decode(column: "code", as: String.self),
                              nameEn: try row.decode(column: "name_en", as: String.self),
                              nameAr: try row.decode(column: "name_ar", as: String.self),
                              nameRu: try row.decode(column: "name_ru", as: String?.self),
                              country: try row.decode(column: "country_iso3", as: String?.self),
                              counterpartName: try row.decode(column: "counterpart_name", as: String?.self),
                              adminPcode: try row.decode(column: "admin_pcode", as: String?.self),
                              note: try row.decode(column: "note", as: String?.self))
            }
    }

    /// Adds a crossing point, after ``CrossingPointRules`` (its country and area exist, its code is new).
    ///
    /// - Parameter vocabulary: whose words the problems use (`--internal`, or the API's `country`).
    /// - Throws: ``StoreError`` naming the field at fault.
    public func addCrossing(_ crossing: CrossingPoint, by caller: Caller, vocabulary: Vocabulary = .commandLine) async throws {
        let rules = CrossingPointRules(gazetteer: try await gazetteer(), vocabulary: vocabulary)
        let checked = try StoreError.refusing { () throws(FieldProblem) in try rules.check(crossing) }
        try await database.write(by: caller, for: .reference) { write in
            // Another writer may have added the code since the gazetteer was read. A code that differs only in letter case is
            // taken too: rows naming the crossing in either case would split its figures between two.
            // Folded in Swift, as imports fold a code: SQL's UPPER differs between the databases beyond ASCII.
            let codes = try await write.sql.raw("SELECT code FROM crossing_points").all(decodingColumn: "code", as: String.self)
            if let taken = RecordCode.taken(checked.code, among: codes) {
                throw StoreError.refused(FieldProblem(field: "code", value: checked.code, Message("crossing.code.taken", ["code": .code(taken)]),
                                                      isConflict: true))
            }
            try await PlacesStore.bumpReferenceVersion(on: write.sql)
            try await PlacesStore.insertCrossings([checked], on: write.connection, suffix: "")
            try await write.audit("create", kind: "crossing", record: checked.code, after: checked)
        }
    }

    static func insertCrossings(_ crossings: [CrossingPoint], on connection: Connection, suffix: String) async throws {
        try await connection.bulkInsert(into: "crossing_points",
                            columns: ["code", "name_en", "name_ar", "name_ru", "country_iso3", "counterpart_name", "admin_pcode", "note"],
                            rows: crossings.map { [.text($0.code), .text($0.nameEn), .text($0.nameAr), BulkValue($0.nameRu), BulkValue($0.country),
                                                   BulkValue($0.counterpartName), BulkValue($0.adminPcode), BulkValue($0.note)] },
                            suffix: suffix)
    }

    /// An area's level as stored; anything else means the table was written by something other than Homeward.
    static func level(_ number: Int) throws -> AdminLevel {
        guard let level = AdminLevel(rawValue: number) else {
            throw StoreError.database("admin_areas holds level \(number), which is not 1 to 4")
        }
        return level
    }
}

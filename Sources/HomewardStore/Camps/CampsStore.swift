import HomewardCore
import SQLKit

/// Camps and evacuation: sites, their censuses and departures, and evacuation operations.
public struct CampsStore: Sendable {
    let database: Database
    let places: PlacesStore

    public init(database: Database, places: PlacesStore) {
        self.database = database
        self.places = places
    }

    /// Adds a site, checked against the gazetteer and the sites that exist.
    /// - Throws: ``StoreError/refused(_:)`` naming the field, a conflict for a code in use.
    public func addSite(_ site: Site, by caller: Caller) async throws {
        let rules = SiteRules(gazetteer: try await places.gazetteer(), existing: Set(try await sites().map(\.code)))
        let checked = try StoreError.refusing { () throws(FieldProblem) in try rules.check(site) }
        try await database.write(by: caller, for: .planning) { write in
            let db = write.sql
            let codes = try await db.raw("SELECT code FROM sites").all(decodingColumn: "code", as: String.self)
            if let taken = RecordCode.taken(checked.code, among: codes) {
                throw StoreError.refused(FieldProblem(field: "code", value: checked.code, Message("site.code.taken", ["code": .code(taken)]),
                                                      isConflict: true))
            }
            let operatorID = try await checked.operatorName.asyncMap { try await OrganisationsStore.organisationID(named: $0, on: write) }
            try await db.raw("""
                INSERT INTO sites (code, name, name_ar, name_ru, kind, admin_pcode, operator_id, capacity, stay_hours, created_at, created_by)
                VALUES (\(bind: checked.code), \(bind: checked.name), \(bind: checked.nameAr), \(bind: checked.nameRu), \(bind: checked.kind.rawValue),
                        \(bind: checked.admin), \(bind: operatorID), \(bind: checked.capacity), \(bind: checked.stayHours),
                        \(bind: write.timestamp), \(bind: write.caller.description))
                """).run()
            try await write.audit("create", kind: "site", record: checked.code, after: checked)
        }
    }

    /// Sites by code, optionally of one kind.
    public func sites(kind: SiteKind? = nil) async throws -> [Site] {
        try await sites(where: kind.map { "s.kind = \(bind: $0.rawValue)" })
    }

    /// The site a code names, in any letter case (codes are one whatever their case, as ``RecordCode`` keeps them apart).
    public func site(_ code: String) async throws -> Site? {
        if let site = try await sites(where: "s.code = \(bind: code)").first { return site }
        let sites = try await sites()
        return RecordCodes(sites.map(\.code)).stored(code).flatMap { stored in sites.first { $0.code == stored } }
    }

    private func sites(where condition: SQLQueryString?) async throws -> [Site] {
        try await database.read { db in try await Self.sites(where: condition, on: db) }
    }

    /// Sites by code on `db` (a write's own connection too); `suffix` after the order (`FOR UPDATE`).
    static func sites(where condition: SQLQueryString?, suffix: String = "", on db: any SQLDatabase) async throws -> [Site] {
        var query: SQLQueryString = """
            SELECT s.code, s.name, s.name_ar, s.name_ru, s.kind, s.admin_pcode, o.name AS operator, s.capacity, s.stay_hours
            FROM sites s LEFT JOIN organisations o ON o.id = s.operator_id
            """
        if let condition { query += " WHERE " + condition }
        query += " ORDER BY s.code"
        if !suffix.isEmpty { query += " \(unsafeRaw: suffix)" }
        return try await db.raw(query).all().map(Self.site)
    }

    /// Every census of a site, newest first, each with its organisation.
    public func censuses(of site: String) async throws -> [Census] {
        try await censuses(where: "c.site_code = \(bind: site)")
    }

    /// Censuses by site code, each site's newest first.
    func censuses(where condition: SQLQueryString?) async throws -> [Census] {
        try await censusRecords(where: condition).map(\.record)
    }

    /// Every census of a site as its list gives it, newest first: with its number and who recorded it when.
    public func censusRecords(of site: String) async throws -> [StoredRecord<Census>] {
        try await censusRecords(where: "c.site_code = \(bind: site)")
    }

    private func censusRecords(where condition: SQLQueryString?) async throws -> [StoredRecord<Census>] {
        try await database.read { db in
            var query: SQLQueryString = """
                SELECT c.id, c.site_code, c.day, c.residents, c.households, o.name AS organisation, c.recorded_at, c.recorded_by
                FROM site_censuses c JOIN organisations o ON o.id = c.organisation_id
                """
            if let condition { query += " WHERE " + condition }
            query += " ORDER BY c.site_code, c.day DESC, o.name"
            return try await db.raw(query).all().map { row in
                try StoredRecord(row, Self.census(row))
            }
        }
    }

    /// Every version of the census with `id` (``RevisedTable/versions(of:select:joins:on:decode:)``); empty where none has it.
    public func history(ofCensus id: Int) async throws -> [RecordVersion<Census>] {
        try await database.read { db in
            try await CensusWriter.table.versions(of: id, select: "w.site_code, w.day, v.residents, v.households, o.name AS organisation",
                                                  joins: "JOIN organisations o ON o.id = w.organisation_id", on: db, decode: Self.census)
        }
    }

    static func census(_ row: any SQLRow) throws -> Census {
        Census(site: try row.decode(column: "site_code", as: String.self), date: Day(number: try row.decode(column: "day", as: Int.self)),
               residents: try row.decode(column: "residents", as: Int.self), households: try row.decode(column: "households", as: Int?.self),
               organisation: try row.decode(column: "organisation", as: String.self))
    }

    /// Every departure from a site, in date order.
    public func departures(from site: String) async throws -> [Departure] {
        try await departures(where: "d.site_code = \(bind: site)")
    }

    /// Departures by site code, each site's in date order.
    func departures(where condition: SQLQueryString?) async throws -> [Departure] {
        try await departureRecords(where: condition).map(\.record)
    }

    /// Every departure from a site as its list gives it, in date order: with its number and who recorded it when.
    public func departureRecords(from site: String) async throws -> [StoredRecord<Departure>] {
        try await departureRecords(where: "d.site_code = \(bind: site)")
    }

    private func departureRecords(where condition: SQLQueryString?) async throws -> [StoredRecord<Departure>] {
        try await database.read { db in
            var query: SQLQueryString = """
                SELECT d.id, d.site_code, d.start_day, d.end_day, d.persons, d.destination, o.name AS organisation, d.external_id,
                       d.recorded_at, d.recorded_by
                FROM site_departures d JOIN organisations o ON o.id = d.organisation_id
                """
            if let condition { query += " WHERE " + condition }
            query += " ORDER BY d.site_code, d.end_day, d.id"
            return try await db.raw(query).all().map { row in
                try StoredRecord(row, Self.departure(row))
            }
        }
    }

    /// Every version of the departure with `id`; empty where none has it.
    public func history(ofDeparture id: Int) async throws -> [RecordVersion<Departure>] {
        try await database.read { db in
            try await DepartureWriter.table.versions(
                of: id, select: "w.site_code, v.start_day, v.end_day, v.persons, v.destination, o.name AS organisation, w.external_id",
                joins: "JOIN organisations o ON o.id = w.organisation_id", on: db, decode: Self.departure)
        }
    }

    static func departure(_ row: any SQLRow) throws -> Departure {
        Departure(site: try row.decode(column: "site_code", as: String.self),
                  period: Period(start: Day(number: try row.decode(column: "start_day", as: Int.self)), end: Day(number: try row.decode(column: "end_day", as: Int.self))),
                  persons: try row.decode(column: "persons", as: Int.self), destination: try row.decode(column: "destination", as: String?.self),
                  organisation: try row.decode(column: "organisation", as: String.self), externalId: try row.decode(column: "external_id", as: String?.self))
    }

    static func site(_ row: any SQLRow) throws -> Site {
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = SiteKind(rawValue: kindText) else { throw StoreError.database("sites holds kind '\(kindText)'") }
        return Site(code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                    nameAr: try row.decode(column: "name_ar", as: String?.self), nameRu: try row.decode(column: "name_ru", as: String?.self), kind: kind,
                    admin: try row.decode(column: "admin_pcode", as: String.self),
                    operatorName: try row.decode(column: "operator", as: String?.self),
                    capacity: try row.decode(column: "capacity", as: Int?.self), stayHours: try row.decode(column: "stay_hours", as: Int?.self))
    }

}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension StoredRecord {
    /// The record of a row that gives its `id`, `recorded_at` and `recorded_by` beside its own columns.
    init(_ row: any SQLRow, _ record: Record) throws {
        self.init(recordID: try row.decode(column: "id", as: Int.self), record: record,
                  recordedAt: try row.decode(column: "recorded_at", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: String.self))
    }
}

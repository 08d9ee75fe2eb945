import HomewardCore
import SQLKit

/// Assistance: the catalogue of aid types and the aid actions delivered in localities.
public struct AssistanceStore: Sendable {
    let database: Database
    let places: PlacesStore

    public init(database: Database, places: PlacesStore) {
        self.database = database
        self.places = places
    }

    /// The types, in catalogue order.
    public func types() async throws -> [AidType] {
        try await database.read { db in
            try await db.raw("SELECT code, name_en, name_ru, name_ar FROM aid_types ORDER BY position, code").all().map { row in
                AidType(code: try row.decode(column: "code", as: String.self), nameEn: try row.decode(column: "name_en", as: String.self),
                        nameRu: try row.decode(column: "name_ru", as: String?.self), nameAr: try row.decode(column: "name_ar", as: String?.self))
            }
        }
    }

    /// Adds a type of aid to the catalogue.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` naming the field, or ``StoreError/conflict(_:)`` for a code or a name in use.
    @discardableResult
    public func addType(_ type: AidType, by caller: Caller) async throws -> AidType {
        let existing = try await types()
        let checked = try StoreError.refusing { () throws(FieldProblem) in try type.checked(existing: existing) }
        try await database.write(by: caller, for: .reference) { write in
            try await write.sql.raw("""
                INSERT INTO aid_types (code, name_en, name_ru, name_ar, position, created_at, created_by)
                SELECT \(bind: checked.code), \(bind: checked.nameEn), \(bind: checked.nameRu), \(bind: checked.nameAr),
                       COALESCE(MAX(position), 0) + 1, \(bind: write.timestamp), \(bind: write.caller.description) FROM aid_types WHERE 1 = 1
                ON CONFLICT (code) DO NOTHING
                """).run()
            try await write.audit("create", kind: "aid-type", record: checked.code, after: checked)
        }
        return checked
    }

    /// Imports aid actions through the one importer (`homeward import FILE --records aid`).
    public func importAid(_ request: ImportRequest, from source: ByteSource, by caller: Caller,
                          progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        let rules = AidRules(gazetteer: try await places.gazetteer(), types: try await types(), today: request.today,
                             defaultOrganisation: request.organisation?.trimmingCharacters(in: .whitespaces), vocabulary: request.vocabulary)
        return try await database.runImport(.aid, request, from: source, by: caller, rules: rules, progress: progress) {
            AidActionWriter(write: $0, importID: $1)
        }
    }

    /// Aid actions in date order, `limit` at a time after the action with id `after`.
    /// - Parameter reportedBySeveral: only counted actions of a delivery another organisation reported alike (the same day,
    ///   locality and type, in the window), as a statement counts them: one of each such pair may need withdrawing.
    public func actions(window: DateWindow = DateWindow(), area: String? = nil, type: String? = nil, organisation: String? = nil,
                        after: Int? = nil, limit: Int = 100, reportedBySeveral: Bool = false) async throws -> [RecordedAidAction] {
        try await database.read { db in
            var query: SQLQueryString = """
                SELECT a.id, a.day, a.adm1, a.adm2, a.adm3, a.adm4, o.name AS organisation, a.type_code, a.kilograms, a.parcels, a.reached,
                       a.treated, a.description, a.external_id, a.row_key, a.recorded_at, a.recorded_by
                FROM aid_actions a JOIN organisations o ON o.id = a.organisation_id WHERE a.id > \(bind: after ?? 0)
                """
            try await Self.narrow(&query, window: window, area: area, type: type, organisation: organisation, on: db)
            if reportedBySeveral {
                query += " AND a.id IN (SELECT id FROM aid_actions WHERE " + Stores.aidActions(window).reportedBySeveral(alike: Stores.aidAlike).condition + ")"
            }
            query += " ORDER BY a.id LIMIT \(bind: limit)"
            let rows = try await db.raw(query).all()
            if let organisation, rows.isEmpty, after == nil { try await OrganisationsStore.refuseOtherSpelling(organisation, on: db) }
            return try rows.map(Self.recordedAction)
        }
    }

    /// Narrows a query of actions (`a`, their organisations `o`) to a window, an area (a P-code at any level), a type and an
    /// organisation, refusing an area or type nobody has, as the list and the sums both do.
    private static func narrow(_ query: inout SQLQueryString, window: DateWindow, area: String?, type: String?, organisation: String?,
                               on db: any SQLDatabase) async throws {
        let area = try await KnownCodes.area(area, on: db)
        try await KnownCodes.check(type, field: "type", in: "aid_types", naming: "aid type", on: db)
        if let from = window.from { query += " AND a.day >= \(bind: from.number)" }
        if let to = window.to { query += " AND a.day <= \(bind: to.number)" }
        if let area { query += " AND " + Lineage.within(area) }
        if let type { query += " AND a.type_code = \(bind: type)" }
        if let organisation { query += " AND o.name = \(bind: organisation)" }
    }

    /// Every version of the aid action with `id`, those a correction replaced first; empty where none has it.
    public func history(ofAction id: Int) async throws -> [RecordVersion<RecordedAidAction>] {
        try await database.read { db in
            try await AidActionWriter.table.versions(
                of: id, select: """
                    w.id, v.day, v.adm1, v.adm2, v.adm3, v.adm4, o.name AS organisation, v.type_code, v.kilograms, v.parcels, v.reached, v.treated,
                    v.description, w.external_id, w.row_key
                    """,
                joins: "JOIN organisations o ON o.id = w.organisation_id", on: db, decode: Self.recordedAction)
        }
    }

    /// An aid action from a row of `actions` or of a version.
    static func recordedAction(_ row: any SQLRow) throws -> RecordedAidAction {
        RecordedAidAction(id: try row.decode(column: "id", as: Int.self), action: AidAction(
            date: Day(number: try row.decode(column: "day", as: Int.self)), place: try Lineage(row: row),
            organisation: try row.decode(column: "organisation", as: String.self), type: try row.decode(column: "type_code", as: String.self),
            kilograms: try row.decode(column: "kilograms", as: Int?.self), parcels: try row.decode(column: "parcels", as: Int?.self),
            reached: try row.decode(column: "reached", as: Int?.self), treated: try row.decode(column: "treated", as: Int?.self),
            description: try row.decode(column: "description", as: String?.self),
            externalId: try row.decode(column: "external_id", as: String?.self), key: try row.decode(column: "row_key", as: String.self)),
            recordedAt: try row.decode(column: "recorded_at", as: String?.self), recordedBy: try row.decode(column: "recorded_by", as: String?.self))
    }

    /// Actions summed by locality, type and organisation in the window: every aid figure starts here. An area, type or
    /// organisation narrows them as ``actions(window:area:type:organisation:after:limit:reportedBySeveral:)`` does.
    public func tallies(_ window: DateWindow, area: String? = nil, type: String? = nil, organisation: String? = nil) async throws -> [AidTally] {
        try await database.read { db in
            var query: SQLQueryString = """
                SELECT a.adm1, a.adm2, a.adm3, a.adm4, a.type_code, o.name AS organisation, CAST(COUNT(*) AS BIGINT) AS actions,
                       CAST(COALESCE(SUM(a.kilograms), 0) AS BIGINT) AS kilograms, CAST(COALESCE(SUM(a.parcels), 0) AS BIGINT) AS parcels,
                       CAST(COALESCE(SUM(a.reached), 0) AS BIGINT) AS reached, CAST(COALESCE(SUM(a.treated), 0) AS BIGINT) AS treated,
                       CAST(COUNT(a.kilograms) AS BIGINT) AS kilograms_by, CAST(COUNT(a.parcels) AS BIGINT) AS parcels_by,
                       CAST(COUNT(a.reached) AS BIGINT) AS reached_by, CAST(COUNT(a.treated) AS BIGINT) AS treated_by
                FROM aid_actions a JOIN organisations o ON o.id = a.organisation_id WHERE \(unsafeRaw: AidActionWriter.counted)
                """
            try await Self.narrow(&query, window: window, area: area, type: type, organisation: organisation, on: db)
            query += " GROUP BY a.adm1, a.adm2, a.adm3, a.adm4, a.type_code, o.name"
            let settlements = try await PlacesStore.finestLevel(on: db)
            let rows = try await db.raw(query).all()
            if let organisation, rows.isEmpty { try await OrganisationsStore.refuseOtherSpelling(organisation, on: db) }
            return try rows.map { row in
                AidTally(place: try Lineage(row: row), type: try row.decode(column: "type_code", as: String.self),
                         organisation: try row.decode(column: "organisation", as: String.self),
                         figures: AidFigures(actions: try row.decode(column: "actions", as: Int.self), kilograms: try row.decode(column: "kilograms", as: Int.self),
                                             parcels: try row.decode(column: "parcels", as: Int.self), reached: try row.decode(column: "reached", as: Int.self),
                                             treated: try row.decode(column: "treated", as: Int.self),
                                             reportedBy: AidReporting(kilograms: try row.decode(column: "kilograms_by", as: Int.self),
                                                                      parcels: try row.decode(column: "parcels_by", as: Int.self),
                                                                      reached: try row.decode(column: "reached_by", as: Int.self),
                                                                      treated: try row.decode(column: "treated_by", as: Int.self))),
                         settlementLevel: settlements)
            }
        }
    }

    public func summary(_ window: DateWindow, grouping: AidGrouping? = nil, area: String? = nil, type: String? = nil,
                        organisation: String? = nil) async throws -> AidSummary {
        if let grouping, let level = grouping.level { try await places.refuseAbsentLevel(level, field: "by", value: grouping.rawValue) }
        let gazetteer = try await places.gazetteer()
        return AidSummary(tallies: try await tallies(window, area: area, type: type, organisation: organisation), types: try await types(), from: window.from, to: window.to, grouping: grouping,
                          names: gazetteer.area)
    }
}

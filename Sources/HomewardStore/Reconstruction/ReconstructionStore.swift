import HomewardCore
import SQLKit

/// Reconstruction: the catalogue of facility kinds and the facility records (statuses reached on dates).
public struct ReconstructionStore: Sendable {
    let database: Database
    let places: PlacesStore

    public init(database: Database, places: PlacesStore) {
        self.database = database
        self.places = places
    }

    /// The kinds, in catalogue order (the seeded ones first, then those users added).
    public func kinds() async throws -> [FacilityKind] {
        try await database.read { db in
            try await db.raw("SELECT code, unit, name_en, name_ru, name_ar FROM facility_kinds ORDER BY position, code").all().map { row in
                let unit = try row.decode(column: "unit", as: String.self)
                return FacilityKind(code: try row.decode(column: "code", as: String.self),
                                    unit: FacilityUnit(rawValue: unit) ?? .items, nameEn: try row.decode(column: "name_en", as: String.self),
                                    nameRu: try row.decode(column: "name_ru", as: String?.self), nameAr: try row.decode(column: "name_ar", as: String?.self))
            }
        }
    }

    /// Adds a kind of facility to the catalogue.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` naming the field, or ``StoreError/conflict(_:)`` for a code or a name in use.
    @discardableResult
    public func addKind(_ kind: FacilityKind, by caller: Caller) async throws -> FacilityKind {
        let existing = try await kinds()
        let checked = try StoreError.refusing { () throws(FieldProblem) in try kind.checked(existing: existing) }
        try await database.write(by: caller, for: .reference) { write in
            try await write.sql.raw("""
                INSERT INTO facility_kinds (code, unit, name_en, name_ru, name_ar, position, created_at, created_by)
                SELECT \(bind: checked.code), \(bind: checked.unit.rawValue), \(bind: checked.nameEn), \(bind: checked.nameRu), \(bind: checked.nameAr),
                       COALESCE(MAX(position), 0) + 1, \(bind: write.timestamp), \(bind: write.caller.description) FROM facility_kinds WHERE 1 = 1
                ON CONFLICT (code) DO NOTHING
                """).run()
            try await write.audit("create", kind: "facility-kind", record: checked.code, after: checked)
        }
        return checked
    }

    /// Imports facility records through the one importer (`homeward import FILE --records facilities`).
    public func importFacilities(_ request: ImportRequest, from source: ByteSource, by caller: Caller,
                                 progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        let rules = FacilityRules(gazetteer: try await places.gazetteer(), kinds: try await kinds(), today: request.today,
                                  defaultOrganisation: request.organisation?.trimmingCharacters(in: .whitespaces),
                                  ledger: try await ledger(), vocabulary: request.vocabulary)
        return try await database.runImport(.facilities, request, from: source, by: caller, rules: rules, progress: progress) {
            FacilityWorkWriter(write: $0, importID: $1)
        }
    }

    /// Every stored record by key (damage too), for the import's warnings: a commissioning without a start, a facility that went back.
    private func ledger() async throws -> RestorationLedger {
        try await database.read { db in
            var ledger = RestorationLedger()
            for row in try await db.raw("""
                SELECT row_key, place_pcode, kind_code, status, day, quantity_tenths FROM facility_works
                """).all() {
                guard let status = FacilityStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
                ledger.record(.init(settlement: try row.decode(column: "place_pcode", as: String.self), kind: try row.decode(column: "kind_code", as: String.self)),
                              key: try row.decode(column: "row_key", as: String.self),
                              .init(day: Day(number: try row.decode(column: "day", as: Int.self)), status: status,
                                    tenths: try row.decode(column: "quantity_tenths", as: Int.self)))
            }
            return ledger
        }
    }

    /// What a list of facility records asks for; every condition optional.
    public struct Filter: Sendable {
        public var window: DateWindow
        /// A P-code at any level: records in it or inside it.
        public var area: String?
        public var kind: String?
        public var status: FacilityStatus?
        public var externalId: String?
        /// Only records still counted of a work under restoration or commissioned that another organisation reported alike
        /// (the same day, settlement, kind and status, in the window), as a statement counts them.
        public var reportedBySeveral: Bool

        public init(window: DateWindow = DateWindow(), area: String? = nil, kind: String? = nil, status: FacilityStatus? = nil, externalId: String? = nil,
                    reportedBySeveral: Bool = false) {
            self.window = window
            self.area = area
            self.kind = kind
            self.status = status
            self.externalId = externalId
            self.reportedBySeveral = reportedBySeveral
        }
    }

    /// Facility records in date order, `limit` at a time after the record with id `after`.
    public func works(_ filter: Filter, after: Int? = nil, limit: Int = 100) async throws -> [RecordedFacilityWork] {
        try await database.read { db in
            let area = try await KnownCodes.area(filter.area, on: db)
            try await KnownCodes.check(filter.kind, field: "kind", in: "facility_kinds", naming: "facility kind", on: db)
            var query: SQLQueryString = """
                SELECT w.id, w.day, w.adm1, w.adm2, w.adm3, w.adm4, w.kind_code, k.unit, w.status, w.quantity_tenths, o.name AS organisation,
                       w.external_id, w.row_key, w.recorded_at, w.recorded_by
                FROM facility_works w JOIN facility_kinds k ON k.code = w.kind_code JOIN organisations o ON o.id = w.organisation_id
                WHERE w.id > \(bind: after ?? 0)
                """
            if let from = filter.window.from { query += " AND w.day >= \(bind: from.number)" }
            if let to = filter.window.to { query += " AND w.day <= \(bind: to.number)" }
            if let area { query += " AND " + Lineage.within(area) }
            if let kind = filter.kind { query += " AND w.kind_code = \(bind: kind)" }
            if let status = filter.status { query += " AND w.status = \(bind: status.rawValue)" }
            if let id = filter.externalId { query += " AND w.external_id = \(bind: id)" }
            if filter.reportedBySeveral {
                // The works a statement counts (under restoration and commissioned), as its question lists them.
                let several = Stores.facilityWorks(kind: nil, statuses: [.underRestoration, .commissioned], from: filter.window.from, to: filter.window.to)
                    .reportedBySeveral(alike: Stores.worksAlike)
                query += " AND w.id IN (SELECT id FROM facility_works WHERE " + several.condition + ")"
            }
            query += " ORDER BY w.id LIMIT \(bind: limit)"
            return try await db.raw(query).all().map(Self.recordedWork)
        }
    }

    /// Every version of the facility record with `id`, those a correction replaced first; empty where none has it.
    public func history(ofWork id: Int) async throws -> [RecordVersion<RecordedFacilityWork>] {
        try await database.read { db in
            try await FacilityWorkWriter.table.versions(
                of: id, select: """
                    w.id, v.day, v.adm1, v.adm2, v.adm3, v.adm4, v.kind_code, k.unit, w.status, v.quantity_tenths, o.name AS organisation,
                    w.external_id, w.row_key
                    """,
                joins: "JOIN facility_kinds k ON k.code = v.kind_code JOIN organisations o ON o.id = w.organisation_id", on: db, decode: Self.recordedWork)
        }
    }

    /// The organisations whose records up to `through` count in the figures (none withdrawn), by name: a page of them names its
    /// sources, as the statement does.
    public func reporters(through: Day) async throws -> [String] {
        try await database.read { db in
            try await db.raw("""
                SELECT DISTINCT o.name FROM facility_works w JOIN organisations o ON o.id = w.organisation_id
                WHERE w.day <= \(bind: through.number) AND w.quantity_tenths > 0 ORDER BY o.name
                """).all(decodingColumn: "name", as: String.self)
        }
    }

    /// A facility record from a row of `works` or of a version.
    static func recordedWork(_ row: any SQLRow) throws -> RecordedFacilityWork {
        let work = FacilityWork(date: Day(number: try row.decode(column: "day", as: Int.self)), place: try Lineage(row: row),
                                kind: try row.decode(column: "kind_code", as: String.self),
                                status: FacilityStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .damaged,
                                tenths: try row.decode(column: "quantity_tenths", as: Int.self),
                                organisation: try row.decode(column: "organisation", as: String.self),
                                externalId: try row.decode(column: "external_id", as: String?.self),
                                key: try row.decode(column: "row_key", as: String.self))
        return RecordedFacilityWork(id: try row.decode(column: "id", as: Int.self), work: work,
                                    unit: FacilityUnit(rawValue: try row.decode(column: "unit", as: String.self)) ?? .items,
                                    recordedAt: try row.decode(column: "recorded_at", as: String?.self),
                                    recordedBy: try row.decode(column: "recorded_by", as: String?.self))
    }

    /// Quantities summed by settlement, kind, status and day, up to `through`: every reconstruction figure starts here.
    /// - Parameter byOrganisation: each organisation's apart (for the figures by organisation), where the others need none.
    public func tallies(through: Day, byOrganisation: Bool = false) async throws -> [FacilityTally] {
        try await database.read { db in
            let settlements = try await PlacesStore.finestLevel(on: db)
            let organisation = byOrganisation ? "o.name" : "''"
            return try await db.raw("""
                SELECT w.adm1, w.adm2, w.adm3, w.adm4, w.kind_code, w.status, w.day, \(unsafeRaw: organisation) AS organisation,
                       CAST(SUM(w.quantity_tenths) AS BIGINT) AS tenths
                FROM facility_works w JOIN organisations o ON o.id = w.organisation_id
                WHERE w.day <= \(bind: through.number) AND w.quantity_tenths > 0
                GROUP BY w.adm1, w.adm2, w.adm3, w.adm4, w.kind_code, w.status, w.day\(unsafeRaw: byOrganisation ? ", o.name" : "")
                """).all().compactMap { row in
                guard let status = FacilityStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
                return FacilityTally(place: try Lineage(row: row), kind: try row.decode(column: "kind_code", as: String.self), status: status,
                                     day: Day(number: try row.decode(column: "day", as: Int.self)), tenths: try row.decode(column: "tenths", as: Int.self),
                                     organisation: try row.decode(column: "organisation", as: String.self), settlementLevel: settlements)
            }
        }
    }

    /// Under restoration on `asOf`, commissioned from `from` (default: the first record) to `to` (default: `asOf`).
    public func summary(asOf: Day, from: Day? = nil, to: Day? = nil, grouping: ReconstructionGrouping? = nil) async throws -> ReconstructionSummary {
        try await summaries(asOf: asOf, from: from, to: to, groupings: [grouping])[0]
    }

    /// The same figures broken down each way asked, from one read of the records: a page's tables agree with each other.
    public func summaries(asOf: Day, from: Day? = nil, to: Day? = nil, groupings: [ReconstructionGrouping?]) async throws -> [ReconstructionSummary] {
        let end = to ?? asOf
        for case let grouping? in groupings { if let level = grouping.level { try await places.refuseAbsentLevel(level, field: "by", value: grouping.rawValue) } }
        let gazetteer = try await places.gazetteer()
        let tallies = try await tallies(through: max(asOf, end), byOrganisation: groupings.contains(.organisation)), kinds = try await kinds()
        return groupings.map { ReconstructionSummary(tallies: tallies, kinds: kinds, asOf: asOf, from: from, to: end, grouping: $0, names: gazetteer.area) }
    }
}

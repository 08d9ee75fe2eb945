import Foundation
import HomewardCore
import SQLKit

/// Headline figures as organisations stated them, the catalogue of what they measure, and how they compare.
public struct SourcesStore: Sendable {
    let database: Database
    let places: PlacesStore

    public init(database: Database, places: PlacesStore) {
        self.database = database
        self.places = places
    }

    /// The catalogue of measures, broadest first within each family.
    public func measures() async throws -> [Measure] {
        try await database.read { db in
            try await db.raw("SELECT code, name, name_ru, name_ar, within, ledger FROM source_measures ORDER BY code").all().map { row in
                Measure(code: try row.decode(column: "code", as: String.self), nameEn: try row.decode(column: "name", as: String.self),
                        nameRu: try row.decode(column: "name_ru", as: String.self), nameAr: try row.decode(column: "name_ar", as: String.self),
                        within: try row.decode(column: "within", as: String?.self), ledger: try row.decode(column: "ledger", as: String?.self))
            }
        }
    }

    /// Adds a measure to the catalogue; it may lie within a known one.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` or ``StoreError/conflict(_:)`` for a code in use.
    public func addMeasure(_ measure: Measure, by caller: Caller) async throws {
        let known = Set(try await measures().map(\.code))
        guard RecordCode.isValid(measure.code) else {
            throw StoreError.invalid(field: "code", value: measure.code, reason: "a measure's code is letters, digits and dashes, such as returns-registered")
        }
        guard !known.contains(measure.code) else { throw StoreError.conflict("a measure with code \(measure.code) exists already") }
        if let within = measure.within, !known.contains(within) {
            throw StoreError.invalid(field: "within", value: within, reason: "no measure has this code")
        }
        for (field, name) in [("name", measure.nameEn), ("name_ru", measure.nameRu), ("name_ar", measure.nameAr)]
        where !PlainName.isValid(name) {
            throw StoreError.invalid(field: field, value: name, reason: "a name of 1 to 200 characters")
        }
        try await database.write(by: caller, for: .reference) { write in
            try await write.sql.raw("""
                INSERT INTO source_measures (code, name, name_ru, name_ar, within, ledger, created_at, created_by)
                VALUES (\(bind: measure.code), \(bind: measure.nameEn), \(bind: measure.nameRu), \(bind: measure.nameAr),
                        \(bind: measure.within), NULL, \(bind: write.timestamp), \(bind: write.caller.description))
                """).run()
            try await write.audit("create", kind: "measure", record: measure.code, after: measure)
        }
    }

    /// Imports figures through the one importer (`homeward import FILE --records sources`).
    public func importFigures(_ request: ImportRequest, from source: ByteSource, by caller: Caller,
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        try await importFigures(request, from: source, by: caller, rules: try await rules(for: request), progress: progress)
    }

    private func importFigures(_ request: ImportRequest, from source: ByteSource, by caller: Caller, rules: SourceFigureRules,
                               progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        try await database.runImport(.sources, request, from: source, by: caller, rules: rules, progress: progress) {
            SourceFigureWriter(write: $0, importID: $1)
        }
    }

    /// Records one figure through the one importer, so that it meets the same rules as a file, and returns
    /// the summary and, unless it was refused, the figure's id (a new one, or the one it corrects or repeats).
    public func addFigure(_ fields: [SourceFigureField: String], _ request: ImportRequest, by caller: Caller) async throws -> (summary: ImportSummary, id: Int?) {
        let object = Dictionary(uniqueKeysWithValues: fields.compactMap { field, value in field.jsonKey.map { ($0, value) } })
        let json = try JSONSerialization.data(withJSONObject: object)
        // The rules as the import meets them, to find the figure it wrote by the identity they give it.
        var rules = try await rules(for: request)
        let summary = try await importFigures(request, from: .bytes(Array(json)), by: caller, rules: rules)
        guard summary.status != .error, !request.dryRun else { return (summary, nil) }
        let values = SourceFigureField.allCases.map { fields[$0] }
        let draft = ImportDraft<SourceFigureField>(row: 1, values: values, labels: SourceFigureField.allCases.map { $0.jsonKey ?? "" }, content: [])
        guard let figure = rules.check(draft).records.first else { return (summary, nil) }
        let id = try await database.read { db in
            try await db.raw("SELECT id FROM source_figures WHERE row_key = \(bind: figure.identity)").first(decodingColumn: "id", as: Int.self)
        }
        return (summary, id)
    }

    /// The rules as of now: the measures, the areas, and the figures a part may name as its total.
    func rules(for request: ImportRequest) async throws -> SourceFigureRules {
        let totals = try await database.read { db in
            try await db.raw("""
                SELECT f.id, f.reference, f.measure, f.area_pcode, o.name FROM source_figures f JOIN organisations o ON o.id = f.organisation_id
                WHERE f.value > 0 ORDER BY f.id
                """).all().flatMap { row -> [(String, SourceFigureRules.Total)] in
                let id = String(try row.decode(column: "id", as: Int.self))
                let organisation = try row.decode(column: "name", as: String.self)
                let total = SourceFigureRules.Total(organisation: organisation, measure: try row.decode(column: "measure", as: String.self))
                guard let reference = try row.decode(column: "reference", as: String?.self) else { return [(id, total)] }
                // The statement, and its figure of each measure and area (the area empty for the country).
                let area = try row.decode(column: "area_pcode", as: String?.self) ?? ""
                return [(id, total), ("\(organisation)|\(reference)", total), ("\(organisation)|\(reference)|\(total.measure)|\(area)", total)]
            }
        }
        let gazetteer = try await places.gazetteer()
        return SourceFigureRules(measures: try await measures(), areas: Set(gazetteer.areas.keys), today: request.today,
                                 defaultOrganisation: request.organisation?.trimmingCharacters(in: .whitespaces),
                                 totals: Dictionary(totals, uniquingKeysWith: { first, _ in first }), vocabulary: request.vocabulary)
    }

    /// Figures by statement date, optionally of some measures, or one by id (withdrawn or not: its history's current
    /// version). A figure withdrawn (given as 0) is in no list, comparison, check or statement.
    public func figures(measures: [String]? = nil, id: Int? = nil) async throws -> [SourceFigure] {
        try await database.read { db in
            for measure in measures ?? [] { try await KnownCodes.check(measure, field: "measure", in: "source_measures", naming: "measure", on: db) }
            var query: SQLQueryString = """
                SELECT f.id, o.name AS organisation, f.stated_day, f.measure, f.value, f.qualifier, f.kind, f.since_day, f.from_day, f.to_day,
                       f.area_pcode, f.citation, f.url, f.part_of, f.reference, f.recorded_at, f.recorded_by
                FROM source_figures f JOIN organisations o ON o.id = f.organisation_id
                """
            if let measures, measures.isEmpty { return [] }
            var conditions: [SQLQueryString] = []
            if let id { conditions.append("f.id = \(bind: id)") } else { conditions.append("f.value > 0") }
            if let measures { conditions.append("f.measure IN (\(binds: measures))") }
            for (index, condition) in conditions.enumerated() { query += index == 0 ? " WHERE \(condition)" : " AND \(condition)" }
            query += " ORDER BY f.stated_day, f.id"
            return try await db.raw(query).all().map(Self.figure)
        }
    }

    /// A measure's figures and its narrower measures' side by side over a window, with the ledger's own sum.
    /// - Parameter area: only the figures of this area (a P-code of any level), and the ledger's sum of the returns to it.
    public func compare(measure: String, window: DateWindow, area: String? = nil) async throws -> SourceComparison {
        let measures = try await measures()
        guard let asked = measures.first(where: { $0.code == measure }) else {
            throw StoreError.invalid(field: "measure", value: measure, reason: "no measure has this code; known: \(measures.map(\.code).joined(separator: ", "))")
        }
        var figures = try await figures(measures: Measure.family(of: measure, in: measures))
        if let area {
            guard try await database.read({ db in try await db.raw("SELECT 1 AS found FROM admin_areas WHERE pcode = \(bind: area)").first() }) != nil else {
                throw StoreError.invalid(field: "area", value: area, reason: "no area has this P-code")
            }
            figures = figures.filter { $0.area == area }
        }
        let ledger = try await asked.ledger.asyncMap { kind in
            let category = kind == "all" ? nil : MovementCategory(rawValue: kind)
            if let area { return try await ledgerSum(window: window, category: category, area: area) }
            return try await ledgerSum(window: window, category: category)
        }
        return SourceComparison(measure: measure, window: window, figures: figures, measures: measures, ledger: ledger, area: area)
    }

    /// Where the figures of one organisation do not add up.
    public func problems() async throws -> [SourceChecks.Problem] {
        SourceChecks.problems(in: try await figures())
    }

    static func figure(_ row: any SQLRow) throws -> SourceFigure {
        let qualifierText = try row.decode(column: "qualifier", as: String.self), kindText = try row.decode(column: "kind", as: String.self)
        guard let qualifier = Qualifier(rawValue: qualifierText), let kind = FigureKind(rawValue: kindText) else {
            throw StoreError.database("source_figures holds qualifier '\(qualifierText)', kind '\(kindText)'")
        }
        let since = try row.decode(column: "since_day", as: Int?.self), from = try row.decode(column: "from_day", as: Int?.self)
        let to = try row.decode(column: "to_day", as: Int?.self)
        let coverage: Coverage = if let from, let to { .period(Period(start: Day(number: from), end: Day(number: to))) }
            else { .cumulative(since: since.map(Day.init(number:))) }
        var figure = SourceFigure(id: try row.decode(column: "id", as: Int.self), organisation: try row.decode(column: "organisation", as: String.self),
                            date: Day(number: try row.decode(column: "stated_day", as: Int.self)), measure: try row.decode(column: "measure", as: String.self),
                            value: try row.decode(column: "value", as: Int.self), qualifier: qualifier, kind: kind, coverage: coverage,
                            area: try row.decode(column: "area_pcode", as: String?.self), citation: try row.decode(column: "citation", as: String?.self),
                            url: try row.decode(column: "url", as: String?.self), partOf: try row.decode(column: "part_of", as: Int?.self),
                            reference: try row.decode(column: "reference", as: String?.self))
        figure.recordedAt = try row.decode(column: "recorded_at", as: String?.self)
        figure.recordedBy = try row.decode(column: "recorded_by", as: String?.self)
        return figure
    }
}

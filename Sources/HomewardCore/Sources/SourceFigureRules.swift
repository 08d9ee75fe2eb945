/// The rules a source figure must pass: an organisation, a statement date not in the future, a known measure,
/// a whole number, a known qualifier and kind, one coverage at most, a known area, and a total it is part of
/// that exists.
public struct SourceFigureRules: ImportRules {
    public let measures: Set<String>
    public let areas: Set<String>
    public let today: Day
    public let defaultOrganisation: String?
    public let vocabulary: Vocabulary
    /// Ids of recorded figures, and `organisation|reference` of recorded and earlier rows, that a part may name.
    public private(set) var totals: Set<String>

    public init(measures: Set<String>, areas: Set<String>, today: Day, defaultOrganisation: String? = nil,
                totals: Set<String> = [], vocabulary: Vocabulary = .commandLine) {
        self.measures = measures
        self.areas = areas
        self.today = today
        self.defaultOrganisation = defaultOrganisation
        self.totals = totals
        self.vocabulary = vocabulary
    }

    public func organisation(of draft: ImportDraft<SourceFigureField>) -> String? { draft[.organisation] ?? defaultOrganisation }

    public mutating func check(_ draft: ImportDraft<SourceFigureField>) -> ImportOutcome<SourceFigure> { check(draft, counting: true) }

    /// Without adding the row's reference to the totals a later part may name.
    public mutating func checkWithoutCounting(_ draft: ImportDraft<SourceFigureField>) -> ImportOutcome<SourceFigure> { check(draft, counting: false) }

    private mutating func check(_ draft: ImportDraft<SourceFigureField>, counting: Bool) -> ImportOutcome<SourceFigure> {
        var checks = DraftChecks(draft, today: today)
        let organisation = organisation(of: draft)
        if organisation == nil {
            checks.fail(.organisation, Message("import.organisation.missing", ["via": vocabulary.argument]))
        }
        let date = checks.day(.date)
        let measure = checks.required(.measure, missing: Message("import.sources.measure.missing"))
        if let measure, !measures.contains(measure) {
            checks.fail(.measure, Message("import.sources.measure.unknown", ["known": .text(measures.sorted().joined(separator: ", "))]))
        }
        let value = checks.wholeNumber(.value, maximum: 1_000_000_000)
        let qualifier = Self.choice(&checks, .qualifier, default: Qualifier.exact)
        let kind = Self.choice(&checks, .kind, default: FigureKind.count)
        let coverage = Self.coverage(&checks)
        let area = draft[.area]
        if let area, !areas.contains(area) {
            checks.fail(.area, Message("import.area.unknown"))
        }
        let reference = draft[.reference]
        var partOf: Int?, partOfReference: String?
        if let total = draft[.partOf] {
            if let id = Int(total), totals.contains(String(id)) {
                partOf = id
            } else if let organisation, totals.contains("\(organisation)|\(total)") {
                partOfReference = total
            } else {
                checks.fail(.partOf, Message("import.sources.partOf.unknown"))
            }
        }
        guard !checks.isRejected, let organisation, let date, let measure, let value, let qualifier, let kind, let coverage else {
            return ImportOutcome(problems: checks.problems)
        }
        if counting, let reference { totals.insert("\(organisation)|\(reference)") }
        return ImportOutcome(records: [SourceFigure(organisation: organisation, date: date, measure: measure, value: value,
                                                    qualifier: qualifier, kind: kind, coverage: coverage, area: area,
                                                    citation: draft[.citation], url: draft[.url], partOf: partOf,
                                                    reference: reference, partOfReference: partOfReference)],
                             problems: checks.problems)
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ checks: inout DraftChecks<SourceFigureField>, _ field: SourceFigureField,
                                                                   default: T) -> T? where T.RawValue == String {
        guard let text = checks.draft[field] else { return `default` }
        guard let value = T(rawValue: text.lowercased()) else {
            checks.fail(field, Message("import.sources.choice.invalid", ["choices": .text(T.allCases.map(\.rawValue).joined(separator: ", "))]))
            return nil
        }
        return value
    }

    /// Cumulative since a day (or since records began when nothing is given), a period, or a year: one of them.
    private static func coverage(_ checks: inout DraftChecks<SourceFigureField>) -> Coverage? {
        let draft = checks.draft
        let given = [SourceFigureField.since, .from, .year].filter { draft[$0] != nil } + (draft[.from] == nil && draft[.to] != nil ? [.to] : [])
        if given.count > 1 {
            checks.fail(given[1], Message("import.sources.coverage.ambiguous"))
            return nil
        }
        if let text = draft[.year] {
            guard let year = Int(text), let coverage = Coverage.year(year) else {
                checks.fail(.year, Message("import.sources.year.invalid"))
                return nil
            }
            return coverage
        }
        if draft[.from] != nil || draft[.to] != nil {
            guard let fromText = draft[.from] else { checks.fail(.from, Message("import.sources.period.noStart")); return nil }
            guard let toText = draft[.to] else { checks.fail(.to, Message("import.sources.period.noEnd")); return nil }
            guard let from = Day(fromText) else { checks.fail(.from, Message("import.day.invalid")); return nil }
            guard from >= DraftChecks<SourceFigureField>.earliest else { checks.fail(.from, DraftChecks<SourceFigureField>.tooEarly); return nil }
            guard let to = Day(toText) else { checks.fail(.to, Message("import.day.invalid")); return nil }
            guard to >= from else { checks.fail(.to, Message("import.date.endBeforeStart", ["start": .day(from)])); return nil }
            return .period(Period(start: from, end: to))
        }
        if let text = draft[.since] {
            guard let since = Day(text) else { checks.fail(.since, Message("import.day.invalid")); return nil }
            return .cumulative(since: since)
        }
        return .cumulative(since: nil)
    }
}

/// The rules a source figure must pass: an organisation, a statement date not in the future, a known measure,
/// a whole number, a known qualifier and kind, one coverage at most, a known area, and a total it is part of
/// that exists, is the same organisation's, and measures the same or a broader thing.
public struct SourceFigureRules: ImportRules {
    /// A figure a part may name: whose it is and what it measures, since a part adds up only with its own organisation's
    /// total of a measure that holds it.
    public struct Total: Hashable, Sendable {
        public var organisation: String
        public var measure: String
        public init(organisation: String, measure: String) {
            self.organisation = organisation
            self.measure = measure
        }
    }

    public let measures: Set<String>
    /// The measures with their nesting (``Measure/within``): a part's measure is its total's or one of its family.
    let catalogue: [Measure]
    public let areas: Set<String>
    public let today: Day
    public let defaultOrganisation: String?
    public let vocabulary: Vocabulary
    /// Recorded figures by id, recorded and earlier rows by `organisation|reference|measure|area` (the area empty for the
    /// country), and the first of each statement by `organisation|reference`, that a part may name.
    public private(set) var totals: [String: Total]

    public init(measures: [Measure], areas: Set<String>, today: Day, defaultOrganisation: String? = nil,
                totals: [String: Total] = [:], vocabulary: Vocabulary = .commandLine) {
        self.measures = Set(measures.map(\.code))
        catalogue = measures
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
        // A measure's code in another letter case (Returns) is the measure, as a site's or a crossing's code is.
        let measure = checks.required(.measure, missing: Message("import.sources.measure.missing")).map { written in
            measures.contains(written) ? written : measures.first { $0.lowercased() == written.lowercased() } ?? written
        }
        if let measure, !measures.contains(measure) {
            checks.fail(.measure, Message("import.sources.measure.unknown", ["known": .text(measures.sorted().joined(separator: ", "))]))
        }
        let value = checks.wholeNumber(.value, maximum: 1_000_000_000)
        let qualifier = Self.choice(&checks, .qualifier, default: Qualifier.exact, words: "sources.qualifier.")
        let kind = Self.choice(&checks, .kind, default: FigureKind.count, words: "sources.kind.")
        let coverage = Self.coverage(&checks)
        let area = draft[.area]
        if let area, !areas.contains(area) {
            checks.fail(.area, Message("import.area.unknown"))
        }
        let reference = draft[.reference]
        var partOf: Int?, partOfReference: String?, partOfMeasure: String?, partOfArea: String?
        if let total = draft[.partOf] {
            var named: Total?
            // The organisation's own statement first: a reference written as a number ("3") is its, not figure 3.
            if let organisation, let statement = totals["\(organisation)|\(total)"] {
                // A statement gives several measures and areas: the part is of its nearest broader measure in the part's own
                // area, else of the country's figure of a broader measure or its own (an area's figure is part of the
                // country's); never of a figure of its own measure and area, which may be the part itself.
                partOfReference = total
                let broader = measure.map { Measure.broader(than: $0, in: catalogue) } ?? []
                var candidates = broader.map { ($0, area ?? "") }
                if area != nil, let measure { candidates += (broader + [measure]).map { ($0, "") } }
                let found = candidates.first { totals["\(organisation)|\(total)|\($0.0)|\($0.1)"] != nil }
                (partOfMeasure, partOfArea) = (found?.0, found.flatMap { $0.1.isEmpty ? nil : $0.1 })
                named = partOfMeasure.map { Total(organisation: organisation, measure: $0) } ?? statement
            } else if let id = Int(total), let found = totals[String(id)] {
                partOf = id
                named = found
            } else {
                checks.fail(.partOf, Message("import.sources.partOf.unknown"))
            }
            // The parts of a total are its own organisation's, of the measure or one within it: figures of two
            // organisations are never added together.
            if let named, let organisation, named.organisation != organisation {
                checks.fail(.partOf, Message("import.sources.partOf.otherOrganisation", ["organisation": .text(named.organisation)]))
            } else if let named, let measure, !Measure.family(of: named.measure, in: catalogue).contains(measure) {
                checks.fail(.partOf, Message("import.sources.partOf.broader", ["measure": .code(named.measure)]))
            }
        }
        // A count or an estimate is of what happened by the day it was stated; only a projection looks beyond it. A period
        // given by its end is warned of; a year is often stated while under way ("in 2018", on 15 August 2018).
        if let date, let kind, kind != .projection, case .period(let period)? = coverage, period.start > date {
            // A period (or year) that starts after the statement counts nothing yet: a date typed wrongly, or a projection.
            checks.fail(draft[.year] != nil ? .year : draft[.from] != nil ? .from : .to, Message("import.sources.period.startsAfterStatement", ["date": .day(date)]))
        } else if let date, let kind, kind != .projection, draft[.to] != nil, case .period(let period)? = coverage, period.end > date {
            checks.fail(.to, Message("import.sources.period.afterStatement", ["date": .day(date)]), warning: true)
        }
        // A total since a day after it was stated counts nothing yet: a date typed wrongly, refused rather than shown.
        if let date, let kind, kind != .projection, case .cumulative(let since?)? = coverage, since > date {
            checks.fail(.since, Message("import.sources.since.afterStatement", ["date": .day(date)]))
        }
        guard !checks.isRejected, let organisation, let date, let measure, let value, let qualifier, let kind, let coverage else {
            return ImportOutcome(problems: checks.problems)
        }
        if counting, let reference {
            let total = Total(organisation: organisation, measure: measure)
            totals["\(organisation)|\(reference)|\(measure)|\(area ?? "")"] = total
            if totals["\(organisation)|\(reference)"] == nil { totals["\(organisation)|\(reference)"] = total }
        }
        return ImportOutcome(records: [SourceFigure(organisation: organisation, date: date, measure: measure, value: value,
                                                    qualifier: qualifier, kind: kind, coverage: coverage, area: area,
                                                    citation: draft[.citation], url: draft[.url], partOf: partOf,
                                                    reference: reference, partOfReference: partOfReference, partOfMeasure: partOfMeasure,
                                                    partOfArea: partOfArea)],
                             problems: checks.problems)
    }

    /// Each choice's words in the three languages, as the pages write them ("более", "أكثر من"), by their folded form: a
    /// partner's file in Russian or Arabic writes its qualifier so.
    private static let spoken: [String: String] = {
        var words: [String: String] = [:]
        let choices = [("sources.qualifier.", Qualifier.allCases.map(\.rawValue)), ("sources.kind.", FigureKind.allCases.map(\.rawValue))]
        for language in Language.allCases {
            guard let catalogue = try? Catalogue.bundled(language) else { continue }
            for (prefix, codes) in choices {
                for code in codes { words[prefix + Gazetteer.fold(catalogue.text(prefix + code))] = code }
            }
        }
        return words
    }()

    private static func choice<T: RawRepresentable & CaseIterable>(_ checks: inout DraftChecks<SourceFigureField>, _ field: SourceFigureField,
                                                                   default: T, words prefix: String) -> T? where T.RawValue == String {
        guard let text = checks.draft[field] else { return `default` }
        // "more than", "More_Than" and "more-than" are one qualifier, as a spreadsheet's users write it; so are "более" and "أكثر من".
        let written = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: "-")
        guard let value = T(rawValue: written) ?? spoken[prefix + Gazetteer.fold(text)].flatMap(T.init(rawValue:)) else {
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
            guard let year = MovementRules.wholeNumber(text), DateWindow.years.contains(year), let coverage = Coverage.year(year) else {
                checks.fail(.year, Message("import.sources.year.invalid"))
                return nil
            }
            return coverage
        }
        if draft[.from] != nil || draft[.to] != nil {
            guard let fromText = draft[.from] else { checks.fail(.from, Message("import.sources.period.noStart")); return nil }
            guard let toText = draft[.to] else { checks.fail(.to, Message("import.sources.period.noEnd")); return nil }
            guard let from = Day(fromText) else { checks.fail(.from, Message("import.day.invalid")); return nil }
            guard checks.notTooEarly(from, .from) else { return nil }
            guard let to = Day(toText) else { checks.fail(.to, Message("import.day.invalid")); return nil }
            guard to >= from else { checks.fail(.to, Message("import.date.endBeforeStart", ["start": .day(from)])); return nil }
            return .period(Period(start: from, end: to))
        }
        if let text = draft[.since] {
            guard let since = Day(text) else { checks.fail(.since, Message("import.day.invalid")); return nil }
            guard checks.notTooEarly(since, .since) else { return nil }
            return .cumulative(since: since)
        }
        return .cumulative(since: nil)
    }
}

/// Arithmetic that a set of stated figures should obey, and where it does not: parts that do not add up to
/// their total, a cumulative figure that falls below an earlier one of the same organisation, a week's figure
/// that differs from the change between two cumulative figures a week apart, an area's figure above the country's, two
/// figures of the same days stated on one day that cannot both be right.
///
/// Only figures of one organisation are held against each other: two organisations that disagree are not a
/// problem to report, they are what the comparison shows.
public enum SourceChecks {
    public enum Kind: String, Sendable, Codable {
        case partsDoNotAddUp = "parts-do-not-add-up"
        case cumulativeFalls = "cumulative-falls"
        case weekDiffers = "week-differs"
        case areaAboveCountry = "area-above-country"
        case figuresContradict = "figures-contradict"
    }

    public struct Problem: Hashable, Sendable {
        public var kind: Kind
        /// The figures involved, by id.
        public var figures: [Int]
        /// Whose figures they are: every check is of one organisation's figures against each other.
        public var organisation: String
        public var message: Message
    }

    public static func problems(in figures: [SourceFigure]) -> [Problem] {
        let recorded = figures.filter { $0.id != nil && $0.kind != .projection }
        return partsThatDoNotAddUp(recorded) + cumulativesThatFall(recorded) + weeksThatDiffer(recorded) + areasAboveCountry(recorded)
            + figuresThatContradict(recorded)
    }

    /// One organisation's figures of the same measure, kind, place and days, stated on the same day, that cannot all be right
    /// ("more than 9,600" beside "about 9,200" for one week): another organisation's would be a disagreement the comparison
    /// shows, the same organisation's is a slip to mend. Stated on different days, they are its revisions, not this.
    static func figuresThatContradict(_ figures: [SourceFigure]) -> [Problem] {
        let alike = Dictionary(grouping: figures) { figure in
            let span = figure.coverage.span(statedOn: figure.date)
            return [figure.organisation, figure.measure, figure.kind.rawValue, figure.area ?? "", span.from?.description ?? "", span.to.description,
                    figure.date.description]
        }
        return alike.values.compactMap { group -> Problem? in
            guard group.count > 1, !SourceComparison.canAllHold(group) else { return nil }
            let sorted = group.sorted { ($0.value, $0.id!) < ($1.value, $1.id!) }
            return Problem(kind: .figuresContradict, figures: sorted.map { $0.id! }, organisation: sorted[0].organisation,
                           message: Message("sources.check.contradict", ["low": .count(sorted.first!.value), "high": .count(sorted.last!.value)]))
        }.sorted { $0.figures.lexicographicallyPrecedes($1.figures) }
    }

    /// An area's figure above its organisation's figure for the whole country, of the same measure, kind and days, where no
    /// `part_of` links them (linked, the parts' check holds them): a governorate cannot count more than the country it lies in.
    static func areasAboveCountry(_ figures: [SourceFigure]) -> [Problem] {
        let alike = Dictionary(grouping: figures) { figure in
            let span = figure.coverage.span(statedOn: figure.date)
            return [figure.organisation, figure.measure, figure.kind.rawValue, span.from?.description ?? "", span.to.description]
        }
        return alike.values.flatMap { group -> [Problem] in
            let countries = group.filter { $0.area == nil }
            return group.filter { $0.area != nil }.flatMap { area in
                countries.compactMap { country -> Problem? in
                    guard area.partOf != country.id, let most = country.qualifier.bounds(country.value).high,
                          area.qualifier.bounds(area.value).low > most else { return nil }
                    return Problem(kind: .areaAboveCountry, figures: [country.id!, area.id!], organisation: area.organisation,
                                   message: Message("sources.check.areaAboveCountry", ["area": .code(area.area!), "areaFigure": .count(area.value),
                                                                                       "country": .count(country.value)]))
                }
            }
        }.sorted { $0.figures.lexicographicallyPrecedes($1.figures) }
    }

    /// A total's parts of one kind: its breakdown by narrower measure (refugees and IDPs of returns), country-wide, or by
    /// area. The two overlap (Homs's returns hold IDPs), so each is held against the total alone, never added to the other.
    /// Parts may come to more than the total in neither; fewer only in a breakdown by measure of two parts or more, which
    /// a statement gives whole ("1,490,739, of whom 1,241,212 IDPs and 249,527 refugees"): a few governorates' figures
    /// beside the country's, or one measure's, are a partial breakdown, not a shortfall.
    static func partsThatDoNotAddUp(_ figures: [SourceFigure]) -> [Problem] {
        let parts = Dictionary(grouping: figures.filter { $0.partOf != nil }, by: { $0.partOf! })
        return figures.flatMap { total -> [Problem] in
            guard let id = total.id, let parts = parts[id]?.sorted(by: { $0.id! < $1.id! }) else { return [] }
            // An area's part of a narrower measure (Homs's IDPs) overlaps that area's own figure: only the total's own measure
            // is summed by area; a breakdown by measure is whole when it gives two measures or more, not two figures of one.
            let inArea = { (part: SourceFigure) in part.area != nil && part.area != total.area }
            // One figure of each measure or area, the last given: a count and an estimate of one measure are not two parts.
            let last = { (group: [SourceFigure], key: (SourceFigure) -> String) in
                Dictionary(grouping: group, by: key).values.compactMap { $0.max { $0.id! < $1.id! } }.sorted { $0.id! < $1.id! }
            }
            let byArea = last(parts.filter { inArea($0) && $0.measure == total.measure }) { $0.area ?? "" }
            let byMeasure = last(parts.filter { !inArea($0) }) { $0.measure }
            return [(byMeasure, byMeasure.count > 1), (byArea, false)].compactMap { parts, whole in
                parts.isEmpty ? nil : problem(total: total, id: id, parts: parts, whole: whole)
            }
        }.sorted { $0.figures.first! < $1.figures.first! }
    }

    private static func problem(total: SourceFigure, id: Int, parts: [SourceFigure], whole wholeBreakdown: Bool) -> Problem? {
        let sum = parts.reduce(0) { $0 + $1.value }
        // "At least 1,241,212" as part of "more than 150,000" agrees: only bounds that cannot meet disagree.
        let bounds = parts.map { $0.qualifier.bounds($0.value) }
        let low = bounds.reduce(0) { $0 + $1.low }
        let high = bounds.allSatisfy { $0.high != nil } ? bounds.reduce(0) { $0 + $1.high! } : nil
        let whole = total.qualifier.bounds(total.value)
        let figures = [id] + parts.map { $0.id! }
        let exact = ([total] + parts).allSatisfy(\.isPoint)
        if let most = whole.high, low > most {
            // Bounds are named as bounds: "add up to 1,000, not to the total of 1,000" said nothing of "up to".
            return Problem(kind: .partsDoNotAddUp, figures: figures, organisation: total.organisation, message: exact
                ? Message("sources.check.partsDoNotAddUp", ["total": .count(total.value), "sum": .count(sum), "parts": .count(parts.count)])
                : Message("sources.check.partsAboveTotal", ["least": .count(low), "most": .count(most)]))
        }
        guard wholeBreakdown, let most = high, most < whole.low else { return nil }
        return Problem(kind: .partsDoNotAddUp, figures: figures, organisation: total.organisation, message: exact
            ? Message("sources.check.partsDoNotAddUp", ["total": .count(total.value), "sum": .count(sum), "parts": .count(parts.count)])
            : Message("sources.check.partsBelowTotal", ["most": .count(most), "least": .count(whole.low)]))
    }

    /// Cumulative series: one organisation, measure, start, area and kind, in statement order: an estimate followed by a
    /// lower count is an estimate put right, not a total that fell.
    static func series(_ figures: [SourceFigure]) -> [[SourceFigure]] {
        Dictionary(grouping: figures.filter(\.coverage.isCumulative)) { [$0.organisation, $0.measure, $0.coverage.key, $0.area ?? "", $0.kind.rawValue] }
            .values.map { $0.sorted { ($0.date, $0.id!) < ($1.date, $1.id!) } }
            .sorted { $0[0].id! < $1[0].id! }
    }

    /// Each figure that can only be below the least an earlier figure of its series may be (the first of equal ones),
    /// found in one pass: the greatest lower bound is carried along as the days go by. Bounds that may meet are no fall:
    /// "at least 140,000" after 150,000 may be 150,000 or more; "less than 1,000" after "more than 1,000" cannot.
    static func cumulativesThatFall(_ figures: [SourceFigure]) -> [Problem] {
        series(figures).flatMap { series in
            var highest: (figure: SourceFigure, low: Int)?, counted = 0
            return series.map { later -> Problem? in
                while series[counted].date < later.date {
                    let low = series[counted].qualifier.bounds(series[counted].value).low
                    if highest.map({ $0.low < low }) ?? true { highest = (series[counted], low) }
                    counted += 1
                }
                guard let (earlier, least) = highest, let most = later.qualifier.bounds(later.value).high, most < least else { return nil }
                // Each figure as its organisation stated it ("more than 1,490,739"), not the bound it gives ("1,490,740"):
                // readers look for the figure in the report.
                let exact = earlier.isPoint && later.isPoint
                return Problem(kind: .cumulativeFalls, figures: [earlier.id!, later.id!], organisation: later.organisation, message: Message(
                    exact ? "sources.check.cumulativeFalls" : "sources.check.cumulativeFallsBounds",
                    ["earlier": .count(earlier.value), "earlierDate": .day(earlier.date), "earlierQualifier": .code(earlier.qualifier.rawValue),
                     "later": .count(later.value), "laterDate": .day(later.date), "laterQualifier": .code(later.qualifier.rawValue)]))
            }.compactMap { $0 }
        }
    }

    /// A week's figure against each cumulative series of its organisation, measure and area (one per start) that
    /// states both the day before the week and its last day.
    static func weeksThatDiffer(_ figures: [SourceFigure]) -> [Problem] {
        let cumulative = Dictionary(grouping: series(figures)) { [$0[0].organisation, $0[0].measure, $0[0].area ?? ""] }
        return figures.flatMap { week -> [Problem] in
            guard case .period(let period) = week.coverage, period.end.number - period.start.number == 6 else { return [] }
            return (cumulative[[week.organisation, week.measure, week.area ?? ""]] ?? []).compactMap { series in
                guard let before = series.last(where: { $0.date == period.start.adding(days: -1) }),
                      let after = series.last(where: { $0.date == period.end }) else { return nil }
                let change = after.value - before.value
                guard change != week.value else { return nil }
                // By their qualifiers, the change may be any number from its least to its most: a week "of at least 500"
                // beside a rise of 1,000 agrees. Only bounds that cannot meet disagree.
                let (b, a, w) = (before.qualifier.bounds(before.value), after.qualifier.bounds(after.value), week.qualifier.bounds(week.value))
                let least = b.high.map { a.low - $0 }, most = a.high.map { $0 - b.low }
                let apart = (most.map { w.low > $0 } ?? false) || (w.high.flatMap { high in least.map { high < $0 } } ?? false)
                guard apart else { return nil }
                return Problem(kind: .weekDiffers, figures: [week.id!, before.id!, after.id!], organisation: week.organisation,
                               message: Message("sources.check.weekDiffers", ["week": .count(week.value), "change": .change(change)]))
            }
        }
    }
}

extension SourceChecks.Problem: Encodable {
    enum CodingKeys: String, CodingKey { case kind, figures, organisation, code, detail }

    /// `detail` in English; ``written(in:)`` in another language.
    public func encode(to encoder: any Encoder) throws {
        try written(in: .english).encode(to: encoder)
    }

    /// The problem with its `detail` in `catalogue`'s language, as the API answers a reader of another (`code` the same).
    public func written(in catalogue: Catalogue) -> Written {
        Written(problem: self, catalogue: catalogue)
    }

    public struct Written: Encodable {
        let problem: SourceChecks.Problem
        let catalogue: Catalogue

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(problem.kind, forKey: .kind)
            try c.encode(problem.figures, forKey: .figures)
            try c.encode(problem.organisation, forKey: .organisation)
            try c.encode(problem.message.key, forKey: .code)
            try c.encode(catalogue.text(problem.message), forKey: .detail)
        }
    }
}

private extension SourceFigure {
    /// Whether the figure stands for its number alone (exact, or about it): its problems are told in its numbers.
    var isPoint: Bool { qualifier.bounds(value) == (value, value) }
}

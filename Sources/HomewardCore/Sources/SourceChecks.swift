/// Arithmetic that a set of stated figures should obey, and where it does not: parts that do not add up to
/// their total, a cumulative figure that falls below an earlier one of the same organisation, a week's figure
/// that differs from the change between two cumulative figures a week apart.
///
/// Only figures of one organisation are held against each other: two organisations that disagree are not a
/// problem to report, they are what the comparison shows.
public enum SourceChecks {
    public enum Kind: String, Sendable, Codable {
        case partsDoNotAddUp = "parts-do-not-add-up"
        case cumulativeFalls = "cumulative-falls"
        case weekDiffers = "week-differs"
    }

    public struct Problem: Hashable, Sendable {
        public var kind: Kind
        /// The figures involved, by id.
        public var figures: [Int]
        public var message: Message
    }

    public static func problems(in figures: [SourceFigure]) -> [Problem] {
        let recorded = figures.filter { $0.id != nil && $0.kind != .projection }
        return partsThatDoNotAddUp(recorded) + cumulativesThatFall(recorded) + weeksThatDiffer(recorded)
    }

    static func partsThatDoNotAddUp(_ figures: [SourceFigure]) -> [Problem] {
        let parts = Dictionary(grouping: figures.filter { $0.partOf != nil }, by: { $0.partOf! })
        return figures.compactMap { total in
            guard let id = total.id, let parts = parts[id]?.sorted(by: { $0.id! < $1.id! }) else { return nil }
            let sum = parts.reduce(0) { $0 + $1.value }
            // "At least 1,241,212" as part of "more than 150,000" agrees: only bounds that cannot meet disagree.
            let bounds = parts.map { $0.qualifier.bounds($0.value) }
            let low = bounds.reduce(0) { $0 + $1.low }
            let high = bounds.allSatisfy { $0.high != nil } ? bounds.reduce(0) { $0 + $1.high! } : nil
            let whole = total.qualifier.bounds(total.value)
            guard whole.high.map({ low > $0 }) == true || high.map({ $0 < whole.low }) == true else { return nil }
            return Problem(kind: .partsDoNotAddUp, figures: [id] + parts.map { $0.id! },
                           message: Message("sources.check.partsDoNotAddUp", ["total": .count(total.value), "sum": .count(sum),
                                                                              "parts": .count(parts.count)]))
        }.sorted { $0.figures.first! < $1.figures.first! }
    }

    /// Cumulative series: one organisation, measure, start and area, in statement order.
    static func series(_ figures: [SourceFigure]) -> [[SourceFigure]] {
        Dictionary(grouping: figures.filter(\.coverage.isCumulative)) { [$0.organisation, $0.measure, $0.coverage.key, $0.area ?? ""] }
            .values.map { $0.sorted { ($0.date, $0.id!) < ($1.date, $1.id!) } }
            .sorted { $0[0].id! < $1[0].id! }
    }

    /// Each figure below the highest of its series stated on an earlier day (the first of equal ones), found in one
    /// pass: the highest is carried along as the days go by.
    static func cumulativesThatFall(_ figures: [SourceFigure]) -> [Problem] {
        series(figures).flatMap { series in
            var highest: SourceFigure?, counted = 0
            return series.map { later -> Problem? in
                while series[counted].date < later.date {
                    if highest.map({ $0.value < series[counted].value }) ?? true { highest = series[counted] }
                    counted += 1
                }
                // Bounds that may meet are no fall: "at least 140,000" after 150,000 may be 150,000 or more.
                guard let highest, later.value < highest.value,
                      let laterHigh = later.qualifier.bounds(later.value).high, laterHigh < highest.qualifier.bounds(highest.value).low else { return nil }
                return Problem(kind: .cumulativeFalls, figures: [highest.id!, later.id!],
                               message: Message("sources.check.cumulativeFalls", ["earlier": .count(highest.value), "earlierDate": .day(highest.date),
                                                                                 "later": .count(later.value), "laterDate": .day(later.date)]))
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
                return Problem(kind: .weekDiffers, figures: [week.id!, before.id!, after.id!],
                               message: Message("sources.check.weekDiffers", ["week": .count(week.value), "change": .change(change)]))
            }
        }
    }
}

extension SourceChecks.Problem: Encodable {
    enum CodingKeys: String, CodingKey { case kind, figures, code, detail }

    /// `detail` in English: the command line and the API write it in another language when asked.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(figures, forKey: .figures)
        try c.encode(message.key, forKey: .code)
        try c.encode(Catalogue.english.text(message), forKey: .detail)
    }
}

/// Every organisation's figures for a measure and its narrower measures over a window, side by side, with the
/// ledger's own figure as one more row.
///
/// Nothing is summed, merged, adjusted or picked: a figure that covers another period than the window is
/// shown and marked. Projections are listed apart and left out of the spread.
public struct SourceComparison: Sendable {
    /// One figure as stated, and whether it covers exactly the window asked.
    public struct Row: Hashable, Sendable {
        public var figure: SourceFigure
        public var matchesWindow: Bool
    }

    /// The ledger's own sum for the same measure and window, with how many records and organisations it sums.
    public struct LedgerFigure: Hashable, Sendable, Codable {
        public var value: Int
        public var records: Int
        public var organisations: Int

        public init(value: Int, records: Int, organisations: Int) {
            self.value = value
            self.records = records
            self.organisations = organisations
        }
    }

    /// The smallest and largest figure shown (counts and estimates) of one scope (the country's where several are shown),
    /// who stated each, how far apart they are and how many times the one is the other: a disagreement is told by its
    /// ends, not by two numbers a reader must look up.
    public struct Spread: Hashable, Sendable, Encodable {
        public var min: Int
        public var max: Int
        public var ratio: Ratio?
        /// The figures at either end: of several alike, the first recorded at the low end, the last at the high end.
        public var minFigure: SourceFigure
        public var maxFigure: SourceFigure
        /// The last day the figures cover (a cumulative figure: the day it was stated).
        public var through: Day?
        /// The area all the figures are of; `nil` for the country's, or figures of several scopes.
        public var area: String?

        init?(_ rows: [Row], through: Day? = nil) {
            // Of equal figures, the first recorded at the low end and the last at the high end: two organisations that agree
            // are two ends, not one figure named twice.
            let order = { (a: Row, b: Row) in (a.figure.value, a.figure.id ?? 0) < (b.figure.value, b.figure.id ?? 0) }
            guard rows.count > 1, let low = rows.min(by: order), let high = rows.max(by: order) else { return nil }
            (min, max, minFigure, maxFigure, self.through) = (low.figure.value, high.figure.value, low.figure, high.figure, through)
            area = Set(rows.map(\.figure.area)).count == 1 ? rows[0].figure.area : nil
            ratio = Ratio(max, over: min)
        }

        /// An end as the answer names it: the figure's id, organisation, qualifier and day.
        struct End: Encodable, Hashable {
            var id: Int?
            var organisation: String
            var qualifier: String
            var date: Day
            init(_ figure: SourceFigure) { (id, organisation, qualifier, date) = (figure.id, figure.organisation, figure.qualifier.rawValue, figure.date) }
        }

        enum CodingKeys: String, CodingKey { case min, max, ratio, gap, through, area, minFigure = "min_figure", maxFigure = "max_figure" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(min, forKey: .min)
            try c.encode(max, forKey: .max)
            try c.encode(ratio, forKey: .ratio)
            try c.encode(max - min, forKey: .gap)
            try c.encode(through, forKey: .through)
            try c.encode(area, forKey: .area)
            try c.encode(End(minFigure), forKey: .minFigure)
            try c.encode(End(maxFigure), forKey: .maxFigure)
        }
    }

    public var measure: String
    public var window: DateWindow
    public var figures: [Row]
    public var projections: [Row]
    public var ledger: LedgerFigure?
    public var spread: Spread?
    /// The area asked: the ledger's sum is of its returns; `nil` for the whole country's (beside figures of any area).
    public var area: String?
    /// The spread of like with like: the figures of the measure asked (not its narrower ones) that cover the window and
    /// the same days and place, from two organisations or more; `nil` unless they disagree. Where ``spread`` runs across nested measures and periods,
    /// and so shows how far apart figures that are all right can be, this one is a disagreement.
    public var sameMeasureSpread: Spread?
    /// Every set of like figures that disagree, of any scope and any measure shown: ``sameMeasureSpread`` is the latest
    /// of them alone, and a governorate's disagreement hid behind the country's.
    public var disagreements: [SourceDisagreement]

    /// Whether one number can be what every figure says, each by its qualifier ("more than 1,490,739", "about 500,000").
    static func canAllHold(_ figures: [SourceFigure]) -> Bool {
        let bounds = figures.map { $0.qualifier.bounds($0.value) }
        let low = bounds.map(\.low).max() ?? 0
        let high = bounds.compactMap(\.high).min()
        return high.map { low <= $0 } ?? true
    }

    /// Whether a figure speaks to the window: a cumulative figure stated in it, or a period that overlaps it.
    static func concerns(_ figure: SourceFigure, _ window: DateWindow) -> Bool {
        let (from, to) = switch figure.coverage {
        case .cumulative: (figure.date, figure.date)
        case .period(let period): (period.start, period.end)
        }
        if let end = window.to, from > end { return false }
        if let start = window.from, to < start { return false }
        return true
    }

    /// - Parameters:
    ///   - figures: any figures; those of other measures, or outside the window, are left out here.
    ///   - measures: the catalogue, for which measures lie within `measure`.
    ///   - area: the area asked, whose figures alone are given and whose returns the ledger's sum is; `nil` for every
    ///     figure beside the whole country's sum.
    public init(measure: String, window: DateWindow, figures: [SourceFigure], measures: [Measure], ledger: LedgerFigure?, area: String? = nil) {
        self.measure = measure
        self.area = area
        self.window = window
        self.ledger = ledger
        let family = Measure.family(of: measure, in: measures)
        let rank = Dictionary(uniqueKeysWithValues: family.enumerated().map { ($1, $0) })
        let shown = figures.filter { rank[$0.measure] != nil && Self.concerns($0, window) }.sorted { a, b in
            (rank[a.measure]!, a.organisation, a.date.number, a.id ?? 0) < (rank[b.measure]!, b.organisation, b.date.number, b.id ?? 0)
        }.map { Row(figure: $0, matchesWindow: $0.coverage.matches(window, statedOn: $0.date)) }
        self.figures = shown.filter { $0.figure.kind != .projection }
        disagreements = SourceDisagreement.find(in: self.figures.map(\.figure))
        projections = shown.filter { $0.figure.kind == .projection }
        // Like scope with like: a governorate's figure is no disagreement with the country's. Where figures of several scopes
        // are shown, the spreads are of the country-wide ones.
        let compared = Set(self.figures.map(\.figure.area)).count <= 1 ? self.figures : self.figures.filter { $0.figure.area == nil }
        // Of two figures or more: one figure is apart from nothing; an organisation's revised statement is none of them.
        spread = Spread(SourceFigure.latestStatements(compared, of: \.figure))
        // Like with like: the latest disagreement of the measure asked over the window's own days, the country's first.
        sameMeasureSpread = disagreements.lazy
            .filter { $0.measure == measure && $0.figures.allSatisfy { $0.coverage.matches(window, statedOn: $0.date) } }
            .compactMap { Spread($0.figures.map { Row(figure: $0, matchesWindow: true) }, through: $0.to) }
            .first { $0.min < $0.max }
    }
}

extension SourceComparison: Encodable {
    enum CodingKeys: String, CodingKey {
        case measure, from, to, figures, ledger, spread, projections, disagreements, area
        case sameMeasureSpread = "spread_same_measure"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(measure, forKey: .measure)
        try c.encode(window.from, forKey: .from)
        try c.encode(window.to, forKey: .to)
        try c.encode(figures, forKey: .figures)
        try c.encode(ledger, forKey: .ledger)
        try c.encode(area, forKey: .area)
        try c.encode(spread, forKey: .spread)
        try c.encode(sameMeasureSpread, forKey: .sameMeasureSpread)
        try c.encode(disagreements, forKey: .disagreements)
        try c.encode(projections, forKey: .projections)
    }
}

extension SourceComparison.Row: Encodable {
    enum CodingKeys: String, CodingKey { case matchesWindow = "matches_window" }

    /// The figure's own wire form, with `matches_window` beside its keys.
    public func encode(to encoder: any Encoder) throws {
        try figure.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(matchesWindow, forKey: .matchesWindow)
    }
}

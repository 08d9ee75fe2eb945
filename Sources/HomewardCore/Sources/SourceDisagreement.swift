/// Figures of two organisations or more for the same measure, place and days that cannot all be right: the thing a
/// coordination session needs named, with every organisation at either end and how far apart they are.
///
/// Figures that can all hold at once ("at least 2,659" beside 5,000) are no disagreement; nor are one organisation's
/// figures of two days (its progress) nor one it has since revised, nor a governorate's figure beside the country's, nor
/// figures of two measures.
/// Projections are plans, not statements of fact, and are left out.
public struct SourceDisagreement: Hashable, Sendable {
    public var measure: String
    /// The area's P-code; `nil` for the whole country.
    public var area: String?
    /// The days the figures cover: from (`nil` since records began) to the last (a cumulative figure's, the day stated).
    public var from: Day?
    public var to: Day
    /// Every figure of the set, smallest first: by number, then by what its qualifier lets it be ("less than 1,000" before
    /// "at least 1,000").
    public var figures: [SourceFigure]

    public var min: Int { figures.first!.value }
    public var max: Int { figures.last!.value }
    public var gap: Int { max - min }
    public var ratio: Ratio? { Ratio(max, over: min) }
    /// Every figure at either end, each the same number with the same qualifier: two organisations that agree are both
    /// named, and one that said "at least" is not given another's "less than".
    public var lowest: [SourceFigure] { figures.filter { Self.alike($0, figures.first!) } }
    public var highest: [SourceFigure] { figures.filter { Self.alike($0, figures.last!) } }

    static func alike(_ a: SourceFigure, _ b: SourceFigure) -> Bool { a.value == b.value && a.qualifier == b.qualifier }

    /// Where a qualifier puts a number among others of the same number: below it, at it, or above it.
    static func rank(_ qualifier: Qualifier) -> Int {
        switch qualifier {
        case .lessThan: 0
        case .upTo: 1
        case .exact, .about: 2
        case .atLeast: 3
        case .moreThan: 4
        }
    }

    /// Every disagreement among `figures`, the latest days first, the country's before its areas', then by measure and area.
    public static func find(in figures: [SourceFigure]) -> [SourceDisagreement] {
        struct Alike: Hashable { var measure: String; var area: String?; var from: Day?; var to: Day }
        // An organisation's own revision replaces what it stated before: the earlier is no end of a disagreement.
        let sets = Dictionary(grouping: SourceFigure.latestStatements(figures.filter { $0.kind != .projection }) { $0 }) { figure in
            let span = figure.coverage.span(statedOn: figure.date)
            return Alike(measure: figure.measure, area: figure.area, from: span.from, to: span.to)
        }
        return sets.compactMap { key, figures -> SourceDisagreement? in
            guard Set(figures.map(\.organisation)).count > 1, !SourceComparison.canAllHold(figures) else { return nil }
            let sorted = figures.sorted { a, b in
                (a.value, rank(a.qualifier), a.qualifier.rawValue, a.organisation, a.id ?? 0) < (b.value, rank(b.qualifier), b.qualifier.rawValue, b.organisation, b.id ?? 0)
            }
            return SourceDisagreement(measure: key.measure, area: key.area, from: key.from, to: key.to, figures: sorted)
        }.sorted { a, b in
            (-a.to.number, a.area == nil ? 0 : 1, a.measure, a.area ?? "", a.from?.number ?? Int.min)
                < (-b.to.number, b.area == nil ? 0 : 1, b.measure, b.area ?? "", b.from?.number ?? Int.min)
        }
    }
}

extension SourceDisagreement: Encodable {
    enum CodingKeys: String, CodingKey {
        case measure, area, from, to, min, max, gap, ratio, figures
        case lowest = "min_figures", highest = "max_figures"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(measure, forKey: .measure)
        try c.encode(area, forKey: .area)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(min, forKey: .min)
        try c.encode(max, forKey: .max)
        try c.encode(gap, forKey: .gap)
        try c.encode(ratio, forKey: .ratio)
        try c.encode(lowest.map(SourceComparison.Spread.End.init), forKey: .lowest)
        try c.encode(highest.map(SourceComparison.Spread.End.init), forKey: .highest)
        try c.encode(figures.compactMap(\.id), forKey: .figures)
    }
}

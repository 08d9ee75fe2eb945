/// A headline figure as an organisation stated it: "more than 249,527 people have returned from abroad".
///
/// Figures of different organisations are never summed, merged or picked between; each stays as stated,
/// with what it counts (its measure), what it covers, and where it was said.
public struct SourceFigure: Hashable, Sendable {
    /// The stored figure's number; `nil` before it is recorded.
    public var id: Int?
    public var organisation: String
    /// The day the statement was made.
    public var date: Day
    /// A ``Measure`` code.
    public var measure: String
    /// A whole number, as stated.
    public var value: Int
    public var qualifier: Qualifier
    public var kind: FigureKind
    public var coverage: Coverage
    /// The area's P-code; `nil` for the whole country.
    public var area: String?
    public var citation: String?
    public var url: String?
    /// The figure (by id) this one is a part of: a total and its parts from one statement.
    public var partOf: Int?
    /// The organisation's own reference for the statement, if it gave one: with it, only a figure of the same day, measure,
    /// kind, coverage and area under the same reference corrects this one.
    public var reference: String?
    /// The reference of the statement whose total it is a part of, when a file names it so, and that total's measure and
    /// area (the statement's nearest broader measure, of the part's own area where it gives one): resolved to `partOf` when written.
    public var partOfReference: String?
    public var partOfMeasure: String?
    /// When, and by whom, the version in force was recorded (the audit's words for who): "who entered this 1,490,739?" is
    /// answered from the figure itself. `nil` before it is recorded.
    public var recordedAt: String?
    public var recordedBy: String?
    public var partOfArea: String?

    public init(id: Int? = nil, organisation: String, date: Day, measure: String, value: Int, qualifier: Qualifier = .exact,
                kind: FigureKind = .count, coverage: Coverage = .cumulative(since: nil), area: String? = nil,
                citation: String? = nil, url: String? = nil, partOf: Int? = nil, reference: String? = nil, partOfReference: String? = nil,
                partOfMeasure: String? = nil, partOfArea: String? = nil) {
        self.id = id
        self.organisation = organisation
        self.date = date
        self.measure = measure
        self.value = value
        self.qualifier = qualifier
        self.kind = kind
        self.coverage = coverage
        self.area = area
        self.citation = citation
        self.url = url
        self.partOf = partOf
        self.reference = reference
        self.partOfReference = partOfReference
        self.partOfMeasure = partOfMeasure
        self.partOfArea = partOfArea
    }

    /// The figure's identity across imports: everything but what a correction may change (value, qualifier, citation), and
    /// the organisation's reference for the statement where it gives one: one statement gives several measures, coverages
    /// and kinds, each a figure of its own, and two statements of one day stand apart by their references.
    public var identity: String {
        if let reference {
            return StableDigest.hex(["ref", organisation, reference, date.description, measure, kind.rawValue, coverage.key, area ?? ""])
        }
        return StableDigest.hex(["figure", organisation, date.description, measure, kind.rawValue, coverage.key, area ?? ""])
    }
}

extension SourceFigure: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, organisation, measure, date, value, qualifier, kind, covers, area, citation, url, reference
        case partOf = "part_of"
        case recordedAt = "recorded_at", recordedBy = "recorded_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(measure, forKey: .measure)
        try c.encode(date, forKey: .date)
        try c.encode(value, forKey: .value)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(kind, forKey: .kind)
        try c.encode(coverage, forKey: .covers)
        try c.encode(area, forKey: .area)
        try c.encode(citation, forKey: .citation)
        try c.encode(url, forKey: .url)
        try c.encode(partOf, forKey: .partOf)
        try c.encode(reference, forKey: .reference)
        // Only a stored figure has them: a figure read from a file, or in a bulletin's records, gives neither key.
        try c.encodeIfPresent(recordedAt, forKey: .recordedAt)
        try c.encodeIfPresent(recordedBy, forKey: .recordedBy)
    }
}

extension SourceFigure {
    /// Of one organisation's figures of the same measure, place and days, those of the latest day it stated them: an earlier
    /// statement is one it has since revised (2,100 stated on 20 March for the first half of March, 2,300 on 25 March), which
    /// no disagreement or spread holds against another organisation's. Cumulative figures of two days are two spans, its
    /// progress, and stay. The order of `items` is kept.
    public static func latestStatements<Item>(_ items: [Item], of figure: (Item) -> SourceFigure) -> [Item] {
        func scope(_ f: SourceFigure) -> [String] {
            let span = f.coverage.span(statedOn: f.date)
            return [f.organisation, f.measure, f.area ?? "", span.from?.description ?? "", span.to.description]
        }
        var latest: [[String]: Day] = [:]
        for item in items {
            let f = figure(item)
            latest[scope(f)] = max(latest[scope(f)] ?? f.date, f.date)
        }
        return items.filter { let f = figure($0); return latest[scope(f)] == f.date }
    }
}

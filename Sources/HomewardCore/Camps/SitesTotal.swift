/// The sites taken together on a day: the session's first question about them is how many people are still there.
///
/// Only sites with one count to go by are summed. A site whose organisations' latest counts disagree, or that was
/// never counted, is named beside the total rather than folded into it: choosing its count is the centre's call, and a
/// sum that picked one silently would hide the disagreement that ``SiteStanding`` shows.
public struct SitesTotal: Sendable, Equatable {
    public var asOf: Day
    /// The sites summed.
    public var counted: [String]
    public var residents: Int
    /// Persons who left the summed sites since each one's count, as their rows give them.
    public var left: Int
    /// Of those, persons reported leaving beyond their site's count: they are taken from no one, so `residents − left +
    /// beyondCount` is what remains, and the share left counts them out. Their sites' censuses or departures need checking.
    public var beyondCount: Int
    public var remaining: Int
    public var leftPercent: Percent?
    /// Sites left out because their organisations' counts of the latest day disagree.
    public var countsDiffer: [String]
    /// Sites left out because nobody has counted them yet.
    public var notCounted: [String]

    public init(_ standings: [SiteStanding], asOf: Day) {
        self.asOf = asOf
        let summed = standings.filter { $0.residents != nil }
        counted = summed.map(\.site.code)
        residents = summed.reduce(0) { $0 + ($1.residents ?? 0) }
        left = summed.reduce(0) { $0 + $1.left }
        beyondCount = summed.reduce(0) { $0 + $1.beyondCount }
        remaining = summed.reduce(0) { $0 + ($1.remaining ?? 0) }
        leftPercent = Percent(left - beyondCount, of: residents)
        countsDiffer = standings.filter(\.residentsDiffer).map(\.site.code)
        notCounted = standings.filter { $0.censusDate == nil }.map(\.site.code)
    }
}

extension SitesTotal: Encodable {
    enum CodingKeys: String, CodingKey {
        case counted, residents, left, remaining
        case asOf = "as_of", leftPercent = "left_percent", countsDiffer = "counts_differ", notCounted = "not_counted", beyondCount = "beyond_count"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(counted, forKey: .counted)
        try c.encode(residents, forKey: .residents)
        try c.encode(left, forKey: .left)
        try c.encode(beyondCount, forKey: .beyondCount)
        try c.encode(remaining, forKey: .remaining)
        try c.encode(leftPercent, forKey: .leftPercent)
        try c.encode(countsDiffer, forKey: .countsDiffer)
        try c.encode(notCounted, forKey: .notCounted)
    }
}

/// Every site where it stands on a day, and the sites taken together: the camps page's figures.
public struct CampsStanding: Sendable, Encodable {
    public var asOf: Day
    public var sites: [SiteStanding]
    public var total: SitesTotal

    public init(_ sites: [SiteStanding], asOf: Day) {
        self.asOf = asOf
        self.sites = sites
        total = SitesTotal(sites, asOf: asOf)
    }

    enum CodingKeys: String, CodingKey { case sites, total, asOf = "as_of" }
}

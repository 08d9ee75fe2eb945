/// Totals as the public may see them: the same answer as ``TotalsReport``, with small counts hidden by
/// ``SmallCounts`` across the groups (rows: refugees + IDPs = persons; columns: the groups add up to the
/// totals when they cover every movement).
public struct PublicTotals: Sendable, Encodable {
    public struct Group: Sendable, Encodable {
        public var key: String?
        public var name: String
        public var persons: PublicCount
        public var refugees: PublicCount
        public var idps: PublicCount
    }

    public var from: Day?
    public var to: Day?
    public var total: PublicCount
    public var refugees: PublicCount
    public var idps: PublicCount
    public var groups: [Group]
    /// Counts from 1 to this minus one show as `"<threshold"`.
    public var threshold: Int

    public init(_ report: TotalsReport, smallCounts: SmallCounts) {
        from = report.from
        to = report.to
        threshold = smallCounts.threshold
        let groupsCoverAll = !report.groups.isEmpty && report.groups.reduce(0) { $0 + $1.refugees } == report.refugees
            && report.groups.reduce(0) { $0 + $1.idps } == report.idps
        var grid: [[Int?]] = report.groups.map { [$0.refugees, $0.idps, $0.persons] }
        grid.append([report.refugees, report.idps, report.total])
        // When the totals are not the groups' sums there is no column line: each row is suppressed alone.
        let shown = groupsCoverAll ? smallCounts.suppress(grid)
            : report.groups.map { smallCounts.suppress([[$0.refugees, $0.idps, $0.persons]])[0] } + smallCounts.suppress([[report.refugees, report.idps, report.total]])
        groups = zip(report.groups, shown).map { group, cells in
            Group(key: group.key, name: group.name, persons: cells[2]!, refugees: cells[0]!, idps: cells[1]!)
        }
        let totals = shown[shown.count - 1]
        total = totals[2]!
        refugees = totals[0]!
        idps = totals[1]!
    }

    enum CodingKeys: String, CodingKey {
        case from, to, total, refugees, idps, groups, threshold
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from) // null, not absent, when open
        try c.encode(to, forKey: .to)
        try c.encode(total, forKey: .total)
        try c.encode(refugees, forKey: .refugees)
        try c.encode(idps, forKey: .idps)
        try c.encode(groups, forKey: .groups)
        try c.encode(threshold, forKey: .threshold)
    }
}

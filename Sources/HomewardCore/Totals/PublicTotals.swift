import Foundation

/// Totals as the public may see them: the same answer as ``TotalsReport``, with small counts hidden by
/// ``SmallCounts`` across the groups (rows: refugees + IDPs = persons; columns: the groups and what they leave
/// out add up to the totals).
///
/// What the groups leave out (the groups after `top`, movements without a crossing point) is not shown, but a
/// reader can work it out as the totals less the groups shown, so it takes part as one more row: when it is small
/// it is hidden with a partner, and a hidden group is never the only unknown of a column.
///
/// Suppression protects within one table. An open endpoint answers any window and breakdown, so a reader could set
/// two answers side by side (one day's window against the next) and subtract a hidden count; rounding every count
/// shown to a base (``roundedTo``) leaves such a difference uncertain by as much as the base, the usual remedy.
public struct PublicTotals: Sendable, Encodable {
    public struct Group: Sendable, Encodable {
        public var key: String?
        public var name: String
        public var persons: PublicCount
        public var refugees: PublicCount
        public var idps: PublicCount

        enum CodingKeys: String, CodingKey { case key, name, persons, refugees, idps }

        /// `key` is null, not absent, for what has none ("not reported"), as in the totals of signed-in readers.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(name, forKey: .name)
            try c.encode(persons, forKey: .persons)
            try c.encode(refugees, forKey: .refugees)
            try c.encode(idps, forKey: .idps)
        }
    }

    public var from: Day?
    public var to: Day?
    public var total: PublicCount
    public var refugees: PublicCount
    public var idps: PublicCount
    /// People in periods across the window's edge, in no count above: hidden and rounded on its own, as a count of its own.
    public var partial: PublicCount
    public var groups: [Group]
    /// Counts from 1 to this minus one show as `"<threshold"`.
    public var threshold: Int
    /// Every count shown is rounded to the nearest multiple of this, each on its own, after suppression; 1 is exact.
    /// Parts may then not add up to their totals.
    public var roundedTo: Int
    /// The moment the ledger was read as it then stood, when asked: figures saved without the question still say so.
    public var asRecordedOn: Date?

    /// - Parameter base: the multiple counts shown are rounded to, 1 or more (1 leaves them exact).
    public init(_ report: TotalsReport, smallCounts: SmallCounts, roundingTo base: Int = 1, asRecordedOn: Date? = nil) {
        precondition(base >= 1)
        roundedTo = base
        self.asRecordedOn = asRecordedOn
        from = report.from
        to = report.to
        threshold = smallCounts.threshold
        let rest = [report.refugees - report.groups.reduce(0) { $0 + $1.refugees }, report.idps - report.groups.reduce(0) { $0 + $1.idps },
                    report.total - report.groups.reduce(0) { $0 + $1.persons }]
        var grid: [[Int?]] = report.groups.map { [$0.refugees, $0.idps, $0.persons] }
        let restRow = rest.allSatisfy { $0 >= 0 } && rest.contains { $0 > 0 }
        if restRow { grid.append(rest) }
        grid.append([report.refugees, report.idps, report.total])
        var shown = rest.allSatisfy({ $0 >= 0 }) ? smallCounts.suppress(grid)
            // Groups that add up to more than the totals (a movement in two groups) make no column line.
            : report.groups.map { smallCounts.suppress([[$0.refugees, $0.idps, $0.persons]])[0] } + smallCounts.suppress([[report.refugees, report.idps, report.total]])
        if restRow { shown.remove(at: shown.count - 2) }
        shown = shown.map { $0.map { $0?.rounded(to: base) } }
        groups = zip(report.groups, shown).map { group, cells in
            Group(key: group.key, name: group.name, persons: cells[2]!, refugees: cells[0]!, idps: cells[1]!)
        }
        let totals = shown[shown.count - 1]
        total = totals[2]!
        refugees = totals[0]!
        idps = totals[1]!
        partial = smallCounts.suppress([[report.partial]])[0][0]!.rounded(to: base)
    }

    enum CodingKeys: String, CodingKey {
        case from, to, total, refugees, idps, partial, groups, threshold
        case roundedTo = "rounded_to"
        case asRecordedOn = "as_recorded_on"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from) // null, not absent, when open
        try c.encode(to, forKey: .to)
        try c.encode(total, forKey: .total)
        try c.encode(refugees, forKey: .refugees)
        try c.encode(idps, forKey: .idps)
        try c.encode(partial, forKey: .partial)
        try c.encode(groups, forKey: .groups)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(roundedTo, forKey: .roundedTo)
        if let asRecordedOn { try c.encode(asRecordedOn.formatted(.iso8601), forKey: .asRecordedOn) }
    }
}

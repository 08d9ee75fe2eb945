/// The returns block of a bulletin: since records began and since a chosen date (total, from abroad, IDPs), and
/// the last 7 days by crossing point, every number a ledger sum with the records it adds up.
public enum ReturnsBlock {
    /// A ledger sum over one window: persons, refugees (from abroad) and IDPs, each with its records.
    public struct Sums: Sendable {
        public var total: SourceComparison.LedgerFigure
        public var refugees: SourceComparison.LedgerFigure
        public var idps: SourceComparison.LedgerFigure

        public init(total: SourceComparison.LedgerFigure, refugees: SourceComparison.LedgerFigure, idps: SourceComparison.LedgerFigure) {
            self.total = total
            self.refugees = refugees
            self.idps = idps
        }
    }

    /// One crossing point's persons in the last 7 days.
    public struct Crossing: Sendable {
        public var code: String
        public var name: String
        public var nameRu: String?
        public var nameAr: String?
        public var sum: SourceComparison.LedgerFigure

        public init(code: String, name: String, nameRu: String?, nameAr: String?, sum: SourceComparison.LedgerFigure) {
            self.code = code
            self.name = name
            self.nameRu = nameRu
            self.nameAr = nameAr
            self.sum = sum
        }
    }

    /// The 7 days up to and including `date`.
    public static func lastWeek(to date: Day) -> DateWindow { DateWindow(from: date.adding(days: -6), to: date) }

    public static func make(date: Day, sinceStart: Sums, since: Day?, sinceDate: Sums?, lastWeek: SourceComparison.LedgerFigure,
                            byCrossing: [Crossing]) -> BulletinBlock {
        var lines: [BulletinLine] = [], entries: [SnapshotEntry] = []
        func add(_ id: String, _ sum: SourceComparison.LedgerFigure, _ query: String) -> BulletinValue {
            entries.append(SnapshotEntry(id: id, value: sum.value, query: query, records: sum.records, organisations: sum.organisations))
            return .entry(id)
        }
        func three(_ prefix: String, _ sums: Sums, _ window: String) {
            let query = "homeward totals \(window)"
            lines.append(BulletinLine("bulletin.returns.total.\(prefix)", ["count": add("returns.\(prefix).total", sums.total, query),
                                                                          "date": .day(date), "since": since.map { .day($0) } ?? .day(date)]))
            lines.append(BulletinLine("bulletin.returns.refugees", ["count": add("returns.\(prefix).refugees", sums.refugees, query + " --category refugee")]))
            lines.append(BulletinLine("bulletin.returns.idps", ["count": add("returns.\(prefix).idps", sums.idps, query + " --category idp")]))
        }
        three("start", sinceStart, "--to \(date)")
        if let since, let sinceDate { three("since", sinceDate, "--from \(since) --to \(date)") }
        let week = Self.lastWeek(to: date)
        let weekQuery = "homeward totals --from \(week.from!) --to \(date)"
        lines.append(BulletinLine("bulletin.returns.lastWeek", ["count": add("returns.week.total", lastWeek, weekQuery),
                                                                "from": .day(week.from!), "to": .day(date)]))
        for crossing in byCrossing {
            lines.append(BulletinLine("bulletin.returns.crossing", [
                "crossing": .name(en: crossing.name, ru: crossing.nameRu, ar: crossing.nameAr),
                "code": .code(crossing.code),
                "count": add("returns.week.crossing.\(crossing.code)", crossing.sum, weekQuery + " --crossing \(crossing.code)"),
            ]))
        }
        return BulletinBlock(kind: "returns", heading: "bulletin.returns.heading", lines: lines, entries: entries)
    }
}

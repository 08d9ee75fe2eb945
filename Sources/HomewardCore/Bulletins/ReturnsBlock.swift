/// The returns block of a bulletin: since records began and since a chosen date (total, from abroad, IDPs), and
/// the last 7 days by crossing point, every number a ledger sum with the records it adds up.
public enum ReturnsBlock {
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

    /// Persons recorded for periods that run across a window's edge (a month's figure, on the 15th), which no total of the
    /// window counts, as `totals` gives them apart (`partial`): a statement must not drop them without a word.
    public struct Partial: Sendable {
        /// Of periods that run past the statement's day: in none of its figures.
        public var pastDate: Int
        /// Of the window since `since`, and of the 7 days: periods across either edge, those past the day among them.
        public var since: Int
        public var week: Int

        public init(pastDate: Int, since: Int, week: Int) {
            self.pastDate = pastDate
            self.since = since
            self.week = week
        }
    }

    /// The total up to the day of the last statement published before this one, as that statement gave it and as the
    /// ledger now gives it: late reports and corrections since move it, and a reader comparing two statements must be told.
    public struct Revision: Sendable {
        public var date: Day
        public var bulletin: Int
        public var published: Int
        public var now: SourceComparison.LedgerFigure

        public init(date: Day, bulletin: Int, published: Int, now: SourceComparison.LedgerFigure) {
            self.date = date
            self.bulletin = bulletin
            self.published = published
            self.now = now
        }
    }

    /// The entries' prefixes of the revision lines: of the last statement, and of the last made public where that is another.
    public static let revisionPrefixes = ["returns.revised", "returns.revisedPublic"]

    /// The 7 days up to and including `date`.
    public static func lastWeek(to date: Day) -> DateWindow { DateWindow(from: date.adding(days: -6), to: date) }

    /// - Parameters:
    ///   - withoutCrossing: the week's movements that name no crossing point, a line of their own after the crossing
    ///     points', so that the lines add up to the week's total.
    ///   - revision: the last statement's total as it was published and as it stands; said only where the two differ.
    ///   - publicRevision: the same of the last statement made public, where that is another: the public, who may not read
    ///     the last one, is told how the total it last read has moved (internal readers read both).
    ///   - reporters: the organisations whose reports the total since records began adds up, named first: the block's
    ///     figures are the centre's ledger, and a reader sets them beside figures each attributed to its source.
    public static func make(date: Day, sinceStart: LedgerSums, since: Day?, sinceDate: LedgerSums?, lastWeek: SourceComparison.LedgerFigure,
                            byCrossing: [Crossing], withoutCrossing: SourceComparison.LedgerFigure? = nil, revision: Revision? = nil,
                            publicRevision: Revision? = nil, partial: Partial? = nil, reporters: [String] = [],
                            overlaps: Overlaps? = nil) -> BulletinBlock {
        var lines: [BulletinLine] = [], entries: [SnapshotEntry] = []
        if !reporters.isEmpty { lines.append(BulletinLine("bulletin.returns.reporters", ["organisations": .names(reporters)])) }
        func add(_ id: String, _ sum: SourceComparison.LedgerFigure, _ query: String, _ selection: MovementSelection) -> BulletinValue {
            entries.append(SnapshotEntry(id: id, value: sum.value, query: query, records: sum.records, organisations: sum.organisations,
                                         movements: selection))
            return .entry(id)
        }
        func three(_ prefix: String, _ sums: LedgerSums, _ window: String, from: Day?) {
            let query = "homeward totals \(window)"
            let all = MovementSelection(from: from, to: date)
            lines.append(BulletinLine("bulletin.returns.total.\(prefix)", ["count": add("returns.\(prefix).total", sums.total, query, all),
                                                                          "date": .day(date), "since": since.map { .day($0) } ?? .day(date)]))
            // A part of none is left unsaid ("Of them, 0 people returned from abroad"); its entry stays, for the diff.
            for (part, sum, category) in [("refugees", sums.refugees, MovementCategory.refugee), ("idps", sums.idps, .idp)] {
                var selection = all
                selection.category = category
                let count = add("returns.\(prefix).\(part)", sum, query + " --category \(category.rawValue)", selection)
                guard sum.value > 0 else { continue }
                // The IDPs' line since a day names the day: read after the refugees' "Of them", it stood for the total since records began.
                if part == "idps", prefix == "since", let since {
                    lines.append(BulletinLine("bulletin.returns.idps.since", ["count": count, "since": .day(since)]))
                } else {
                    lines.append(BulletinLine("bulletin.returns.\(part)", ["count": count]))
                }
            }
        }
        three("start", sinceStart, "--to \(date)", from: nil)
        for (prefix, revision) in zip(Self.revisionPrefixes, [revision, publicRevision]) {
            guard let revision, revision.now.value != revision.published else { continue }
            entries.append(SnapshotEntry(id: "\(prefix).published", value: revision.published, query: "homeward bulletin show \(revision.bulletin)"))
            lines.append(BulletinLine("bulletin.returns.revised", [
                "date": .day(revision.date), "bulletin": .serial(revision.bulletin), "before": .entry("\(prefix).published"),
                "count": add("\(prefix).total", revision.now, "homeward totals --to \(revision.date)", MovementSelection(from: nil, to: revision.date)),
            ]))
        }
        if let since, let sinceDate { three("since", sinceDate, "--from \(since) --to \(date)", from: since) }
        let week = Self.lastWeek(to: date)
        let weekQuery = "homeward totals --from \(week.from!) --to \(date)"
        lines.append(BulletinLine("bulletin.returns.lastWeek", ["count": add("returns.week.total", lastWeek, weekQuery, MovementSelection(from: week.from, to: date)),
                                                                "from": .day(week.from!), "to": .day(date)]))
        for crossing in byCrossing {
            lines.append(BulletinLine("bulletin.returns.crossing", [
                "crossing": .name(en: crossing.name, ru: crossing.nameRu, ar: crossing.nameAr),
                "code": .code(crossing.code),
                "count": add("returns.week.crossing.\(crossing.code)", crossing.sum, weekQuery + " --crossing \(crossing.code)",
                             MovementSelection(from: week.from, to: date, crossing: crossing.code)),
            ]))
        }
        if let withoutCrossing, withoutCrossing.value > 0 {
            lines.append(BulletinLine("bulletin.returns.withoutCrossing", [
                "count": add("returns.week.withoutCrossing", withoutCrossing, weekQuery + " --by crossing",
                             MovementSelection(from: week.from, to: date, withoutCrossing: true)),
            ]))
        }
        if let overlaps, overlaps.groups > 0 {
            // A count of groups, not of people: named apart from the returns' figures, which small counts hide.
            entries.append(SnapshotEntry(id: Overlaps.entry, value: overlaps.groups,
                                         query: "homeward movements list --from \(week.from!) --to \(date) --reported-by-several"))
            let place = overlaps.crossings.isEmpty ? "none" : overlaps.withoutCrossing ? "both" : "crossings"
            lines.append(BulletinLine("bulletin.returns.overlaps", [
                "count": .entry(Overlaps.entry), "where": .code(place), "crossings": .names(overlaps.crossings),
            ]))
        }
        if let partial {
            // Those past the day first, as they are in none of the figures; then those across the start of a window alone.
            let apart: [(id: String, value: Int, key: String, arguments: [String: BulletinValue], query: String)] = [
                ("returns.partial.pastDate", partial.pastDate, "bulletin.returns.partial.pastDate", ["date": .day(date)], "homeward totals --to \(date)"),
                ("returns.partial.since", partial.since - partial.pastDate, "bulletin.returns.partial.since", since.map { ["since": .day($0)] } ?? [:],
                 since.map { "homeward totals --from \($0) --to \(date)" } ?? ""),
                ("returns.partial.week", partial.week - partial.pastDate, "bulletin.returns.partial.week", ["from": .day(week.from!)], weekQuery),
            ]
            // The week's line says again what the since-day's says when the since-day is the week's first.
            for item in apart where item.value > 0 && (item.id != "returns.partial.since" || since != nil)
                && !(item.id == "returns.partial.week" && since == week.from) {
                // `totals` gives the figure as its `partial`.
                entries.append(SnapshotEntry(id: item.id, value: item.value, query: item.query))
                lines.append(BulletinLine(item.key, item.arguments.merging(["count": .entry(item.id)]) { $1 }))
            }
        }
        return BulletinBlock(kind: "returns", heading: "bulletin.returns.heading", lines: lines, entries: entries)
    }
}

/// Which numbers of a bulletin the public does not see: counts of people from 1 to k−1 (shown as "<k"), and a
/// second number wherever a hidden one could be worked out by subtraction from a shown total (shown as withheld:
/// "<k" would be false of it, as it may be large).
///
/// The snapshot is never changed (its hash is what was published); this is worked out each time the bulletin is
/// rendered for the public, from the snapshot alone, with ``SmallCounts``. The tables a reader could subtract in:
/// refugees + IDPs = all returns, since records began and since the chosen date, one table with the returns before that
/// date (and the week within the two, whose total must not bound a hidden figure of theirs); the week's crossing points plus
/// the movements that name none (a line of its own; in statements made before it was printed, protected only when
/// itself small) = the week's returns; and,
/// per camp, those who left + those who remain = the residents counted, the percentage left going with those who
/// left, with how far ahead or behind the plan those who left are (the lines of the camp's pace and forecast left out),
/// and the transit centres' estimates from them. Counts of people with no total beside them (people reached by aid or treated, figures organisations stated) are hidden
/// when small. Quantities of facilities, actions, localities and the plan's pace count no one and stay as they are. A
/// sentence naming a statement the public may not read (the total an internal statement published) is left out with its
/// numbers, whose questions name that statement.
public enum BulletinSuppression {
    public enum Reason: Hashable, Sendable {
        /// From 1 to k−1.
        case small
        /// Hidden so that a small one cannot be worked out from a total.
        case recoverable
        /// A figure of a statement the public may not read (what it published): left out of the public copy altogether, its
        /// question naming that statement too.
        case ofInternalStatement
    }

    /// - Parameter publicStatements: the statements the public may read, where known: a sentence naming another (the total
    ///   an internal statement published) is withheld with its numbers.
    /// - Parameter elsewhere: entries another version of the statement hides (``hiddenInAnyVersion(_:smallCounts:publicStatements:)``):
    ///   hidden here too, and protected as any hidden count is.
    public static func hidden(in snapshot: BulletinSnapshot, smallCounts: SmallCounts, publicStatements: Set<Int>? = nil,
                              elsewhere: Set<String> = []) -> [String: Reason] {
        let values = Dictionary(snapshot.entries.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let isSmall = { (value: Int) in (1..<smallCounts.threshold).contains(value) }
        var hidden: [String: Reason] = [:]
        /// Totals withheld for the few between two windows: a reader knows each to within k − 1 of a shown one, so it
        /// protects no cell of its own table.
        var nearlyKnown: Set<String> = []
        var campsHidden = false
        /// Rows of cells, each ending in its total, the last row the columns' totals (``SmallCounts/suppress(_:hiding:)``); a
        /// cell without an id is a value the text does not print, though a reader may work it out. What another table hid
        /// already is hidden here too, and protected as any hidden cell is.
        func suppress(grid: [[(id: String?, value: Int?)]]) {
            let hiding = grid.map { $0.map { cell in cell.id.map { elsewhere.contains($0) || hidden[$0] != nil } ?? false } }
            let weak = grid.map { $0.map { cell in cell.id.map(nearlyKnown.contains) ?? false } }
            let shown = smallCounts.suppress(grid.map { $0.map(\.value) }, hiding: hiding, weak: weak)
            for (r, row) in grid.enumerated() {
                for (c, cell) in row.enumerated() {
                    guard let id = cell.id, shown[r][c]?.isHidden == true else { continue }
                    hidden[id] = isSmall(values[id] ?? 0) ? .small : .recoverable
                }
            }
        }
        /// One row of cells and its total.
        func suppress(_ cells: [(id: String?, value: Int?)], total: String) {
            guard let totalValue = values[total] else { return }
            suppress(grid: [cells + [(total, totalValue)]])
        }
        // The returns block's tables share their totals, so each is protected again while another's hiding moves it.
        var settled: [String: Reason]
        repeat {
            settled = hidden
            returnsTables(values, snapshot: snapshot, isSmall: isSmall, isHidden: { hidden[$0] != nil || elsewhere.contains($0) },
                          hide: { id, reason, nearly in hidden[id] = reason; if nearly { nearlyKnown.insert(id) } },
                          suppress: suppress(grid:), suppress: suppress(_:total:))
        } while hidden != settled
        for left in snapshot.entries where left.id.hasPrefix("camps.") && left.id.hasSuffix(".left") {
            let site = String(left.id.dropLast(".left".count))
            guard let remaining = values["\(site).remaining"] else { continue }
            suppress([(left.id, left.value), ("\(site).remaining", remaining)], total: "\(site).residents")
            guard hidden[left.id] != nil || hidden["\(site).remaining"] != nil else { continue }
            // How far the departures are ahead of the plan or behind it is the plan's figure less those who left: hidden with them.
            for figure in ["leftPercent", "ahead", "behind"] where values["\(site).\(figure)"] != nil {
                hidden["\(site).\(figure)"] = .recoverable
            }
            campsHidden = true
        }
        // The departures a camp's pace is taken from, when few: its forecast date gives them back.
        for entry in snapshot.entries where entry.id.hasPrefix("camps.") && entry.id.hasSuffix(".recentPersons") && isSmall(entry.value) {
            hidden[entry.id] = .small
        }
        // Those recorded leaving after an operation was completed, and a census's count beside a baseline: each counts people.
        for entry in snapshot.entries where entry.id.hasPrefix("camps.") && isSmall(entry.value)
            && (entry.id.hasSuffix(".leftAfterCompletion") || entry.id.contains(".baselineCensus.") || entry.id.contains(".laterCensus.")) {
            hidden[entry.id] = .small
        }
        // A revision of the last statement's total by a few late reports tells how many they were.
        // So does one that leaves few returns between the revised total and this one's: this total less the revised is
        // the returns since the last statement's day.
        // So does a total that was itself small (the statement it names hid it), or is now.
        for prefix in ReturnsBlock.revisionPrefixes {
            guard let published = values["\(prefix).published"], let now = values["\(prefix).total"],
                  isSmall(abs(now - published)) || isSmall(abs((values["returns.start.total"] ?? now) - now)) || isSmall(published) || isSmall(now)
            else { continue }
            hidden["\(prefix).published"] = .recoverable
            hidden["\(prefix).total"] = .recoverable
        }
        // A centre's estimate is the departures sent to it: small, or from a camp whose departures are hidden, it is hidden too.
        for entry in snapshot.entries where entry.id.hasPrefix("camps.transit.") && entry.id.hasSuffix(".persons") {
            if isSmall(entry.value) { hidden[entry.id] = .small } else if campsHidden { hidden[entry.id] = .recoverable }
            // Only a centre above its capacity has a line: "<5" beside a capacity of 3 would say 4.
            if hidden[entry.id] != nil { hidden[String(entry.id.dropLast(".persons".count)) + ".capacity"] = .recoverable }
        }
        for entry in snapshot.entries where (["aid.week.reached", "aid.week.treated"].contains(entry.id) || entry.id.hasPrefix("sources.")) && isSmall(entry.value) {
            hidden[entry.id] = .small
        }
        // What another version hides and no table here protected (a camp's percentage, a source figure): hidden too.
        for id in elsewhere where hidden[id] == nil && values[id] != nil { hidden[id] = isSmall(values[id]!) ? .small : .recoverable }
        // Persons of periods across a window's edge: small, they are a small count; beside a hidden total, the total since
        // records began less them could give a window's hidden figure back.
        let returnsHidden = hidden.keys.contains { $0.hasPrefix("returns.") }
        for entry in snapshot.entries where entry.id.hasPrefix("returns.partial.") {
            if isSmall(entry.value) { hidden[entry.id] = .small } else if returnsHidden { hidden[entry.id] = .recoverable }
        }
        if let publicStatements {
            for line in snapshot.blocks.flatMap(\.lines) where !line.statements.values.allSatisfy(publicStatements.contains) {
                for id in line.entryIDs { hidden[id] = .ofInternalStatement }
            }
        }
        return hidden
    }

    /// The returns block's tables, each a sum a reader can check:
    /// - since records began and since the chosen date, by category: the returns before that date are the first less the
    ///   second, which a reader works out from the two lines though no line prints them. So the three rows are one table,
    ///   its columns summing: a few returns before the date are protected as any small count is, and the since-date
    ///   figures cannot bound a hidden one of all time ("100 of 101 since the date were refugees");
    /// - the week, the since-date window and all time, each within the next: a few returns between two of them are a
    ///   small count their totals give by subtraction, and the inner total would bound a hidden figure of the outer
    ///   (100 returned this week, of 101 of all time, so the "<5" IDPs were 1);
    /// - the week's crossing points and its movements without one.
    private static func returnsTables(_ values: [String: Int], snapshot: BulletinSnapshot, isSmall: (Int) -> Bool,
                                      isHidden: (String) -> Bool, hide: (String, Reason, _ nearlyKnown: Bool) -> Void,
                                      suppress grid: ([[(id: String?, value: Int?)]]) -> Void,
                                      suppress row: ([(id: String?, value: Int?)], String) -> Void) {
        let categories = ["refugees", "idps", "total"]
        let start = categories.map { values["returns.start.\($0)"] }, since = categories.map { values["returns.since.\($0)"] }
        if let start = start as? [Int], let since = since as? [Int] {
            grid([
                categories.indices.map { ("returns.since.\(categories[$0])", since[$0]) },
                categories.indices.map { (nil, start[$0] - since[$0]) },
                categories.indices.map { ("returns.start.\(categories[$0])", start[$0]) },
            ])
            // The table's sums hide no cell that a single line gives back, but its cells are never negative: a since-date
            // figure bounds the same category of all time from below ("100 of 101 since the date were refugees", so the
            // "<5" IDPs of all time were 1). Where any category's figure is hidden, or few of one returned before the date,
            // both windows' categories are withheld together; the totals stay, within the windows' own protection.
            let cells = ["refugees", "idps"].flatMap { ["returns.since.\($0)", "returns.start.\($0)"] }
            if cells.contains(where: isHidden) || (0..<2).contains(where: { isSmall(start[$0] - since[$0]) }) {
                for id in cells where !isHidden(id) { hide(id, isSmall(values[id] ?? 0) ? .small : .recoverable, false) }
            }
        } else if let start = start as? [Int] {
            row([("returns.start.refugees", start[0]), ("returns.start.idps", start[1])], "returns.start.total")
        }
        if let week = values["returns.week.total"] {
            let crossings = snapshot.entries.filter { $0.id.hasPrefix("returns.week.crossing.") }
            let unnamed = week - crossings.map(\.value).reduce(0, +)
            if let printed = values["returns.week.withoutCrossing"] {
                // A line of its own since statements print it: a cell like the crossing points'.
                row(crossings.map { ($0.id, $0.value) } + [("returns.week.withoutCrossing", printed)], "returns.week.total")
            } else {
                // Not printed: a cell only when small, so that it is never the one picked to protect another.
                row(crossings.map { ($0.id, $0.value) } + [(nil, isSmall(unnamed) ? unnamed : nil)], "returns.week.total")
            }
        }
        // Windows that all end on the statement's day, each within those that start before it: the week, the since-date
        // window, all time, and the days after the one a revision line names (all time less the revised total). What lies
        // between two is printed nowhere, and is unknown once either is hidden; a few between two shown ones are a small
        // count, and the inner one then bounds a hidden figure of the outer: the inner is withheld, or the revision line.
        var windows: [(ids: [String], value: Int, start: Int)] = []
        if let week = values["returns.week.total"] { windows.append((["returns.week.total"], week, ReturnsBlock.lastWeek(to: snapshot.date).from!.number)) }
        if let total = values["returns.since.total"], let day = snapshot.since { windows.append((["returns.since.total"], total, day.number)) }
        if let all = values["returns.start.total"] {
            windows.append((["returns.start.total"], all, Int.min))
            for line in snapshot.blocks.flatMap(\.lines) where line.key == "bulletin.returns.revised" {
                guard case .entry(let published)? = line.arguments["before"], case .entry(let revised)? = line.arguments["count"],
                      case .day(let day)? = line.arguments["date"], let now = values[revised] else { continue }
                windows.append(([published, revised, "returns.start.total"], all - now, day.number + 1))
            }
        }
        windows.sort { $0.start > $1.start }
        for (index, inner) in windows.enumerated() {
            for outer in windows.dropFirst(index + 1) where outer.start < inner.start && isSmall(outer.value - inner.value)
                && !(inner.ids + outer.ids).contains(where: isHidden) {
                // A revision line is the one left out (its numbers withheld); else the inner total.
                let revision = inner.ids.count > 1 ? inner.ids : outer.ids.count > 1 ? outer.ids : nil
                for id in revision.map({ Array($0.dropLast()) }) ?? inner.ids { hide(id, isSmall(values[id] ?? 0) ? .small : .recoverable, true) }
            }
        }
    }

    /// The entries any of a statement's public versions hides (those of one day and session, each replacing the one before):
    /// a reader who sets two side by side must not find in one a count the other hides (a late report of 10 moved the
    /// protection from one crossing to another, and 103 − 100 gave the hidden 3 back). Each version hides them all, and what
    /// then protects them, until no version hides more.
    ///
    /// A count of people that moved by a few between two versions (a late report of 2) is hidden in all of them too: the two
    /// totals side by side give the few back as surely as a line would.
    public static func hiddenInAnyVersion(_ versions: [BulletinSnapshot], smallCounts: SmallCounts, publicStatements: Set<Int>? = nil) -> Set<String> {
        var union: Set<String> = []
        var values: [String: [Int]] = [:]
        for snapshot in versions {
            for entry in snapshot.entries where countsPeople(entry.id) { values[entry.id, default: []].append(entry.value) }
        }
        for (id, seen) in values where seen.contains(where: { a in seen.contains { (1..<smallCounts.threshold).contains(abs(a - $0)) } }) {
            union.insert(id)
        }
        while true {
            var next = union
            for snapshot in versions {
                next.formUnion(hidden(in: snapshot, smallCounts: smallCounts, publicStatements: publicStatements, elsewhere: union)
                    .filter { $0.value != .ofInternalStatement }.keys)
            }
            if next == union { return union }
            union = next
        }
    }

    /// Whether an entry counts people (returns, a camp's residents and departures, people reached, partners' figures), as a
    /// facility's quantity, an action's count or a plan's pace does not.
    static func countsPeople(_ id: String) -> Bool {
        if id.hasPrefix("returns.") || id.hasPrefix("sources.") || id == "aid.week.reached" || id == "aid.week.treated" { return true }
        return id.hasPrefix("camps.") && ([".left", ".remaining", ".residents", ".ahead", ".behind", ".recentPersons", ".persons", ".leftAfterCompletion"]
            .contains { id.hasSuffix($0) } || id.contains(".baselineCensus.") || id.contains(".laterCensus."))
    }

    /// The lines of a camp that would tell its hidden departures without a number: how far ahead or behind the plan it is,
    /// when the last would leave at the pace seen, and which side of its deadline that falls.
    static let campLinesFromDepartures: Set<String> = ["bulletin.camps.ahead", "bulletin.camps.behind", "bulletin.camps.forecast",
                                                       "bulletin.camps.forecast.none", "bulletin.camps.deadline.after",
                                                       "bulletin.camps.deadline.by", "bulletin.camps.deadline.only"]

    /// The block's lines as the public reads them, without those that would give a hidden count back with no number of
    /// their own: a revision of the last total by a few; a camp's distance from its plan and its forecast where its
    /// departures (or the forecast's few) are hidden; a transit centre's line, whose capacity bounds its hidden estimate.
    public static func publicLines(of block: BulletinBlock, hidden: [String: Reason]) -> [BulletinLine] {
        guard !hidden.isEmpty else { return block.lines }
        let isHidden = { (value: BulletinValue?) in if case .entry(let id)? = value { hidden[id] != nil } else { false } }
        switch block.kind {
        case "returns":
            // Withheld, the revision's two totals would read "from [withheld] to [withheld]": the line says nothing then; nor
            // with one withheld (another version of the statement hid its earlier total), a revision of an unknown size.
            // So would "Not counted above: <5 people …": a note on the figures, left out with its number.
            return block.lines.filter { line in
                if line.key == "bulletin.returns.revised" { return !isHidden(line.arguments["count"]) && !isHidden(line.arguments["before"]) }
                return !(line.key.hasPrefix("bulletin.returns.partial.") && isHidden(line.arguments["count"]))
            }
        case "camps":
            let leftHidden = block.lines.filter { $0.key.hasPrefix("bulletin.camps.left") && (isHidden($0.arguments["count"]) || isHidden($0.arguments["remaining"])) }
            let paceHidden = block.lines.filter { $0.key.hasPrefix("bulletin.camps.forecast") && isHidden($0.arguments["days"].flatMap { days in
                if case .entry(let id) = days { .entry(id.replacingOccurrences(of: ".paceDays", with: ".recentPersons")) } else { nil }
            }) }
            let sites = Set(leftHidden.compactMap { $0.arguments["site"] }), paced = Set(paceHidden.compactMap { $0.arguments["site"] })
            return block.lines.filter { line in
                // "<5 people, more than its 3 places" would say 4: a centre's line goes with its estimate.
                if line.key == "bulletin.camps.centreOverCapacity" { return !isHidden(line.arguments["persons"]) }
                guard let site = line.arguments["site"] else { return true }
                if campLinesFromDepartures.contains(line.key), sites.contains(site) { return false }
                return !((line.key.hasPrefix("bulletin.camps.forecast") || line.key.hasPrefix("bulletin.camps.deadline.")) && paced.contains(site))
            }
        default:
            return block.lines
        }
    }
}

/// Turns per-key sums into a ``TotalsReport``: sorted (largest first; weeks and months in the calendar's order),
/// named, cut to the top N.
///
/// The store sums in SQL; bucketing by week or month happens here, on sums by period, so both
/// databases share one definition of a week.
public struct TotalsBuilder: Sendable {
    /// Sums for one key and category, as the store returns them.
    public struct Sum: Sendable {
        public var key: String?
        public var category: MovementCategory
        public var persons: Int

        public init(key: String?, category: MovementCategory, persons: Int) {
            self.key = key
            self.category = category
            self.persons = persons
        }
    }

    public init() {}

    /// The key of the calendar bucket a period falls in, or the period itself when it spans several buckets.
    public static func calendarKey(_ period: Period, _ grouping: Grouping) -> String {
        switch grouping {
        case .week:
            return period.start.weekStart == period.end.weekStart ? period.start.isoWeek : period.description
        default:
            let month = period.start.monthIndex
            guard month == period.end.monthIndex else { return period.description }
            let first = Day.firstOfMonth(index: month)
            return String(first.description.prefix(7))
        }
    }

    /// The readable name of a calendar key: a week's first and last day, or the month. A week the window cuts (2020-W53
    /// asked for the year 2020) is named by the days it counts, as the command line's table names it.
    public static func calendarName(_ key: String, _ grouping: Grouping, window: DateWindow = DateWindow()) -> String {
        if key.contains("/") { return "period \(key.replacingOccurrences(of: "/", with: " to ")), across \(grouping.rawValue)s" }
        guard grouping == .week, let days = weekDays(key, window: window) else { return key }
        return "\(days.first) to \(days.last)"
    }

    /// The days of a week's key that a window counts: its Monday to Sunday, cut by the window's ends.
    public static func weekDays(_ key: String, window: DateWindow) -> (first: Day, last: Day)? {
        guard let monday = calendarStart(key, .week), !key.contains("/") else { return nil }
        let sunday = monday.adding(days: 6)
        return (max(monday, window.from ?? monday), min(sunday, window.to ?? sunday))
    }

    /// The first day of a calendar key's bucket (a week's Monday, a month's first, a period's start), which orders
    /// buckets as the calendar does: "2026-W01" may begin in December 2025.
    public static func calendarStart(_ key: String, _ grouping: Grouping) -> Day? {
        if let slash = key.firstIndex(of: "/") { return Day(String(key[..<slash])) }
        guard grouping == .week else { return Day(key + "-01") }
        let parts = key.split(separator: "-W")
        guard parts.count == 2, let year = Int(parts[0]), let week = Int(parts[1]) else { return nil }
        return Day(year: year, month: 1, day: 4)!.weekStart.adding(days: 7 * (week - 1))
    }

    /// - Parameter name: a key's name in a language, `nil` where it has none; a key without an English name is named by itself.
    public func report(window: DateWindow, sums: [Sum], partial: Int, top: Int?, calendar: Grouping? = nil,
                       name: (_ key: String, Language) -> String?) -> TotalsReport {
        var groups: [String?: TotalsGroup] = [:]
        var refugees = 0, idps = 0
        for sum in sums {
            var group = groups[sum.key] ?? TotalsGroup(key: sum.key, name: "", persons: 0, refugees: 0, idps: 0)
            group.persons += sum.persons
            switch sum.category {
            case .refugee: group.refugees += sum.persons; refugees += sum.persons
            case .idp: group.idps += sum.persons; idps += sum.persons
            }
            groups[sum.key] = group
        }
        var sorted = groups.values.sorted {
            $0.persons != $1.persons ? $0.persons > $1.persons : ($0.key ?? "") < ($1.key ?? "")
        }
        if let top { sorted = Array(sorted.prefix(top)) }
        // Weeks and months read as a series, in the calendar's order, whichever of them are shown.
        if let calendar {
            sorted.sort { a, b in
                switch (a.key.flatMap { Self.calendarStart($0, calendar) }, b.key.flatMap { Self.calendarStart($0, calendar) }) {
                case let (x?, y?) where x != y: x < y
                case (nil, _?): true
                case (_?, nil): false
                default: (a.key ?? "") < (b.key ?? "")
                }
            }
        }
        for index in sorted.indices {
            let key = sorted[index].key
            sorted[index].name = key.map { k in calendar.map { Self.calendarName(k, $0, window: window) } ?? name(k, .en) ?? k } ?? "not reported"
            if let key, calendar == nil {
                sorted[index].nameAr = name(key, .ar)
                sorted[index].nameRu = name(key, .ru)
            }
        }
        return TotalsReport(from: window.from, to: window.to, total: refugees + idps, refugees: refugees, idps: idps,
                            partial: partial, groups: sorted)
    }
}

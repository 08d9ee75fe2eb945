/// The dates a question is asked about, each end optional and inclusive.
public struct DateWindow: Hashable, Sendable, Codable {
    /// The years a window may be asked by, on the command line and in the API alike.
    public static let years = 1900...2999
    /// The first day of the first of ``years``: nothing is recorded before it, since no question could ask for it.
    public static let firstDay = Day(year: years.lowerBound, month: 1, day: 1)!

    public var from: Day?
    public var to: Day?

    public init(from: Day? = nil, to: Day? = nil) {
        self.from = from
        self.to = to
    }

    /// A window as people ask for it, the same from the command line, the API and the pages:
    /// `from`/`to`, a calendar `year`, or the `last` N days up to `to` (or today), which also gives
    /// the N days before it, for the week-on-week change.
    public struct Asked: Hashable, Sendable {
        public var from: Day?
        public var to: Day?
        public var year: Int?
        public var last: Int?

        public init(from: Day? = nil, to: Day? = nil, year: Int? = nil, last: Int? = nil) {
            self.from = from
            self.to = to
            self.year = year
            self.last = last
        }
    }

    /// What is wrong with a window as asked, naming the parameter (`from`, `to`, `year`, `last`).
    public struct Problem: Error, Hashable, Sendable {
        public var field: String
        public var reason: String
        /// The reason as the catalogue words it, where it does: an API's reader is answered in their language.
        public var message: Message?
    }

    /// The problem of a window whose end comes before its start.
    public static func endBeforeStart(from: Day, to: Day) -> Problem {
        Problem(field: "to", reason: "\(to) is before the window's start, \(from)",
                message: Message("problem.value.beforeStart", ["to": .code(to.description), "from": .code(from.description)]))
    }

    /// The days `last` may count back: ten years.
    public static let lastDays = 1 ... 3_660

    /// The window asked for, and for `last` the window of the same length just before it.
    public static func resolve(_ asked: Asked, today: Day) throws(Problem) -> (window: DateWindow, previous: DateWindow?) {
        if asked.year != nil && (asked.from != nil || asked.to != nil || asked.last != nil) {
            // Only what was given is named: a route that takes no `last` must not suggest it.
            let given = [("from", asked.from != nil), ("to", asked.to != nil), ("last", asked.last != nil)].filter(\.1).map(\.0)
            let named = given.count > 1 ? given.dropLast().joined(separator: ", ") + " and " + given.last! : given.joined()
            throw Problem(field: "year", reason: "a year is a window of its own: leave out " + named)
        }
        if asked.last != nil && asked.from != nil {
            throw Problem(field: "last", reason: "last counts back from to (or today): leave out from")
        }
        if let last = asked.last, !lastDays.contains(last) {
            throw Problem(field: "last", reason: "a number of days from 1 to 3660",
                          message: .wholeNumber(String(last), lastDays))
        }
        if let from = asked.from, let to = asked.to, to < from { throw endBeforeStart(from: from, to: to) }
        if let year = asked.year {
            guard Self.years.contains(year), let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
                throw Problem(field: "year", reason: "a year from 1900 to 2999, such as 2019")
            }
            return (DateWindow(from: first, to: last), nil)
        }
        if let last = asked.last {
            let end = asked.to ?? today
            return (DateWindow(from: end.adding(days: 1 - last), to: end),
                    DateWindow(from: end.adding(days: 1 - 2 * last), to: end.adding(days: -last)))
        }
        return (DateWindow(from: asked.from, to: asked.to), nil)
    }
}

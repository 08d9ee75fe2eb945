import Foundation

/// A closed range of days: the day or the span a count covers.
///
/// Reports give a day (`2019-01-15`), a month (`2019-01`) or a year (`2019`); each is a period.
/// Counts are never spread over the days of a period: a window either holds the whole period or not.
public struct Period: Hashable, Sendable, Codable {
    public let start: Day
    public let end: Day

    /// - Important: The caller checks `end >= start`; ``Period/parse(_:)`` and the rules do.
    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public init(day: Day) { self.init(start: day, end: day) }

    public var isSingleDay: Bool { start == end }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` (the whole month) or `YYYY` (the whole year).
    ///
    /// A date-time such as `2019-01-15T00:00:00` (as spreadsheets export dates) is read as its day.
    public static func parse(_ raw: String) -> Period? {
        // The common case first, without trimming or splitting.
        if let day = Day(digits: raw.utf8) { return Period(day: day) }
        var text = raw.withLatinDigits.trimmingBlanks
        if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }), text.distance(from: text.startIndex, to: t) == 10 {
            text = String(text[..<t])
        }
        if let day = Day(text) { return Period(day: day) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
           let first = Day(year: y, month: m, day: 1) {
            return Period(start: first, end: Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!)
        }
        if parts.count == 1, text.count == 4, let y = Int(text), let first = Day(year: y, month: 1, day: 1) {
            return Period(start: first, end: Day(year: y, month: 12, day: 31)!)
        }
        return nil
    }
}

extension Period: CustomStringConvertible {
    /// `2019-01-15` for a day, `2019-01-01/2019-01-31` (ISO 8601 interval) for a span.
    public var description: String { isSingleDay ? start.description : "\(start)/\(end)" }
}

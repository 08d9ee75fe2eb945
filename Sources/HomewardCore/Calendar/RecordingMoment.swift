import Foundation

/// A moment at which the ledger is asked about as it then stood (`--as-recorded-on`, `as_recorded_on`).
public enum RecordingMoment {
    /// Reads an ISO 8601 date-time with its zone (`2019-07-24T14:00:00Z`, `2019-07-24T17:00:00+03:00`),
    /// or a date, which means the end of that day in UTC: what had been recorded by the close of it.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.withLatinDigits.trimmingBlanks
        if let day = Day(trimmed) {
            return Date(timeIntervalSince1970: TimeInterval(day.number + 1) * 86_400 - 1)
        }
        return try? Date(trimmed, strategy: .iso8601)
    }

    /// Whether a moment asked for (as `parse` reads it) is still to come: the ledger as it will stand cannot be read, as
    /// imports may come before then. A date-time is, past `now` (a minute's grace for clocks); a date, which means the end
    /// of that day, only where the day has begun nowhere yet (UTC+14): "today" is read at any hour, in any zone.
    /// `now` is the clock that stamps what is recorded, not the deployment's injected day.
    public static func isToCome(_ text: String, now: Date) -> Bool {
        let trimmed = text.withLatinDigits.trimmingBlanks
        if let day = Day(trimmed) { return TimeInterval(day.number) * 86_400 > now.timeIntervalSince1970 + 14 * 3_600 }
        return parse(text).map { $0 > now.addingTimeInterval(60) } ?? false
    }

    /// Why a moment still to come is refused, for error messages.
    public static let toCome = "a moment still to come: the ledger can be read as it stood up to now, not as it will stand"

    /// What a valid value looks like, for error messages.
    public static let expected = "an ISO 8601 date-time with its zone, such as 2019-07-24T14:00:00Z, or a date (YYYY-MM-DD: the end of that day, UTC)"
}

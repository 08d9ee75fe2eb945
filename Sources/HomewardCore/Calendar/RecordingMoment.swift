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

    /// Whether a moment asked for is past the end of tomorrow (UTC) of the deployment's `today`: the ledger as it will
    /// stand cannot be read, as imports may still come before it. Tomorrow is allowed, since a deployment's day may be
    /// UTC's tomorrow, and "today", which means the end of that day in UTC, must be read there at any hour.
    public static func isToCome(_ moment: Date, today: Day) -> Bool {
        moment.timeIntervalSince1970 >= TimeInterval(today.number + 2) * 86_400
    }

    /// Why a moment still to come is refused, for error messages.
    public static let toCome = "a moment still to come: the ledger can be read as it stood up to now, not as it will stand"

    /// What a valid value looks like, for error messages.
    public static let expected = "an ISO 8601 date-time with its zone, such as 2019-07-24T14:00:00Z, or a date (YYYY-MM-DD: the end of that day, UTC)"
}

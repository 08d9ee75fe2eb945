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

    /// Whether a moment asked for has not come yet: a day after tomorrow or later (the end of today in UTC may be tomorrow
    /// where the deployment's day is). The ledger as it will stand cannot be read: imports may still come before it.
    public static func isToCome(_ moment: Date, now: Date = Date()) -> Bool {
        moment > now.addingTimeInterval(86_400)
    }

    /// Why a moment still to come is refused, for error messages.
    public static let toCome = "a moment still to come: the ledger can be read as it stood up to now, not as it will stand"

    /// What a valid value looks like, for error messages.
    public static let expected = "an ISO 8601 date-time with its zone, such as 2019-07-24T14:00:00Z, or a date (YYYY-MM-DD: the end of that day, UTC)"
}

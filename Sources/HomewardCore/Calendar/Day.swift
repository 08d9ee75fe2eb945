/// A calendar day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Field reports name days, not instants: a crossing on 12 July is the same day wherever it is read.
/// Stored as a count of days since 1970-01-01 so that comparisons, week arithmetic and SQL columns
/// are plain integers on every database.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public let number: Int

    public init(number: Int) { self.number = number }

    /// A day from its year, month and day; `nil` when no such day exists (30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Days from civil, after H. Hinnant's public-domain algorithm description.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.number = era * 146097 + doe - 719468
    }

    /// Year, month (1–12) and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

    public func adding(days: Int) -> Day { Day(number: number + days) }

    /// 0 for Monday through 6 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((number % 7) + 7 + 3) % 7 }

    /// The Monday that starts this day's ISO week.
    public var weekStart: Day { Day(number: number - weekday) }

    /// The ISO 8601 week label, such as `2019-W03`.
    public var isoWeek: String {
        let thursday = weekStart.adding(days: 3)
        let year = thursday.components.year
        let firstThursday = Day(year: year, month: 1, day: 4)!.weekStart.adding(days: 3)
        let week = (thursday.number - firstThursday.number) / 7 + 1
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// Months since year 0, for month buckets: `year * 12 + month - 1`.
    public var monthIndex: Int {
        let c = components
        return c.year * 12 + c.month - 1
    }

    /// The first day of the month that `monthIndex` names.
    public static func firstOfMonth(index: Int) -> Day {
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        return Day(year: year, month: index - year * 12 + 1, day: 1)!
    }
}

extension Day: CustomStringConvertible, LosslessStringConvertible {
    /// ISO 8601, `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))" }
        // Digit by digit: every movement's fingerprint names its days, and interpolation showed in imports.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, at index: Int) { buffer[index] = UInt8(ascii: "0") + UInt8(value) }
            put(y / 1000, at: 0); put(y / 100 % 10, at: 1); put(y / 10 % 10, at: 2); put(y % 10, at: 3)
            put(m / 10, at: 5); put(m % 10, at: 6); put(d / 10, at: 8); put(d % 10, at: 9)
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            return 10
        }
    }

    /// Parses `YYYY-MM-DD` only, in Latin or Arabic digits (`٢٠٢٠-٠٦-٠١`); see ``Period/parse(_:)`` for months and years.
    public init?(_ text: String) {
        guard let day = Day(digits: text.utf8) ?? Day(digits: text.withLatinDigits.utf8) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` of ASCII digits, read byte by byte: nearly every row has a date, and splitting strings showed in imports.
    init?(digits utf8: String.UTF8View) {
        guard utf8.count == 10 else { return nil }
        var values = (0, 0, 0)
        for (index, byte) in utf8.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch index {
            case 0..<4: values.0 = values.0 * 10 + digit
            case 5..<7: values.1 = values.1 * 10 + digit
            default: values.2 = values.2 * 10 + digit
            }
        }
        self.init(year: values.0, month: values.1, day: values.2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date of the form YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

import Foundation

/// Days written out as a language writes dates: 29 June 2020, 29 июня 2020 г., ٢٩ حزيران ٢٠٢٠.
///
/// A ``Day`` has no time zone, so it is formatted as midnight UTC in the Gregorian calendar: the same day
/// wherever the server runs.
public struct DayFormat: Sendable {
    public let language: Language
    private let style: Date.FormatStyle
    private let monthStyle: Date.FormatStyle
    private let rangeStyle: Date.IntervalFormatStyle

    public init(_ language: Language, digits: Digits = .native) {
        self.language = language
        style = Date.FormatStyle(date: .long, time: .omitted, locale: language.locale(digits: digits),
                                 calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC")!)
        monthStyle = Date.FormatStyle(locale: language.locale(digits: digits), calendar: Calendar(identifier: .gregorian),
                                      timeZone: TimeZone(identifier: "UTC")!).month(.wide).year()
        rangeStyle = Date.IntervalFormatStyle(date: .long, time: .omitted, locale: language.locale(digits: digits),
                                              calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC")!)
    }

    public func string(_ day: Day) -> String {
        let written = Date(timeIntervalSince1970: TimeInterval(day.number) * 86_400).formatted(style)
        // CLDR's Arabic puts a comma before the year (٢٩ حزيران، ٢٠٢٠), which in a sentence runs into the sentence's own
        // commas ("حتى ١٥ آذار، ٢٠٢٤، عاد…"); Arabic prose, UN documents among it, writes the day without one. The comma
        // alone goes, whatever space CLDR puts after it: a date holds no other.
        return language == .ar ? written.replacingOccurrences(of: "،", with: "") : written
    }

    /// Days from `first` to `last` as the language writes a span, its month and year once where they are shared: 9–15 November
    /// 2026, 9—15 ноября 2026 г., ٩–١٥ تشرين الثاني ٢٠٢٦ (a week of a table, beside months named in words).
    public func range(_ first: Day, _ last: Day) -> String {
        guard first < last else { return string(first) }
        let dates = Date(timeIntervalSince1970: TimeInterval(first.number) * 86_400) ..< Date(timeIntervalSince1970: TimeInterval(last.number) * 86_400)
        let written = dates.formatted(rangeStyle)
        return language == .ar ? written.replacingOccurrences(of: "،", with: "") : written
    }

    /// A moment as the language writes a date and a time of day in UTC (1 December 2026 at 23:59:59), for a ledger read as it
    /// stood then; Arabic keeps CLDR's commas here, the only mark between the year and the hour.
    public func moment(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .standard, locale: style.locale, calendar: Calendar(identifier: .gregorian),
                                        timeZone: TimeZone(identifier: "UTC")!))
    }

    /// The month a day falls in, as the language names it: June 2020, июнь 2020 г., حزيران ٢٠٢٠.
    public func month(_ day: Day) -> String {
        Date(timeIntervalSince1970: TimeInterval(day.number) * 86_400).formatted(monthStyle)
    }
}

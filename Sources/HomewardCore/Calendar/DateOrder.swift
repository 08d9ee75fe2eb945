/// Which comes first in a date a spreadsheet wrote with its day and month apart (`15/03/2024`, `03.15.2024`): the
/// locale of the sheet decides, and the file does not say, so the person importing it does (`--date-order`).
public enum DateOrder: String, CaseIterable, Sendable {
    /// Day, month, year: most of the world's spreadsheets, Russian and Arabic ones among them.
    case dmy
    /// Month, day, year: the United States'.
    case mdy

    /// A date as Homeward writes it (`2024-03-15`) from another way a spreadsheet wrote it, or `nil` where the text is
    /// not such a date or reads either way.
    ///
    /// A year first (`2024/03/15`, `2024-3-5`) reads one way only. Day and month apart read by `order`; without one, a date
    /// whose day is after the 12th reads one way only too (`15/03/2024`), and `05/03/2024` is ``Reading/eitherWay``.
    /// A time after the date (`15/03/2024 10:30`, Excel's) is left off: a day is what a record is dated by.
    public static func iso(_ text: String, order: DateOrder?) -> Reading {
        // Arabic-Indic digits (٢٧/١١/٢٠٢٦) read as the Latin ones, as every other figure of a row is.
        let pieces = text.withLatinDigits.split(separator: " ", maxSplits: 1)
        // Only a time may follow: `01/03/2024 - 31/03/2024` is a period, which no day stands for.
        guard let date = pieces.first.map(String.init), pieces.count == 1 || isTime(pieces[1]) else { return .none }
        let parts = date.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              Set(date.filter { $0 == "/" || $0 == "." || $0 == "-" }).count == 1 else { return .none }
        let numbers = parts.compactMap { Int($0) }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 { return written(numbers[0], numbers[1], numbers[2]) }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return .none }
        switch order {
        case .dmy: return written(numbers[2], numbers[1], numbers[0])
        case .mdy: return written(numbers[2], numbers[0], numbers[1])
        case nil:
            if numbers[0] > 12, numbers[1] <= 12 { return written(numbers[2], numbers[1], numbers[0]) }
            if numbers[1] > 12, numbers[0] <= 12 { return written(numbers[2], numbers[0], numbers[1]) }
            return numbers[0] == numbers[1] ? written(numbers[2], numbers[1], numbers[0]) : .eitherWay
        }
    }

    /// `10:30`, `10:30:00`, `9:05 AM`: the clock time a spreadsheet writes after a date.
    private static func isTime(_ text: Substring) -> Bool {
        var clock = text.trimmingPrefix(" ")
        for suffix in [" AM", " PM", "AM", "PM", " am", " pm"] where clock.hasSuffix(suffix) {
            clock = clock.dropLast(suffix.count)
            break
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        return (2 ... 3).contains(parts.count) && parts.allSatisfy { (1 ... 2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// What ``iso(_:order:)`` made of a text.
    public enum Reading: Equatable, Sendable {
        /// Not a date written another way: read as it is.
        case none
        /// The date as Homeward writes it.
        case date(String)
        /// Day and month apart, each 12 or less, and no order given.
        case eitherWay
    }

    private static func written(_ year: Int, _ month: Int, _ day: Int) -> Reading {
        let padded = { (number: Int, width: Int) in String(repeating: "0", count: max(0, width - String(number).count)) + String(number) }
        let text = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
        return Day(text) == nil ? .none : .date(text)
    }
}

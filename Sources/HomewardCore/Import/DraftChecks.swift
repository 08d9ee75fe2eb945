/// Reads the values every kind of record shares (a date, a period, a whole number, a required text) from
/// a draft, and keeps each refusal located by row, column and value, as ``MovementRules`` does.
public struct DraftChecks<Field: ImportField>: Sendable {
    public let draft: ImportDraft<Field>
    /// Nothing is dated after this day.
    public let today: Day
    public private(set) var problems: [ImportProblem] = []

    public init(_ draft: ImportDraft<Field>, today: Day) {
        self.draft = draft
        self.today = today
    }

    public var isRejected: Bool { problems.contains { $0.severity == .error } }

    public mutating func fail(_ field: Field?, _ message: Message, value: String? = nil, warning: Bool = false) {
        // A value the row did not give (an implied quantity of 1) is named by the field's key, not by an empty column.
        let label = field.map { draft.label($0).isEmpty && value != nil ? $0.jsonKey ?? "" : draft.label($0) } ?? ""
        problems.append(ImportProblem(row: draft.row, column: label,
                                      value: value ?? field.flatMap { draft[$0] } ?? "", message,
                                      severity: warning ? .warning : .error))
    }

    /// A text the record cannot do without; `missing` says which when it is absent.
    public mutating func required(_ field: Field, missing: Message) -> String? {
        guard let value = draft[field] else {
            fail(field, missing)
            return nil
        }
        guard !value.utf8.contains(0), value.unicodeScalars.count <= 500 else {
            fail(field, Message("import.text.tooLong"), value: String(value.prefix(40)))
            return nil
        }
        return value
    }

    /// The refusal of a date that does not read; for a spreadsheet's day number (45600, where a date column was formatted
    /// as numbers), one that says which day the number stands for: the column may hold something else, so it is not taken.
    static func notADate(_ text: String, _ refusal: Message) -> Message {
        spreadsheetDay(text).map { Message("import.date.spreadsheetNumber", ["day": .day($0)]) } ?? refusal
    }

    /// The day a spreadsheet writes as `text`, counting from 30 December 1899 as Excel and LibreOffice do, for the
    /// numbers of 1970 to 2099 alone.
    static func spreadsheetDay(_ text: String) -> Day? {
        // A date and time is the day's number with the time as its fraction (45600.5, pandas' 45600.0).
        let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard whole.count == 1 || whole[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }) && !whole[1].isEmpty else { return nil }
        let text = whole[0]
        guard text.utf8.count == 5, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(text),
              (25_569...73_050).contains(number) else { return nil }
        return Day(year: 1899, month: 12, day: 30)!.adding(days: number)
    }

    /// One day, `YYYY-MM-DD`, not after today.
    public mutating func day(_ field: Field) -> Day? {
        guard let text = required(field, missing: Message("import.date.missing")) else { return nil }
        guard let day = Day(text) else {
            fail(field, Self.notADate(text, Message("import.day.invalid")))
            return nil
        }
        guard day <= today else {
            fail(field, Message("import.date.future", ["today": .day(today)]))
            return nil
        }
        guard notTooEarly(day, field) else { return nil }
        return day
    }

    /// Whether `day` is on or after ``DateWindow/firstDay``, failing `field` if not: a typed year 1 or 1850 is refused here
    /// rather than counted in totals that no query can ask for.
    public mutating func notTooEarly(_ day: Day, _ field: Field) -> Bool {
        guard day < DateWindow.firstDay else { return true }
        fail(field, Message("import.date.tooEarly", ["year": .serial(DateWindow.years.lowerBound)]))
        return false
    }

    /// A day or a period: one date (a day, `YYYY-MM` or `YYYY`), or a start and an end; not after today.
    public mutating func period(date: Field, start: Field, end: Field) -> Period? {
        let invalid = Message("import.date.invalid")
        var period: Period?
        if draft[date] != nil, let other = [start, end].first(where: { draft[$0] != nil }) {
            // Which one the reporter meant cannot be told: a month's figure kept on one day is a wrong figure.
            fail(date, Message("import.date.andPeriod", ["other": .code(draft.label(other))]))
            return nil
        }
        if let text = draft[date] {
            guard let parsed = Period.parse(text) else { fail(date, Self.notADate(text, invalid)); return nil }
            period = parsed
        } else if draft[start] != nil || draft[end] != nil {
            guard let startText = draft[start] else { fail(start, Message("import.date.endWithoutStart")); return nil }
            guard let endText = draft[end] else { fail(end, Message("import.date.startWithoutEnd")); return nil }
            guard let first = Period.parse(startText)?.start else { fail(start, Self.notADate(startText, invalid)); return nil }
            guard let last = Period.parse(endText)?.end else { fail(end, Self.notADate(endText, invalid)); return nil }
            guard last >= first else { fail(end, Message("import.date.endBeforeStart", ["start": .day(first)])); return nil }
            period = Period(start: first, end: last)
        } else {
            fail(draft.has(date) ? date : start, Message("import.date.missing"))
            return nil
        }
        if let period, period.end > today {
            fail(draft[date] != nil ? date : end, Message("import.date.future", ["today": .day(today)]))
            return nil
        }
        if let period, !notTooEarly(period.start, draft[date] != nil ? date : start) { return nil }
        return period
    }

    /// A whole number from 0 up, read as counts are read in the ledger; `nil` and a problem otherwise.
    public mutating func wholeNumber(_ field: Field, maximum: Int = 10_000_000) -> Int? {
        guard let text = draft[field] else {
            fail(field, Message("import.number.missing"))
            return nil
        }
        guard let number = MovementRules.wholeNumber(text) else {
            fail(field, ScaledNumber.readsEitherWay(text, separator: ".") ? ScaledNumber.eitherWay(text, separator: ".")
                    : MovementRules.isTooLong(text) ? Message("import.number.tooLarge", ["maximum": .count(maximum)]) : Message("import.number.invalid"))
            return nil
        }
        guard number >= 0 else {
            fail(field, Message("import.number.negative"))
            return nil
        }
        guard number <= maximum else {
            fail(field, Message("import.number.tooLarge", ["maximum": .count(maximum)]))
            return nil
        }
        return number
    }
}

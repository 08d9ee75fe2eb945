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

    public mutating func fail(_ field: Field?, _ reason: String, value: String? = nil, warning: Bool = false) {
        problems.append(ImportProblem(row: draft.row, column: field.map(draft.label) ?? "",
                                      value: value ?? field.flatMap { draft[$0] } ?? "", reason: reason,
                                      severity: warning ? .warning : .error))
    }

    /// A text the record cannot do without.
    public mutating func required(_ field: Field, _ what: String) -> String? {
        guard let value = draft[field] else {
            fail(field, "no \(what)")
            return nil
        }
        guard !value.utf8.contains(0), value.count <= 500 else {
            fail(field, "not text of at most 500 characters", value: String(value.prefix(40)))
            return nil
        }
        return value
    }

    /// One day, `YYYY-MM-DD`, not after today.
    public mutating func day(_ field: Field) -> Day? {
        guard let text = required(field, "date") else { return nil }
        guard let day = Day(text) else {
            fail(field, "not a real date: a date is YYYY-MM-DD")
            return nil
        }
        guard day <= today else {
            fail(field, "the date is in the future (today is \(today)); figures are recorded after the fact")
            return nil
        }
        return day
    }

    /// A day or a period: one date (a day, `YYYY-MM` or `YYYY`), or a start and an end; not after today.
    public mutating func period(date: Field, start: Field, end: Field) -> Period? {
        let format = "a date is YYYY-MM-DD, or YYYY-MM for a whole month, or YYYY for a whole year"
        var period: Period?
        if let text = draft[date] {
            guard let parsed = Period.parse(text) else { fail(date, "not a real date: \(format)"); return nil }
            period = parsed
        } else if draft[start] != nil || draft[end] != nil {
            guard let startText = draft[start] else { fail(start, "the period has an end but no start"); return nil }
            guard let endText = draft[end] else { fail(end, "the period has a start but no end"); return nil }
            guard let first = Period.parse(startText)?.start else { fail(start, "not a real date: \(format)"); return nil }
            guard let last = Period.parse(endText)?.end else { fail(end, "not a real date: \(format)"); return nil }
            guard last >= first else { fail(end, "the period ends before it starts (\(first))"); return nil }
            period = Period(start: first, end: last)
        } else {
            fail(draft.has(date) ? date : start, "no date")
            return nil
        }
        if let period, period.end > today {
            fail(draft[date] != nil ? date : end, "the date is in the future (today is \(today)); figures are recorded after the fact")
            return nil
        }
        return period
    }

    /// A whole number from `minimum` up, read as counts are read in the ledger; `nil` and a problem otherwise.
    public mutating func wholeNumber(_ field: Field, minimum: Int = 0, maximum: Int = 10_000_000) -> Int? {
        guard let text = draft[field] else {
            fail(field, "no number")
            return nil
        }
        guard let number = MovementRules.wholeNumber(text) else {
            fail(field, "not a whole number")
            return nil
        }
        guard number >= minimum else {
            fail(field, minimum == 1 ? "a number of people is at least 1" : "a count is not negative")
            return nil
        }
        guard number <= maximum else {
            fail(field, "more than \(maximum): a typing error, or a figure to split")
            return nil
        }
        return number
    }
}

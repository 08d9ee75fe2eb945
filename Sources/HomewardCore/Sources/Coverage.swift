/// What stretch of time a figure covers: cumulative since a date (or since records began), or a period.
///
/// A year is the period from its 1 January to its 31 December. A cumulative figure covers from its start to
/// the day it was stated.
public enum Coverage: Hashable, Sendable {
    case cumulative(since: Day?)
    case period(Period)

    public static func year(_ year: Int) -> Coverage? {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return nil }
        return .period(Period(start: first, end: last))
    }

    public var isCumulative: Bool {
        if case .cumulative = self { true } else { false }
    }

    /// The days a figure stated on `date` covers: its start (`nil` for since records began) and its end.
    public func span(statedOn date: Day) -> (from: Day?, to: Day) {
        switch self {
        case .cumulative(let since): (since, date)
        case .period(let period): (period.start, period.end)
        }
    }

    /// Whether the figure covers exactly the window asked: the same start (both open, or the same day) and, when
    /// the window has an end, the same end. A figure that does not is shown, marked, and never adjusted.
    public func matches(_ window: DateWindow, statedOn date: Day) -> Bool {
        let span = span(statedOn: date)
        return span.from == window.from && (window.to.map { $0 == span.to } ?? true)
    }

    /// A stable text of the coverage, part of a figure's identity when it has no id of its own.
    public var key: String {
        switch self {
        case .cumulative(let since): "since:\(since?.description ?? "")"
        case .period(let period): "period:\(period.start)/\(period.end)"
        }
    }
}

extension Coverage: Codable {
    enum CodingKeys: String, CodingKey { case since, from, to }

    /// `{"since": "2018-07-01"}` (`null` for since records began), or `{"from": …, "to": …}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .cumulative(let since): try c.encode(since, forKey: .since)
        case .period(let period):
            try c.encode(period.start, forKey: .from)
            try c.encode(period.end, forKey: .to)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let from = try c.decodeIfPresent(Day.self, forKey: .from) {
            self = .period(Period(start: from, end: try c.decode(Day.self, forKey: .to)))
        } else {
            self = .cumulative(since: try c.decodeIfPresent(Day.self, forKey: .since))
        }
    }
}

import Foundation

/// Totals for a window, with the window of the same length before it when the question was "the last N days":
/// the one JSON answer of `homeward totals` and `GET /api/v1/totals`.
///
/// Encodes as the report itself, plus `previous` (its window and totals) and `change` (this total less that one),
/// and `as_recorded_on` when the ledger was asked about as it stood at a past moment: figures saved without the question
/// must still say they are not today's.
public struct TotalsComparison: Hashable, Sendable, Encodable {
    public var report: TotalsReport
    public var previous: TotalsReport?
    public var asRecordedOn: Date?

    public init(report: TotalsReport, previous: TotalsReport? = nil, asRecordedOn: Date? = nil) {
        self.report = report
        self.previous = previous
        self.asRecordedOn = asRecordedOn
    }

    /// This window's total less the previous one's.
    public var change: Int? { previous.map { report.total - $0.total } }

    enum Keys: String, CodingKey {
        case previous, change
        case asRecordedOn = "as_recorded_on"
    }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        if let asRecordedOn { try container.encode(asRecordedOn.formatted(.iso8601), forKey: .asRecordedOn) }
        guard let previous else { return }
        try container.encode(PreviousWindow(previous), forKey: .previous)
        try container.encode(report.total - previous.total, forKey: .change)
    }

    struct PreviousWindow: Encodable {
        var from: Day?, to: Day?, total: Int, refugees: Int, idps: Int, partial: Int
        init(_ r: TotalsReport) { (from, to, total, refugees, idps, partial) = (r.from, r.to, r.total, r.refugees, r.idps, r.partial) }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(total, forKey: .total)
            try c.encode(refugees, forKey: .refugees)
            try c.encode(idps, forKey: .idps)
            try c.encode(partial, forKey: .partial)
        }

        enum CodingKeys: String, CodingKey { case from, to, total, refugees, idps, partial }
    }
}

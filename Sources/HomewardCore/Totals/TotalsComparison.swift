/// Totals for a window, with the window of the same length before it when the question was "the last N days":
/// the one JSON answer of `homeward totals` and `GET /api/v1/totals`.
///
/// Encodes as the report itself, plus `previous` (its window and totals) and `change` (this total less that one).
public struct TotalsComparison: Hashable, Sendable, Encodable {
    public var report: TotalsReport
    public var previous: TotalsReport?

    public init(report: TotalsReport, previous: TotalsReport? = nil) {
        self.report = report
        self.previous = previous
    }

    /// This window's total less the previous one's.
    public var change: Int? { previous.map { report.total - $0.total } }

    enum Keys: String, CodingKey { case previous, change }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        guard let previous else { return }
        var container = encoder.container(keyedBy: Keys.self)
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

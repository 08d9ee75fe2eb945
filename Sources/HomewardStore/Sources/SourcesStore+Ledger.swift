import HomewardCore
import SQLKit

extension SourcesStore {
    /// The ledger's own sum over a window, with how many records and organisations it adds up: movements whose
    /// whole period lies in the window, as totals count them.
    public func ledgerSum(window: DateWindow, category: MovementCategory? = nil) async throws -> SourceComparison.LedgerFigure {
        try await ledgerSums(window: window, category: category, byCrossing: false).first?.sum
            ?? SourceComparison.LedgerFigure(value: 0, records: 0, organisations: 0)
    }

    /// The same sum for each crossing point with movements in the window, largest first.
    public func ledgerSumsByCrossing(window: DateWindow) async throws -> [(crossing: String, sum: SourceComparison.LedgerFigure)] {
        try await ledgerSums(window: window, category: nil, byCrossing: true).compactMap { row in row.crossing.map { ($0, row.sum) } }
    }

    private func ledgerSums(window: DateWindow, category: MovementCategory?, byCrossing: Bool) async throws
        -> [(crossing: String?, sum: SourceComparison.LedgerFigure)] {
        try await database.read { db in
            // PostgreSQL sums BIGINT as NUMERIC: cast back, as the ledger's totals do.
            var query: SQLQueryString = "SELECT \(unsafeRaw: byCrossing ? "crossing_code" : "CAST(NULL AS TEXT)") AS crossing, "
                + "CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS persons, "
                + "COUNT(*) AS records, COUNT(DISTINCT organisation_id) AS organisations FROM movements WHERE 1 = 1"
            if let from = window.from { query += " AND start_day >= \(bind: from.number)" }
            if let to = window.to { query += " AND end_day <= \(bind: to.number)" }
            if let category { query += " AND category = \(bind: category.rawValue)" }
            if byCrossing { query += " AND crossing_code IS NOT NULL GROUP BY crossing_code ORDER BY persons DESC, crossing_code" }
            return try await db.raw(query).all().map { row in
                (try row.decode(column: "crossing", as: String?.self),
                 SourceComparison.LedgerFigure(value: try row.decode(column: "persons", as: Int.self), records: try row.decode(column: "records", as: Int.self),
                                               organisations: try row.decode(column: "organisations", as: Int.self)))
            }
        }
    }
}

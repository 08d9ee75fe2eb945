import HomewardCore
import SQLKit

extension LedgerStore {
    /// The groups of `window` that more than one organisation reported (the same days, crossing, origin, destination and
    /// category, each with a count), by crossing point: every sum adds each organisation's report, which counts one group
    /// twice where they are of the same people, so a statement says how many there are. `nil` crossings are moves inside
    /// the country that name none.
    public func groupsReportedBySeveral(in window: DateWindow) async throws -> [(crossing: String?, groups: Int)] {
        try await database.read { db in
            var query: SQLQueryString = """
                SELECT crossing_code, CAST(COUNT(*) AS BIGINT) AS groups FROM (
                    SELECT crossing_code FROM movements WHERE persons > 0
                """
            if let from = window.from { query += " AND start_day >= \(bind: from.number)" }
            if let to = window.to { query += " AND end_day <= \(bind: to.number)" }
            query += """
                 GROUP BY start_day, end_day, crossing_code, origin_country, origin_pcode, dest_pcode, category
                    HAVING COUNT(DISTINCT organisation_id) > 1) g
                GROUP BY crossing_code ORDER BY crossing_code
                """
            return try await db.raw(query).all().map {
                (try $0.decode(column: "crossing_code", as: String?.self), try $0.decode(column: "groups", as: Int.self))
            }
        }
    }
}

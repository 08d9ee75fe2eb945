import HomewardCore
import SQLKit

extension SourcesStore {
    /// The ledger's own sums over a window (all movements, refugees, IDPs), each with how many records and
    /// organisations it adds up: movements whose whole period lies in the window, as totals count them.
    ///
    /// One query on the rollups, which hold each cell's persons and records, and a cell per organisation: a
    /// million movements cost a few thousand rows read, not a scan of the ledger per figure.
    public func ledgerSums(window: DateWindow) async throws -> LedgerSums {
        try await database.read { db in
            let window = TotalsQuery(window: window)
            let all = LedgerStore.rollupSource(.all, window), byOrganisation = LedgerStore.rollupSource(.organisation, window)
            // PostgreSQL sums BIGINT as NUMERIC: cast back, as the ledger's totals do.
            let rows = try await db.raw("""
                SELECT 'all' AS part, '' AS k, m.category AS category, CAST(SUM(m.persons) AS BIGINT) AS persons,
                       CAST(SUM(m.movements) AS BIGINT) AS records FROM \(all) GROUP BY m.category
                UNION ALL
                SELECT 'organisation' AS part, m.key AS k, m.category AS category, CAST(SUM(m.persons) AS BIGINT) AS persons,
                       CAST(SUM(m.movements) AS BIGINT) AS records FROM \(byOrganisation) GROUP BY m.key, m.category
                """).all()
            var sums = LedgerSums()
            var organisations: [MovementCategory: Set<String>] = [:]
            for row in rows {
                let category = try LedgerStore.category(try row.decode(column: "category", as: String.self))
                let records = try row.decode(column: "records", as: Int.self)
                if try row.decode(column: "part", as: String.self) == "all" {
                    sums.add(persons: try row.decode(column: "persons", as: Int.self), records: records, category: category)
                } else if records > 0 {
                    organisations[category, default: []].insert(try row.decode(column: "k", as: String.self))
                }
            }
            sums.total.organisations = organisations.values.reduce(into: Set<String>()) { $0.formUnion($1) }.count
            sums.refugees.organisations = organisations[.refugee]?.count ?? 0
            sums.idps.organisations = organisations[.idp]?.count ?? 0
            return sums
        }
    }

    /// The ledger's own sum over a window, of one category or of both.
    public func ledgerSum(window: DateWindow, category: MovementCategory? = nil) async throws -> SourceComparison.LedgerFigure {
        try await ledgerSums(window: window).figure(category)
    }

    /// The ledger's own sum of the returns to one area (or inside it) over a window: movements whose whole period lies in it.
    ///
    /// Summed from the movements (the rollups keep no organisations per area), as a question about one area is asked
    /// now and then, not on every page.
    public func ledgerSum(window: DateWindow, category: MovementCategory?, area: String) async throws -> SourceComparison.LedgerFigure {
        try await database.read { db in
            // The area's own level's column alone: one condition, not four.
            let level = try await db.raw("SELECT level FROM admin_areas WHERE pcode = \(bind: area)").first(decodingColumn: "level", as: Int.self) ?? 1
            var query: SQLQueryString = "SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS persons, COUNT(*) AS records, "
                + "COUNT(DISTINCT organisation_id) AS organisations FROM movements WHERE persons > 0 AND "
                + "dest_adm\(unsafeRaw: String(try PlacesStore.level(level).rawValue)) = \(bind: area)"
            if let category { query += " AND category = \(bind: category.rawValue)" }
            if let from = window.from { query += " AND start_day >= \(bind: from.number)" }
            if let to = window.to { query += " AND end_day <= \(bind: to.number)" }
            guard let row = try await db.raw(query).first() else { return .init(value: 0, records: 0, organisations: 0) }
            return .init(value: try row.decode(column: "persons", as: Int.self), records: try row.decode(column: "records", as: Int.self),
                         organisations: try row.decode(column: "organisations", as: Int.self))
        }
    }

    /// The same sum for each crossing point with movements in the window, largest first.
    ///
    /// Summed from the movements themselves (no rollup holds organisations per crossing), so meant for short windows
    /// such as a bulletin's week: the period index bounds the rows read.
    /// - Returns: each crossing point's sum, and (crossing `nil`) the sum of movements that name none.
    public func ledgerSumsByCrossing(window: DateWindow) async throws -> [(crossing: String?, sum: SourceComparison.LedgerFigure)] {
        try await database.read { db in
            var query: SQLQueryString = "SELECT crossing_code AS crossing, CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS persons, "
                + "COUNT(*) AS records, COUNT(DISTINCT organisation_id) AS organisations FROM movements WHERE persons > 0"
            if let from = window.from { query += " AND start_day >= \(bind: from.number)" }
            // A movement ends no earlier than it starts: bounding the start lets the index stop at the window's end.
            if let to = window.to { query += " AND end_day <= \(bind: to.number) AND start_day <= \(bind: to.number)" }
            query += " GROUP BY crossing_code ORDER BY persons DESC, crossing_code"
            return try await db.raw(query).all().map { row in
                (try row.decode(column: "crossing", as: String?.self),
                 SourceComparison.LedgerFigure(value: try row.decode(column: "persons", as: Int.self), records: try row.decode(column: "records", as: Int.self),
                                               organisations: try row.decode(column: "organisations", as: Int.self)))
            }
        }
    }
}

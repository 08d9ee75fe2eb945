import HomewardCore
import SQLKit

extension Store {
    /// Movements in recording order, a page at a time: pass the last id of one page to get the next.
    ///
    /// - Parameters:
    ///   - window: only movements whose whole period lies in it.
    ///   - after: the id the previous page ended with.
    public func movements(window: DateWindow = DateWindow(), crossing: String? = nil, after: Int? = nil,
                          limit: Int = 100) async throws -> [RecordedMovement] {
        try await read { db in
            var query: SQLQueryString = """
                SELECT m.id, m.start_day, m.end_day, m.category, m.crossing_code, COALESCE(m.origin_country, m.origin_pcode) AS origin,
                       m.dest_pcode, m.persons, o.name AS organisation, m.source, m.external_id, m.recorded_at
                FROM movements m JOIN organisations o ON o.id = m.organisation_id WHERE m.id > \(bind: after ?? 0)
                """
            if let from = window.from { query += " AND m.start_day >= \(bind: from.number)" }
            if let to = window.to { query += " AND m.end_day <= \(bind: to.number)" }
            if let crossing { query += " AND m.crossing_code = \(bind: crossing)" }
            query += " ORDER BY m.id LIMIT \(bind: limit)"
            return try await db.raw(query).all().map { row in
                RecordedMovement(
                    id: try row.decode(column: "id", as: Int.self),
                    start: Day(number: try row.decode(column: "start_day", as: Int.self)),
                    end: Day(number: try row.decode(column: "end_day", as: Int.self)),
                    category: MovementCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .idp,
                    crossing: try row.decode(column: "crossing_code", as: String?.self),
                    origin: try row.decode(column: "origin", as: String?.self),
                    destination: try row.decode(column: "dest_pcode", as: String?.self),
                    persons: try row.decode(column: "persons", as: Int.self),
                    organisation: try row.decode(column: "organisation", as: String.self),
                    source: try row.decode(column: "source", as: String?.self),
                    externalId: try row.decode(column: "external_id", as: String?.self),
                    recordedAt: try row.decode(column: "recorded_at", as: String.self))
            }
        }
    }

    /// How many movements are stored, and the last day any of them covers.
    public func ledgerExtent() async throws -> (movements: Int, latest: Day?) {
        try await read { db in
            let row = try await db.raw("SELECT COUNT(*) AS n, MAX(end_day) AS latest FROM movements").first()
            return (try row?.decode(column: "n", as: Int.self) ?? 0,
                    try row?.decode(column: "latest", as: Int?.self).map(Day.init(number:)))
        }
    }
}

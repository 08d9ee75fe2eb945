import HomewardCore
import SQLKit

extension LedgerStore {
    /// Movements in recording order, a page at a time: pass a page's `nextCursor` (its last id) to get the next.
    ///
    /// One more than `limit` is read, so that the last page says it is the last, even when it is full.
    /// - Parameters:
    ///   - window: only movements whose whole period lies in it.
    ///   - organisation: only the movements one organisation reported (a partner's own), by its name as written.
    ///   - after: the id the previous page ended with.
    ///   - reportedBySeveral: only movements of a group another organisation reported alike (``groupsReportedBySeveral(in:)``),
    ///     the records behind a statement's count of them.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` for a window that ends before it starts, or a crossing point
    ///   the database does not know: answered as an empty page, either would read as "nothing recorded".
    public func movementPage(window: DateWindow = DateWindow(), crossing: String? = nil, organisation: String? = nil, after: Int? = nil,
                             limit: Int = 100, reportedBySeveral: Bool = false) async throws -> MovementPage {
        if let from = window.from, let to = window.to, to < from {
            throw StoreError.invalid(field: "to", value: to.description, reason: "\(to) is before the window's start, \(from)")
        }
        var crossing = crossing
        if let asked = crossing { crossing = try await database.read { try await Self.crossingCode(asked, on: $0) } }
        let page = PageCut(reading: try await movements(in: "movements", window: window, crossing: crossing, organisation: organisation,
                                                         after: after, limit: limit + 1, reportedBySeveral: reportedBySeveral),
                           limit: limit, id: \.id)
        // Only an empty page can come from a misspelt name, as in the totals.
        if let organisation, page.items.isEmpty { try await database.read { try await OrganisationsStore.refuseOtherSpelling(organisation, on: $0) } }
        return MovementPage(movements: page.items, nextCursor: page.nextCursor)
    }

    /// A crossing point's code as stored, asked in any letter case (codes are unique in any case, and an import reads
    /// `lbn-01` as `LBN-01`); refused where none has it, rather than answered "nothing recorded".
    static func crossingCode(_ asked: String, on db: any SQLDatabase) async throws -> String {
        guard let code = try await db.raw("SELECT code FROM crossing_points WHERE code IN (\(bind: asked), \(bind: KnownCodes.asciiUppercased(asked))) ORDER BY code")
            .first(decodingColumn: "code", as: String.self) else {
            throw StoreError.invalid(field: "crossing", value: asked, reason: "no crossing point has this code")
        }
        return code
    }

    /// The movements of `source` (the table, or `movementsSource(asRecordedOn:)` or `movementsSource(recordedThrough:)` for
    /// the versions in force at a moment or after an import)
    /// whose whole period lies in `window`, in id order, a page at a time.
    /// - Parameter withdrawn: whether movements taken back (0 persons) are listed: a list of the ledger shows them, the
    ///   records a figure summed do not, as no sum counts them.
    func movements(in source: SQLQueryString, window: DateWindow, category: MovementCategory? = nil, crossing: String?, withoutCrossing: Bool = false,
                   organisation: String? = nil, withdrawn: Bool = true, after: Int?, limit: Int,
                   reportedBySeveral: Bool = false) async throws -> [RecordedMovement] {
        let same = database.backend.nullSafeEquals
        return try await database.read { db in
            var query: SQLQueryString = """
                SELECT m.id, m.start_day, m.end_day, m.category, m.crossing_code, COALESCE(m.origin_country, m.origin_pcode) AS origin,
                       m.dest_pcode, m.persons, o.name AS organisation, m.source, m.external_id, m.recorded_at, m.recorded_by
                FROM \(source) m JOIN organisations o ON o.id = m.organisation_id WHERE m.id > \(bind: after ?? 0)
                """
            if let from = window.from { query += " AND m.start_day >= \(bind: from.number)" }
            if let to = window.to { query += " AND m.end_day <= \(bind: to.number)" }
            if let category { query += " AND m.category = \(bind: category.rawValue)" }
            if let crossing { query += " AND m.crossing_code = \(bind: crossing)" }
            if withoutCrossing { query += " AND m.crossing_code IS NULL" }
            if let organisation { query += " AND o.name = \(bind: organisation)" }
            if !withdrawn { query += " AND m.persons > 0" }
            if reportedBySeveral {
                query += """
                     AND m.persons > 0 AND EXISTS (SELECT 1 FROM movements s WHERE s.start_day = m.start_day AND s.end_day = m.end_day
                        AND s.category = m.category AND s.crossing_code \(unsafeRaw: same) m.crossing_code AND s.dest_pcode \(unsafeRaw: same) m.dest_pcode
                        AND s.origin_country \(unsafeRaw: same) m.origin_country AND s.origin_pcode \(unsafeRaw: same) m.origin_pcode
                        AND s.organisation_id <> m.organisation_id AND s.persons > 0)
                    """
            }
            query += " ORDER BY m.id LIMIT \(bind: limit)"
            return try await db.raw(query).all().map { try LedgerStore.recordedMovement($0, id: try $0.decode(column: "id", as: Int.self)) }
        }
    }

    /// A movement as a query with the columns of `movements` (origin and organisation resolved) returns it.
    static func recordedMovement(_ row: any SQLRow, id: Int) throws -> RecordedMovement {
        RecordedMovement(
            id: id,
            start: Day(number: try row.decode(column: "start_day", as: Int.self)),
            end: Day(number: try row.decode(column: "end_day", as: Int.self)),
            category: try LedgerStore.category(try row.decode(column: "category", as: String.self)),
            crossing: try row.decode(column: "crossing_code", as: String?.self),
            origin: try row.decode(column: "origin", as: String?.self),
            destination: try row.decode(column: "dest_pcode", as: String?.self),
            persons: try row.decode(column: "persons", as: Int.self),
            organisation: try row.decode(column: "organisation", as: String.self),
            source: try row.decode(column: "source", as: String?.self),
            externalId: try row.decode(column: "external_id", as: String?.self),
            recordedAt: try row.decode(column: "recorded_at", as: String.self),
            recordedBy: try row.decode(column: "recorded_by", as: String?.self))
    }

    /// How many movements are stored, and the last day any of them covers.
    ///
    /// Read from the rollups, which count movements as well as persons, so that it does not grow with the ledger.
    public func ledgerExtent() async throws -> (movements: Int, latest: Day?) {
        try await database.read { db in
            let count = try await db.raw("""
                SELECT CAST(COALESCE(SUM(movements), 0) AS BIGINT) AS n FROM (
                    SELECT movements FROM movement_rollups_monthly WHERE dimension = 'all'
                    UNION ALL SELECT movements FROM movement_rollups WHERE dimension = 'all+span') r
                """).first(decodingColumn: "n", as: Int.self) ?? 0
            let latest = try await db.raw("""
                SELECT MAX(end_day) AS latest FROM movement_rollups WHERE dimension IN ('all', 'all+span') AND movements > 0
                """).first(decodingColumn: "latest", as: Int?.self) ?? nil
            return (count, latest.map(Day.init(number:)))
        }
    }
}

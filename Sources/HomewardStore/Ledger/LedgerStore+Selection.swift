import HomewardCore
import SQLKit

extension LedgerStore {
    /// The movements a selection picks, each in the version in force at `moment` (the current row if recorded by
    /// then, else the revision recorded by then and superseded after it), in id order, a page at a time.
    ///
    /// This is how a bulletin's number lists the records it summed: its ``MovementSelection`` applied again to the
    /// ledger as it stood when the snapshot was read, whatever was corrected or imported since.
    public func movements(_ selection: MovementSelection, asRecordedOn moment: String, after: Int? = nil,
                          limit: Int = 1000) async throws -> [RecordedMovement] {
        try await database.read { db in
            let columns = "start_day, end_day, category, crossing_code, origin_country, origin_pcode, dest_pcode, persons, organisation_id, "
                + "source, external_id, recorded_at"
            var query: SQLQueryString = """
                SELECT m.id, m.start_day, m.end_day, m.category, m.crossing_code, COALESCE(m.origin_country, m.origin_pcode) AS origin,
                       m.dest_pcode, m.persons, o.name AS organisation, m.source, m.external_id, m.recorded_at
                FROM (SELECT id, \(unsafeRaw: columns) FROM movements WHERE recorded_at <= \(bind: moment)
                      UNION ALL
                      SELECT movement_id AS id, \(unsafeRaw: columns) FROM movement_revisions
                      WHERE recorded_at <= \(bind: moment) AND superseded_at > \(bind: moment)) m
                JOIN organisations o ON o.id = m.organisation_id
                WHERE m.id > \(bind: after ?? 0) AND m.end_day <= \(bind: selection.to.number)
                """
            if let from = selection.from { query += " AND m.start_day >= \(bind: from.number)" }
            if let category = selection.category { query += " AND m.category = \(bind: category.rawValue)" }
            if let crossing = selection.crossing { query += " AND m.crossing_code = \(bind: crossing)" }
            query += " ORDER BY m.id LIMIT \(bind: limit)"
            return try await db.raw(query).all().map { try LedgerStore.recordedMovement($0, id: try $0.decode(column: "id", as: Int.self)) }
        }
    }
}

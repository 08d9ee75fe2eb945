import HomewardCore
import SQLKit

extension LedgerStore {
    /// Every version of a movement in the order they were replaced (revision ids), the one in force last;
    /// empty when no movement has this id.
    public func history(ofMovement id: Int) async throws -> [MovementVersion] {
        try await database.read { db in
            let columns = """
                m.start_day, m.end_day, m.category, m.crossing_code, COALESCE(m.origin_country, m.origin_pcode) AS origin,
                m.dest_pcode, m.persons, o.name AS organisation, m.source, m.external_id, m.recorded_at, m.recorded_by, m.import_id
                """
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: columns), i.committed_at, m.superseded_at, m.superseded_by, m.superseded_in_import, 0 AS in_force, m.id AS version
                FROM movement_revisions m JOIN organisations o ON o.id = m.organisation_id LEFT JOIN imports i ON i.id = m.import_id
                WHERE m.movement_id = \(bind: id)
                UNION ALL
                SELECT \(unsafeRaw: columns), i.committed_at, NULL, NULL, NULL, 1, 0
                FROM movements m JOIN organisations o ON o.id = m.organisation_id LEFT JOIN imports i ON i.id = m.import_id WHERE m.id = \(bind: id)
                ORDER BY in_force, version
                """).all()
            return try rows.map { row in
                MovementVersion(
                    movement: try LedgerStore.recordedMovement(row, id: id),
                    recordedBy: try row.decode(column: "recorded_by", as: String?.self),
                    importID: try row.decode(column: "import_id", as: Int?.self),
                    committedAt: try row.decode(column: "committed_at", as: String?.self),
                    supersededAt: try row.decode(column: "superseded_at", as: String?.self),
                    supersededBy: try row.decode(column: "superseded_by", as: String?.self),
                    supersededInImport: try row.decode(column: "superseded_in_import", as: Int?.self))
            }
        }
    }
}

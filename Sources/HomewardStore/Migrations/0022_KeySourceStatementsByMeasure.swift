import HomewardCore
import SQLKit

/// A source figure given under its organisation's reference is known by the reference with its measure and area: one
/// statement gives several measures, and keyed by the reference alone each had corrected the last (a statement's
/// refugee returns became its total's "correction"). The stored keys are worked out again as ``SourceFigure/identity``
/// now works them out, so that a file imported before and again after the step finds its figures.
struct KeySourceStatementsByMeasure: Migration {
    let name = "0022_key_source_statements_by_measure"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        let rows = try await db.raw("""
            SELECT f.id, o.name, f.reference, f.measure, f.area_pcode FROM source_figures f JOIN organisations o ON o.id = f.organisation_id
            WHERE f.reference IS NOT NULL ORDER BY f.id
            """).all()
        for row in rows {
            let key = StableDigest.hex(["ref", try row.decode(column: "name", as: String.self), try row.decode(column: "reference", as: String.self),
                                        try row.decode(column: "measure", as: String.self), try row.decode(column: "area_pcode", as: String?.self) ?? ""])
            try await db.raw("UPDATE source_figures SET row_key = \(bind: key) WHERE id = \(bind: try row.decode(column: "id", as: Int.self))").run()
        }
    }
}

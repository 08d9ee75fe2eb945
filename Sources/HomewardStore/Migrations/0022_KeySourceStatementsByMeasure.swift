import HomewardCore
import SQLKit

/// A source figure given under its organisation's reference is known by the reference with everything else that tells
/// figures apart (day, measure, kind, coverage, area): one statement gives several measures, coverages and kinds, and
/// keyed by the reference alone each had corrected the last (a statement's refugee returns became its total's
/// "correction", a projection a count). The stored keys are worked out again as ``SourceFigure/identity`` works them out
/// at this step, so that a file imported before it finds its figures after it. A figure already merged so stays as it is:
/// importing its statement again records the measures it had lost beside it (README, "Upgrading").
struct KeySourceStatementsByMeasure: Migration {
    let name = "0022_key_source_statements_by_measure"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        let rows = try await db.raw("""
            SELECT f.id, o.name, f.reference, f.stated_day, f.measure, f.kind, f.since_day, f.from_day, f.to_day, f.area_pcode
            FROM source_figures f JOIN organisations o ON o.id = f.organisation_id WHERE f.reference IS NOT NULL ORDER BY f.id
            """).all()
        for row in rows {
            let day = { (column: String) in try row.decode(column: column, as: Int?.self).map { Day(number: $0).description } }
            // Coverage's key as it is written at this step: `since:DAY` (empty since records began) or `period:FROM/TO`.
            let coverage = try day("from_day").flatMap { from in try day("to_day").map { "period:\(from)/\($0)" } } ?? "since:\(try day("since_day") ?? "")"
            let key = StableDigest.hex(["ref", try row.decode(column: "name", as: String.self), try row.decode(column: "reference", as: String.self),
                                        try day("stated_day") ?? "", try row.decode(column: "measure", as: String.self),
                                        try row.decode(column: "kind", as: String.self), coverage,
                                        try row.decode(column: "area_pcode", as: String?.self) ?? ""])
            try await db.raw("UPDATE source_figures SET row_key = \(bind: key) WHERE id = \(bind: try row.decode(column: "id", as: Int.self))").run()
        }
    }
}

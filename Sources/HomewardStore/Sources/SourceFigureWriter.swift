import HomewardCore
import SQLKit

/// Writes source figures: one per identity (the organisation's reference, or everything but value, qualifier and
/// citation); a corrected figure keeps the version it replaces in `source_figure_revisions`. A value of 0 withdraws the
/// figure its identity finds (kept at 0, out of every list, comparison and statement, its history kept), as a 0 withdraws
/// every other kind of record; one that finds nothing records nothing.
struct SourceFigureWriter: BatchWriter {
    static let table = RevisedTable(table: "source_figures", revisions: "source_figure_revisions", recordColumn: "figure_id",
                                    columns: ["value", "qualifier", "citation", "url", "part_of"], links: ["part_of": "part_of"],
                                    texts: ["citation": "citation", "url": "url"],
                                    withdrawn: "value = 0")
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    /// The records this import gave, by identity, with their rows: a second is a repeat within the file.
    private var seen: [String: Int] = [:]
    private var organisations = OrganisationIDs()

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [SourceFigure], rows: [Int]) async throws {
        for (figure, row) in zip(batch, rows) {
            // A withdrawal inserts nothing (``WriteContext/store``), so it names no organisation into being, and no total.
            let withdrawal = figure.value == 0
            let organisationID = withdrawal ? 0 : try await organisations.id(of: figure.organisation, on: write)
            let (since, from, to): (Int?, Int?, Int?) = switch figure.coverage {
            case .cumulative(let since): (since?.number, nil, nil)
            case .period(let period): (nil, period.start.number, period.end.number)
            }
            var partOf = figure.partOf
            if !withdrawal, let reference = figure.partOfReference, let measure = figure.partOfMeasure {
                // The statement's figure of that measure and area (the rules chose which); where it gives several (a count and a
                // projection, two coverages, two days), the one of the part's own kind, coverage and day, then the first recorded:
                // the same whichever of them a file writes first, and never a projection as a count's total while a count is there.
                let area = figure.partOfArea.map { SQLQueryString("area_pcode = \(bind: $0)") } ?? "area_pcode IS NULL"
                partOf = try await write.sql.raw("""
                    SELECT id FROM source_figures WHERE organisation_id = \(bind: organisationID) AND reference = \(bind: reference)
                    AND measure = \(bind: measure) AND \(area) AND value > 0
                    ORDER BY CASE WHEN kind = \(bind: figure.kind.rawValue) THEN 0 ELSE 1 END,
                             CASE WHEN COALESCE(since_day, -1) = \(bind: since ?? -1) AND COALESCE(from_day, -1) = \(bind: from ?? -1)
                                  AND COALESCE(to_day, -1) = \(bind: to ?? -1) THEN 0 ELSE 1 END,
                             CASE WHEN stated_day = \(bind: figure.date.number) THEN 0 ELSE 1 END, id
                    LIMIT 1
                    """).first(decodingColumn: "id", as: Int.self)
            }
            // A total the rules knew before the file, withdrawn by a row above this one: the part is stored as part of none, and said.
            if !withdrawal, let named = figure.partOf, try await write.sql.raw("SELECT value FROM source_figures WHERE id = \(bind: named)")
                .first(decodingColumn: "value", as: Int.self) == 0 {
                partOf = nil
            }
            if !withdrawal, partOf == nil, figure.partOf != nil || figure.partOfReference != nil { counts.unlinked.append(row) }
            let key = figure.identity
            let values = [BulkValue(figure.value), BulkValue(figure.qualifier.rawValue), BulkValue(figure.citation), BulkValue(figure.url),
                          BulkValue(partOf)]
            counts += try await write.store(values, in: Self.table, rowKey: key, importID: importID, row: row,
                                            seen: &seen, insert: withdrawal ? nil : """
                INSERT INTO source_figures (row_key, organisation_id, stated_day, measure, value, qualifier, kind, since_day, from_day, to_day,
                                            area_pcode, citation, url, part_of, reference, recorded_at, recorded_by, import_id)
                VALUES (\(bind: key), \(bind: organisationID), \(bind: figure.date.number), \(bind: figure.measure), \(bind: figure.value),
                        \(bind: figure.qualifier.rawValue), \(bind: figure.kind.rawValue), \(bind: since), \(bind: from), \(bind: to),
                        \(bind: figure.area), \(bind: figure.citation), \(bind: figure.url), \(bind: partOf), \(bind: figure.reference),
                        \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                """)
        }
    }
}

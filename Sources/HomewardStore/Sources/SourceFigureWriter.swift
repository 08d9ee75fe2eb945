import HomewardCore
import SQLKit

/// Writes source figures: one per identity (the organisation's reference, or everything but value, qualifier and
/// citation); a corrected figure keeps the version it replaces in `source_figure_revisions`.
struct SourceFigureWriter: BatchWriter {
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    private var organisations = OrganisationIDs()

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [SourceFigure]) async throws {
        let db = write.sql
        for figure in batch {
            let organisationID = try await organisations.id(of: figure.organisation, on: write)
            var partOf = figure.partOf
            if let reference = figure.partOfReference {
                partOf = try await db.raw("""
                    SELECT id FROM source_figures WHERE organisation_id = \(bind: organisationID) AND reference = \(bind: reference)
                    """).first(decodingColumn: "id", as: Int.self)
            }
            let (since, from, to): (Int?, Int?, Int?) = switch figure.coverage {
            case .cumulative(let since): (since?.number, nil, nil)
            case .period(let period): (nil, period.start.number, period.end.number)
            }
            let key = figure.identity
            let existing = try await db.raw("""
                SELECT id, value, qualifier, citation, url, part_of FROM source_figures WHERE row_key = \(bind: key)
                """).first()
            guard let existing else {
                try await db.raw("""
                    INSERT INTO source_figures (row_key, organisation_id, stated_day, measure, value, qualifier, kind, since_day, from_day, to_day,
                                                area_pcode, citation, url, part_of, reference, recorded_at, recorded_by, import_id)
                    VALUES (\(bind: key), \(bind: organisationID), \(bind: figure.date.number), \(bind: figure.measure), \(bind: figure.value),
                            \(bind: figure.qualifier.rawValue), \(bind: figure.kind.rawValue), \(bind: since), \(bind: from), \(bind: to),
                            \(bind: figure.area), \(bind: figure.citation), \(bind: figure.url), \(bind: partOf), \(bind: figure.reference),
                            \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """).run()
                counts.imported += 1
                continue
            }
            let id = try existing.decode(column: "id", as: Int.self)
            guard try existing.decode(column: "value", as: Int.self) != figure.value
                || existing.decode(column: "qualifier", as: String.self) != figure.qualifier.rawValue
                || existing.decode(column: "citation", as: String?.self) != figure.citation
                || existing.decode(column: "url", as: String?.self) != figure.url
                || existing.decode(column: "part_of", as: Int?.self) != partOf else {
                counts.ignored += 1
                continue
            }
            try await db.raw("""
                INSERT INTO source_figure_revisions (figure_id, value, qualifier, citation, url, part_of, recorded_at, recorded_by, import_id,
                                                     superseded_at, superseded_by, superseded_in_import)
                SELECT id, value, qualifier, citation, url, part_of, recorded_at, recorded_by, import_id,
                       \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID)
                FROM source_figures WHERE id = \(bind: id)
                """).run()
            try await db.raw("""
                UPDATE source_figures SET value = \(bind: figure.value), qualifier = \(bind: figure.qualifier.rawValue),
                    citation = \(bind: figure.citation), url = \(bind: figure.url), part_of = \(bind: partOf),
                    recorded_at = \(bind: write.timestamp), recorded_by = \(bind: write.caller.description), import_id = \(bind: importID)
                WHERE id = \(bind: id)
                """).run()
            counts.updated += 1
        }
    }
}

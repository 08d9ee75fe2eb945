import HomewardCore
import SQLKit

/// Writes censuses: one per site, day and organisation; a changed count keeps the version it replaces.
struct CensusWriter: BatchWriter {
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    private var organisations = OrganisationIDs()

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [Census]) async throws {
        let db = write.sql
        for census in batch {
            let organisationID = try await organisations.id(of: census.organisation, on: write)
            let existing = try await db.raw("""
                SELECT id, residents, households FROM site_censuses
                WHERE site_code = \(bind: census.site) AND day = \(bind: census.date.number) AND organisation_id = \(bind: organisationID)
                """).first()
            guard let existing else {
                try await db.raw("""
                    INSERT INTO site_censuses (site_code, day, organisation_id, residents, households, recorded_at, recorded_by, import_id)
                    VALUES (\(bind: census.site), \(bind: census.date.number), \(bind: organisationID), \(bind: census.residents),
                            \(bind: census.households), \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """).run()
                counts.imported += 1
                continue
            }
            let id = try existing.decode(column: "id", as: Int.self)
            guard try existing.decode(column: "residents", as: Int.self) != census.residents
                || existing.decode(column: "households", as: Int?.self) != census.households else {
                counts.ignored += 1
                continue
            }
            try await db.raw("""
                INSERT INTO site_census_revisions (census_id, residents, households, recorded_at, recorded_by, import_id,
                                                   superseded_at, superseded_by, superseded_in_import)
                SELECT id, residents, households, recorded_at, recorded_by, import_id,
                       \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID)
                FROM site_censuses WHERE id = \(bind: id)
                """).run()
            try await db.raw("""
                UPDATE site_censuses SET residents = \(bind: census.residents), households = \(bind: census.households),
                    recorded_at = \(bind: write.timestamp), recorded_by = \(bind: write.caller.description), import_id = \(bind: importID)
                WHERE id = \(bind: id)
                """).run()
            counts.updated += 1
        }
    }

}

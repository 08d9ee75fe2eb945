import HomewardCore
import SQLKit

/// Writes censuses: one per site, day and organisation; a changed count keeps the version it replaces.
struct CensusWriter: BatchWriter {
    static let table = RevisedTable(table: "site_censuses", revisions: "site_census_revisions", recordColumn: "census_id",
                                    columns: ["residents", "households"], figures: ["households": ("households", 0)])
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

    mutating func write(_ batch: [Census], rows: [Int]) async throws {
        for (census, row) in zip(batch, rows) {
            let organisationID = try await organisations.id(of: census.organisation, on: write)
            counts += try await write.store(
                [BulkValue(census.residents), BulkValue(census.households)], in: Self.table,
                key: "site_code = \(bind: census.site) AND day = \(bind: census.date.number) AND organisation_id = \(bind: organisationID)",
                identity: "\(census.site) \(census.date.number) \(organisationID)", importID: importID, row: row, seen: &seen, insert: """
                    INSERT INTO site_censuses (site_code, day, organisation_id, residents, households, recorded_at, recorded_by, import_id)
                    VALUES (\(bind: census.site), \(bind: census.date.number), \(bind: organisationID), \(bind: census.residents),
                            \(bind: census.households), \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """)
        }
    }
}

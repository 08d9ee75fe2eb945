import HomewardCore
import SQLKit

/// Writes censuses: one per site, day and organisation; a changed count keeps the version it replaces.
///
/// An evacuation operation counts from one of its baseline day's censuses. Where an organisation corrects the count an
/// operation counts from, and no other census of that day gives it, the operation follows the correction (audited, and
/// said at the row): its figures would otherwise count from a number nobody counted.
struct CensusWriter: BatchWriter {
    static let table = RevisedTable(table: "site_censuses", revisions: "site_census_revisions", recordColumn: "census_id",
                                    columns: ["residents", "households"], figures: ["households": ("households", 0)])
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    /// The records this import gave, by identity, with their rows: a second is a repeat within the file.
    private var seen: [String: Int] = [:]
    private var organisations = OrganisationIDs()
    /// Each operation by its site and baseline day, read at the first batch.
    private var operations: [BaselineDay: Baseline]?
    /// The counts an operation counts from, as this import's corrections moved them, in the file's order.
    private var moved: [BaselineDay: (row: Int, residents: Int, organisation: String)] = [:]

    private struct BaselineDay: Hashable { var site: String, day: Int }
    private struct Baseline { var operation: Int, residents: Int }

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [Census], rows: [Int]) async throws {
        if self.operations == nil { self.operations = try await baselines() }
        let operations = self.operations ?? [:]
        for (census, row) in zip(batch, rows) {
            let organisationID = try await organisations.id(of: census.organisation, on: write)
            let key: SQLQueryString = "site_code = \(bind: census.site) AND day = \(bind: census.date.number) AND organisation_id = \(bind: organisationID)"
            let day = BaselineDay(site: census.site, day: census.date.number)
            if let baseline = operations[day] {
                // The count this organisation gave before this row: the operation's (or what an earlier row moved it to).
                let counted = moved[day]?.residents ?? baseline.residents
                let before = try await write.sql.raw("SELECT residents FROM site_censuses WHERE \(key)").first(decodingColumn: "residents", as: Int.self)
                if before == counted, census.residents != counted { moved[day] = (row, census.residents, census.organisation) }
            }
            counts += try await write.store(
                [BulkValue(census.residents), BulkValue(census.households)], in: Self.table, key: key,
                identity: "\(census.site) \(census.date.number) \(organisationID)", importID: importID, row: row, seen: &seen, insert: """
                    INSERT INTO site_censuses (site_code, day, organisation_id, residents, households, recorded_at, recorded_by, import_id)
                    VALUES (\(bind: census.site), \(bind: census.date.number), \(bind: organisationID), \(bind: census.residents),
                            \(bind: census.households), \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """)
        }
    }

    /// Moves each operation whose count was corrected to the corrected one, unless another census of its day still gives
    /// the count, or more have left since than the corrected count holds (said, and left as it was).
    mutating func finish() async throws {
        guard let operations else { return }
        let db = write.sql
        for (day, correction) in moved.sorted(by: { $0.value.row < $1.value.row }) {
            guard let baseline = operations[day], correction.residents != baseline.residents else { continue }
            let stillCounted = try await db.raw("""
                SELECT COUNT(*) AS n FROM site_censuses WHERE site_code = \(bind: day.site) AND day = \(bind: day.day) AND residents = \(bind: baseline.residents)
                """).first(decodingColumn: "n", as: Int.self) ?? 0
            guard stillCounted == 0 else { continue }
            // As an operation added on that day's count is checked: the departures since its baseline, never more than it.
            let left = try await db.raw("""
                SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS n FROM site_departures WHERE site_code = \(bind: day.site) AND end_day > \(bind: day.day)
                """).first(decodingColumn: "n", as: Int.self) ?? 0
            let arguments: [String: MessageArgument] = ["operation": .serial(baseline.operation), "before": .count(baseline.residents),
                                                        "after": .count(correction.residents), "left": .count(left)]
            guard left <= correction.residents else {
                counts.notes.append(RowNote(row: correction.row, message: Message("import.censuses.baselineKept", arguments)))
                continue
            }
            try await db.raw("""
                UPDATE evacuation_operations SET baseline_residents = \(bind: correction.residents) WHERE id = \(bind: baseline.operation)
                """).run()
            try await write.audit("update", kind: "evacuation", record: String(baseline.operation),
                                  detail: "counts from \(correction.residents), not \(baseline.residents): \(correction.organisation)'s census of "
                                      + "\(Day(number: day.day)) corrected")
            counts.notes.append(RowNote(row: correction.row, message: Message("import.censuses.baselineFollowed", arguments)))
        }
    }

    private func baselines() async throws -> [BaselineDay: Baseline] {
        var found: [BaselineDay: Baseline] = [:]
        for row in try await write.sql.raw("SELECT id, site_code, baseline_day, baseline_residents FROM evacuation_operations").all() {
            found[BaselineDay(site: try row.decode(column: "site_code", as: String.self), day: try row.decode(column: "baseline_day", as: Int.self))] =
                Baseline(operation: try row.decode(column: "id", as: Int.self), residents: try row.decode(column: "baseline_residents", as: Int.self))
        }
        return found
    }
}

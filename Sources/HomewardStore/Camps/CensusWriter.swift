import HomewardCore
import SQLKit

/// Writes censuses: one per site, day and organisation; a changed count keeps the version it replaces.
///
/// An evacuation operation counts from one of its baseline day's censuses. Where that count is corrected and no census of
/// the day gives it any longer, the operation follows the organisation whose census gave it (audited, and said at the
/// row): its figures would otherwise count from a number nobody counted. It is said, and the operation kept, where it
/// cannot follow: the count withdrawn, more left since than the correction holds, a pace the plan cannot keep.
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
    private var operations: [BaselineDay: EvacuationOperation]?
    /// The last row of the file that gave a census of an operation's baseline day, by organisation.
    private var touched: [BaselineDay: [String: Int]] = [:]

    private struct BaselineDay: Hashable { var site: String, day: Int }

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [Census], rows: [Int]) async throws {
        if operations == nil { operations = try await baselineOperations() }
        for (census, row) in zip(batch, rows) {
            let organisationID = try await organisations.id(of: census.organisation, on: write)
            let day = BaselineDay(site: census.site, day: census.date.number)
            if operations?[day] != nil { touched[day, default: [:]][census.organisation] = row }
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

    /// Settles each operation whose baseline day this import counted, once every row is written.
    mutating func finish() async throws {
        guard let operations, !touched.isEmpty else { return }
        let db = write.sql
        for (day, rows) in touched.sorted(by: { ($0.key.site, $0.key.day) < ($1.key.site, $1.key.day) }) {
            guard let operation = operations[day] else { continue }
            let given = try await db.raw("""
                SELECT o.name, c.residents, CASE WHEN c.residents = \(bind: operation.baselineResidents) OR EXISTS (
                    SELECT 1 FROM site_census_revisions r WHERE r.census_id = c.id AND r.residents = \(bind: operation.baselineResidents)
                    AND r.superseded_at >= (SELECT created_at FROM evacuation_operations WHERE id = \(bind: operation.id))) THEN 1 ELSE 0 END AS gave
                FROM site_censuses c JOIN organisations o ON o.id = c.organisation_id
                WHERE c.site_code = \(bind: day.site) AND c.day = \(bind: day.day)
                """).all().map { (organisation: try $0.decode(column: "name", as: String.self), residents: try $0.decode(column: "residents", as: Int.self),
                                  gave: try $0.decode(column: "gave", as: Int.self) == 1) }
            var arguments: [String: MessageArgument] = ["operation": .serial(operation.id), "before": .count(operation.baselineResidents)]
            // Its count still given: nothing moves, and a count of the day that reads otherwise is told so at its row.
            if given.contains(where: { $0.residents == operation.baselineResidents }) {
                for (organisation, row) in rows where given.contains(where: { $0.organisation == organisation && $0.residents != operation.baselineResidents }) {
                    counts.notes.append(RowNote(row: row, message: Message("import.censuses.baselineStillGiven", arguments)))
                }
                continue
            }
            // Which organisation gave the count: one of this file's, whose census reads otherwise now.
            guard let (organisation, row) = rows.sorted(by: { $0.value < $1.value }).last(where: { sent in given.contains { $0.organisation == sent.key && $0.gave } }),
                  let corrected = given.first(where: { $0.organisation == organisation })?.residents else { continue }
            arguments["after"] = .count(corrected)
            guard corrected > 0 else {
                counts.notes.append(RowNote(row: row, message: Message("import.censuses.baselineWithdrawn", arguments)))
                continue
            }
            // As an operation planned on that day's count is checked: never fewer than the departures counted against it
            // (up to the site's next operation), and a pace that moves them in the cycles a plan may have.
            let next = operations.values.filter { $0.site == day.site && $0.baselineDate.number > day.day }.map(\.baselineDate.number).min()
            let upTo: SQLQueryString = next.map { " AND end_day <= \(bind: $0)" } ?? ""
            let left = try await db.raw("""
                SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS n FROM site_departures
                WHERE site_code = \(bind: day.site) AND end_day > \(bind: day.day)\(upTo)
                """).first(decodingColumn: "n", as: Int.self) ?? 0
            guard left <= corrected else {
                arguments["left"] = .count(left)
                counts.notes.append(RowNote(row: row, message: Message("import.censuses.baselineKept", arguments)))
                continue
            }
            do throws(FieldProblem) {
                try EvacuationRules.checkPace(perCycle: operation.perCycle, cycleDays: operation.cycleDays, residents: corrected)
            } catch {
                counts.notes.append(RowNote(row: row, message: Message("import.censuses.baselinePace", arguments)))
                continue
            }
            // Only from the count read at the first batch (the import holds the lock since, so it is the one stored).
            try await db.raw("""
                UPDATE evacuation_operations SET baseline_residents = \(bind: corrected)
                WHERE id = \(bind: operation.id) AND baseline_residents = \(bind: operation.baselineResidents)
                """).run()
            var moved = operation
            moved.baselineResidents = corrected
            try await write.audit("update", kind: "evacuation", record: String(operation.id),
                                  detail: "counts from \(corrected), not \(operation.baselineResidents): \(organisation)'s census of \(Day(number: day.day)) corrected",
                                  before: operation, after: moved)
            counts.notes.append(RowNote(row: row, message: Message("import.censuses.baselineFollowed", arguments)))
        }
    }

    private func baselineOperations() async throws -> [BaselineDay: EvacuationOperation] {
        var found: [BaselineDay: EvacuationOperation] = [:]
        for operation in try await CampsStore.operations(on: write.sql) {
            found[BaselineDay(site: operation.site, day: operation.baselineDate.number)] = operation
        }
        return found
    }
}

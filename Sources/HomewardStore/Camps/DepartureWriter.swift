import HomewardCore
import SQLKit

/// Writes departures by their key: a new key is imported, a known one with another count, destination or period
/// is corrected (the version it replaces kept), the same one again is ignored. A 0 takes back the departure its key
/// finds (left at 0, its version before kept), and writes nothing where none is stored.
struct DepartureWriter: BatchWriter {
    static let table = RevisedTable(table: "site_departures", revisions: "site_departure_revisions", recordColumn: "departure_id",
                                    columns: ["persons", "destination", "start_day", "end_day"])
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

    /// Keeps the warnings of another organisation's record alike only where that record still counts once the file is
    /// read: a later row may have withdrawn it, and nothing is then added twice.
    mutating func finish() async throws {
        counts.shared = try await write.stillCounted(counts.shared, in: "site_departures", where: "persons > 0")
    }

    mutating func write(_ batch: [Departure], rows: [Int]) async throws {
        for (departure, row) in zip(batch, rows) {
            let key = departure.key, start = departure.period.start.number, end = departure.period.end.number
            // A 0 over none, or over one taken back already, changes nothing, and names no organisation into being.
            if departure.persons == 0,
               try await write.sql.raw("SELECT persons FROM site_departures WHERE row_key = \(bind: key)").first(decodingColumn: "persons", as: Int.self) ?? 0 == 0 {
                counts += WriteCounts(ignored: 1, repeats: seen.updateValue(row, forKey: key).map { [RepeatedRecord(row: row, earlierRow: $0)] } ?? [])
                continue
            }
            let organisationID = try await organisations.id(of: departure.organisation, on: write)
            let stored = try await write.store(
                [BulkValue(departure.persons), BulkValue(departure.destination), BulkValue(start), BulkValue(end)], in: Self.table,
                rowKey: key, importID: importID, row: row, seen: &seen, insert: departure.persons == 0 ? nil : """
                    INSERT INTO site_departures (row_key, site_code, start_day, end_day, persons, destination, organisation_id, external_id,
                                                 recorded_at, recorded_by, import_id)
                    VALUES (\(bind: key), \(bind: departure.site), \(bind: start), \(bind: end), \(bind: departure.persons),
                            \(bind: departure.destination), \(bind: organisationID), \(bind: departure.externalId),
                            \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """)
            counts += stored
            // Another organisation's departure, of an earlier import or an earlier row, from the same site on the same days to the
            // same place: the site counts both, twice the people where both reported one convoy (a camp manager's and a partner's).
            let destination: SQLQueryString = departure.destination.map { "r.destination = \(bind: $0)" } ?? "r.destination IS NULL"
            if stored.imported == 1, let other = try await write.otherOrganisation(in: "site_departures", organisationID: organisationID, importID: importID,
                                                                                   matching: """
                r.site_code = \(bind: departure.site) AND r.start_day = \(bind: start) AND r.end_day = \(bind: end) AND \(destination) AND r.persons > 0
                """, persons: true, seen: seen, row: row,
                message: "import.departures.otherOrganisation", recordArgument: "departure") {
                counts.shared.append(other)
            }
        }
    }
}

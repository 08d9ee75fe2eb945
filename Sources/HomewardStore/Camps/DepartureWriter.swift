import HomewardCore
import SQLKit

/// Writes departures by their key: a new key is imported, a known one with another count, destination or period
/// is corrected (the version it replaces kept), the same one again is ignored.
struct DepartureWriter: BatchWriter {
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    private var organisations = OrganisationIDs()

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [Departure]) async throws {
        let db = write.sql
        for departure in batch {
            let key = departure.key
            let existing = try await db.raw("SELECT id, persons, destination, start_day, end_day FROM site_departures WHERE row_key = \(bind: key)").first()
            guard let existing else {
                let organisationID = try await organisations.id(of: departure.organisation, on: write)
                try await db.raw("""
                    INSERT INTO site_departures (row_key, site_code, start_day, end_day, persons, destination, organisation_id, external_id,
                                                 recorded_at, recorded_by, import_id)
                    VALUES (\(bind: key), \(bind: departure.site), \(bind: departure.period.start.number), \(bind: departure.period.end.number),
                            \(bind: departure.persons), \(bind: departure.destination), \(bind: organisationID), \(bind: departure.externalId),
                            \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """).run()
                counts.imported += 1
                continue
            }
            let id = try existing.decode(column: "id", as: Int.self)
            guard try existing.decode(column: "persons", as: Int.self) != departure.persons
                || existing.decode(column: "destination", as: String?.self) != departure.destination
                || existing.decode(column: "start_day", as: Int.self) != departure.period.start.number
                || existing.decode(column: "end_day", as: Int.self) != departure.period.end.number else {
                counts.ignored += 1
                continue
            }
            try await db.raw("""
                INSERT INTO site_departure_revisions (departure_id, persons, destination, start_day, end_day, recorded_at, recorded_by, import_id,
                                                      superseded_at, superseded_by, superseded_in_import)
                SELECT id, persons, destination, start_day, end_day, recorded_at, recorded_by, import_id,
                       \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID)
                FROM site_departures WHERE id = \(bind: id)
                """).run()
            try await db.raw("""
                UPDATE site_departures SET persons = \(bind: departure.persons), destination = \(bind: departure.destination),
                    start_day = \(bind: departure.period.start.number), end_day = \(bind: departure.period.end.number),
                    recorded_at = \(bind: write.timestamp), recorded_by = \(bind: write.caller.description), import_id = \(bind: importID)
                WHERE id = \(bind: id)
                """).run()
            counts.updated += 1
        }
    }

}

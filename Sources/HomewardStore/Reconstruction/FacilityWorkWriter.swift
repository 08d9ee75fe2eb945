import HomewardCore
import SQLKit

/// Writes facility records by their key: a new key is imported; a known one with another date or quantity is
/// corrected, the version it replaces kept in `facility_work_revisions`; the same one again is ignored.
struct FacilityWorkWriter: BatchWriter {
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    private var organisations = OrganisationIDs()

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [FacilityWork]) async throws {
        let db = write.sql
        for work in batch {
            let existing = try await db.raw("SELECT id, day, quantity_tenths FROM facility_works WHERE row_key = \(bind: work.key)").first()
            guard let existing else {
                let organisationID = try await organisations.id(of: work.organisation, on: write)
                try await db.raw("""
                    INSERT INTO facility_works (row_key, day, place_pcode, adm1, adm2, adm3, adm4, kind_code, status, quantity_tenths,
                                                organisation_id, external_id, recorded_at, recorded_by, import_id)
                    VALUES (\(bind: work.key), \(bind: work.date.number), \(bind: work.place.finest ?? ""), \(bind: work.place[.adm1]),
                            \(bind: work.place[.adm2]), \(bind: work.place[.adm3]), \(bind: work.place[.adm4]), \(bind: work.kind),
                            \(bind: work.status.rawValue), \(bind: work.tenths), \(bind: organisationID), \(bind: work.externalId),
                            \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """).run()
                counts.imported += 1
                continue
            }
            let id = try existing.decode(column: "id", as: Int.self)
            guard try existing.decode(column: "day", as: Int.self) != work.date.number
                || existing.decode(column: "quantity_tenths", as: Int.self) != work.tenths else {
                counts.ignored += 1
                continue
            }
            try await db.raw("""
                INSERT INTO facility_work_revisions (work_id, day, quantity_tenths, recorded_at, recorded_by, import_id,
                                                     superseded_at, superseded_by, superseded_in_import)
                SELECT id, day, quantity_tenths, recorded_at, recorded_by, import_id, \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID)
                FROM facility_works WHERE id = \(bind: id)
                """).run()
            try await db.raw("""
                UPDATE facility_works SET day = \(bind: work.date.number), quantity_tenths = \(bind: work.tenths),
                    recorded_at = \(bind: write.timestamp), recorded_by = \(bind: write.caller.description), import_id = \(bind: importID)
                WHERE id = \(bind: id)
                """).run()
            counts.updated += 1
        }
    }
}

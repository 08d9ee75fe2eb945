import HomewardCore
import SQLKit

/// Writes aid actions by their key: a new key is imported; a known one with other figures is corrected, the
/// version it replaces kept in `aid_action_revisions`; the same one again is ignored.
struct AidActionWriter: BatchWriter {
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    private var organisations = OrganisationIDs()

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [AidAction]) async throws {
        let db = write.sql
        for action in batch {
            let existing = try await db.raw("""
                SELECT id, day, kilograms, parcels, reached, treated, description FROM aid_actions WHERE row_key = \(bind: action.key)
                """).first()
            guard let existing else {
                let organisationID = try await organisations.id(of: action.organisation, on: write)
                try await db.raw("""
                    INSERT INTO aid_actions (row_key, day, place_pcode, adm1, adm2, adm3, adm4, organisation_id, type_code, kilograms, parcels,
                                             reached, treated, description, external_id, recorded_at, recorded_by, import_id)
                    VALUES (\(bind: action.key), \(bind: action.date.number), \(bind: action.place.finest ?? ""), \(bind: action.place[.adm1]),
                            \(bind: action.place[.adm2]), \(bind: action.place[.adm3]), \(bind: action.place[.adm4]), \(bind: organisationID),
                            \(bind: action.type), \(bind: action.kilograms), \(bind: action.parcels), \(bind: action.reached), \(bind: action.treated),
                            \(bind: action.description), \(bind: action.externalId), \(bind: write.timestamp), \(bind: write.caller.description),
                            \(bind: importID))
                    """).run()
                counts.imported += 1
                continue
            }
            let id = try existing.decode(column: "id", as: Int.self)
            let stored = (try existing.decode(column: "day", as: Int.self), try existing.decode(column: "kilograms", as: Int?.self),
                          try existing.decode(column: "parcels", as: Int?.self), try existing.decode(column: "reached", as: Int?.self),
                          try existing.decode(column: "treated", as: Int?.self), try existing.decode(column: "description", as: String?.self))
            guard stored != (action.date.number, action.kilograms, action.parcels, action.reached, action.treated, action.description) else {
                counts.ignored += 1
                continue
            }
            try await db.raw("""
                INSERT INTO aid_action_revisions (action_id, day, kilograms, parcels, reached, treated, description, recorded_at, recorded_by,
                                                  import_id, superseded_at, superseded_by, superseded_in_import)
                SELECT id, day, kilograms, parcels, reached, treated, description, recorded_at, recorded_by, import_id,
                       \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID)
                FROM aid_actions WHERE id = \(bind: id)
                """).run()
            try await db.raw("""
                UPDATE aid_actions SET day = \(bind: action.date.number), kilograms = \(bind: action.kilograms), parcels = \(bind: action.parcels),
                    reached = \(bind: action.reached), treated = \(bind: action.treated), description = \(bind: action.description),
                    recorded_at = \(bind: write.timestamp), recorded_by = \(bind: write.caller.description), import_id = \(bind: importID)
                WHERE id = \(bind: id)
                """).run()
            counts.updated += 1
        }
    }
}

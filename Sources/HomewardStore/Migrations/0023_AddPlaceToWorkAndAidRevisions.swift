import SQLKit

/// The place and the kind a corrected facility record or aid action had, kept in its revision with its figures.
///
/// A record given again under its reporter's id may move to another settlement or kind (the field team's corrected
/// sheet); before this step only its date and figures were taken, and the correction was counted as ignored. No record
/// could change its place or kind before, so a revision kept earlier had its record's: they are filled from it.
struct AddPlaceToWorkAndAidRevisions: Migration {
    let name = "0023_add_place_to_work_and_aid_revisions"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        for (revisions, records, recordColumn, kind) in [("facility_work_revisions", "facility_works", "work_id", "kind_code"),
                                                        ("aid_action_revisions", "aid_actions", "action_id", "type_code")] {
            let columns = ["place_pcode", "adm1", "adm2", "adm3", "adm4", kind]
            for column in columns {
                try await db.raw("ALTER TABLE \(unsafeRaw: revisions) ADD COLUMN \(unsafeRaw: column) TEXT").run()
            }
            let filled = columns.map { "\($0) = (SELECT r.\($0) FROM \(records) r WHERE r.id = \(revisions).\(recordColumn))" }
            try await db.raw("UPDATE \(unsafeRaw: revisions) SET \(unsafeRaw: filled.joined(separator: ", "))").run()
        }
    }
}

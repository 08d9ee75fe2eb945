import HomewardCore
import SQLKit
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// Step 0023 keeps a revision's place and kind: revisions kept before it take their record's, which no correction could
/// change then.
@Suite struct WorkAndAidRevisionsMigrationTests {
    @Test(arguments: Backend.available)
    func revisionsKeptBeforeTheStepTakeTheirRecordsPlaceAndKind(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a facility record and an aid action corrected once each, then the revisions as they stood before the step
            let facilities = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"
            let aid = "#date,#adm4+code,#org,#activity+type,#indicator+parcels+num,#meta+id\n"
            for (kind, text) in [(RecordKind.facilities, facilities + "2020-03-02,C5992,bakery,under-restoration,1,UNDP,f-1\n"),
                                 (.facilities, facilities + "2020-03-02,C5992,bakery,under-restoration,2,UNDP,f-1\n"),
                                 (.aid, aid + "2020-05-18,C2269,WFP,humanitarian,500,a-1\n"), (.aid, aid + "2020-05-18,C2269,WFP,humanitarian,520,a-1\n")] {
                _ = try await store.importRecords(kind, ImportRequest(sourceName: "f.csv", today: TestStores.today), from: .bytes(Array(text.utf8)), by: .test)
            }
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                for (table, kind) in [("facility_work_revisions", "kind_code"), ("aid_action_revisions", "type_code")] {
                    for column in ["place_pcode", "adm1", "adm2", "adm3", "adm4", kind] {
                        try await write.sql.raw("ALTER TABLE \(unsafeRaw: table) DROP COLUMN \(unsafeRaw: column)").run()
                    }
                }
                try await write.sql.raw("DELETE FROM homeward_migrations WHERE name = '0023_add_place_to_work_and_aid_revisions'").run()
            }
            // act
            try await store.database.migrate()
            // check
            let kept = try await store.database.read { db in
                let work = try await db.raw("SELECT place_pcode, adm1, kind_code FROM facility_work_revisions").all().map {
                    "\(try $0.decode(column: "place_pcode", as: String.self)) \(try $0.decode(column: "adm1", as: String.self)) \(try $0.decode(column: "kind_code", as: String.self))"
                }
                let action = try await db.raw("SELECT place_pcode, type_code FROM aid_action_revisions").all().map {
                    "\(try $0.decode(column: "place_pcode", as: String.self)) \(try $0.decode(column: "type_code", as: String.self))"
                }
                return work + action
            }
            #expect(kept == ["C5992 SY12 bakery", "C2269 humanitarian"])
        }
    }
}

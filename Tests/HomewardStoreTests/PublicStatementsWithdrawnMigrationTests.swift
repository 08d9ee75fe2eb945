import HomewardCore
import SQLKit
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// Step 0030 finds in the audit the public statements withdrawn before withdrawals kept who had made them public: the day's
/// other public versions go on hiding what they hid, as a reader may have kept them.
@Suite struct PublicStatementsWithdrawnMigrationTests {
    @Test(arguments: Backend.available)
    func aPublicVersionWithdrawnBeforeTheStepStillProtectsItsDay(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: two public versions of a day, 2 people apart; the second withdrawn as a database before the step kept it
            let movements = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+id\n"
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "a.csv", today: TestStores.today),
                                              from: .bytes(Array((movements + "2020-06-01,LBN-01,SY03,1200,UNHCR,a\n").utf8)), by: .test)
            let first = try await store.publishBulletin(date: Day("2020-06-22")!, isPublic: true, today: TestStores.today, by: .test)
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "b.csv", today: TestStores.today),
                                              from: .bytes(Array((movements + "2020-06-20,LBN-01,SY03,2,UNHCR,b\n").utf8)), by: .test)
            let second = try await store.publishBulletin(date: Day("2020-06-22")!, isPublic: true, today: TestStores.today, by: .test)
            _ = try await store.setPublic(second.id, false, by: .test)
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                try await write.sql.raw("UPDATE bulletins SET made_public_by = NULL WHERE id = \(bind: second.id)").run()
                try await write.sql.raw("DELETE FROM homeward_migrations WHERE name = '0030_remember_public_statements_withdrawn'").run()
            }
            let smallCounts = SmallCounts(threshold: 5)
            let before = try await store.withheldFromThePublic(try #require(try await store.bulletin(first.id)), smallCounts: smallCounts)
            // act
            try await store.database.migrate()
            // check
            let after = try await store.withheldFromThePublic(try #require(try await store.bulletin(first.id)), smallCounts: smallCounts)
            #expect(!before.contains("returns.start.total") && after.contains("returns.start.total"), "\(before) → \(after)")
        }
    }
}

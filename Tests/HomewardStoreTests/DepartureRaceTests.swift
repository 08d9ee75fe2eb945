import Foundation
import HomewardCore
@testable import HomewardStore
import HomewardTestSupport
import Testing

/// Departures never take a site under evacuation below zero against its baseline, even when two imports arrive at once:
/// on PostgreSQL both once read the same departures so far, both passed, and the site showed more people gone than lived there.
@Suite struct DepartureRaceTests {
    @Test(arguments: Backend.available)
    func aDepartureImportCountsFromWhatAnImportBesideItCommitted(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a camp of 1,000 under an operation from that census
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
            _ = try await store.importRecords(.censuses, ImportRequest(sourceName: "c", today: TestStores.today),
                                              from: .bytes(Array("#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,1000,UNHCR\n".utf8)), by: .test)
            _ = try await store.camps.addOperation(EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 1000,
                                                                       start: Day("2020-06-02")!, perCycle: 500, cycleDays: 5),
                                                   today: TestStores.today, by: .test)
            // act: 600 departures written in a transaction held open while an import of 600 more starts beside it
            let beside = try await store.database.write(by: .test, for: .records) { write in
                let organisation = try await OrganisationsStore.organisationID(named: "UNHCR", on: write)
                let day = Day("2020-06-03")!.number
                try await write.sql.raw("""
                    INSERT INTO site_departures (row_key, site_code, start_day, end_day, persons, organisation_id, recorded_at, recorded_by)
                    VALUES ('held', 'HOL', \(bind: day), \(bind: day), 600, \(bind: organisation), \(bind: write.timestamp), 'test')
                    """).run()
                let beside = Task {
                    try await store.importRecords(.departures, ImportRequest(sourceName: "d", today: TestStores.today),
                                                  from: .bytes(Array("#date,#loc+site+code,#affected+departed+num,#org\n2020-06-04,HOL,600,IOM\n".utf8)), by: .test)
                }
                try await Task.sleep(for: .milliseconds(400))
                return beside
            }
            let summary = try await beside.value
            // check: the second counted the first's 600 and was refused; the site has 400 left, not −200
            #expect(summary.status == .error && summary.problems.first?.code == "import.departures.overdrawn", "\(summary)")
            #expect(try await store.camps.departures(from: "HOL").map(\.persons) == [600])
        }
    }
}

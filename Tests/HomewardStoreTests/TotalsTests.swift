import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

@Suite struct TotalsTests {
    /// Two weeks of daily counts at crossings, and one monthly IDP figure across the window's edge.
    static let ledger = """
        #date+start,#date+end,#loc+crossing+code,#country+origin+code,#adm1+origin+code,#adm2+dest+code,#affected+returnees+refugees+num,#affected+returnees+idps+num
        2019-07-01,2019-07-01,LBN-01,LBN,,SY0301,100,
        2019-07-03,2019-07-03,LBN-01,LBN,,SY0401,50,
        2019-07-08,2019-07-08,JOR-01,JOR,,SY1200,70,
        2019-07-09,2019-07-09,LBN-02,LBN,,SY0401,30,
        2019-07-10,2019-07-10,TUR-02,TUR,,SY0200,20,
        2019-07-01,2019-07-31,,,SY07,SY0200,,500
        """

    func store(_ backend: Backend, _ body: (Store) async throws -> Void) async throws {
        try await withStore(backend) { store in
            let summary = try await store.importCSV(Self.ledger)
            #expect(summary.status == .success, "\(summary.problems)")
            try await body(store)
        }
    }

    func window(_ from: String?, _ to: String?) -> DateWindow { DateWindow(from: from.flatMap(Day.init), to: to.flatMap(Day.init)) }

    @Test(arguments: Backend.available)
    func totalsSinceTheStartSplitRefugeesAndIDPs(_ backend: Backend) async throws {
        try await store(backend) { store in
            let all = try await store.totals(TotalsQuery())
            #expect(all.total == 770 && all.refugees == 270 && all.idps == 500 && all.partial == 0)
        }
    }

    @Test(arguments: Backend.available)
    func aPeriodAcrossTheWindowsEdgeIsPartialNeverProrated(_ backend: Backend) async throws {
        try await store(backend) { store in
            let since = try await store.totals(TotalsQuery(window: window("2019-07-05", nil)))
            #expect(since.total == 120)
            #expect(since.partial == 500)
            let week = try await store.totals(TotalsQuery(window: window("2019-07-04", "2019-07-10")))
            let before = try await store.totals(TotalsQuery(window: window("2019-06-27", "2019-07-03")))
            #expect(week.total == 120 && before.total == 150)
            let july = try await store.totals(TotalsQuery(window: window("2019-07-01", "2019-07-31")))
            #expect(july.total == 770 && july.partial == 0)
        }
    }

    @Test(arguments: Backend.available)
    func byCrossingOriginAndDestinationWithNames(_ backend: Backend) async throws {
        try await store(backend) { store in
            let byCrossing = try await store.totals(TotalsQuery(grouping: .crossing))
            #expect(byCrossing.groups.map(\.key) == [nil, "LBN-01", "JOR-01", "LBN-02", "TUR-02"])
            #expect(byCrossing.groups.dropFirst().first?.name == "Jdeidet Yabous" && byCrossing.groups.dropFirst().first?.persons == 150)
            #expect(byCrossing.groups.first?.name == "not reported")
            let byOrigin = try await store.totals(TotalsQuery(grouping: .origin, category: .refugee))
            #expect(byOrigin.groups.map(\.key) == ["LBN", "JOR", "TUR"])
            #expect(byOrigin.groups.first?.persons == 180 && byOrigin.groups.first?.name == "Lebanon")
            #expect(byOrigin.total == 270)
            let byGovernorate = try await store.totals(TotalsQuery(grouping: .adm1, top: 2))
            #expect(byGovernorate.groups.map(\.key) == ["SY02", "SY03"])
            #expect(byGovernorate.groups.first?.name == "Aleppo" && byGovernorate.groups.first?.persons == 520)
            #expect(byGovernorate.total == 770)
            let byCategory = try await store.totals(TotalsQuery(grouping: .category))
            #expect(byCategory.groups.map(\.key) == ["idp", "refugee"])
        }
    }

    @Test(arguments: Backend.available)
    func byWeekAndMonthKeepMultiWeekPeriodsWhole(_ backend: Backend) async throws {
        try await store(backend) { store in
            let byWeek = try await store.totals(TotalsQuery(grouping: .week))
            let weeks = Dictionary(uniqueKeysWithValues: byWeek.groups.map { ($0.key ?? "", $0.persons) })
            #expect(weeks == ["2019-W27": 150, "2019-W28": 120, "2019-07-01/2019-07-31": 500])
            let byMonth = try await store.totals(TotalsQuery(grouping: .month))
            #expect(byMonth.groups.map(\.key) == ["2019-07"] && byMonth.groups.first?.persons == 770)
        }
    }

    @Test(arguments: Backend.available)
    func filtersByCrossingAndOrganisation(_ backend: Backend) async throws {
        try await store(backend) { store in
            let lbn = try await store.totals(TotalsQuery(crossing: "LBN-01"))
            let unhcr = try await store.totals(TotalsQuery(organisation: "UNHCR"))
            let nobody = try await store.totals(TotalsQuery(organisation: "nobody"))
            #expect(lbn.total == 150 && unhcr.total == 770 && nobody.total == 0)
        }
    }
}

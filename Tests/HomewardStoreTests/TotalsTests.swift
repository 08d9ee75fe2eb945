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

    func store(_ backend: Backend, _ body: (Stores) async throws -> Void) async throws {
        try await withStores(backend) { store in
            let summary = try await store.importCSV(Self.ledger)
            #expect(summary.status == .success, "\(summary.problems)")
            try await body(store)
        }
    }

    func window(_ from: String?, _ to: String?) -> DateWindow { DateWindow(from: from.flatMap(Day.init), to: to.flatMap(Day.init)) }

    @Test(arguments: Backend.available)
    func totalsSinceTheStartSplitRefugeesAndIDPs(_ backend: Backend) async throws {
        try await store(backend) { store in
            let all = try await store.ledger.totals(TotalsQuery())
            #expect(all.total == 770 && all.refugees == 270 && all.idps == 500 && all.partial == 0)
        }
    }

    @Test(arguments: Backend.available)
    func aPeriodAcrossTheWindowsEdgeIsPartialNeverProrated(_ backend: Backend) async throws {
        try await store(backend) { store in
            let since = try await store.ledger.totals(TotalsQuery(window: window("2019-07-05", nil)))
            #expect(since.total == 120)
            #expect(since.partial == 500)
            let week = try await store.ledger.totals(TotalsQuery(window: window("2019-07-04", "2019-07-10")))
            let before = try await store.ledger.totals(TotalsQuery(window: window("2019-06-27", "2019-07-03")))
            #expect(week.total == 120 && before.total == 150)
            let july = try await store.ledger.totals(TotalsQuery(window: window("2019-07-01", "2019-07-31")))
            #expect(july.total == 770 && july.partial == 0)
        }
    }

    @Test(arguments: Backend.available)
    func byCrossingOriginAndDestinationWithNames(_ backend: Backend) async throws {
        try await store(backend) { store in
            let byCrossing = try await store.ledger.totals(TotalsQuery(grouping: .crossing))
            #expect(byCrossing.groups.map(\.key) == [nil, "LBN-01", "JOR-01", "LBN-02", "TUR-02"])
            #expect(byCrossing.groups.dropFirst().first?.name == "Jdeidet Yabous" && byCrossing.groups.dropFirst().first?.persons == 150)
            #expect(byCrossing.groups.first?.name == "not reported")
            let byOrigin = try await store.ledger.totals(TotalsQuery(grouping: .origin, category: .refugee))
            #expect(byOrigin.groups.map(\.key) == ["LBN", "JOR", "TUR"])
            #expect(byOrigin.groups.first?.persons == 180 && byOrigin.groups.first?.name == "Lebanon")
            #expect(byOrigin.total == 270)
            let byGovernorate = try await store.ledger.totals(TotalsQuery(grouping: .adm1, top: 2))
            #expect(byGovernorate.groups.map(\.key) == ["SY02", "SY03"])
            #expect(byGovernorate.groups.first?.name == "Aleppo" && byGovernorate.groups.first?.persons == 520)
            #expect(byGovernorate.total == 770)
            let byCategory = try await store.ledger.totals(TotalsQuery(grouping: .category))
            #expect(byCategory.groups.map(\.key) == ["idp", "refugee"])
            // Category names come from the catalogue, in every language.
            #expect(byCategory.groups.last?.name == "Refugees (from abroad)" && byCategory.groups.last?.nameRu == "Беженцы (из-за рубежа)")
        }
    }

    @Test(arguments: Backend.available)
    func byWeekAndMonthKeepMultiWeekPeriodsWhole(_ backend: Backend) async throws {
        try await store(backend) { store in
            let byWeek = try await store.ledger.totals(TotalsQuery(grouping: .week))
            let weeks = Dictionary(uniqueKeysWithValues: byWeek.groups.map { ($0.key ?? "", $0.persons) })
            #expect(weeks == ["2019-W27": 150, "2019-W28": 120, "2019-07-01/2019-07-31": 500])
            let byMonth = try await store.ledger.totals(TotalsQuery(grouping: .month))
            #expect(byMonth.groups.map(\.key) == ["2019-07"] && byMonth.groups.first?.persons == 770)
        }
    }

    @Test(arguments: Backend.available)
    func filtersByCrossingAndOrganisation(_ backend: Backend) async throws {
        try await store(backend) { store in
            let lbn = try await store.ledger.totals(TotalsQuery(crossing: "LBN-01"))
            let unhcr = try await store.ledger.totals(TotalsQuery(organisation: "UNHCR"))
            let nobody = try await store.ledger.totals(TotalsQuery(organisation: "nobody"))
            #expect(lbn.total == 150 && unhcr.total == 770 && nobody.total == 0)
            // A misspelt crossing code is said so; an organisation that has not reported is 0, as above.
            await #expect(throws: StoreError.invalid(field: "crossing", value: "LBN-1", reason: "no crossing point has this code")) {
                try await store.ledger.totals(TotalsQuery(crossing: "LBN-1"))
            }
            // Another spelling of a known organisation would read as "reported none": it is said so, naming the known one.
            await #expect(throws: StoreError.invalid(field: "organisation", value: "unhcr", reason: "no organisation is written so; did you mean 'UNHCR'?")) {
                try await store.ledger.totals(TotalsQuery(organisation: "unhcr"))
            }
        }
    }

    /// The sums kept ahead (rollups) must equal what the movements themselves add up to, after corrections too.
    @Test(arguments: Backend.available)
    func rollupsAgreeWithTheMovementsAfterCorrections(_ backend: Backend) async throws {
        try await store(backend) { store in
            // setup: a correction of a count, and an id whose movement moves to another crossing and governorate
            _ = try await store.importCSV(Self.ledger.replacingOccurrences(of: "SY0401,50,", with: "SY0401,55,"))
            let withID = "#meta+id,#date,#loc+crossing+code,#country+origin+code,#adm2+dest+code,#affected+returnees+refugees+num\n"
            _ = try await store.importCSV(withID + "x1,2019-07-02,LBN-01,LBN,SY0301,10\n")
            _ = try await store.importCSV(withID + "x1,2019-07-02,JOR-01,JOR,SY1200,12\n")
            // check
            for (grouping, column) in [(Grouping.crossing, "crossing_code"), (.origin, "COALESCE(origin_country, origin_pcode)"),
                                       (.adm1, "dest_adm1"), (.adm2, "dest_adm2")] {
                let report = try await store.ledger.totals(TotalsQuery(window: window("2019-07-01", "2019-07-20"), grouping: grouping))
                let direct = try await store.database.read { db in
                    try await db.raw("""
                        SELECT \(unsafeRaw: column) AS k, CAST(SUM(persons) AS BIGINT) AS n FROM movements
                        WHERE start_day >= \(bind: Day("2019-07-01")!.number) AND end_day <= \(bind: Day("2019-07-20")!.number)
                        GROUP BY \(unsafeRaw: column)
                        """).all().map { (try $0.decode(column: "k", as: String?.self), try $0.decode(column: "n", as: Int.self)) }
                }
                #expect(Dictionary(uniqueKeysWithValues: report.groups.map { ($0.key ?? "", $0.persons) })
                        == Dictionary(uniqueKeysWithValues: direct.map { ($0.0 ?? "", $0.1) }), "\(grouping)")
            }
            let all = try await store.ledger.totals(TotalsQuery())
            #expect(all.total == 100 + 55 + 70 + 30 + 20 + 500 + 12)
            let jordan = try await store.ledger.totals(TotalsQuery(grouping: .crossing)).groups.first { $0.key == "JOR-01" }
            #expect(jordan?.persons == 70 + 12)
            let filtered = try await store.ledger.totals(TotalsQuery(grouping: .adm1, organisation: "UNHCR"))
            #expect(filtered.total == all.total)
        }
    }

    /// Whole months from the monthly sums, partial months and periods across months from the daily
    /// ones: every window must add up to what the movements themselves say.
    @Test(arguments: Backend.available)
    func rollupsAnswerEveryWindowAsTheMovementsDo(_ backend: Backend) async throws {
        try await store(backend) { store in
            // setup: periods across months, and days in the months around July
            _ = try await store.importCSV("""
                #date+start,#date+end,#loc+crossing+code,#country+origin+code,#adm2+dest+code,#affected+returnees+refugees+num
                2019-06-20,2019-07-10,LBN-01,LBN,SY0301,40
                2019-06-30,2019-06-30,LBN-01,LBN,SY0401,8
                2019-08-01,2019-08-01,JOR-01,JOR,SY1200,9
                2019-05-01,2019-12-31,TUR-02,TUR,SY0200,300
                """)
            let windows = [(nil, nil), ("2019-07-01", "2019-07-31"), ("2019-06-15", "2019-08-10"), ("2019-07-02", nil),
                           (nil, "2019-07-31"), ("2019-06-30", "2019-08-01"), ("2019-05-01", "2019-12-31"), ("2019-07-05", "2019-07-09")]
            for (from, to) in windows {
                for grouping in [nil, Grouping.crossing, .origin, .adm1, .adm2, .category] {
                    let fast = try await store.ledger.totals(TotalsQuery(window: window(from, to), grouping: grouping))
                    // Everything here was reported by UNHCR: filtering by it sums the movements themselves.
                    let direct = try await store.ledger.totals(TotalsQuery(window: window(from, to), grouping: grouping, organisation: "UNHCR"))
                    #expect(fast == direct, "\(from ?? "…")–\(to ?? "…") by \(grouping?.rawValue ?? "nothing")")
                }
            }
        }
    }
}

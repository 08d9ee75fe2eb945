import Foundation
import Testing
import HomewardCore

@Suite struct SitesTotalTests {
    let day = Day("2020-06-30")!

    func site(_ code: String) -> Site { Site(code: code, name: code, kind: .camp, admin: "SY08") }
    func census(_ code: String, _ residents: Int, by organisation: String = "UNHCR", on date: String = "2020-06-01") -> Census {
        Census(site: code, date: Day(date)!, residents: residents, organisation: organisation)
    }
    func departure(_ code: String, _ persons: Int) -> Departure {
        Departure(site: code, period: Period(day: Day("2020-06-10")!), persons: persons, organisation: "CCCM")
    }

    /// How many remain in the sites together: only sites with one count are summed; a site whose organisations disagree,
    /// or that nobody counted, is named beside the total, so that no count is chosen for it silently.
    @Test func onlySitesWithOneCountAreSummedAndTheOthersAreNamed() throws {
        let operation = EvacuationOperation(id: 1, site: "C", baselineDate: Day("2020-06-02")!, baselineResidents: 5_000,
                                            start: Day("2020-06-03")!, perCycle: 1_000, cycleDays: 5, status: .underWay)
        let standings = [
            SiteStanding(site: site("A"), asOf: day, censuses: [census("A", 10_000)], departures: [departure("A", 2_500)]),
            // Counted twice on one day, differently: not summed, whatever left it.
            SiteStanding(site: site("B"), asOf: day, censuses: [census("B", 4_000), census("B", 3_000, by: "IOM")], departures: [departure("B", 100)]),
            // Counted from an operation's baseline, with a census of that day that says otherwise: the baseline is the count.
            SiteStanding(site: site("C"), asOf: day, censuses: [census("C", 5_200, by: "WHO", on: "2020-06-02")], departures: [departure("C", 1_000)],
                         operation: operation),
            // More left than were counted: none remain there, not fewer than none.
            SiteStanding(site: site("D"), asOf: day, censuses: [census("D", 300)], departures: [departure("D", 450)]),
            SiteStanding(site: site("E"), asOf: day, censuses: [], departures: [departure("E", 40)]),
        ]
        let total = SitesTotal(standings, asOf: day)
        #expect(total.counted == ["A", "C", "D"])
        // The 150 who left D beyond its count of 300 are taken from no one: residents − left + beyond is what remains.
        #expect(total.residents == 15_300 && total.left == 3_950 && total.beyondCount == 150 && total.remaining == 11_500)
        #expect(total.residents - total.left + total.beyondCount == total.remaining)
        #expect(total.leftPercent?.description == "24.84")
        #expect(total.countsDiffer == ["B"] && total.notCounted == ["E"])
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(CampsStanding(standings, asOf: day))) as? [String: Any])
        let encoded = try #require(json["total"] as? [String: Any])
        #expect(Set(encoded.keys) == ["as_of", "counted", "residents", "left", "beyond_count", "remaining", "left_percent", "counts_differ", "not_counted"])
        #expect(encoded["remaining"] as? Int == 11_500 && encoded["counts_differ"] as? [String] == ["B"])
        #expect((json["sites"] as? [[String: Any]])?.count == 5 && json["as_of"] as? String == "2020-06-30")
    }

    /// No site counted: nothing summed, and no share of nothing.
    @Test func withNothingCountedTheTotalIsZeroWithoutAShare() {
        let total = SitesTotal([SiteStanding(site: site("E"), asOf: day, censuses: [], departures: [])], asOf: day)
        #expect(total.counted.isEmpty && total.residents == 0 && total.remaining == 0 && total.leftPercent == nil && total.notCounted == ["E"])
    }
}

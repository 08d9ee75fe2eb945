import Foundation
import Testing
import HomewardCore

@Suite struct SiteStandingTests {
    let camp = Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006")

    func departure(_ day: String, _ persons: Int, to destination: String? = nil) -> Departure {
        Departure(site: "HOL", period: Period(day: Day(day)!), persons: persons, destination: destination, organisation: "CCCM")
    }

    @Test func organisationsThatDisagreeStandSideBySideAndTheLatestCensusIsTheBaseline() {
        // setup: two organisations count the same camp differently
        let censuses = [Census(site: "HOL", date: Day("2019-03-01")!, residents: 73_000, organisation: "UNHCR"),
                        Census(site: "HOL", date: Day("2019-03-04")!, residents: 70_500, households: 18_000, organisation: "WHO"),
                        Census(site: "HOL", date: Day("2019-02-01")!, residents: 60_000, organisation: "UNHCR")]
        let departures = [departure("2019-03-02", 999), departure("2019-03-05", 700, to: "TC-1"), departure("2019-03-12", 301, to: "SY02")]
        // act
        let standing = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses, departures: departures)
        // check: the latest census is the baseline; departures on or before it do not count; each organisation's latest is kept
        #expect(standing.residents == 70_500 && standing.censusDate == Day("2019-03-04"))
        #expect(standing.left == 1_001 && standing.remaining == 69_499)
        #expect(standing.leftPercent?.description == "1.42")
        #expect(standing.censuses.map(\.organisation) == ["WHO", "UNHCR"])
        #expect(standing.censuses.map(\.residents) == [70_500, 73_000])
        #expect(standing.departuresByWeek.map(\.key) == ["2019-03-04", "2019-03-11"])
        #expect(standing.departuresByDestination.map(\.key) == ["TC-1", "SY02"])
    }

    /// Where the latest day's counts differ, the site has no residents, yet more leaving than the largest count is wrong
    /// whichever count is right: said, as beyond a single count.
    @Test func departuresBeyondTheLargestOfDifferingCountsAreSaid() throws {
        let censuses = [Census(site: "HOL", date: Day("2019-02-01")!, residents: 41_000, organisation: "OCHA"),
                        Census(site: "HOL", date: Day("2019-02-01")!, residents: 36_000, organisation: "SARC")]
        let beyond = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses, departures: [departure("2019-03-05", 51_950)])
        #expect(beyond.residentsDiffer && beyond.residents == nil && beyond.countLeftAgainst == 41_000 && beyond.beyondCount == 10_950)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(beyond)) as? [String: Any])
        #expect(json["beyond_count"] as? Int == 10_950)
        // Between the two counts, one of them may be right: nothing to say.
        let between = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses, departures: [departure("2019-03-05", 38_000)])
        #expect(between.beyondCount == 0)
    }

    /// Departures without a destination are listed under a `destination` of null, the key there as the contract has it.
    @Test func departuresWithoutADestinationAreListedUnderNull() throws {
        let standing = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: [],
                                    departures: [departure("2019-03-05", 20), departure("2019-03-06", 7, to: "TC-1")])
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(standing)) as? [String: Any])
        let groups = try #require(json["departures_by_destination"] as? [[String: Any]])
        #expect(groups.count == 2 && groups.allSatisfy { Set($0.keys) == ["destination", "persons"] }, "\(groups)")
        #expect(groups.contains { $0["destination"] is NSNull && $0["persons"] as? Int == 20 })
    }

    /// More departures than residents counted: none remain, and by how much they disagree is kept beside it.
    @Test func departuresBeyondTheCountLeaveNoneAndSayByHowMuch() {
        let censuses = [Census(site: "HOL", date: Day("2019-03-01")!, residents: 3_000, organisation: "UNHCR")]
        let standing = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses,
                                    departures: [departure("2019-03-05", 2_000), departure("2019-03-06", 1_500)])
        #expect(standing.left == 3_500 && standing.remaining == 0 && standing.beyondCount == 500)
        // The share of those counted who left is all of them, not 116.67 %: the 500 beyond are said apart, as the sites' total does.
        #expect(standing.leftPercent?.description == "100.00")
        let within = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses, departures: [departure("2019-03-05", 2_000)])
        #expect(within.remaining == 1_000 && within.beyondCount == 0)
        #expect(SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: [], departures: [departure("2019-03-05", 20)]).beyondCount == 0)
    }

    @Test func anOperationsBaselineComesBeforeAnyLaterCensus() {
        let censuses = [Census(site: "HOL", date: Day("2019-03-10")!, residents: 50_000, organisation: "WHO")]
        let operation = EvacuationOperation(site: "HOL", baselineDate: Day("2019-03-01")!, baselineResidents: 10_000,
                                            start: Day("2019-03-02")!, perCycle: 3_500, cycleDays: 5)
        let standing = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses,
                                    departures: [departure("2019-03-03", 2_000)], operation: operation)
        #expect(standing.residents == 10_000 && standing.left == 2_000 && standing.leftPercent?.description == "20.00")
        // The later count stays in sight: the figures count from the baseline, and a reader sees that a newer census differs.
        #expect(standing.censusesAfterBaseline.map(\.residents) == [50_000])
        let before = SiteStanding(site: camp, asOf: Day("2019-03-05")!, censuses: censuses, departures: [], operation: operation)
        #expect(before.censusesAfterBaseline.isEmpty)
    }

    /// A census of the baseline's day corrected after the operation was planned: the operation keeps its baseline,
    /// and the standing says which census now reads otherwise.
    @Test func aCensusThatNowDiffersFromAnOperationsBaselineIsNamed() {
        let operation = EvacuationOperation(site: "HOL", baselineDate: Day("2019-03-04")!, baselineResidents: 70_500,
                                            start: Day("2019-03-06")!, perCycle: 3_500, cycleDays: 5)
        let censuses = [Census(site: "HOL", date: Day("2019-03-04")!, residents: 71_000, organisation: "WHO"),
                        Census(site: "HOL", date: Day("2019-03-04")!, residents: 70_500, organisation: "UNHCR")]
        let standing = SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses, departures: [], operation: operation)
        #expect(standing.residents == 70_500 && standing.isOperationBaseline)
        #expect(standing.censusesUnlikeBaseline.map(\.organisation) == ["WHO"])
        #expect(!SiteStanding(site: camp, asOf: Day("2019-03-12")!, censuses: censuses, departures: []).isOperationBaseline)
    }

    @Test func percentagesAreRoundedHalfUpFromWholeNumbersAndWrittenWithTwoDecimals() throws {
        #expect(Percent(1, of: 3)?.description == "33.33")
        #expect(Percent(2, of: 3)?.description == "66.67")
        #expect(Percent(1, of: 8)?.description == "12.50")
        #expect(Percent(5, of: 0) == nil)
        #expect(String(decoding: try JSONEncoder().encode([Percent(1, of: 8)!]), as: UTF8.self) == "[12.5]")
    }

    @Test func progressSaysAheadOrBehindAndForecastsTheEndAtTheRecentPace() {
        // setup: 10,000 people, 3,500 every 5 days from 2019-03-02
        let operation = EvacuationOperation(site: "HOL", baselineDate: Day("2019-03-01")!, baselineResidents: 10_000,
                                            start: Day("2019-03-02")!, perCycle: 3_500, cycleDays: 5)
        let departures = [departure("2019-03-01", 500), departure("2019-03-03", 2_000), departure("2019-03-08", 1_500)]
        // act: on the 12th, two cycles (to the 6th and the 11th) are over
        let progress = EvacuationProgress(operation: operation, departures: departures, asOf: Day("2019-03-12")!)
        // check
        #expect(progress.cycles.map(\.planned) == [3_500, 3_500, 3_000])
        #expect(progress.cycles.map(\.actual) == [2_000, 1_500, 0])
        // The third cycle began on the 12th: its 0 is "so far", not "nobody left"; a day earlier it had not begun.
        #expect(progress.cycles.map(\.state) == [.ended, .ended, .underWay])
        #expect(EvacuationProgress(operation: operation, departures: departures, asOf: Day("2019-03-11")!).cycles.last?.state == .notBegun)
        #expect(progress.left == 3_500 && progress.plannedByNow == 7_000 && progress.ahead == -3_500)
        // 3,500 in the 11 days since the start (not 14: the days before it would slow an operation only days old):
        // 6,500 left need 21 days at that pace
        #expect(progress.paceDays == 11 && progress.recentPersons == 3_500 && progress.forecastEnd == Day("2019-04-02"))
        #expect(progress.plan.end == Day("2019-03-16"))
        // Those who left outside every cycle's days are in none: before the start (after the baseline), and after the last.
        let outside = EvacuationProgress(operation: operation, departures: departures + [departure("2019-03-20", 700)], asOf: Day("2019-03-22")!)
        #expect(outside.cycles.map(\.actual) == [2_000, 1_500, 0] && outside.afterPlan == 700 && outside.left == 4_200, "\(outside.cycles)")
        let early = EvacuationOperation(site: "HOL", baselineDate: Day("2019-02-20")!, baselineResidents: 10_000,
                                        start: Day("2019-03-02")!, perCycle: 3_500, cycleDays: 5)
        let ledEarly = EvacuationProgress(operation: early, departures: [departure("2019-02-25", 300)] + departures, asOf: Day("2019-03-12")!)
        #expect(ledEarly.beforePlan == 800 && ledEarly.cycles.map(\.actual) == [2_000, 1_500, 0], "\(ledEarly.cycles)")
        let stalled = EvacuationProgress(operation: operation, departures: departures, asOf: Day("2019-04-30")!)
        #expect(stalled.paceDays == 14 && stalled.recentPersons == 0 && stalled.forecastEnd == nil)
        let beforeStart = EvacuationProgress(operation: operation, departures: departures, asOf: Day("2019-03-01")!)
        #expect(beforeStart.paceDays == 0 && beforeStart.forecastEnd == nil)
        // The words follow the days: "the last day", "the last 2 days" in Russian and Arabic too.
        let ru = try! Catalogue.bundled(.ru), ar = try! Catalogue.bundled(.ar), en = try! Catalogue.bundled(.en)
        #expect(en.text("camps.operation.forecastEnd", ["days": .count(1), "day": .day(Day("2019-04-02")!)]) == "At the pace of the last day: 2 April 2019")
        #expect(ru.text("camps.operation.forecastNone", ["days": .count(2)]).hasPrefix("За последние 2 дня"))
        #expect(ru.text("camps.operation.forecastNone", ["days": .count(5)]).hasPrefix("За последние 5 дней"))
        #expect(ar.text("camps.operation.forecastNone", ["days": .count(3)]).contains("آخر ٣ أيام"))
    }

    /// A site evacuated twice: the first operation counts the departures up to the second's baseline, and those after
    /// are the second's; an operation everyone left ends on the day the last left, and says nothing below zero.
    @Test func anOperationCountsTheDeparturesUpToTheNextOperationsBaseline() {
        let first = EvacuationOperation(site: "HOL", baselineDate: Day("2020-05-01")!, baselineResidents: 100,
                                        start: Day("2020-05-02")!, perCycle: 50, cycleDays: 7)
        let departures = [departure("2020-05-05", 60), departure("2020-05-09", 40), departure("2020-06-05", 300)]
        // act
        let progress = EvacuationProgress(operation: first, departures: departures, asOf: Day("2020-06-30")!, nextBaseline: Day("2020-06-01")!)
        // check
        #expect(progress.left == 100 && progress.remaining == 0 && progress.forecastEnd == Day("2020-05-09"))
        // Without the next operation's baseline (as before), it would count the second's departures too.
        let unbounded = EvacuationProgress(operation: first, departures: departures, asOf: Day("2020-06-30")!)
        #expect(unbounded.left == 400 && unbounded.remaining == 0)
        #expect(progress.takenOver == Day("2020-06-01") && unbounded.takenOver == nil)
        // Taken over on the next operation's census day itself, and not before.
        let onTheDay = EvacuationProgress(operation: first, departures: departures, asOf: Day("2020-06-01")!, nextBaseline: Day("2020-06-01")!)
        let before = EvacuationProgress(operation: first, departures: departures, asOf: Day("2020-05-31")!, nextBaseline: Day("2020-06-01")!)
        #expect(onTheDay.takenOver == Day("2020-06-01") && before.takenOver == nil)
        // Listed among the site's operations, it names the one that took it over, from that one's baseline, and not before.
        let second = EvacuationOperation(id: 2, site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 300, start: Day("2020-06-02")!,
                                         perCycle: 100, cycleDays: 7)
        let elsewhere = EvacuationOperation(id: 3, site: "ROJ", baselineDate: Day("2020-05-10")!, baselineResidents: 30, start: Day("2020-05-11")!,
                                            perCycle: 10, cycleDays: 7)
        #expect(first.successor(among: [first, second, elsewhere], by: Day("2020-06-01")!)?.id == 2)
        #expect(first.successor(among: [first, second, elsewhere], by: Day("2020-05-31")!) == nil && second.successor(among: [first, second], by: Day("2020-07-01")!) == nil)
        // Taken over with people still counted as remaining, it stands as on that day: behind by what the plan had moved by
        // then, its pace that of the days before, not "nobody left in the last 14 days" and ever further behind; with no end
        // forecast of its own, since the later operation moves the rest.
        let slow = EvacuationProgress(operation: first, departures: [departure("2020-05-20", 10), departure("2020-06-20", 300)],
                                      asOf: Day("2020-06-30")!, nextBaseline: Day("2020-06-01")!)
        #expect(slow.left == 10 && slow.ahead == 10 - 100 && slow.plannedThrough == Day("2020-06-01") && slow.recentPersons == 10)
        #expect(slow.forecastEnd == nil)
    }

    /// A transit centre's overload after the next operation took the site over (from another site, a year later) is not
    /// charged to this operation: only the days that count for it are looked at.
    @Test func anOperationTakenOverIsChargedWithNoLaterOverloadOfItsCentre() {
        let centre = Site(code: "TC-1", name: "Transit", kind: .transitCentre, admin: "SY08", capacity: 100, stayHours: 48)
        let first = EvacuationOperation(site: "HOL", baselineDate: Day("2020-05-01")!, baselineResidents: 100,
                                        start: Day("2020-05-02")!, perCycle: 50, cycleDays: 7, via: ["TC-1"], status: .underWay)
        let later = Departure(site: "RUK", period: Period(day: Day("2020-06-20")!), persons: 500, destination: "TC-1", organisation: "IOM")
        let occupancies = ["TC-1": TransitCentreOccupancy(centre: centre, departures: [later])]
        let takenOver = EvacuationProgress(operation: first, departures: [], asOf: Day("2020-06-30")!, nextBaseline: Day("2020-06-01")!)
        let running = EvacuationProgress(operation: first, departures: [], asOf: Day("2020-06-30")!)
        #expect(takenOver.centres(overCapacityIn: occupancies).isEmpty)
        #expect(running.centres(overCapacityIn: occupancies).map(\.persons) == [500])
    }

    /// An operation ahead of its plan is not forecast late: 3,600 in its first 5 days is 720 a day.
    @Test func anOperationAheadOfPlanInItsFirstDaysIsForecastAtItsOwnPace() {
        let operation = EvacuationOperation(site: "HOL", baselineDate: Day("2019-03-04")!, baselineResidents: 70_500,
                                            start: Day("2019-03-06")!, perCycle: 3_500, cycleDays: 5)
        let progress = EvacuationProgress(operation: operation, departures: [departure("2019-03-07", 1_800), departure("2019-03-09", 1_800)],
                                          asOf: Day("2019-03-10")!)
        #expect(progress.ahead == 100 && progress.paceDays == 5)
        // 66,900 left at 720 a day: 93 days, against the plan's 18 June
        #expect(progress.forecastEnd == Day("2019-06-11") && progress.plan.end == Day("2019-06-18"))
    }
}

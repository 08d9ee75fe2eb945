import Testing
@testable import HomewardCore

@Suite struct TransitCentreOccupancyTests {
    let centre = Site(code: "TC-1", name: "Transit", kind: .transitCentre, admin: "SY08", capacity: 1_000, stayHours: 48)

    func departure(_ start: String, through end: String? = nil, _ persons: Int, to destination: String? = "TC-1", from site: String = "HOL",
                   id: String? = nil) -> Departure {
        Departure(site: site, period: Period(start: Day(start)!, end: Day(end ?? start)!), persons: persons, destination: destination,
                  organisation: "CCCM", externalId: id)
    }

    /// An operation completed keeps the overload it met; one recorded completed without the day it ended is not charged with
    /// another site's later overload of the same centre, every day after its last departure.
    @Test func aCompletedOperationKeepsItsOwnOverloadOnly() {
        let hol = departure("2020-06-02", 1_200), later = departure("2020-06-20", 1_500, from: "RUK")
        let occupancy = TransitCentreOccupancy(centre: centre, departures: [hol, later])
        let operation = EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 1_200, start: Day("2020-06-02")!,
                                            perCycle: 1_200, cycleDays: 5, via: ["TC-1"], status: .completed)
        let asOf = Day("2020-06-30")!
        let recorded = EvacuationProgress(operation: operation, departures: [hol], asOf: asOf)
        #expect(recorded.centres(overCapacityIn: ["TC-1": occupancy]).map(\.day) == [Day("2020-06-02")!])
        let dated = EvacuationProgress(operation: operation, departures: [hol], asOf: asOf, completedOn: Day("2020-06-25")!)
        #expect(dated.centres(overCapacityIn: ["TC-1": occupancy]).map(\.persons) == [1_500], "its centre's busiest day up to its completion")
    }

    @Test func eachArrivalStaysTheCentresUsualStayAndTheDaysAboveCapacityAreNamed() {
        // setup: 600 a day for three days into a centre of 1,000 places where people stay 48 hours (2 days);
        // 900 elsewhere, which the centre never sees
        let occupancy = TransitCentreOccupancy(centre: centre, departures: [
            departure("2020-06-01", 600), departure("2020-06-02", 600), departure("2020-06-03", 600), departure("2020-06-02", 900, to: "SY08"),
            departure("2020-06-02", 50, from: "SET-1"),
        ])
        // check: the first day's 600 are still there on the second; 1,250 on the 2nd and the 3rd, 600 on the 4th
        #expect((1 ... 5).map { occupancy.persons(on: Day("2020-06-0\($0)")!) } == [600, 1_250, 1_250, 600, 0])
        let peak = occupancy.peak(through: Day("2020-06-30")!)
        #expect(peak?.day == Day("2020-06-02")! && peak?.persons == 1_250)
        #expect(occupancy.spellsOverCapacity(through: Day("2020-06-30")!)
                == [.init(first: Day("2020-06-02")!, last: Day("2020-06-03")!, peak: 1_250, peakDay: Day("2020-06-02")!)])
        // Up to a day before the spell ends, it ends on that day; before anyone arrived there is nothing to say.
        #expect(occupancy.spellsOverCapacity(through: Day("2020-06-02")!).map(\.last) == [Day("2020-06-02")!])
        #expect(occupancy.peak(through: Day("2020-05-31")!) == nil && occupancy.spellsOverCapacity(through: Day("2020-05-31")!).isEmpty)
        #expect(occupancy.arrived(through: Day("2020-06-02")!) == 1_250)
        #expect(occupancy.arrivedBySite(through: Day("2020-06-30")!).map { "\($0.key) \($0.persons)" } == ["HOL 1800", "SET-1 50"])
    }

    @Test func aDepartureOverSeveralDaysIsSpreadOverThemAndACorrectionReplacesIt() {
        // setup: 301 over three days, then corrected (same id) to 3,000 sent elsewhere, then a stay of 50 hours (3 days)
        var occupancy = TransitCentreOccupancy(centre: centre, departures: [departure("2020-06-01", through: "2020-06-03", 301, id: "d1")])
        // check: 101, 100 and 100 arrive; by the 3rd 100 + 100 are in (the 1st's have left); half the period has arrived by the 2nd
        #expect((1 ... 4).map { occupancy.persons(on: Day("2020-06-0\($0)")!) } == [101, 201, 200, 100])
        #expect(occupancy.arrivedBySite(through: Day("2020-06-02")!).first?.persons == 201)
        // A correction sent elsewhere is taken out; the days it covered are given back.
        occupancy.remove(key: departure("2020-06-01", 3_000, to: "SY08", id: "d1").key)
        #expect(occupancy.persons(on: Day("2020-06-02")!) == 0 && occupancy.peak(through: Day("2020-06-30")!) == nil)
        // A departure that takes the centre above capacity says on which day; the same again, or one corrected down, does not.
        let d2 = departure("2020-06-05", 1_200, id: "d2")
        let over = occupancy.count(d2, key: d2.key)
        #expect(over?.day == Day("2020-06-05")! && over?.persons == 1_200)
        #expect(occupancy.count(d2, key: d2.key) == nil)
        let down = departure("2020-06-05", 1_100, id: "d2")
        #expect(occupancy.count(down, key: down.key) == nil && occupancy.persons(on: Day("2020-06-06")!) == 1_100)
        let up = departure("2020-06-06", 50, id: "d3")
        #expect(occupancy.count(up, key: up.key)?.persons == 1_150, "further above capacity on the 6th")
        #expect(occupancy.overCapacity(on: Day("2020-06-01")! ... Day("2020-06-30")!)?.persons == 1_150)
        #expect(occupancy.overCapacity(on: Day("2020-06-01")! ... Day("2020-06-04")!) == nil)
        let longer = TransitCentreOccupancy(centre: Site(code: "TC-1", name: "Transit", kind: .transitCentre, admin: "SY08", capacity: 1_000, stayHours: 50),
                                            departures: [departure("2020-06-01", 400), departure("2020-06-03", 700)])
        #expect(longer.persons(on: Day("2020-06-03")!) == 1_100 && longer.persons(on: Day("2020-06-04")!) == 700)
    }

    @Test func aRowThatTakesACentreAboveItsCapacityIsKeptWithAWarningNamingTheDayAndTheEstimate() throws {
        // setup: 700 already recorded to TC-1 on 2 March (stay 48 hours, 1,000 places)
        let recorded = departure("2019-03-02", 700, id: "d1")
        var rules = DepartureRules(sites: ["HOL", "HOL-2", "TC-1"], gazetteer: sampleGazetteer, today: Day("2019-03-20")!,
                                   transitCentres: ["TC-1": TransitCentreOccupancy(centre: centre, departures: [recorded])])
        let layout = try ImportLayout<DepartureField>(firstRows: [["#date", "#loc+site+code", "#affected+departed+num", "#loc+dest+code", "#org", "#meta+id"]])
        let rows = [["2019-03-03", "HOL", "300", "TC-1", "CCCM", "d2"],   // 1,000 on the 3rd: at capacity, not above
                    ["2019-03-03", "HOL", "50", "", "CCCM", "d3"],        // elsewhere
                    ["2019-03-04", "HOL", "800", "TC-1", "CCCM", "d4"],   // 1,100 on the 4th
                    ["2019-03-02", "HOL", "100", "TC-1", "CCCM", "d1"]]   // d1 corrected down: 400 on the 3rd
        // act
        let outcomes = rows.enumerated().map { rules.check(layout.draft(row: $1, number: $0 + 2)) }
        // check: all kept; only the row that takes the centre above its places warns, naming the centre, the day and the estimate
        #expect(outcomes.allSatisfy { !$0.isRejected && $0.records.count == 1 })
        #expect(outcomes.map(\.hasWarnings) == [false, false, true, false])
        let warning = try #require(outcomes[2].problems.first)
        #expect(warning.code == "import.departures.transitOverCapacity" && warning.severity == .warning && warning.column == "#loc+dest+code")
        #expect(warning.reason.contains("TC-1 would hold an estimated 1,100 on 4 March 2019, above its capacity of 1,000"), "\(warning.reason)")
        #expect(rules.transitCentres["TC-1"]?.persons(on: Day("2019-03-03")!) == 400)
        #expect(rules.transitCentres["TC-1"]?.persons(on: Day("2019-03-04")!) == 1_100)
        // The same rows again (a file imported twice) are no new warning; d4 sent elsewhere gives its places back.
        let again = rows.enumerated().map { rules.check(layout.draft(row: $1, number: $0 + 2)) }
        #expect(again.allSatisfy { !$0.hasWarnings })
        _ = rules.check(layout.draft(row: ["2019-03-04", "HOL", "800", "HOL-2", "CCCM", "d4"], number: 6))
        #expect(rules.transitCentres["TC-1"]?.persons(on: Day("2019-03-04")!) == 300)
    }
}

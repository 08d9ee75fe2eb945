import Testing
@testable import HomewardCore

@Suite struct CampRulesTests {
    let today = Day("2019-03-20")!
    let sites: Set<String> = ["HOL", "TC-1"]

    func departures(_ rows: [[String]]) throws -> [ImportDraft<DepartureField>] {
        let layout = try ImportLayout<DepartureField>(firstRows: [["#date", "#loc+site+code", "#affected+departed+num", "#loc+dest+code", "#org", "#meta+id"]])
        return rows.enumerated().map { layout.draft(row: $1, number: $0 + 2) }
    }

    @Test func aDepartureNeverTakesASiteBelowZeroAgainstItsBaseline() throws {
        // setup: 1,000 residents at the baseline, 600 already recorded as d1
        var rules = DepartureRules(sites: sites, gazetteer: sampleGazetteer, today: today, baselines: [
            "HOL": .init(date: Day("2019-03-01")!, residents: 1_000, counted: [Departure(site: "HOL", period: Period(day: Day("2019-03-02")!), persons: 600,
                                                                                     organisation: "CCCM", externalId: "d1").key: 600])])
        let drafts = try departures([["2019-03-03", "HOL", "300", "TC-1", "CCCM", "d2"],
                                     ["2019-03-04", "HOL", "200", "TC-1", "CCCM", "d3"],
                                     ["2019-03-02", "HOL", "650", "", "CCCM", "d1"],
                                     ["2019-03-02", "HOL", "700", "", "CCCM", "d1"]])
        // act
        let outcomes = drafts.map { rules.check($0) }
        // check: 600 + 300 fits; 200 more would make 1,100; correcting d1 to 650 makes 950; to 700 would make 1,000, still fits
        #expect(outcomes.map(\.isRejected) == [false, true, false, false])
        #expect(outcomes[1].problems.first?.reason.contains("would come to 1,100, more than its 1,000 residents") == true)
        #expect(outcomes[1].problems.first?.column == "#affected+departed+num")
        #expect(rules.baselines["HOL"]?.left == 1_000)
    }

    @Test func eachOrganisationsDeparturesSinceASitesLatestCensusAreHeldToItWithAWarning() throws {
        // setup: UNHCR counted 1,000 on 1 March (WHO's 5,000 in February is older); CCCM had recorded 600 since
        let censuses = [Census(site: "HOL", date: Day("2019-02-01")!, residents: 5_000, organisation: "WHO"),
                        Census(site: "HOL", date: Day("2019-03-01")!, residents: 1_000, organisation: "UNHCR")]
        let recorded = Departure(site: "HOL", period: Period(day: Day("2019-03-02")!), persons: 600, organisation: "CCCM", externalId: "d1")
        var rules = DepartureRules(sites: sites, gazetteer: sampleGazetteer, today: today, censuses: [
            "HOL": DeparturesSinceCensus(census: try #require(Census.latest(censuses)), departures: [recorded])])
        let drafts = try departures([["2019-03-03", "HOL", "300", "TC-1", "CCCM", "d2"],
                                     ["2019-03-04", "HOL", "800", "", "IOM", "i1"],
                                     ["2019-03-05", "HOL", "200", "", "CCCM", "d3"],
                                     ["2019-02-20", "HOL", "5000", "", "CCCM", "d0"],
                                     ["2019-03-02", "HOL", "400", "", "CCCM", "d1"]])
        // act
        let outcomes = drafts.map { rules.check($0) }
        // check: all kept; CCCM's 600 + 300 fits, IOM's 800 stands alone (not 1,700 with CCCM's), 200 more makes CCCM's
        // 1,100; a departure before the census is not held to it, but said to count in no progress since; d1 corrected to
        // 400 brings CCCM's back to 900
        #expect(outcomes.allSatisfy { !$0.isRejected && $0.records.count == 1 })
        #expect(outcomes.map(\.hasWarnings) == [false, false, true, true, false])
        #expect(outcomes[3].problems.map(\.code) == ["import.departures.beforeBaseline"] && outcomes[3].problems.first?.column == "#date")
        let warning = try #require(outcomes[2].problems.first)
        #expect(warning.code == "import.departures.beyondCensus" && warning.column == "#affected+departed+num" && warning.value == "200")
        #expect(warning.reason == "kept: departures from HOL reported by CCCM since the census of 1 March 2019 by UNHCR come to 1,100, "
                + "more than it counted (1,000); check the figures, or record a newer census")
        #expect(warning.reason(in: try Catalogue.bundled(.ru)).contains("по данным CCCM после переписи"))
        #expect(rules.censuses["HOL"]?.counted["CCCM"]?.values.reduce(0, +) == 900)
    }

    /// Beyond a census, an organisation's departures are said once per import: each row after would repeat it with a larger
    /// total; a 0, which takes a departure back, says nothing of it.
    @Test func departuresBeyondACensusAreSaidOnce() throws {
        let census = Census(site: "HOL", date: Day("2019-03-01")!, residents: 100, organisation: "UNHCR")
        var rules = DepartureRules(sites: sites, gazetteer: sampleGazetteer, today: today, censuses: [
            "HOL": DeparturesSinceCensus(census: census, departures: [
                Departure(site: "HOL", period: Period(day: Day("2019-03-02")!), persons: 150, organisation: "SARC", externalId: "s1")])])
        let outcomes = try departures([["2019-03-02", "HOL", "150", "", "CCCM", "c1"], ["2019-03-03", "HOL", "20", "", "CCCM", "c2"],
                                       ["2019-03-04", "HOL", "120", "", "IOM", "i1"], ["2019-03-04", "HOL", "0", "", "SARC", "s2"]]).map { rules.check($0) }
        #expect(outcomes.map { $0.problems.map(\.code) } == [["import.departures.beyondCensus"], [], ["import.departures.beyondCensus"], []])
    }

    /// Nobody is moved under a suspended operation: a departure dated inside a suspension is kept and said, naming since when.
    @Test func aDepartureWhileTheOperationStoodSuspendedIsSaid() throws {
        let operation = EvacuationOperation(site: "HOL", baselineDate: Day("2019-03-01")!, baselineResidents: 1_000, start: Day("2019-03-02")!,
                                            perCycle: 200, cycleDays: 2, status: .underWay)
        let changes = [EvacuationStatusChange(from: .planned, to: .underWay, day: Day("2019-03-02")!, at: "", by: ""),
                       EvacuationStatusChange(from: .underWay, to: .suspended, day: Day("2019-03-05")!, at: "", by: ""),
                       EvacuationStatusChange(from: .suspended, to: .underWay, day: Day("2019-03-08")!, at: "", by: "")]
        var rules = DepartureRules(sites: sites, gazetteer: sampleGazetteer, today: today,
                                   baselines: ["HOL": .init(date: Day("2019-03-01")!, residents: 1_000, counted: [:])],
                                   operations: ["HOL": (operation, changes)])
        let outcomes = try departures([["2019-03-04", "HOL", "100", "", "CCCM", "a"], ["2019-03-06", "HOL", "100", "", "CCCM", "b"],
                                       ["2019-03-08", "HOL", "100", "", "CCCM", "c"]]).map { rules.check($0) }
        #expect(outcomes.allSatisfy { $0.records.count == 1 })
        #expect(outcomes.map { $0.problems.map(\.code) } == [[], ["import.departures.whileSuspended"], []])
        #expect(outcomes[1].problems.first?.reason.contains("stood suspended (since 5 March 2019)") == true)
        #expect(rules.baselines["HOL"]?.left == 300)
    }

    /// A departure whose days run across the day a site counts from is counted whole as having left since, and said; one to
    /// another camp counts as having left this one, and is said too, since no figure of the other counts arrivals.
    @Test func aDepartureAcrossTheCensusDayOrToAnotherCampIsSaid() throws {
        let census = Census(site: "HOL", date: Day("2019-03-01")!, residents: 1_000, organisation: "UNHCR")
        var rules = DepartureRules(sites: sites.union(["ROJ"]), livedIn: ["HOL", "ROJ"], gazetteer: sampleGazetteer, today: today,
                                   censuses: ["HOL": DeparturesSinceCensus(census: census, departures: [])])
        let layout = try ImportLayout<DepartureField>(firstRows: [["#date+start", "#date+end", "#loc+site+code", "#affected+departed+num", "#loc+dest+code", "#org"]])
        let outcomes = [["2019-02-27", "2019-03-02", "HOL", "500", "", "CCCM"], ["2019-03-02", "2019-03-04", "HOL", "50", "TC-1", "CCCM"],
                        ["2019-03-05", "2019-03-05", "HOL", "40", "ROJ", "CCCM"]].enumerated().map { rules.check(layout.draft(row: $1, number: $0 + 2)) }
        #expect(outcomes.allSatisfy { $0.records.count == 1 })
        #expect(outcomes.map { $0.problems.map { "\($0.column) \($0.code)" } } == [["#date+start import.departures.spansBaseline"], [],
                                                                                  ["#loc+dest+code import.departures.notToTransitCentre"]])
        #expect(outcomes[0].problems.first?.reason.contains("start on or before 1 March 2019, the day the site counts from, and end after it") == true)
        #expect(outcomes[2].problems.first?.reason == "ROJ is not a transit centre: these people count as having left this site, but no figure of ROJ counts them as arrived (its censuses do)")
        // A 0 to another camp moves no one; a month in one date column across the census day is said at that column.
        let february = Census(site: "HOL", date: Day("2019-02-01")!, residents: 1_000, organisation: "UNHCR")
        var plain = DepartureRules(sites: sites.union(["ROJ"]), livedIn: ["HOL", "ROJ"], gazetteer: sampleGazetteer, today: today,
                                   censuses: ["HOL": DeparturesSinceCensus(census: february, departures: [])])
        let more = try departures([["2019-03-05", "HOL", "0", "ROJ", "CCCM", "z"], ["2019-02", "HOL", "40", "", "CCCM", "m"]]).map { plain.check($0) }
        #expect(more.map { $0.problems.map { "\($0.column) \($0.code)" } } == [[], ["#date import.departures.spansBaseline"]])
    }

    @Test func departuresNameTheFieldAtFault() throws {
        var rules = DepartureRules(sites: sites, gazetteer: sampleGazetteer, today: today)
        let drafts = try departures([["2019-04-01", "HOL", "5", "", "CCCM", ""], ["2019-03-01", "XYZ", "5", "", "CCCM", ""],
                                     ["2019-03-01", "HOL", "-5", "", "CCCM", ""], ["2019-03-01", "HOL", "5", "TC-9", "CCCM", ""],
                                     ["2019-03-01", "HOL", "0", "", "CCCM", ""], ["2019-03-01", "HOL", "5", "HOL", "CCCM", ""],
                                     ["2019-03-01", "HOL", "99999999999999999999", "", "CCCM", ""]])
        let outcomes = drafts.map { rules.check($0) }
        // A departure to the site it leaves is no departure.
        #expect(outcomes[5].isRejected && outcomes[5].problems.map(\.code) == ["import.destination.sameSite"])
        #expect(outcomes[5].problems.first?.column == "#loc+dest+code")
        // More digits than a number holds is too many, as the ledger says it, not "not a whole number".
        #expect(outcomes[6].problems.map(\.code) == ["import.number.tooLarge"])
        #expect(outcomes[0].problems.first?.reason.contains("future") == true)
        #expect(outcomes[1].problems.first?.value == "XYZ" && outcomes[1].problems.first?.code == "import.site.unknown")
        // An unknown site without an organisation: its operator is unknown too, and the site alone is what to mend.
        let noOrganisation = rules.check(try departures([["2019-03-01", "XYZ", "5", "", "", ""]])[0])
        #expect(noOrganisation.problems.map(\.code) == ["import.site.unknown"], "\(noOrganisation.problems)")
        #expect(outcomes[2].problems.first?.code == "import.number.negative")
        #expect(outcomes[3].problems.first?.column == "#loc+dest+code")
        #expect(outcomes[3].problems.first?.reason == "neither a site's code nor an area's P-code")
        // `#loc+dest+code` takes an area's P-code as well as a site's, as JSON's destination and `--to` do.
        let toArea = rules.check(try departures([["2019-03-01", "HOL", "5", "SY12", "CCCM", ""]])[0])
        #expect(!toArea.isRejected && toArea.records.first?.destination == "SY12")
        // A 0 is a departure of nobody: it takes back the one its key finds (the writer's part), and warns of nothing.
        #expect(!outcomes[4].isRejected && outcomes[4].records.map(\.persons) == [0] && outcomes[4].problems.isEmpty)
    }

    @Test func aCensusIsAKnownSiteARealDateAndWholeNumbers() throws {
        let layout = try ImportLayout<CensusField>(firstRows: [["#date", "#loc+site+code", "#population+ind+num", "#population+hh+num", "#org"]])
        let rules = CensusRules(sites: sites, today: today)
        let good = rules.check(layout.draft(row: ["2019-03-01", "HOL", "73,000", "18000", "UNHCR"], number: 2))
        #expect(good.records.first == Census(site: "HOL", date: Day("2019-03-01")!, residents: 73_000, households: 18_000, organisation: "UNHCR"))
        let bad = rules.check(layout.draft(row: ["2019-02-30", "HOL", "ten", "20", ""], number: 3))
        #expect(bad.problems.map(\.column) == ["#date", "#population+ind+num", "#org"])
    }

    /// An operation's status on a day is the last change to take effect by then, or the status before the first; a
    /// change is dated by today at the latest and not before the last one, so that days follow the order recorded.
    @Test func anOperationsStatusOnADayGoesByTheDaysItsChangesTookEffect() throws {
        var operation = EvacuationOperation(site: "HOL", baselineDate: Day("2019-03-01")!, baselineResidents: 1_000, start: Day("2019-03-02")!,
                                            perCycle: 100, cycleDays: 5, status: .suspended)
        let changes = [EvacuationStatusChange(from: .planned, to: .underWay, day: Day("2019-03-02")!, at: "2019-03-19T10:00:00Z", by: "a"),
                       EvacuationStatusChange(from: .underWay, to: .suspended, day: Day("2019-03-10")!, at: "2019-03-19T10:01:00Z", by: "a")]
        #expect(operation.status(on: Day("2019-03-01")!, changes: changes) == .planned)
        #expect(operation.status(on: Day("2019-03-02")!, changes: changes) == .underWay)
        #expect(operation.status(on: Day("2019-03-09")!, changes: changes) == .underWay)
        #expect(operation.status(on: today, changes: changes) == .suspended)
        #expect(operation.status(on: Day("2019-01-01")!, changes: []) == .suspended, "with no change, the status it has")
        func refusal(_ check: () throws(FieldProblem) -> Void) -> String? {
            do { try check(); return nil } catch { return "\(error.field) \(error.message.key)" }
        }
        #expect(refusal { () throws(FieldProblem) in
            try EvacuationRules.checkChange(of: operation, to: .underWay, on: today.adding(days: 1), after: changes.last, today: today)
        } == "date evacuation.status.future")
        #expect(refusal { () throws(FieldProblem) in
            try EvacuationRules.checkChange(of: operation, to: .underWay, on: Day("2019-03-09")!, after: changes.last, today: today)
        } == "date evacuation.status.beforeLast")
        #expect(refusal { () throws(FieldProblem) in
            try EvacuationRules.checkChange(of: operation, to: .underWay, on: Day("2019-02-28")!, after: nil, today: today)
        } == "date evacuation.status.beforeBaseline")
        try EvacuationRules.checkChange(of: operation, to: .underWay, on: Day("2019-03-10")!, after: changes.last, today: today)
        // The latest change, which made it suspended, may be given another day, bounded by the change before it.
        try EvacuationRules.checkRedating(of: operation, latest: changes[1], to: Day("2019-03-03")!, after: changes[0], today: today)
        #expect(refusal { () throws(FieldProblem) in
            try EvacuationRules.checkRedating(of: operation, latest: changes[1], to: Day("2019-03-01")!, after: changes[0], today: today)
        } == "date evacuation.status.beforeLast")
        #expect(refusal { () throws(FieldProblem) in
            try EvacuationRules.checkRedating(of: operation, latest: nil, to: today, after: nil, today: today)
        } == "date evacuation.status.nothingToRedate")
        operation.status = .completed
        #expect(refusal { () throws(FieldProblem) in
            try EvacuationRules.checkChange(of: operation, to: .underWay, on: today, after: nil, today: today)
        } == "status evacuation.status.final")
    }
}

import Foundation
import HomewardCore
import HomewardStore
import HomewardTestSupport
import Testing

@Suite struct CampsTests {
    static let camp = Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006")
    static let centre = Site(code: "TC-1", name: "Hasakeh transit centre", kind: .transitCentre, admin: "SY08", capacity: 2_000)

    func importRecords(_ store: Stores, _ kind: RecordKind, _ text: String, skipInvalid: Bool = false) async throws -> ImportSummary {
        try await store.importRecords(kind, ImportRequest(sourceName: "\(kind).csv", skipInvalid: skipInvalid, today: TestStores.today),
                                      from: .bytes(Array(text.utf8)), by: .test)
    }

    /// A status change kept before changes had days took effect on the day it was recorded; one given a day, on that day.
    /// Al-Hol with UNHCR's census of 10,000 on 2020-06-01, and an operation from it: 1,000 every 5 days from the 2nd.
    func campUnderOperation(_ store: Stores, status: EvacuationOperation.Status = .planned) async throws -> EvacuationOperation {
        try await store.camps.addSite(Self.camp, by: .test)
        _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,10000,UNHCR\n")
        return try await store.camps.addOperation(
            EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 10_000, start: Day("2020-06-02")!,
                                perCycle: 1_000, cycleDays: 5, status: status), today: TestStores.today, by: .test)
    }

    /// An operation counts from one of its baseline day's censuses: when the organisation corrects that count, the operation
    /// follows it (said, audited), rather than counting from a number no census gives; not while another organisation's
    /// census of the day still gives it, nor below the departures already counted against it.
    @Test(arguments: Backend.available)
    func anOperationFollowsACorrectionOfTheCountItCountsFrom(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: UNHCR's 10,000 on 1 June, the operation's baseline (1,000 every 5 days); 2,000 left since
            let operation = try await campUnderOperation(store)
            let header = "#date,#loc+site+code,#population+ind+num,#org\n"
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-03,HOL,2000,UNHCR\n")
            let residents = { try await store.camps.operation(operation.id)?.baselineResidents }
            let census = { (text: String) in try await store.importRecords(.censuses, ImportRequest(sourceName: "censuses.csv", dryRun: text.hasPrefix("dry:"), today: TestStores.today),
                                                                           from: .bytes(Array((header + text.replacingOccurrences(of: "dry:", with: "")).utf8)), by: .test) }
            // act: another organisation's count of the day; UNHCR's correction as a dry run, then twice in one file
            let other = try await census("2020-06-01,HOL,9800,WHO\n")
            let dry = try await census("dry:2020-06-01,HOL,10500,UNHCR\n")
            let afterDryRun = try await residents()
            let corrected = try await census("2020-06-01,HOL,10400,UNHCR\n2020-06-01,HOL,10500,UNHCR\n")
            // check
            #expect(other.problems.map(\.code) == ["import.censuses.baselineStillGiven"], "another organisation's count moves nothing, and is told so: \(other.problems)")
            #expect(dry.problems.map(\.code) == ["import.censuses.baselineFollowed"] && afterDryRun == 10_000, "a dry run says it, and moves nothing")
            #expect(corrected.problems.map { "\($0.row) \($0.code)" } == ["3 import.repeated.row", "3 import.censuses.baselineFollowed"], "\(corrected.problems)")
            #expect(corrected.problems.last?.description.contains("now counts from 10,500, not 10,000") == true, "\(corrected.text)")
            #expect(try await residents() == 10_500)
            let standing = try await store.camps.standing(of: "HOL", asOf: TestStores.today)
            #expect(standing.residents == 10_500 && standing.remaining == 8_500, "\(standing)")
            let audited = try await store.access.audit(kind: "evacuation").last
            #expect(audited?.detail == "counts from 10500, not 10000: UNHCR's census of 2020-06-01 corrected" && audited?.before != nil, "\(String(describing: audited))")
            // Below those who left already, withdrawn, or at a pace the plan cannot keep: said, and nothing moves.
            let below = try await census("2020-06-01,HOL,1500,UNHCR\n")
            #expect(below.problems.map(\.code) == ["import.censuses.baselineKept"] && below.problems.first?.description.contains("(2,000)") == true, "\(below.text)")
            let withdrawn = try await census("2020-06-01,HOL,0,UNHCR\n")
            #expect(withdrawn.status == .warning && withdrawn.problems.map(\.code) == ["import.censuses.baselineWithdrawn"], "\(withdrawn.text)")
            let tooMany = try await census("2020-06-01,HOL,1500000,UNHCR\n")
            #expect(tooMany.problems.map(\.code) == ["import.censuses.baselinePace"], "\(tooMany.text)")
            #expect(try await residents() == 10_500)
            // Kept once, the count is still UNHCR's to correct: a later correction within reach is followed.
            let later = try await census("2020-06-01,HOL,9000,UNHCR\n")
            let followedLater = try await residents()
            #expect(later.problems.map(\.code) == ["import.censuses.baselineFollowed"] && followedLater == 9_000, "\(later.text)")
            // While another organisation's census gives the count, a correction moves nothing, and says so.
            _ = try await census("2020-06-01,HOL,9000,IOM\n")
            let shared = try await census("2020-06-01,HOL,9100,UNHCR\n")
            let stillCounted = try await residents()
            #expect(shared.problems.map(\.code) == ["import.censuses.baselineStillGiven"] && stillCounted == 9_000, "\(shared.problems)")
        }
    }

    /// A site taken over by a later operation: the departures after the later baseline are that one's, so a correction of
    /// the first's count is held to the departures before it only.
    @Test(arguments: Backend.available)
    func aCorrectionOfAnEarlierOperationsCountIsHeldToItsOwnDepartures(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 2,000 left under the first operation; IOM's 5,000 on 10 June, a second operation's baseline; 4,000 left since
            let first = try await campUnderOperation(store)
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-03,HOL,2000,UNHCR\n")
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-10,HOL,5000,IOM\n")
            _ = try await store.camps.addOperation(EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-10")!, baselineResidents: 5_000,
                                                                       start: Day("2020-06-11")!, perCycle: 1_000, cycleDays: 5), today: TestStores.today, by: .test)
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-12,HOL,4000,IOM\n")
            // act
            let corrected = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,3000,UNHCR\n")
            // check: 2,000 left under it, not 6,000
            #expect(corrected.problems.map(\.code) == ["import.censuses.baselineFollowed"], "\(corrected.text)")
            #expect(try await store.camps.operation(first.id)?.baselineResidents == 3_000)
        }
    }

    @Test(arguments: Backend.available)
    func aStatusChangeTakesEffectOnItsDayOrTheDayItWasRecorded(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a planned operation, under way from 2020-06-02 as recorded today (2020-06-30)
            let operation = try await campUnderOperation(store)
            try await store.camps.setStatus(.underWay, ofOperation: operation.id, on: Day("2020-06-02")!, today: TestStores.today, by: .test)
            let status = { (day: String) in try await store.camps.progress(ofOperation: operation.id, asOf: Day(day)!).operation.status }
            let (dayBefore, dayOf) = (try await status("2020-06-01"), try await status("2020-06-02"))
            #expect(dayBefore == .planned && dayOf == .underWay)
            // act: the change as a database kept it before days were, recorded on the 5th
            try await store.database.read { db in
                try await db.raw("UPDATE evacuation_status_changes SET day = NULL, changed_at = '2020-06-05T09:00:00Z'").run()
            }
            // check
            #expect(try await store.camps.statusChanges(ofOperation: operation.id).map(\.day) == [Day("2020-06-05")!])
            let (before, recorded) = (try await status("2020-06-04"), try await status("2020-06-05"))
            #expect(before == .planned && recorded == .underWay)
        }
    }

    /// A site evacuated twice: the first operation counts the departures up to the second's baseline, whatever came
    /// after; and a site's code may hold a dot, which the statement's records still find.
    @Test(arguments: Backend.available)
    func aSitesSecondOperationTakesTheDeparturesAfterItsBaseline(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 100 counted, all left by 9 May; then 500 counted on 1 June, 300 of whom left on the 5th
            try await store.camps.addSite(Site(code: "CAMP.2", name: "Camp two", kind: .camp, admin: "SY080006"), by: .test)
            let censuses = "#date,#loc+site+code,#population+ind+num,#org\n"
            let departures = "#date,#loc+site+code,#affected+departed+num,#org\n"
            _ = try await importRecords(store, .censuses, censuses + "2020-05-01,CAMP.2,100,UNHCR\n")
            let first = try await store.camps.addOperation(
                EvacuationOperation(site: "CAMP.2", baselineDate: Day("2020-05-01")!, baselineResidents: 100, start: Day("2020-05-02")!,
                                    perCycle: 50, cycleDays: 7), today: TestStores.today, by: .test)
            _ = try await importRecords(store, .departures, departures + "2020-05-05,CAMP.2,60,CCCM\n2020-05-09,CAMP.2,40,CCCM\n")
            _ = try await importRecords(store, .censuses, censuses + "2020-06-01,CAMP.2,500,UNHCR\n")
            _ = try await store.camps.addOperation(
                EvacuationOperation(site: "CAMP.2", baselineDate: Day("2020-06-01")!, baselineResidents: 500, start: Day("2020-07-01")!,
                                    perCycle: 100, cycleDays: 7), today: TestStores.today, by: .test)
            _ = try await importRecords(store, .departures, departures + "2020-06-05,CAMP.2,300,CCCM\n")
            // act
            let progress = try await store.camps.progress(ofOperation: first.id, asOf: TestStores.today)
            let all = try await store.camps.progress(asOf: TestStores.today)
            // check
            #expect(progress.left == 100 && progress.remaining == 0 && progress.forecastEnd == Day("2020-05-09"))
            #expect(all.map(\.left) == [100, 300] && all.map(\.remaining) == [0, 200])
            // The statement speaks for the site by its latest operation by the day, begun or not (the second starts in July),
            // and the records of its number are the departures that number sums.
            let snapshot = try await store.draftBulletin(date: TestStores.today)
            #expect(snapshot.entry("camps.CAMP.2.left")?.value == 300 && snapshot.entry("camps.CAMP.2.left")?.ids?.count == 1)
            #expect(snapshot.entry("camps.CAMP.2.residents")?.value == 500)
        }
    }

    @Test(arguments: Backend.available)
    func everySiteAndOperationReadAtOnceStandAsEachReadAlone(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: the demo's three sites, a transit centre, censuses, departures and an operation under way
            try await store.camps.loadDemoData(lastDay: TestStores.today, by: .test)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            // act
            let standings = try await store.camps.standings(asOf: TestStores.today)
            let progress = try await store.camps.progress(asOf: TestStores.today)
            // check: the same as each site's and each operation's own answer
            var oneByOne: [SiteStanding] = []
            for site in try await store.camps.sites() where site.kind != .transitCentre {
                oneByOne.append(try await store.camps.standing(of: site.code, asOf: TestStores.today))
            }
            var eachOperation: [EvacuationProgress] = []
            for operation in try await store.camps.operations() {
                eachOperation.append(try await store.camps.progress(ofOperation: operation.id, asOf: TestStores.today))
            }
            #expect(standings.count == 3 && progress.count == 1 && progress[0].statusChanges.count == 1)
            #expect(try encoder.encode(standings) == encoder.encode(oneByOne))
            #expect(try encoder.encode(progress) == encoder.encode(eachOperation))
        }
    }

    /// A camp manager's file names the camp, in English or Arabic, rather than give Homeward's code; beside a code, a name of
    /// another site is warned of and the code kept; a name no site has, or several, is refused naming the column.
    @Test(arguments: Backend.available)
    func aFileMayNameItsSiteRatherThanGiveItsCode(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            var camp = Self.camp
            camp.nameAr = "الهول"
            try await store.camps.addSite(camp, by: .test)
            try await store.camps.addSite(Self.centre, by: .test)
            let named = try await importRecords(store, .censuses, "#date,#loc+site+name,#population+ind+num,#org\n2020-06-01,الهول,10000,UNHCR\n2020-06-02,AL HOL,9900,IOM\n")
            #expect(named.imported == 2 && named.problems.isEmpty, "\(named.text)")
            #expect(try await store.camps.censuses(of: "HOL").count == 2)
            let both = try await importRecords(store, .censuses, "#date,#loc+site+code,#loc+site+name,#population+ind+num,#org\n2020-06-03,HOL,Hasakeh transit centre,9800,UNHCR\n")
            #expect(both.imported == 1 && both.problems.map(\.code) == ["import.site.nameOfAnother"], "\(both.text)")
            let unknown = try await importRecords(store, .departures, "#date,#loc+site+name,#affected+departed+num,#org\n2020-06-04,Roj,50,UNHCR\n")
            #expect(unknown.rejected == 1 && unknown.problems.map { "\($0.column) \($0.code)" } == ["#loc+site+name import.site.unknownName"], "\(unknown.text)")
            let departed = try await importRecords(store, .departures, "#date,#loc+site+name,#affected+departed+num,#org\n2020-06-04,Al-Hol,50,UNHCR\n")
            #expect(departed.imported == 1, "\(departed.text)")
        }
    }

    @Test(arguments: Backend.available)
    func sitesAreCheckedAndATransitCentreNeedsItsCapacity(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            try await store.camps.addSite(Self.centre, by: .test)
            #expect(try await store.camps.sites(kind: .transitCentre).map(\.stayHours) == [48])
            await #expect(throws: StoreError.refused(FieldProblem(field: "capacity", value: "", Message("site.capacity.missing")))) {
                try await store.camps.addSite(Site(code: "TC-2", name: "No capacity", kind: .transitCentre, admin: "SY08"), by: .test)
            }
            await #expect(throws: StoreError.self) {
                try await store.camps.addSite(Site(code: "X", name: "Nowhere", kind: .camp, admin: "SY99"), by: .test)
            }
            let taken = await #expect(throws: StoreError.self) { try await store.camps.addSite(Self.camp, by: .test) }
            #expect(taken?.description == "a site with code HOL exists already")
        }
    }

    @Test(arguments: Backend.available)
    func organisationsThatDisagreeOnAPopulationAreKeptSideBySide(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            try await store.camps.addSite(Self.camp, by: .test)
            let censuses = "#date,#loc+site+code,#population+ind+num,#population+hh+num,#org\n"
                + "2020-03-01,HOL,73000,,UNHCR\n2020-03-04,HOL,70500,18000,WHO\n"
            // act
            let summary = try await importRecords(store, .censuses, censuses)
            let again = try await importRecords(store, .censuses, censuses)
            // check: both kept, a second import changes nothing
            #expect(summary.status == .success && summary.imported == 2)
            #expect(again.imported == 0 && again.ignored == 2)
            let standing = try await store.camps.standing(of: "HOL", asOf: TestStores.today)
            #expect(standing.residents == 70_500 && standing.censuses.map(\.organisation) == ["WHO", "UNHCR"])
            let json = String(decoding: try JSONEncoder().encode(standing), as: UTF8.self)
            #expect(json.contains(#""census_date":"2020-03-04""#) && json.contains(#""left_percent":0"#))
        }
    }

    @Test(arguments: Backend.available)
    func aCorrectedCensusKeepsTheCountsItReplaces(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: UNHCR's census without households
            try await store.camps.addSite(Self.camp, by: .test)
            let header = "#date,#loc+site+code,#population+ind+num,#population+hh+num,#org\n"
            _ = try await importRecords(store, .censuses, header + "2020-03-01,HOL,73000,,UNHCR\n")
            // act: the same census with its households, then with both counts changed, then once more as it is
            let households = try await importRecords(store, .censuses, header + "2020-03-01,HOL,73000,18000,UNHCR\n")
            let counts = try await importRecords(store, .censuses, header + "2020-03-01,HOL,72000,17500,UNHCR\n")
            let same = try await importRecords(store, .censuses, header + "2020-03-01,HOL,72000,17500,UNHCR\n")
            // check: two corrections, each version it replaced kept, the last import a repeat
            #expect(households.updated == 1 && counts.updated == 1 && same.ignored == 1)
            let revisions = try await store.database.read { db in
                try await db.raw("SELECT residents, households FROM site_census_revisions ORDER BY id").all().map {
                    "\(try $0.decode(column: "residents", as: Int.self)) \(try $0.decode(column: "households", as: Int?.self).map(String.init) ?? "-")"
                }
            }
            #expect(revisions == ["73000 -", "73000 18000"])
            #expect(try await store.camps.standing(of: "HOL", asOf: TestStores.today).residents == 72_000)
        }
    }

    @Test(arguments: Backend.available)
    func departuresBeyondASitesLatestCensusAreKeptWithAWarningNamingWhoseCensus(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a site without an operation, counted by WHO and then by UNHCR; CCCM and IOM report departures
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-02-01,HOL,9000,WHO\n2020-03-01,HOL,1000,UNHCR\n")
            let header = "#date,#loc+site+code,#affected+departed+num,#org\n"
            // act
            let apart = try await importRecords(store, .departures, header + "2020-03-05,HOL,700,CCCM\n2020-03-06,HOL,600,IOM\n")
            let beyond = try await importRecords(store, .departures, header + "2020-03-07,HOL,400,CCCM\n")
            // check: 1,300 between two organisations is no warning; CCCM's own 1,100 is, and the row is kept
            #expect(apart.status == .success && apart.imported == 2)
            #expect(beyond.status == .warning && beyond.imported == 1 && beyond.warnings == 1)
            #expect(beyond.problems.first?.code == "import.departures.beyondCensus" && beyond.problems.first?.row == 2)
            #expect(beyond.problems.first?.reason.contains("reported by CCCM since the census of 1 March 2020 by UNHCR come to 1,100") == true)
            #expect(try await store.camps.standing(of: "HOL", asOf: TestStores.today).left == 1_700)
        }
    }

    /// `warnings` counts rows: a row warned of and also a repeat is one, even past the problems listed (1,000).
    /// (Departures beyond a census are warned of once per organisation and import: every row after would repeat it.)
    @Test(arguments: Backend.available)
    func aRowWarnedOfAndRepeatedCountsOnceBeyondTheListedProblems(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a census, so that every departure dated on its day is warned of (it counts in no progress since)
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2017-08-01,HOL,100000,CCCM\n")
            let rows = (0 ..< 1_001).map { "2017-08-01,HOL,5,CCCM,d\($0)\n" }.joined()
            // act: 1,001 warned rows, then the first again with another count: warned of, and a repeat
            let summary = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n" + rows
                                                  + "2017-08-01,HOL,6,CCCM,d0\n")
            // check
            #expect(summary.status == .warning && summary.warnings == 1_002, "\(summary.warnings)")
        }
    }

    /// The acceptance tester's case: 4,000 sent in two days through a centre of 2,000 places, in two files.
    @Test(arguments: Backend.available)
    func departuresThatTakeATransitCentreAboveItsCapacityAreWarnedOfAndItsStandingSaysWhen(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a camp and a centre of 2,000 places where people stay the usual 48 hours
            try await store.camps.addSite(Self.camp, by: .test)
            try await store.camps.addSite(Self.centre, by: .test)
            let header = "#date,#loc+site+code,#affected+departed+num,#loc+dest+code,#adm1+dest+code,#org\n"
            // act: 1,500 on the 5th, then a second file of 2,500 on the 6th and 300 elsewhere
            let first = try await importRecords(store, .departures, header + "2020-03-05,HOL,1500,TC-1,,CCCM\n")
            let second = try await importRecords(store, .departures, header + "2020-03-06,HOL,2500,TC-1,,CCCM\n2020-03-06,HOL,300,,SY08,CCCM\n")
            // check: the second file's row that takes the centre to 4,000 is kept and warned of; the first file fits
            #expect(first.status == .success)
            #expect(second.status == .warning && second.imported == 2 && second.warnings == 1, "\(second.problems.map(\.reason))")
            #expect(second.problems.first?.code == "import.departures.transitOverCapacity" && second.problems.first?.row == 2)
            #expect(second.problems.first?.reason.contains("an estimated 4,000 on 6 March 2020, above its capacity of 2,000") == true)
            // The centre's standing says when it was full and who sent people; a camp has no occupancy.
            let standing = try await store.camps.standing(of: "TC-1", asOf: Day("2020-03-31")!)
            let occupancy = try #require(standing.occupancy)
            #expect(occupancy.persons(on: Day("2020-03-07")!) == 2_500 && occupancy.persons(on: Day("2020-03-31")!) == 0)
            #expect(occupancy.spellsOverCapacity(through: Day("2020-03-31")!).map { "\($0.first) \($0.last) \($0.peak)" } == ["2020-03-06 2020-03-07 4000"])
            #expect(occupancy.arrivedBySite(through: Day("2020-03-31")!).map(\.persons) == [4_000])
            #expect(try await store.camps.standing(of: "HOL", asOf: Day("2020-03-31")!).occupancy == nil)
            // The same file again changes nothing and warns of nothing.
            let again = try await importRecords(store, .departures, header + "2020-03-06,HOL,2500,TC-1,,CCCM\n2020-03-06,HOL,300,,SY08,CCCM\n")
            #expect(again.status == .success && again.ignored == 2, "\(again.problems.map(\.reason))")
        }
    }

    /// Two departures of one day from one site by one organisation share a key: the second replaces the first, and
    /// the summary says so rather than counting 700 where 1,200 left.
    @Test(arguments: Backend.available)
    func aDepartureRepeatedInOneFileIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            let header = "#date,#loc+site+code,#affected+departed+num,#org\n"
            let summary = try await importRecords(store, .departures, header + "2020-03-05,HOL,500,CCCM\n2020-03-05,HOL,700,CCCM\n")
            // One record, imported once: the second row is its value, no correction of a version ever in force.
            #expect(summary.status == .warning && summary.imported == 1 && summary.ignored == 1 && summary.warnings == 1)
            #expect(summary.problems.map(\.row) == [3] && summary.problems.first?.code == "import.repeated.row")
            // Not the movements' advice: two counts of one site and day are not added up.
            #expect(summary.problems.first?.reason == "repeats row 2's record: only the last is kept; check which of the two is right")
            // The same file again is no repeat within a file: nothing new, nothing warned.
            let again = try await importRecords(store, .departures, header + "2020-03-05,HOL,700,CCCM\n")
            #expect(again.status == .success && again.ignored == 1)
            // A first copy as it is stored leaves no trace in the table, and the second is a repeat all the same.
            let unchangedFirst = try await importRecords(store, .departures, header + "2020-03-05,HOL,700,CCCM\n2020-03-05,HOL,800,CCCM\n")
            #expect(unchangedFirst.status == .warning && unchangedFirst.ignored == 1 && unchangedFirst.updated == 1)
            #expect(unchangedFirst.problems.map(\.row) == [3] && unchangedFirst.problems.first?.reason.hasPrefix("repeats row 2's record") == true)
        }
    }

    @Test(arguments: Backend.available)
    func anOperationIsRefusedWhenDeparturesSinceItsBaselineExceedIt(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 500 left a site after a census of 100
            try await store.camps.addSite(Self.camp, by: .test)
            let header = "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n"
            let recorded = try await store.importRecords(.departures, ImportRequest(sourceName: "d.csv", today: TestStores.today),
                                                         from: .bytes(Array((header + "2020-06-05,HOL,500,CCCM,d1\n").utf8)), by: .test)
            #expect(recorded.status == .success)
            // act and check: an operation with that census as its baseline would leave −400; one from after them is fine
            let operation = EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 100, start: Day("2020-06-02")!,
                                                perCycle: 50, cycleDays: 2)
            await #expect { _ = try await store.camps.addOperation(operation, today: TestStores.today, by: .test) } throws: { error in
                guard case StoreError.refused(let problem) = error else { return false }
                return problem.field == "baseline_residents" && problem.reason.contains("500")
            }
            #expect(try await store.camps.operations().isEmpty)
            var later = operation
            later.baselineDate = Day("2020-06-05")!
            later.start = Day("2020-06-06")!
            let added = try await store.camps.addOperation(later, today: TestStores.today, by: .test)
            // The same operation again (a form sent twice) is refused, naming the one stored; another pace is another phase.
            await #expect { _ = try await store.camps.addOperation(later, today: TestStores.today, by: .test) } throws: { error in
                guard case StoreError.refused(let problem) = error else { return false }
                return problem.field == "site" && problem.reason.hasPrefix("operation \(added.id) already plans this site's evacuation")
            }
            // Another pace from the same census would count every departure twice, beside the first: a new phase counts from a
            // later census, which takes the site over from its day.
            later.perCycle = 60
            await #expect { _ = try await store.camps.addOperation(later, today: TestStores.today, by: .test) } throws: { error in
                guard case StoreError.refused(let problem) = error else { return false }
                return problem.field == "baseline_date" && problem.reason.hasPrefix("operation \(added.id) of this site counts from its census of 5 June 2020")
            }
            // One from an earlier census would count none of the departures: the later operation has taken them.
            var earlier = later
            earlier.baselineDate = Day("2020-06-03")!
            earlier.start = Day("2020-06-04")!
            await #expect(throws: StoreError.self) { _ = try await store.camps.addOperation(earlier, today: TestStores.today, by: .test) }
            later.baselineDate = Day("2020-06-06")!
            later.start = Day("2020-06-07")!
            // A later census day nobody counted: the typed figure would become the site's residents, and stop the first operation.
            await #expect { _ = try await store.camps.addOperation(later, today: TestStores.today, by: .test) } throws: { error in
                guard case StoreError.refused(let problem) = error else { return false }
                return problem.field == "baseline_date" && problem.reason.contains("nobody counted the site on 6 June 2020; record that census first")
            }
            #expect(try await store.camps.operations().count == 1)
            _ = try await store.importRecords(.censuses, ImportRequest(sourceName: "c.csv", today: TestStores.today), from: .bytes(Array(
                "#date,#loc+site+code,#population+ind+num,#org\n2020-06-06,HOL,100,UNHCR\n".utf8)), by: .test)
            // Counted that day, but as another figure than the one typed: which is the site's residents?
            var unlike = later
            unlike.baselineResidents = 90
            await #expect { _ = try await store.camps.addOperation(unlike, today: TestStores.today, by: .test) } throws: { error in
                guard case StoreError.refused(let problem) = error else { return false }
                return problem.field == "baseline_residents" && problem.reason.contains("counted on 6 June 2020 as UNHCR: 100")
            }
            _ = try await store.camps.addOperation(later, today: TestStores.today, by: .test)
            #expect(try await store.camps.operations().count == 2)
        }
    }

    /// A site counted on an operation's baseline day: the operation counts from one of those counts, not a figure nobody
    /// gave (the statement would say "of the 25,000 residents counted"); a day nobody counted may take an agreed figure.
    @Test(arguments: Backend.available)
    func aFirstOperationCountsFromOneOfItsDaysCounts(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,21000,WHO\n2020-06-01,HOL,20000,UNHCR\n")
            var operation = EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 25_000, start: Day("2020-06-02")!,
                                                perCycle: 1_000, cycleDays: 5)
            await #expect { _ = try await store.camps.addOperation(operation, today: TestStores.today, by: .test) } throws: { error in
                guard case StoreError.refused(let problem) = error else { return false }
                return problem.field == "baseline_residents" && problem.reason.contains("UNHCR: 20,000; WHO: 21,000")
            }
            operation.baselineResidents = 20_000
            #expect(try await store.camps.addOperation(operation, today: TestStores.today, by: .test).baselineResidents == 20_000)
        }
    }

    /// A row refused for its organisation is not written, so it must not use up the baseline for the rows after it.
    @Test(arguments: Backend.available)
    func aRowRefusedForItsOrganisationDoesNotCountAgainstTheRowsAfterIt(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 1,000 residents at the baseline, and CCCM known
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await store.camps.addOperation(
                EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 1_000, start: Day("2020-06-02")!,
                                    perCycle: 500, cycleDays: 5),
                today: TestStores.today, by: .test)
            let header = "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n"
            #expect(try await importRecords(store, .departures, header + "2020-06-02,HOL,100,CCCM,d0\n").status == .success)
            // act: 800 under another spelling of CCCM, refused; then 700 under CCCM's own name
            let summary = try await importRecords(store, .departures, header + "2020-06-03,HOL,800,cccm,d1\n2020-06-04,HOL,700,CCCM,d2\n",
                                                  skipInvalid: true)
            // check: the second row stands against the 900 left of the baseline, not against 100
            #expect(summary.imported == 1 && summary.rejected == 1, "\(summary.problems)")
            #expect(summary.problems.map(\.code) == ["import.organisation.spelling"])
            #expect(try await store.camps.standing(of: "HOL", asOf: Day("2020-06-30")!).left == 800)
            // Without skipping, the refused row alone is listed: the rows after it are told nothing false.
            let strict = try await importRecords(store, .departures, header + "2020-06-05,HOL,150,cccm,d3\n2020-06-06,HOL,150,CCCM,d4\n")
            #expect(strict.status == .error && strict.problems.map(\.row) == [2])
            // A 0 takes back what its key holds, so it is checked as any row: another spelling of its organisation is refused.
            let zero = try await importRecords(store, .departures, header + "2020-06-04,HOL,0,cccm,d2\n")
            #expect(zero.rejected == 1 && zero.problems.map(\.code) == ["import.organisation.spelling"], "\(zero.problems)")
            // Under CCCM's own name it takes back the 700, its version kept; a 0 for a departure never recorded records nothing.
            let withdrawn = try await importRecords(store, .departures, header + "2020-06-04,HOL,0,CCCM,d2\n2020-06-07,HOL,0,CCCM,d5\n")
            #expect(withdrawn.status == .success && withdrawn.updated == 1 && withdrawn.ignored == 1 && withdrawn.imported == 0, "\(withdrawn)")
            #expect(try await store.camps.standing(of: "HOL", asOf: Day("2020-06-30")!).left == 100)
            // A 0 again over the one taken back changes nothing, and a 0 of an organisation never heard of makes none.
            let again = try await importRecords(store, .departures, header + "2020-06-04,HOL,0,CCCM,d2\n2020-06-08,HOL,0,Relief Unheard Of,d9\n")
            #expect(again.ignored == 2 && again.updated == 0, "\(again)")
            #expect(try await store.organisations.organisations().allSatisfy { $0.name != "Relief Unheard Of" })
        }
    }

    @Test(arguments: Backend.available)
    func departuresAgainstAnOperationNeverGoBelowZeroAndProgressIsMeasuredByCycle(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 10,000 residents at the baseline, 3,500 every 5 days through TC-1
            try await store.camps.addSite(Self.camp, by: .test)
            try await store.camps.addSite(Self.centre, by: .test)
            let operation = try await store.camps.addOperation(
                EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 10_000, start: Day("2020-06-02")!,
                                    perCycle: 3_500, cycleDays: 5, via: ["TC-1"], deadline: Day("2020-06-30")!),
                today: TestStores.today, by: .test)
            let header = "#date,#loc+site+code,#affected+departed+num,#loc+dest+code,#org,#meta+id\n"
            // act: 9,000 leave; then a file that would take 1,500 more is refused whole, naming the row
            let first = try await importRecords(store, .departures, header + "2020-06-03,HOL,3500,TC-1,CCCM,d1\n2020-06-08,HOL,3000,TC-1,CCCM,d2\n2020-06-20,HOL,2500,,CCCM,d3\n")
            let refused = try await importRecords(store, .departures, header + "2020-06-25,HOL,500,,CCCM,d4\n2020-06-26,HOL,1000,,CCCM,d5\n")
            let corrected = try await importRecords(store, .departures, header + "2020-06-20,HOL,2000,,CCCM,d3\n2020-06-26,HOL,1000,,CCCM,d5\n")
            // check
            #expect(first.imported == 3)
            #expect(refused.status == .error && refused.problems.first?.row == 3)
            #expect(refused.problems.first?.reason.contains("would come to 10,500, more than its 10,000 residents") == true)
            #expect(corrected.status == .success && corrected.updated == 1 && corrected.imported == 1)
            let progress = try await store.camps.progress(ofOperation: operation.id, asOf: TestStores.today)
            #expect(progress.left == 9_500 && progress.remaining == 500 && progress.leftPercent?.description == "95.00")
            // Three cycles, to 16 June; what left after the last ended is said apart, not in a cycle whose dates exclude it.
            #expect(progress.cycles.map(\.actual) == [3_500, 3_000, 0] && progress.afterPlan == 3_000 && progress.beforePlan == 0)
            #expect(progress.plannedByNow == 10_000 && progress.ahead == -500)
            #expect(progress.plan.feasible == true && progress.plan.transitPlacesNeeded == 1_400 && progress.plan.transitPlacesSuffice == true)
            let standing = try await store.camps.standing(of: "HOL", asOf: TestStores.today)
            #expect(standing.residents == 10_000 && standing.remaining == 500)
            #expect(standing.departuresByDestination.first { $0.key == "TC-1" }?.persons == 6_500)
        }
    }

    @Test(arguments: Backend.available)
    func aCorrectedDepartureKeepsItsOldPeriodInItsRevision(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a departure under the reporter's id d1
            try await store.camps.addSite(Self.camp, by: .test)
            let header = "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n"
            _ = try await importRecords(store, .departures, header + "2020-06-05,HOL,500,CCCM,d1\n")
            // act: d1 again, moved to other days with another count, then moved alone
            let corrected = try await importRecords(store, .departures, header + "2020-06-07,HOL,400,CCCM,d1\n")
            let moved = try await importRecords(store, .departures, header + "2020-06-09,HOL,400,CCCM,d1\n")
            // check: each correction is one, and each revision holds the days it overwrote
            #expect(corrected.updated == 1 && moved.updated == 1)
            let revisions = try await store.database.read { db in
                try await db.raw("SELECT persons, start_day, end_day FROM site_departure_revisions ORDER BY id").all().map {
                    [try $0.decode(column: "persons", as: Int.self), try $0.decode(column: "start_day", as: Int.self),
                     try $0.decode(column: "end_day", as: Int.self)]
                }
            }
            let day = { (text: String) in Day(text)!.number }
            #expect(revisions == [[500, day("2020-06-05"), day("2020-06-05")], [400, day("2020-06-07"), day("2020-06-07")]])
            #expect(try await store.camps.departures(from: "HOL").map(\.period) == [Period(start: Day("2020-06-09")!, end: Day("2020-06-09")!)])
        }
    }

    @Test(arguments: Backend.available)
    func aPlanStartsTodayOrAfterTheLastDepartureAndSaysWhetherADeadlineHolds(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,40000,UNHCR\n")
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-10,HOL,5000,CCCM\n")
            let plan = try await store.camps.plan(site: "HOL", perCycle: 3_500, cycleDays: 5, start: nil, deadline: Day("2020-07-10")!,
                                                  via: [], today: TestStores.today)
            // From today (30 June), not the day after the last departure (11 June), which is past: two whole cycles by the 10th
            #expect(plan.plan.question.start == TestStores.today && plan.plan.question.remaining == 35_000)
            #expect(plan.plan.schedule.count == 10 && plan.plan.feasible == false && plan.plan.neededPerCycle == 17_500)
            // A departure today: the plan starts the day after it.
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-30,HOL,1000,CCCM\n")
            let after = try await store.camps.plan(site: "HOL", perCycle: 3_500, cycleDays: 5, start: nil, deadline: nil, via: [], today: TestStores.today)
            #expect(after.plan.question.start == Day("2020-07-01") && after.plan.question.remaining == 34_000)
            await #expect(throws: StoreError.self) {
                try await store.camps.plan(site: "HOL", perCycle: 0, cycleDays: 5, start: nil, deadline: nil, via: [], today: TestStores.today)
            }
        }
    }

    /// Codes are one whatever their letter case (a second site `hol` is refused beside `HOL`), so rows, plans and
    /// operations that write one in another case find the site, and what is stored names it as it was given first.
    @Test(arguments: Backend.available)
    func aSiteIsFoundByItsCodeInAnyLetterCase(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            try await store.camps.addSite(Self.centre, by: .test)
            let census = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,hol,9000,UNHCR\n")
            let departure = try await importRecords(store, .departures,
                                                    "#date,#loc+site+code,#affected+departed+num,#loc+dest+code,#org\n2020-06-10,Hol,400,tc-1,CCCM\n")
            #expect(census.imported == 1 && departure.imported == 1, "\(census.problems) \(departure.problems)")
            let standing = try await store.camps.standing(of: "hol", asOf: TestStores.today)
            #expect(standing.site.code == "HOL" && standing.residents == 9_000 && standing.left == 400)
            #expect(try await store.camps.departures(from: "HOL").map(\.destination) == ["TC-1"])
            let plan = try await store.camps.plan(site: "hol", perCycle: 3_500, cycleDays: 5, start: nil, deadline: nil, via: ["tc-1"], today: TestStores.today)
            #expect(plan.site == "HOL" && plan.plan.question.remaining == 8_600)
        }
    }

    /// A plan that starts in the past counts from the residents as they stood the day before it: its own cycles' departures
    /// are what it plans, not what it starts from (it counted from today's remainder); a start before any census is refused.
    @Test(arguments: Backend.available)
    func aPlanStartedInThePastCountsFromTheResidentsOfItsEve(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,10000,UNHCR\n")
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-03,HOL,300,CCCM\n2020-06-10,HOL,500,CCCM\n")
            let remaining = { (start: String?) in
                try await store.camps.plan(site: "HOL", perCycle: 1_000, cycleDays: 5, start: start.flatMap(Day.init), deadline: nil, via: [],
                                           today: TestStores.today).plan.question.remaining
            }
            let (past, now, later) = (try await remaining("2020-06-05"), try await remaining(nil), try await remaining("2020-06-20"))
            #expect(past == 9_700 && now == 9_200 && later == 9_200)
            let early = await #expect(throws: StoreError.self) { _ = try await remaining("2020-05-20") }
            guard case .refused(let problem)? = early else { Issue.record("\(String(describing: early))"); return }
            #expect(problem.field == "start" && problem.message.key == "evacuation.plan.startBeforeCensus")
            // Nobody left: no plan of 0 cycles that "meets" its deadline.
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-12,HOL,9200,CCCM\n")
            let empty = await #expect(throws: StoreError.self) { _ = try await remaining(nil) }
            guard case .refused(let none)? = empty else { Issue.record("\(String(describing: empty))"); return }
            #expect(none.message.key == "evacuation.plan.nobodyRemains")
        }
    }

    /// A departure after the site's operation was completed counts in no operation's progress: recorded, and said; the
    /// operation's figures (left, its last cycle, ahead) stay as they stood the day it was completed (it read 105 %).
    @Test(arguments: Backend.available)
    func aDepartureAfterTheOperationWasCompletedIsWarnedOfAndNotCounted(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let operation = try await campUnderOperation(store, status: .underWay)
            try await store.camps.setStatus(.completed, ofOperation: operation.id, on: Day("2020-06-20")!, today: TestStores.today, by: .test)
            let header = "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n"
            let within = try await importRecords(store, .departures, header + "2020-06-10,HOL,500,CCCM,a\n")
            let after = try await importRecords(store, .departures, header + "2020-06-25,HOL,500,CCCM,b\n")
            #expect(within.status == .success, "\(within.problems)")
            #expect(after.status == .warning && after.imported == 1 && after.problems.map(\.code) == ["import.departures.afterCompletion"], "\(after.problems)")
            let progress = try await store.camps.progress(ofOperation: operation.id, asOf: TestStores.today)
            #expect(progress.left == 500 && progress.lastCountedDay == Day("2020-06-20"))
            #expect(progress.cycles.map(\.actual).reduce(0, +) == 500 && progress.cycles.last?.actual == 0)
            #expect(progress.cycles.allSatisfy { $0.state == .ended }, "no cycle under way or to begin once completed")
            // The day before it was completed, nothing of the later departure was known either way.
            #expect(try await store.camps.progress(ofOperation: operation.id, asOf: Day("2020-06-19")!).left == 500)
            // The site still counts from the operation's baseline: more leaving than it held is refused, as while it ran.
            let beyond = try await importRecords(store, .departures, header + "2020-06-26,HOL,9001,CCCM,d\n")
            #expect(beyond.status == .error && beyond.problems.map(\.code) == ["import.departures.overdrawnCompleted"], "\(beyond.problems)")
            #expect(beyond.problems.first?.reason.hasSuffix("record a new census: the site counts from it") == true, "\(beyond.problems)")
            // A census taken since: departures count from it, and are not said to come after the operation.
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-26,HOL,8000,UNHCR\n")
            let counted = try await importRecords(store, .departures, header + "2020-06-28,HOL,100,CCCM,c\n")
            #expect(counted.status == .success, "\(counted.problems)")
            // And the site's figures count from it too, as its departures are held to it: not 110 % of the old baseline.
            let standing = try await store.camps.standing(of: "HOL", asOf: TestStores.today)
            #expect(standing.residents == 8_000 && !standing.isOperationBaseline && standing.left == 100 && standing.beyondCount == 0, "\(standing)")
            #expect(try await store.camps.standings(asOf: TestStores.today).first { $0.site.code == "HOL" }?.residents == 8_000)
            // Before that census, the completed operation's baseline still stood.
            #expect(try await store.camps.standing(of: "HOL", asOf: Day("2020-06-25")!).isOperationBaseline)
            // The statement no longer says what remains of the operation's baseline; before the census, it did.
            let (counted30, before25) = (try await store.draftBulletin(date: Day("2020-06-30")!), try await store.draftBulletin(date: Day("2020-06-25")!))
            #expect(!counted30.blocks.map(\.kind).contains("camps") && before25.blocks.map(\.kind).contains("camps"))
        }
    }

    /// One convoy reported by the camp manager and by a partner is counted twice: the second report is warned of, naming
    /// the first, as movements are; a departure to another destination is not.
    @Test(arguments: Backend.available)
    func aDepartureBesideAnotherOrganisationsOfTheSameDaysAndPlaceIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await campUnderOperation(store)
            let header = "#date,#loc+site+code,#affected+departed+num,#loc+dest+code,#org,#meta+id\n"
            _ = try await importRecords(store, .departures, header + "2020-06-11,HOL,2000,SY0800,CCCM,c1\n")
            let partner = try await importRecords(store, .departures, header + "2020-06-11,HOL,2000,SY0800,SARC,s1\n2020-06-11,HOL,300,SY0700,SARC,s2\n")
            let own = try await importRecords(store, .departures, header + "2020-06-11,HOL,100,SY0800,CCCM,c2\n")
            #expect(partner.status == .warning && partner.imported == 2, "\(partner.problems)")
            #expect(partner.problems.map(\.code) == ["import.departures.otherOrganisation"] && partner.problems.first?.row == 2)
            #expect(partner.problems.first?.reason.hasPrefix("CCCM recorded 2,000 people leaving this site on the same days for the same destination (departure 1") == true,
                    "\(partner.problems)")
            #expect(own.problems.first?.reason.hasPrefix("SARC recorded 2,000 people") == true, "SARC's is another organisation's to CCCM: \(own.problems)")
            // Both in one file (a camp coordination's file of its partners' reports): the later row names the earlier.
            let cluster = try await importRecords(store, .departures, header + "2020-06-12,HOL,500,SY0800,CCCM,c3\n2020-06-12,HOL,500,SY0800,SARC,s3\n")
            #expect(cluster.problems.map { "\($0.row) \($0.code)" } == ["3 import.departures.otherOrganisation"], "\(cluster.problems)")
            #expect(cluster.problems.first?.reason.hasPrefix("CCCM recorded 500 people leaving this site on the same days for the same destination (departure 5, row 2 of this file)") == true,
                    "\(cluster.problems)")
        }
    }

    /// Departures since a census are warned of only beyond the largest count of its day, not the count of whichever
    /// organisation's name sorts last.
    @Test(arguments: Backend.available)
    func departuresAreWarnedOfBeyondTheLargestCountOfTheLatestCensusDay(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,1200,UNHCR\n2020-06-01,HOL,1000,WHO\n")
            let header = "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n"
            let within = try await importRecords(store, .departures, header + "2020-06-02,HOL,1100,UNHCR,a\n")
            #expect(within.status == .success, "\(within.problems)")
            let beyond = try await importRecords(store, .departures, header + "2020-06-03,HOL,200,UNHCR,b\n")
            #expect(beyond.status == .warning && beyond.problems.first?.code == "import.departures.beyondCensus")
            #expect(beyond.problems.first?.reason.contains("by UNHCR") == true && beyond.problems.first?.reason.contains("(1,200)") == true,
                    "\(beyond.problems)")
        }
    }

    /// Two organisations count the site on one day and disagree: neither is the site's figure (it was the one whose name
    /// sorts last, with its remainder and share), each is given, and a plan asks which to count from.
    @Test(arguments: Backend.available)
    func censusesOfOneDayThatDisagreeGiveNoResidentsAndAPlanAsksWhichToCountFrom(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.camps.addSite(Self.camp, by: .test)
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,9000,UNHCR\n2020-06-01,HOL,5000,WHO\n")
            _ = try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-10,HOL,4000,CCCM\n")
            let standing = try await store.camps.standing(of: "HOL", asOf: TestStores.today)
            #expect(standing.residents == nil && standing.remaining == nil && standing.leftPercent == nil && standing.residentsDiffer)
            #expect(standing.left == 4_000 && standing.censusDate == Day("2020-06-01"))
            #expect(standing.censusesUnlikeBaseline.map { "\($0.organisation) \($0.residents)" } == ["UNHCR 9000", "WHO 5000"])
            let json = String(decoding: try JSONEncoder().encode(standing), as: UTF8.self)
            #expect(json.contains(#""residents":null"#) && json.contains(#""residents_differ":true"#))
            let asked = await #expect(throws: StoreError.self) {
                try await store.camps.plan(site: "HOL", perCycle: 3_500, cycleDays: 5, start: nil, deadline: nil, via: [], today: TestStores.today)
            }
            guard case .refused(let problem)? = asked else { Issue.record("not a refusal: \(String(describing: asked))"); return }
            #expect(problem.field == "residents" && problem.message.key == "evacuation.plan.censusesDiffer")
            let chosen = try await store.camps.plan(site: "HOL", perCycle: 3_500, cycleDays: 5, start: nil, deadline: nil, via: [],
                                                    residents: 9_000, today: TestStores.today)
            #expect(chosen.plan.question.remaining == 5_000)
            // Fewer residents than have left since: refused, not an empty plan.
            let below = await #expect(throws: StoreError.self) {
                try await store.camps.plan(site: "HOL", perCycle: 3_500, cycleDays: 5, start: nil, deadline: nil, via: [], residents: 3_000, today: TestStores.today)
            }
            #expect(below?.description.contains("fewer than the 4,000 recorded leaving") == true, "\(String(describing: below))")
            // A third count of the day that agrees with one of them: the refusal names two that differ.
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,9000,WFP\n")
            let three = await #expect(throws: StoreError.self) {
                try await store.camps.plan(site: "HOL", perCycle: 3_500, cycleDays: 5, start: nil, deadline: nil, via: [], today: TestStores.today)
            }
            #expect(three?.description.contains("UNHCR: 9,000; WHO: 5,000") == true, "\(String(describing: three))")
            // Counts that agree are the site's figure, whoever gave them.
            _ = try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,9000,WHO\n")
            let agreed = try await store.camps.standing(of: "HOL", asOf: TestStores.today)
            #expect(agreed.residents == 9_000 && agreed.remaining == 5_000 && !agreed.residentsDiffer && agreed.censusesUnlikeBaseline.isEmpty)
        }
    }
}

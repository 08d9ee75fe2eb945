import Foundation
import HomewardCore
import HomewardStore
import HomewardTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CampsAPITests {
    @Test(arguments: Backend.available)
    func aCampIsFollowedFromItsCensusesToAnOperationsProgress(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a camp and a transit centre
            let camp = try await client.post("/api/v1/sites", #"{"code": "HOL", "name": "Al-Hol", "name_ru": "Аль-Хол", "kind": "camp", "admin": "SY080006"}"#)
            #expect(try camp.status == .created && camp.json["name_ru"] as? String == "Аль-Хол")
            #expect(try await client.execute(uri: "/camps?lang=ru", method: .get, headers: [:]).text.contains("Аль-Хол"))
            // A code in another letter case is the same site's; a blank name in another language is no name.
            let twin = try await client.post("/api/v1/sites", #"{"code": "hol", "name": "Al-Hol again", "kind": "camp", "admin": "SY080006"}"#)
            #expect(try twin.status == .conflict && (twin.json["detail"] as? String)?.contains("HOL") == true)
            let blank = try await client.post("/api/v1/sites", #"{"code": "ROJ", "name": "Roj", "name_ru": "  ", "kind": "camp", "admin": "SY080006"}"#)
            #expect(try blank.status == .created && blank.json["name_ru"] is NSNull)
            let noCapacity = try await client.post("/api/v1/sites", #"{"code": "TC-1", "name": "Transit", "kind": "transit-centre", "admin": "SY08"}"#)
            #expect(noCapacity.status == .badRequest)
            #expect(try noCapacity.json["field"] as? String == "capacity")
            #expect(try await client.post("/api/v1/sites", #"{"code": "TC-1", "name": "Transit", "kind": "transit-centre", "admin": "SY08", "capacity": 2000}"#).status == .created)
            // act: two organisations' censuses, departures, an operation
            let censuses = try await client.post("/api/v1/sites/HOL/censuses",
                #"[{"date": "2020-06-01", "residents": 10000, "organisation": "UNHCR"}, {"date": "2020-06-01", "residents": 11000, "organisation": "WHO"}]"#)
            #expect(try censuses.decode(ImportSummary.self).imported == 2)
            let departures = try await client.post("/api/v1/sites/HOL/departures", #"{"date": "2020-06-03", "persons": 2500, "destination": "TC-1", "organisation": "CCCM"}"#)
            #expect(try departures.decode(ImportSummary.self).imported == 1)
            let otherSite = try await client.post("/api/v1/sites/HOL/departures", #"{"site": "TC-1", "date": "2020-06-03", "persons": 5, "organisation": "CCCM"}"#)
            #expect(otherSite.status == .badRequest)
            // A code is the site's in any letter case, as it is taken: a script that writes codes in lower case finds it.
            let lower = try await client.post("/api/v1/sites/hol/departures?dry_run=true", #"{"site": "hol", "date": "2020-06-04", "persons": 5, "destination": "tc-1", "organisation": "CCCM"}"#)
            #expect(try lower.status == .ok && lower.decode(ImportSummary.self).imported == 1, "\(lower.text)")
            let lowerStanding = try await client.get("/api/v1/sites/hol?as_of=2020-06-30")
            #expect(try lowerStanding.status == .ok && lowerStanding.json["code"] as? String == "HOL" && lowerStanding.json["left"] as? Int == 2_500)
            let operation = try await client.post("/api/v1/evacuations",
                #"{"site": "HOL", "baseline_date": "2020-06-01", "baseline_residents": 10000, "start": "2020-06-02", "per_cycle": 3500, "cycle_days": 5, "via": ["TC-1"]}"#)
            #expect(operation.status == .created)
            let id = try #require(try operation.json["id"] as? Int)
            let overdrawn = try await client.post("/api/v1/sites/HOL/departures", #"{"date": "2020-06-10", "persons": 8000, "organisation": "CCCM"}"#)
            #expect(overdrawn.status == .unprocessableContent)
            // check
            let standing = try await client.get("/api/v1/sites/HOL?as_of=2020-06-30")
            #expect(try standing.json["left"] as? Int == 2_500)
            // A code in Arabic, or holding a `/`, is found by its percent-encoded path.
            for code in ["مخيم-١", "TC/9"] {
                let site = #"{"code": "\#(code)", "name": "Camp", "kind": "camp", "admin": "SY080006"}"#
                #expect(try await client.post("/api/v1/sites", site).status == .created)
                let path = code.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ACLMOPTacmp-"))!
                let found = try await client.get("/api/v1/sites/\(path)")
                let json = try found.json
                #expect(found.status == .ok && json["code"] as? String == code, "\(path)")
            }
            #expect(try standing.json["remaining"] as? Int == 7_500)
            // The sites together: the camp counted from its operation's baseline; the sites nobody counted named, not summed;
            // the transit centre not among them.
            let camps = try await client.get("/api/v1/camps?as_of=2020-06-30")
            let total = try #require(try camps.json["total"] as? [String: Any], "\(camps.text)")
            #expect(total["counted"] as? [String] == ["HOL"] && total["residents"] as? Int == 10_000 && total["remaining"] as? Int == 7_500)
            #expect(Set(total["not_counted"] as? [String] ?? []) == ["ROJ", "مخيم-١", "TC/9"] && total["counts_differ"] as? [String] == [])
            #expect((try camps.json["sites"] as? [[String: Any]])?.contains { $0["code"] as? String == "TC-1" } == false)
            #expect((try standing.json["censuses"] as? [[String: Any]])?.count == 2)
            #expect(try standing.json["baseline_from_operation"] as? Bool == true)
            #expect((try standing.json["censuses_unlike_baseline"] as? [[String: Any]])?.map { $0["organisation"] as? String } == ["WHO"])
            // The page counts from the operation's baseline, and names the census of that day that says otherwise.
            let page = try await client.get("/camps").text
            #expect(page.contains("the operation&#39;s baseline of") || page.contains("the operation's baseline of"), "\(page)")
            #expect(page.contains("census of that day reads <bdi dir=\"ltr\">11,000</bdi>, not the figure the operation counts from"))
            // The page as it stood on a day: before the departure nobody had left; after it, 7,500 remain.
            let before = try await client.get("/camps?as_of=2020-06-02").text
            #expect(before.contains("Figures as of <bdi>2 June 2020</bdi>"), "\(before)")
            #expect(!before.contains(">2,500</bdi>") && !before.contains(">7,500</bdi>"))
            // A page of an earlier day leaves out an operation whose baseline came later.
            let earlier = try await client.get("/camps?as_of=2020-05-31").text
            let operationHeading = "<span class=\"status planned\">"
            #expect(before.contains(operationHeading) && !earlier.contains(operationHeading), "\(earlier)")
            let after = try await client.get("/camps?as_of=2020-06-30").text
            #expect(after.contains(">2,500</bdi>") && after.contains(">7,500</bdi>"), "\(after)")
            #expect(try await client.get("/camps?as_of=June").status == .badRequest)
            let progress = try await client.get("/api/v1/evacuations/\(id)?as_of=2020-06-30")
            #expect(try progress.json["ahead"] as? Int == -7_500)
            // WHO's 11,000 of the baseline's day is named beside the operation's 10,000, as the site's standing names it.
            let unlike = try progress.json["censuses_unlike_baseline"] as? [[String: Any]]
            #expect(unlike?.map { "\($0["organisation"] ?? "") \($0["residents"] ?? "")" } == ["WHO 11000"], "\(progress.text)")
            // The 2,500 sent to a centre of 2,000 places on the 3rd: the operation through it says so.
            let over = try #require(try progress.json["centres_over_capacity"] as? [[String: Any]])
            #expect(over.count == 1 && over.first?["centre"] as? String == "TC-1" && over.first?["capacity"] as? Int == 2_000)
            #expect(over.first?["day"] as? String == "2020-06-03" && over.first?["persons"] as? Int == 2_500, "\(over)")
            let plan = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=1000&cycle_days=5&deadline=2020-07-10&via=TC-1")
            #expect(plan.status == .ok)
            #expect(try plan.json["feasible"] as? Bool == false)
            // From today (2020-06-30; the last departure was on the 3rd) two whole cycles end by the 10th of July: 7,500 ÷ 2
            #expect(try plan.json["start"] as? String == "2020-06-30" && plan.json["needed_per_cycle"] as? Int == 3_750)
            // A centre given twice, in any letter case, is one centre's 2,000 places, not 4,000.
            let twice = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=1000&cycle_days=5&via=TC-1&via=tc-1")
            #expect(try twice.status == .ok && twice.json["transit_places_available"] as? Int == 2_000, "\(twice.text)")
            // A plan may count from other residents than the baseline: those who left since are taken off.
            let counted = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=1000&cycle_days=5&residents=9000")
            let remaining = try counted.json["remaining"] as? Int
            #expect(counted.status == .ok && remaining == 6_500, "\(counted.text)")
            let negative = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=1000&cycle_days=5&residents=-1")
            let field = try negative.json["field"] as? String
            #expect(negative.status == .badRequest && field == "residents")
            #expect(try await client.get("/api/v1/sites/NOPE").status == .notFound)
            // Nothing is known of a day after today: asked of it, the answer is a 400 naming as_of, not a standing stated as fact.
            let future = try await client.get("/api/v1/sites/HOL?as_of=2020-07-01")
            let futureField = try future.json["field"] as? String
            #expect(future.status == .badRequest && futureField == "as_of", "\(future.text)")
            #expect(try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=0&cycle_days=5").status == .badRequest)
            // A plan of ten million cycles (one person a day) would take the server's memory for a minute: refused at once,
            // saying what pace would do; an operation too.
            let endless = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=1&cycle_days=1&residents=10000000")
            let endlessProblem = try endless.json
            #expect(endless.status == .badRequest && endlessProblem["field"] as? String == "per_cycle", "\(endless.text)")
            #expect((endlessProblem["detail"] as? String)?.contains("would take 9,997,500 cycles, and a plan has at most 1,000: move at least 9,998 persons per cycle") == true,
                    "\(endless.text)")
            let endlessOperation = try await client.post("/api/v1/evacuations",
                #"{"site": "HOL", "baseline_date": "2020-06-01", "baseline_residents": 10000000, "start": "2020-06-02", "per_cycle": 1, "cycle_days": 1}"#)
            #expect(endlessOperation.status == .badRequest)
            // Completed, the operation keeps the centre's overload it met: it was dropped with the status.
            #expect(try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "completed", "date": "2020-06-20"}"#).status == .ok)
            let completed = try await client.get("/api/v1/evacuations/\(id)")
            let kept = try #require(try completed.json["centres_over_capacity"] as? [[String: Any]])
            #expect(kept.count == 1 && kept.first?["day"] as? String == "2020-06-03", "\(completed.text)")
        }
    }

    /// A census or departure corrected keeps the version it replaces, and the lists say who recorded each and when, with the
    /// number its history is asked by: the versions were kept, but nothing gave them back, nor who reported a figure.
    @Test(arguments: Backend.available)
    func correctedCensusesAndDeparturesKeepTheirHistoryAndSayWhoRecordedThem(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            #expect(try await client.post("/api/v1/sites", #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006"}"#).status == .created)
            for body in [#"{"date": "2020-06-01", "residents": 10000, "organisation": "UNHCR"}"#, #"{"date": "2020-06-01", "residents": 9500, "organisation": "UNHCR"}"#] {
                #expect(try await client.post("/api/v1/sites/HOL/censuses", body).status == .ok)
            }
            for persons in [1200, 1100] {
                let body = #"{"date": "2020-06-03", "persons": \#(persons), "organisation": "CCCM", "id": "m2"}"#
                #expect(try await client.post("/api/v1/sites/HOL/departures", body).status == .ok)
            }
            let departures = try #require(try await client.get("/api/v1/sites/HOL/departures").json["departures"] as? [[String: Any]])
            #expect(departures.count == 1 && departures.first?["persons"] as? Int == 1100 && departures.first?["id"] as? String == "m2")
            #expect((departures.first?["recorded_by"] as? String)?.hasPrefix("token:") == true && departures.first?["recorded_at"] as? String != nil)
            let departure = try #require(departures.first?["record_id"] as? Int)
            let versions = try #require(try await client.get("/api/v1/departures/\(departure)/history").json["versions"] as? [[String: Any]])
            #expect(versions.compactMap { ($0["record"] as? [String: Any])?["persons"] as? Int } == [1200, 1100])
            #expect(versions.map { $0["in_force"] as? Bool } == [false, true] && versions.first?["superseded_at"] as? String != nil)
            let census = try #require((try await client.get("/api/v1/sites/HOL/censuses").json["censuses"] as? [[String: Any]])?.first?["record_id"] as? Int)
            let censusVersions = try #require(try await client.get("/api/v1/censuses/\(census)/history").json["versions"] as? [[String: Any]])
            #expect(censusVersions.compactMap { ($0["record"] as? [String: Any])?["residents"] as? Int } == [10000, 9500])
            // A correction that leaves out the households the census gave clears them, and says so.
            #expect(try await client.post("/api/v1/sites/HOL/censuses", #"{"date": "2020-06-02", "residents": 9400, "households": 1800, "organisation": "UNHCR"}"#).status == .ok)
            let cleared = try await client.post("/api/v1/sites/HOL/censuses", #"{"date": "2020-06-02", "residents": 9450, "organisation": "UNHCR"}"#)
            let clearedSummary = try cleared.decode(ImportSummary.self)
            #expect(clearedSummary.updated == 1 && clearedSummary.problems.map { "\($0.column) \($0.code)" } == ["households import.figure.cleared"], "\(cleared.text)")
            #expect(try await client.get("/api/v1/departures/999/history").status == .notFound)
            #expect(try await client.get("/api/v1/censuses/x/history").status == .badRequest)
        }
    }

    /// A count is its counter's: one posted without an organisation is refused, as aid and facilities are, and not filed
    /// under the site's operator without a word; the `org` parameter names it, as on the other write routes.
    @Test(arguments: Backend.available)
    func aCensusOrDepartureThatNamesNoOrganisationIsNotFiledUnderTheOperator(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let camp = #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006", "operator": "CCCM"}"#
            #expect(try await client.post("/api/v1/sites", camp).status == .created)
            // act
            let census = try await client.post("/api/v1/sites/HOL/censuses", #"{"date": "2020-06-01", "residents": 11111}"#)
            let departure = try await client.post("/api/v1/sites/HOL/departures", #"{"date": "2020-06-02", "persons": 10, "destination": "SY08"}"#)
            let named = try await client.post("/api/v1/sites/HOL/censuses?org=WHO", #"{"date": "2020-06-01", "residents": 10000}"#)
            // check
            for refused in [census, departure] {
                let codes = (try refused.json["problems"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
                #expect(refused.status == .unprocessableContent && codes == ["import.organisation.missing"], "\(refused.text)")
            }
            #expect(named.status == .ok, "\(named.text)")
            let censuses = try await client.get("/api/v1/sites/HOL/censuses").json["censuses"] as? [[String: Any]]
            #expect(censuses?.map { "\($0["organisation"] as? String ?? "") \($0["residents"] as? Int ?? 0)" } == ["WHO 10000"])
        }
    }

    @Test(arguments: Backend.available)
    func departuresBeyondTheLatestCensusAreAcceptedWithAWarningInTheLanguageAsked(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a camp without an operation, counted at 1,000
            _ = try await client.post("/api/v1/sites", #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006"}"#)
            _ = try await client.post("/api/v1/sites/HOL/censuses", #"{"date": "2020-06-01", "residents": 1000, "organisation": "UNHCR"}"#)
            // act
            let posted = try await client.post("/api/v1/sites/HOL/departures", #"{"date": "2020-06-03", "persons": 1200, "organisation": "CCCM"}"#,
                                               headers: [.acceptLanguage: "ar"])
            // check: written, and the summary says why it may be wrong
            let summary = try posted.decode(ImportSummary.self)
            #expect(posted.status == .ok && summary.imported == 1 && summary.warnings == 1)
            #expect(summary.problems.first?.code == "import.departures.beyondCensus" && summary.problems.first?.severity == .warning)
            #expect(summary.problems.first?.reason.contains("أكثر مما أحصاه ذلك التعداد") == true, "\(posted.text)")
            // …and where the figures are read: none remain, not -200, and the page says by how much they disagree.
            let standing = try await client.get("/api/v1/sites/HOL?as_of=2020-06-30")
            #expect(try standing.json["remaining"] as? Int == 0 && standing.json["beyond_count"] as? Int == 200)
            let page = try await client.get("/camps").text
            #expect(page.contains(">200</bdi> people more reported leaving than the <bdi dir=\"ltr\">1,000</bdi> counted"), "\(page)")
        }
    }

    @Test(arguments: Backend.available)
    func aTransitCentreSaysHowFullItIsEstimatedAndWhenItWentAboveItsCapacity(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a centre of 1,000 places (24-hour stays) and two camps sending people to it
            _ = try await client.post("/api/v1/sites", #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006"}"#)
            _ = try await client.post("/api/v1/sites", #"{"code": "ROJ", "name": "Roj", "kind": "camp", "admin": "SY080006"}"#)
            _ = try await client.post("/api/v1/sites", #"{"code": "TC-1", "name": "Transit", "kind": "transit-centre", "admin": "SY08", "capacity": 1000, "stay_hours": 24}"#)
            _ = try await client.post("/api/v1/sites/HOL/departures", #"[{"date": "2020-06-03", "persons": 800, "destination": "TC-1", "organisation": "CCCM"}, {"date": "2020-06-05", "persons": 900, "destination": "TC-1", "organisation": "CCCM"}]"#)
            // act: a second camp's convoy the same day as the first
            let posted = try await client.post("/api/v1/sites/ROJ/departures", #"{"date": "2020-06-03", "persons": 400, "destination": "TC-1", "organisation": "IOM"}"#)
            let centre = try await client.get("/api/v1/sites/TC-1?as_of=2020-06-05")
            // check: kept with a warning; the estimate, the busiest day, the spell above capacity and who sent people
            let summary = try posted.decode(ImportSummary.self)
            #expect(posted.status == .ok && summary.warnings == 1 && summary.problems.first?.code == "import.departures.transitOverCapacity")
            let occupancy = try #require(try centre.json["occupancy"] as? [String: Any])
            #expect(occupancy["capacity"] as? Int == 1_000 && occupancy["stay_hours"] as? Int == 24)
            #expect(occupancy["estimated_persons"] as? Int == 900 && occupancy["arrived"] as? Int == 2_100)
            #expect((occupancy["peak"] as? [String: Any])?["persons"] as? Int == 1_200 && (occupancy["peak"] as? [String: Any])?["day"] as? String == "2020-06-03")
            let spells = try #require(occupancy["over_capacity"] as? [[String: Any]])
            #expect(spells.count == 1 && spells[0]["first"] as? String == "2020-06-03" && spells[0]["last"] as? String == "2020-06-03" && spells[0]["days"] as? Int == 1)
            #expect((occupancy["arrivals_by_site"] as? [[String: Any]])?.map { "\($0["site"] ?? "") \($0["persons"] ?? "")" } == ["HOL 1700", "ROJ 400"])
            // A camp has none.
            #expect(try await client.get("/api/v1/sites/HOL").json["occupancy"] is NSNull)
            // An operation through the centre given twice (in two letter cases) goes through it once: stored, not a 500.
            let twice = try await client.post("/api/v1/evacuations",
                #"{"site": "ROJ", "baseline_date": "2020-06-01", "baseline_residents": 3000, "start": "2020-06-06", "per_cycle": 1000, "cycle_days": 3, "via": ["TC-1", "tc-1"]}"#)
            #expect(try twice.status == .created && twice.json["via"] as? [String] == ["TC-1"], "\(twice.text)")
            // A plan through the centre that Roj's operation goes through too names it: its places are not all the plan's.
            let roj = try #require(try twice.json["id"] as? Int)
            #expect(try await client.post("/api/v1/sites/HOL/censuses", #"{"date": "2020-06-01", "residents": 5000, "organisation": "UNHCR"}"#).status == .ok)
            let shared = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=500&cycle_days=2&via=TC-1")
            let centres = try shared.json["centres_shared"] as? [[String: Any]]
            #expect(centres?.map { "\($0["centre"] ?? "") \($0["operations"] as? [Int] ?? [])" } == ["TC-1 [\(roj)]"], "\(shared.text)")
            #expect(try shared.json["transit_places_available"] as? Int == 1_000)
            // Once a later operation of Roj's, not through the centre, took the site over, the first moves no one through it.
            #expect(try await client.post("/api/v1/sites/ROJ/censuses", #"{"date": "2020-06-10", "residents": 2500, "organisation": "IOM"}"#).status == .ok)
            let later = try await client.post("/api/v1/evacuations",
                #"{"site": "ROJ", "baseline_date": "2020-06-10", "baseline_residents": 2500, "start": "2020-06-11", "per_cycle": 500, "cycle_days": 2}"#)
            #expect(later.status == .created, "\(later.text)")
            let alone = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=500&cycle_days=2&via=TC-1")
            #expect((try alone.json["centres_shared"] as? [[String: Any]])?.isEmpty == true, "\(alone.text)")
            // The list says which took which over, from when: the first's own status is history.
            let listed = try await client.get("/api/v1/evacuations").json["evacuations"] as? [[String: Any]]
            let laterID = try later.json["id"] as? Int
            let takenOver = listed?.first { $0["id"] as? Int == roj }?["taken_over"] as? [String: Any]
            #expect(takenOver?["day"] as? String == "2020-06-10" && takenOver?["by"] as? Int == laterID, "\(listed ?? [])")
            #expect(listed?.first { $0["id"] as? Int == laterID }?["taken_over"] is NSNull)
        }
    }

    /// Al-Hol and a planned operation of its 10,000 residents from 2020-06-02: the operation's id.
    static func plannedOperation(_ client: any TestClientProtocol) async throws -> Int {
        _ = try await client.post("/api/v1/sites", #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006"}"#)
        let operation = try await client.post("/api/v1/evacuations",
            #"{"site": "HOL", "baseline_date": "2020-06-01", "baseline_residents": 10000, "start": "2020-06-02", "per_cycle": 3500, "cycle_days": 5}"#)
        return try #require(try operation.json["id"] as? Int)
    }

    /// A change recorded after the fact takes effect on the day given: the progress and the page of a day show the
    /// status of that day, and a change cannot be dated after today nor before the last one.
    @Test(arguments: Backend.available)
    func aStatusChangeRecordedAfterTheFactGoesByTheDayItTookEffect(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a camp and a planned operation from 2020-06-02
            let id = try await Self.plannedOperation(client)
            // act: under way from the 2nd, suspended from the 20th, both recorded today (2020-06-30)
            let begun = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "under-way", "date": "2020-06-02"}"#)
            let future = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "suspended", "date": "2020-07-01"}"#)
            let beforeLast = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "suspended", "date": "2020-06-01"}"#)
            let notADay = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "suspended", "date": "June"}"#)
            let suspended = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "suspended", "date": "2020-06-20"}"#)
            // check
            #expect(begun.status == .ok && suspended.status == .ok)
            #expect(try future.json["field"] as? String == "date" && (future.json["detail"] as? String)?.contains("today") == true, "\(String(buffer: future.body))")
            #expect(try beforeLast.json["field"] as? String == "date" && (beforeLast.json["detail"] as? String)?.contains("under-way") == true)
            #expect(notADay.status == .badRequest)
            func status(on day: String) async throws -> String? {
                try (await client.get("/api/v1/evacuations/\(id)?as_of=\(day)").json["operation"] as? [String: Any])?["status"] as? String
            }
            #expect(try await status(on: "2020-06-01") == "planned")
            #expect(try await status(on: "2020-06-02") == "under-way")
            #expect(try await status(on: "2020-06-19") == "under-way")
            #expect(try await status(on: "2020-06-30") == "suspended")
            let changes = try #require(try await client.get("/api/v1/evacuations/\(id)").json["status_changes"] as? [[String: Any]])
            #expect(changes.map { $0["day"] as? String } == ["2020-06-02", "2020-06-20"])
            #expect(try await client.get("/camps?as_of=2020-06-10").text.contains(#"<span class="status under-way">"#))
            #expect(try await client.get("/camps?as_of=2020-06-01").text.contains(#"<span class="status planned">"#))
            // A day before the baseline the operation counts from is refused; the status it has already, with a day,
            // puts the day of the change that made it so right.
            let beforeBaseline = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "under-way", "date": "2020-05-31"}"#)
            #expect(try beforeBaseline.json["field"] as? String == "date" && (beforeBaseline.json["detail"] as? String)?.contains("baseline") == true)
            let redated = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "suspended", "date": "2020-06-25"}"#)
            let (stillUnderWay, nowSuspended) = (try await status(on: "2020-06-20"), try await status(on: "2020-06-25"))
            #expect(redated.status == .ok && stillUnderWay == "under-way" && nowSuspended == "suspended")
            let audit = try await client.get("/api/v1/audit?kind=evacuation")
            let entries = try #require(try audit.json["entries"] as? [[String: Any]])
            let redating = entries.filter { ($0["detail"] as? String) == "under-way → suspended from 2020-06-25, not 2020-06-20" }
            #expect(redating.count == 1 && (redating.first?["before"] as? String)?.contains("2020-06-20") == true
                    && (redating.first?["after"] as? String)?.contains("2020-06-25") == true, "\(entries)")
            // The same day again changes nothing and is not audited again.
            #expect(try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "suspended", "date": "2020-06-25"}"#).status == .ok)
            let again = try #require(try await client.get("/api/v1/audit?kind=evacuation").json["entries"] as? [[String: Any]])
            #expect(again.count == entries.count)
            // Without a date, a change takes effect today.
            let resumed = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "under-way"}"#)
            let dayBefore = try await status(on: "2020-06-29"), today = try await status(on: "2020-06-30")
            #expect(resumed.status == .ok && dayBefore == "suspended" && today == "under-way")
        }
    }

    @Test(arguments: Backend.available)
    func anOperationsStatusChangesAndTheChangeIsKept(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a camp and a planned operation
            let id = try await Self.plannedOperation(client)
            // act
            let underWay = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "under-way"}"#)
            let again = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "under-way"}"#)
            let completed = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "completed"}"#)
            let reopened = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "under-way"}"#)
            let unknown = try await client.patch("/api/v1/evacuations/\(id)", #"{"status": "finished"}"#)
            let missing = try await client.patch("/api/v1/evacuations/999", #"{"status": "completed"}"#)
            // check
            #expect(underWay.status == .ok)
            #expect(try underWay.json["status"] as? String == "under-way")
            #expect(again.status == .badRequest)
            #expect(try again.json["field"] as? String == "status")
            #expect(completed.status == .ok)
            #expect(reopened.status == .badRequest)
            #expect(try (reopened.json["detail"] as? String)?.contains("stays completed") == true)
            #expect(unknown.status == .badRequest)
            #expect(try unknown.json["detail"] as? String == "'finished' is not one of planned, under-way, completed, suspended", "\(String(buffer: unknown.body))")
            #expect(missing.status == .notFound)
            // The plan's path is not an operation's: PATCH there is not allowed, whatever {id} would match.
            let plan = try await client.patch("/api/v1/evacuations/plan", #"{"status": "completed"}"#)
            #expect(plan.status == .methodNotAllowed && plan.headers[.allow] == "GET, HEAD")
            // … with a query too, which no route's parameters are checked against but the plan's.
            let withQuery = try await client.patch("/api/v1/evacuations/plan?arrivals=spread", #"{"status": "completed"}"#)
            #expect(withQuery.status == .methodNotAllowed)
            let progress = try await client.get("/api/v1/evacuations/\(id)?as_of=2020-06-30")
            let changes = try #require(try progress.json["status_changes"] as? [[String: Any]])
            #expect(changes.map { "\($0["from"] ?? "")→\($0["to"] ?? "")" } == ["planned→under-way", "under-way→completed"])
            #expect(changes.allSatisfy { ($0["by"] as? String)?.isEmpty == false && ($0["at"] as? String)?.hasPrefix("20") == true })
        }
    }

    /// A refused site or operation names its field in every language; the reason is in the reader's.
    @Test(arguments: Backend.available)
    func refusalsAreWrittenInTheReadersLanguage(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let site = #"{"code": "TC-1", "name": "Transit", "kind": "transit-centre", "admin": "SY08"}"#
            let english = try await client.post("/api/v1/sites", site)
            let russian = try await client.post("/api/v1/sites", site, headers: [.acceptLanguage: "ru"])
            let arabic = try await client.post("/api/v1/evacuations", #"{"site": "NOPE", "baseline_date": "2020-06-01", "baseline_residents": 10, "start": "2020-06-02", "per_cycle": 5, "cycle_days": 5}"#,
                                               headers: [.acceptLanguage: "ar"])
            #expect(try english.json["detail"] as? String == "capacity: a transit centre needs its capacity in places")
            #expect(try russian.json["detail"] as? String == "capacity: для транзитного центра нужна вместимость в местах")
            #expect(try russian.json["field"] as? String == "capacity")
            #expect(try arabic.json["detail"] as? String == "site 'NOPE': لا يوجد موقع بهذا الرمز؛ أضفه أولاً")
        }
    }

    @Test(arguments: Backend.available)
    func theCampsPageShowsEachSiteAndOperation(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            // setup: the demo's camps, relative to the tests' today
            try await store.camps.loadDemoData(lastDay: TestStores.today, by: .test)
            // act
            let english = try await client.get("/camps")
            let arabic = try await client.get("/camps?lang=ar")
            // check: every site, the operation's figures from the store, the warnings
            #expect(english.status == .ok && english.headers[.contentType] == "text/html; charset=utf-8")
            let progress = try await store.camps.progress(ofOperation: 1, asOf: TestStores.today)
            #expect(english.text.contains(#"<progress max="10000" value="\#(progress.left)" aria-label="\#(progress.left.grouped) of 10,000 have left ("#), "\(english.text)")
            for name in ["Demo camp North", "Demo settlement East", "Demo collective centre South", "Demo transit centre"] {
                #expect(english.text.contains(name))
            }
            #expect(english.text.contains("the transit centres hold <bdi dir=\"ltr\">400</bdi> places; the plan needs <bdi dir=\"ltr\">600</bdi>"))
            #expect(english.text.contains("Organisations&#39; latest counts:"))
            #expect(english.text.contains(#"<span class="status under-way">under way</span>"#))
            #expect(english.text.components(separatedBy: #"<rect class="planned""#).count - 1 == progress.cycles.count)
            #expect(arabic.text.contains(#"<html lang="ar" dir="rtl">"#) && arabic.text.contains("مخيم الشمال (تجريبي)"))
            #expect(try await client.get("/camps?lang=xx").status == .badRequest)
            // The demo's convoys overfill its centre of 400 places: the centre's row and the operation say so, from the store's estimate.
            let centre = try #require(try await store.camps.site("DEMO-TC-1"))
            let occupancy = try #require(try await store.camps.occupancies(of: [centre])["DEMO-TC-1"])
            let peak = try #require(occupancy.peak(through: TestStores.today))
            #expect(english.text.contains("Estimated above its capacity of <bdi dir=\"ltr\">400</bdi> on"))
            #expect(english.text.contains("the highest, <bdi dir=\"ltr\">\(peak.persons.grouped)</bdi>, on"))
            // The operation's warning takes only the days since it began.
            let operation = try #require(try await store.camps.operations().first)
            let since = try #require(occupancy.overCapacity(on: operation.start ... TestStores.today))
            #expect(english.text.contains("<bdi>Demo transit centre</bdi> has at times been estimated above its capacity of <bdi dir=\"ltr\">400</bdi> since the operation began, at most <bdi dir=\"ltr\">\(since.persons.grouped)</bdi>"))
            #expect(english.text.contains("Who is in a transit centre is estimated from the departures recorded to it"))
            #expect(arabic.text.contains("يُقدَّر أن العدد تجاوز السعة"))
        }
    }
}

extension TestClientProtocol {
    func patch(_ uri: String, _ body: String, contentType: String = "application/json") async throws -> TestResponse {
        try await execute(uri: uri, method: .patch, headers: [.contentType: contentType], body: ByteBuffer(string: body))
    }
}

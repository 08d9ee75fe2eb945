import Foundation
import HomewardCore
import HomewardStore
import HomewardTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ReconstructionAPITests {
    @Test(arguments: Backend.available)
    func facilitiesArePostedThroughTheImporterAndSummarised(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a kind added over the API, then records of it and of a seeded kind
            let kind = try await client.post("/api/v1/facility-kinds", #"{"code": "irrigation-canal", "unit": "km", "name": "Irrigation canals"}"#)
            #expect(kind.status == .created)
            #expect(try await client.post("/api/v1/facility-kinds", #"{"code": "irrigation-canal", "unit": "km", "name": "Canals"}"#).status == .conflict)
            let badUnit = try await client.post("/api/v1/facility-kinds", #"{"code": "x", "unit": "m", "name": "X"}"#)
            #expect(badUnit.status == .badRequest)
            // act
            let posted = try await client.post("/api/v1/facilities?org=UNDP", #"""
                [{"date": "2020-05-01", "settlement": "C2269", "kind": "school", "status": "under-restoration", "quantity": 3},
                 {"date": "2020-05-02", "settlement": "C2269", "kind": "irrigation-canal", "status": "under-restoration", "quantity": 0.1},
                 {"date": "2020-05-03", "settlement": "C2270", "kind": "irrigation-canal", "status": "under-restoration", "quantity": "0.2"},
                 {"date": "2020-06-01", "settlement": "C2269", "kind": "school", "status": "commissioned", "quantity": 1}]
                """#)
            let refused = try await client.post("/api/v1/facilities", #"{"date": "2020-06-01", "settlement": "C2269", "kind": "school", "status": "done"}"#,
                                                 headers: [.acceptLanguage: "ru"])
            // check
            #expect(try posted.decode(ImportSummary.self).imported == 4)
            #expect(refused.status == .unprocessableContent)
            let problems = try #require(try refused.json["problems"] as? [[String: Any]])
            #expect(problems.map { $0["code"] as? String } == ["import.facilities.status.invalid", "import.organisation.missing"])
            #expect((problems.last?["reason"] as? String)?.contains("параметр org") == true)
            let summary = try await client.get("/api/v1/facilities/summary?as_of=2020-06-30&by=adm1")
            let stock = try #require((try summary.json["under_restoration"] as? [String: Any]))
            #expect(stock["settlements"] as? Int == 2)
            let byKind = try #require(stock["by_kind"] as? [[String: Any]])
            #expect(byKind.map { $0["kind"] as? String } == ["school", "irrigation-canal"])
            #expect(byKind.map { $0["quantity"] as? Double } == [2, 0.3])
            #expect(((try summary.json["groups"] as? [[String: Any]])?.first?["key"] as? String) == "SY03")
            let list = try await client.get("/api/v1/facilities?kind=school&status=commissioned")
            #expect((try list.json["facilities"] as? [[String: Any]])?.first?["settlement"] as? String == "C2269")
            // Each record listed says who recorded it and when, as its history does.
            let listed = try #require((try list.json["facilities"] as? [[String: Any]])?.first)
            #expect((listed["recorded_by"] as? String)?.hasPrefix("token:") == true && (listed["recorded_at"] as? String)?.hasPrefix("20") == true, "\(listed)")
            #expect(try await client.get("/api/v1/facilities/summary?by=street").status == .badRequest)
            #expect(try await client.get("/api/v1/facilities?from=2020-06-02&to=2020-06-01").status == .badRequest)
            // A filter that names nothing is said so, naming the field, not answered with an empty list read as "nothing recorded".
            for (path, field) in [("/api/v1/facilities?kind=castle", "kind"), ("/api/v1/facilities?area=XX99", "area"), ("/api/v1/aid?type=nosuch", "type"),
                                  ("/api/v1/aid?area=ZZ", "area"), ("/api/v1/sources?measure=nosuch", "measure"),
                                  ("/api/v1/aid?organisation=undp", "organisation")] {
                let refused = try await client.get(path)
                let named = try refused.json["field"] as? String
                #expect(refused.status == .badRequest && named == field, "\(path): \(refused.text)")
            }
            #expect(try await client.get("/api/v1/facilities?kind=school&area=SY03").status == .ok)
            // An area's P-code in another letter case is the same area, as imports read it.
            for path in ["/api/v1/facilities", "/api/v1/aid"] {
                #expect(try await client.get("\(path)?area=sy03").text == client.get("\(path)?area=SY03").text, "\(path)")
            }
            #expect(try await client.get("/api/v1/aid?organisation=UNDP").status == .ok, "a known organisation with no aid is an empty list")
            // The page counts what was commissioned in the period asked, and says which, rather than the last 7 days unasked.
            let page = try await client.get("/reconstruction?lang=en&as_of=2020-06-30&from=2020-05-01").text
            // Schools: 2 under restoration on the day (3 less 1), 1 commissioned in the period, none reported damaged.
            #expect(page.contains("Commissioned from 1 May 2020 to 30 June 2020")
                    && page.replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
                        .contains(#"<tr><td>Schools</td><td class="num"><bdi>2</bdi></td><td class="num"><bdi>1</bdi></td><td class="num"><bdi>—</bdi></td></tr>"#), "\(page)")
            #expect(try await client.get("/reconstruction?lang=en&as_of=2020-06-30").text.contains("Commissioned in the last 7 days"))
            // The page's API link asks the page's question: its figures are the page's (the route's own default is all dates).
            let linked = try await client.get(try apiLink(in: page))
            #expect(((try linked.json["commissioned"] as? [String: Any])?["by_kind"] as? [[String: Any]])?.first?["quantity"] as? Double == 1)
            #expect(try apiLink(in: page) == "/api/v1/facilities/summary?as_of=2020-06-30&from=2020-05-01&to=2020-06-30&by=adm1")
            // `to` alone asks for the week up to it, not a window from the first record that may run backwards.
            let upTo = try await client.get("/reconstruction?lang=en&as_of=2020-06-30&to=2020-05-31").text
            #expect(upTo.contains("Commissioned from 25 May 2020 to 31 May 2020"), "\(upTo)")
            #expect(try await client.get(try apiLink(in: upTo)).status == .ok)
            // A period past the page's day is refused, naming it: the page is as of that day.
            #expect(try await client.get("/reconstruction?lang=en&as_of=2020-05-03&from=2020-05-01&to=2020-06-30").status == .badRequest)
        }
    }

    @Test(arguments: Backend.available)
    func aidAndReadinessAnswerOverHTTP(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            #expect(try await client.post("/api/v1/aid-types", #"{"code": "shelter", "name": "Shelter", "name_ru": "Жильё"}"#).status == .created)
            let posted = try await client.post("/api/v1/aid", #"""
                [{"date": "2020-06-01", "locality": "C2269", "organisation": "SARC", "type": "humanitarian", "tonnes": 3.5, "parcels": 750},
                 {"date": "2020-06-02", "locality": "C2269", "organisation": "WHO", "type": "medical", "treated": 120},
                 {"date": "2020-06-03", "locality": "SY12", "organisation": "UNHCR", "type": "shelter", "reached": 40}]
                """#)
            #expect(try posted.decode(ImportSummary.self).imported == 3)
            let summary = try await client.get("/api/v1/aid/summary?from=2020-06-01&to=2020-06-30&by=type")
            #expect(try summary.json["actions"] as? Int == 3)
            // The governorate SY12 is in the sums, but is no locality: C2269 is the one.
            #expect(try summary.json["localities"] as? Int == 1)
            #expect(try summary.json["kilograms"] as? Int == 3_500)
            #expect(try summary.json["tonnes"] as? Double == 3.5)
            #expect(try summary.json["medical_treated"] as? Int == 120)
            // One action of three gave a weight, one the people treated.
            let reportedBy = try #require(try summary.json["reported_by"] as? [String: Int])
            #expect(reportedBy == ["kilograms": 1, "parcels": 1, "people_reached": 1, "medical_treated": 1])
            #expect((try summary.json["by_type"] as? [[String: Any]])?.map { $0["type"] as? String } == ["humanitarian", "medical", "shelter"])
            // One organisation's, one area's, one type's aid: the summary narrowed as the list is; a name or code nobody has is refused.
            let sarc = try await client.get("/api/v1/aid/summary?organisation=SARC")
            #expect(try sarc.json["actions"] as? Int == 1 && sarc.json["kilograms"] as? Int == 3_500, "\(sarc.text)")
            #expect(try await client.get("/api/v1/aid/summary?area=SY03").json["actions"] as? Int == 2)
            #expect(try await client.get("/api/v1/aid/summary?area=SY03&type=medical").json["actions"] as? Int == 1)
            #expect(try await client.get("/api/v1/aid/summary?area=SY12&type=medical").json["actions"] as? Int == 0)
            #expect(try await client.get("/api/v1/aid/summary?area=SY99").status == .badRequest)
            #expect(try await client.get("/api/v1/aid/summary?type=cash").status == .badRequest)
            #expect(try await client.get("/api/v1/aid/summary?organisation=sarc").status == .badRequest)
            // The page's API link asks the page's period, not all dates.
            let link = try apiLink(in: try await client.get("/aid?lang=en&from=2020-06-02&to=2020-06-30").text)
            #expect(link == "/api/v1/aid/summary?from=2020-06-02&to=2020-06-30&by=adm1")
            #expect(try await client.get(link).json["actions"] as? Int == 2)
            let readiness = try await client.get("/api/v1/readiness?level=adm1&sort=actions")
            let rows = try #require(try readiness.json["rows"] as? [[String: Any]])
            #expect(rows.map { $0["area"] as? String } == ["SY03", "SY12"])
            #expect(try apiLink(in: try await client.get("/readiness?lang=ru&level=adm1&sort=actions").text) == "/api/v1/readiness?level=adm1&sort=actions")
            #expect(try await client.get("/api/v1/readiness?sort=index").status == .badRequest)
            #expect(try await client.get("/api/v1/readiness?level=adm5").status == .badRequest)
        }
    }

    /// A statement's aid figure names the actions it summed over HTTP as `bulletin records` does: their ids, a page at a time,
    /// each one's versions by its history; a figure that sums no records is refused, naming its question.
    @Test(arguments: Backend.available)
    func aStatementsAidFigureListsTheActionsItSummed(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let posted = try await client.post("/api/v1/aid", #"""
                [{"date": "2020-06-24", "locality": "C2269", "organisation": "SARC", "type": "humanitarian", "tonnes": 3.5},
                 {"date": "2020-06-25", "locality": "C2269", "organisation": "WHO", "type": "medical", "treated": 120},
                 {"date": "2020-06-26", "locality": "C5992", "organisation": "WFP", "type": "humanitarian", "tonnes": 2}]
                """#)
            #expect(try posted.decode(ImportSummary.self).imported == 3)
            let id = try #require(try await client.post("/api/v1/bulletins", #"{"date": "2020-06-26"}"#).json["id"] as? Int)
            // act
            let first = try await client.get("/api/v1/bulletins/\(id)/records?entry=aid.week.tonnes&limit=1").json
            let cursor = try #require(first["next_cursor"] as? String)
            let rest = try await client.get("/api/v1/bulletins/\(id)/records?entry=aid.week.tonnes&cursor=\(cursor)").json
            // check: the two actions that gave a weight, not the clinic's
            #expect(first["kind"] as? String == "aid actions" && first["value"] as? Int == 5_500 && first["records"] as? Int == 2, "\(first)")
            #expect((first["ids"] as? [Int] ?? []) + (rest["ids"] as? [Int] ?? []) == [1, 3] && rest["next_cursor"] is NSNull, "\(rest)")
            #expect((first["movements"] as? [Any])?.isEmpty == true)
            #expect(try await client.get("/api/v1/aid/3/history").status == .ok)
            let unknown = try await client.get("/api/v1/bulletins/\(id)/records?entry=aid.week.nothing")
            #expect(unknown.status == .badRequest)
        }
    }

    /// A corrected facility record or aid action keeps what it said before: its history, version by version, who wrote each.
    @Test(arguments: Backend.available)
    func aCorrectedRecordsHistoryListsEachVersion(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a bakery and a delivery, each corrected once
            for quantity in [2, 1] {
                #expect(try await client.post("/api/v1/facilities?org=WFP", #"""
                    {"date": "2020-05-01", "settlement": "C2269", "kind": "bakery", "status": "under-restoration", "quantity": \#(quantity), "id": "DRA-BAK-01"}
                    """#).status == .ok)
            }
            for parcels in [750, 700] {
                #expect(try await client.post("/api/v1/aid?org=SARC", #"""
                    {"date": "2020-05-01", "locality": "C2269", "type": "humanitarian", "parcels": \#(parcels), "id": "SARC-0001"}
                    """#).status == .ok)
            }
            // act
            let work = try await client.get("/api/v1/facilities/1/history")
            let aid = try await client.get("/api/v1/aid/1/history")
            // check: the first version replaced, the second in force
            let versions = try #require(try work.json["versions"] as? [[String: Any]])
            #expect(versions.map { ($0["record"] as? [String: Any])?["quantity"] as? Double } == [2, 1])
            #expect(versions.map { $0["in_force"] as? Bool } == [false, true] && versions.first?["superseded_at"] as? String != nil)
            let actions = try #require(try aid.json["versions"] as? [[String: Any]])
            #expect(actions.map { ($0["record"] as? [String: Any])?["parcels"] as? Int } == [750, 700])
            #expect(try await client.get("/api/v1/facilities/99/history").status == .notFound)
            #expect(try await client.get("/api/v1/aid/x/history").status == .badRequest)
        }
    }
}

/// The footer's link to the API route of a page's figures, as the browser follows it.
func apiLink(in page: String) throws -> String {
    let match = try #require(page.firstMatch(of: /<footer>.*<a href="([^"]*)"/))
    return String(match.1).replacingOccurrences(of: "&amp;", with: "&")
}

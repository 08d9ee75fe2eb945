import Foundation
import HomewardCore
import HomewardStore
@testable import HomewardServer
import HTTPTypes
import Hummingbird
import HomewardTestSupport
import HummingbirdTesting
import Testing

@Suite struct LedgerAPITests {
    /// The one importer takes JSON as well as CSV, for every kind, as the kinds' own routes do.
    @Test(arguments: Backend.available)
    func theImportsRouteTakesJSONRecordsOfAnyKind(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            // act
            let movements = try await client.post("/api/v1/imports?records=movements",
                #"[{"date": "2020-06-01", "crossing": "LBN-01", "destination": "SY03", "refugees": 12, "organisation": "UNHCR", "id": "j1"}]"#,
                contentType: "application/json")
            let aid = try await client.post("/api/v1/imports?records=aid",
                #"{"aid": [{"date": "2020-06-02", "locality": "C2269", "type": "humanitarian", "tonnes": 2, "organisation": "WFP"}]}"#,
                contentType: "application/json")
            let refused = try await client.post("/api/v1/imports?records=aid", #"[{"date": "2020-06-02", "tonnes": 2}]"#, contentType: "application/json")
            // check
            #expect(movements.status == .ok && aid.status == .ok, "\(movements.text) \(aid.text)")
            #expect(try movements.decode(ImportSummary.self).imported == 1 && aid.decode(ImportSummary.self).imported == 1)
            #expect(refused.status == .unprocessableContent)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 12)
            #expect(try await store.assistance.actions().count == 1)
            // A column that happens to be named as the `org` parameter is the rows' own: each row says its problem, where
            // the parameter's own refusal is said once, the file's.
            let column = try await client.post("/api/v1/imports?map=org%3D%23org&map=date%3D%23date&map=dest%3D%23adm1%2Bdest%2Bcode&map=n%3D%23affected%2Breturnees%2Bidps%2Bnum",
                                               "date,dest,n,org\n2020-06-03,SY01,5,unhcr\n2020-06-04,SY01,6,unhcr\n", contentType: "text/csv")
            let rows = try (column.json["problems"] as? [[String: Any]])?.map { "\($0["row"] ?? "") \($0["column"] ?? "")" }
            #expect(rows == ["2 org", "3 org"], "\(column.text)")
            let option = try await client.post("/api/v1/imports?org=unhcr", "#date,#adm1+dest+code,#affected+returnees+idps+num\n2020-06-03,SY01,5\n2020-06-04,SY01,6\n",
                                               contentType: "text/csv")
            #expect(try (option.json["problems"] as? [[String: Any]])?.map { "\($0["row"] ?? "") \($0["column"] ?? "")" } == ["0 org"], "\(option.text)")
        }
    }

    /// A spreadsheet saved as CSV in many languages separates its cells with ';', and as "Unicode text" with tabs.
    @Test(arguments: Backend.available)
    func theImportsRouteTakesASemicolonOrTabFileWhenToldItsDelimiter(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let semicolons = "Date;Crossing;Governorate;Refugees\n#date;#loc+crossing+code;#adm1+dest+code;#affected+returnees+refugees+num\n2020-06-01;LBN-01;SY03;40\n"
            // act
            let untold = try await client.post("/api/v1/imports?org=UNHCR", semicolons, contentType: "text/csv")
            let told = try await client.post("/api/v1/imports?org=UNHCR&delimiter=%3B", semicolons, contentType: "text/csv")
            let tabs = try await client.post("/api/v1/imports?org=UNHCR&delimiter=tab",
                                             semicolons.replacingOccurrences(of: ";", with: "\t").replacingOccurrences(of: "40", with: "2").replacingOccurrences(of: "2020-06-01", with: "2020-06-02"), contentType: "text/csv")
            let other = try await client.post("/api/v1/imports?org=UNHCR&delimiter=%7C", semicolons, contentType: "text/csv")
            // check: without it, the row and the parameter to add are named; with it, the rows are read
            let problem = try #require((try untold.json)["problems"] as? [[String: Any]]).first
            #expect(untold.status == .badRequest && problem?["row"] as? Int == 2, "\(untold.text)")
            #expect(problem?["reason"] as? String == "a hashtag row with ';' between its cells: add delimiter=; to the address", "\(untold.text)")
            #expect(told.status == .ok && tabs.status == .ok, "\(told.text) \(tabs.text)")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 42)
            let otherProblem = try other.json
            #expect(other.status == .badRequest && otherProblem["field"] as? String == "delimiter", "\(other.text)")
            // A Russian spreadsheet's dates, day first: read once the order is given, refused naming the parameter before.
            let russian = "#date;#loc+crossing+code;#adm1+dest+code;#affected+returnees+refugees+num\n05.06.2020;LBN-01;SY03;8\n"
            let unordered = try await client.post("/api/v1/imports?org=UNHCR&delimiter=%3B", russian, contentType: "text/csv")
            let unorderedProblem = try #require((try unordered.json)["problems"] as? [[String: Any]]).first
            #expect(unordered.status == .unprocessableContent && unorderedProblem?["code"] as? String == "import.date.order", "\(unordered.text)")
            #expect((unorderedProblem?["reason"] as? String)?.contains("date_order=dmy") == true)
            let ordered = try await client.post("/api/v1/imports?org=UNHCR&delimiter=%3B&date_order=dmy", russian, contentType: "text/csv")
            #expect(try ordered.status == .ok && ordered.json["imported"] as? Int == 1, "\(ordered.text)")
            let badOrder = try await client.post("/api/v1/imports?org=UNHCR&date_order=ymd", russian, contentType: "text/csv")
            #expect(try badOrder.status == .badRequest && badOrder.json["field"] as? String == "date_order")
        }
    }

    @Test(arguments: Backend.available)
    func anImportThroughTheAPIGivesTheSameTotalsAsTheStore(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            // act
            let imported = try await client.post("/api/v1/imports?\(ochaMapping)", try fixture(ochaSample), contentType: "text/csv")
            // check
            #expect(imported.status == .ok)
            let summary = try imported.decode(ImportSummary.self)
            #expect(summary.status == .success && summary.imported == 278)
            let totals = try await client.get("/api/v1/totals?by=adm1&from=2019-01-01&to=2019-01-31")
            #expect(totals.status == .ok)
            let direct = try await store.ledger.totals(TotalsQuery(window: DateWindow(from: Day("2019-01-01"), to: Day("2019-01-31")), grouping: .adm1))
            #expect(try totals.decode(TotalsReport.self) == direct)
            #expect(direct.total == 103_396)
            #expect(try Set(totals.json.keys) == ["from", "to", "total", "refugees", "idps", "partial", "groups"])
        }
    }

    @Test(arguments: Backend.available)
    func movementsArePostedAsABatchAndListedPageByPage(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let batch = (1...5).map { #"{"date": "2019-07-0\#($0)", "crossing": "LBN-01", "category": "refugee", "origin": "LBN", "persons": \#($0 * 10), "organisation": "UNHCR", "id": "m\#($0)"}"# }
            let posted = try await client.post("/api/v1/movements", "[" + batch.joined(separator: ",") + "]")
            #expect(posted.status == .ok)
            #expect(try posted.json["imported"] as? Int == 5)
            let one = try await client.post("/api/v1/movements", #"{"date": "2019-07-06", "destination": "SY01", "idps": 7, "organisation": "SARC"}"#)
            #expect(try one.json["imported"] as? Int == 1)
            // The organisation of movements that name none comes as org, which the refusal without it names.
            let nameless = #"{"date": "2019-07-06", "destination": "SY02", "idps": 3}"#
            let refused = try await client.post("/api/v1/movements?dry_run=true", nameless)
            #expect(try ((refused.json["problems"] as? [[String: Any]])?.first?["reason"] as? String)?.contains("the org parameter") == true)
            #expect(try await client.post("/api/v1/movements?org=SARC&dry_run=true", nameless).json["imported"] as? Int == 1)

            let first = try await client.get("/api/v1/movements?limit=4").decode(MovementPage.self)
            #expect(first.movements.count == 4)
            #expect(first.movements.first?.crossing == "LBN-01" && first.movements.first?.persons == 10)
            let cursor = try #require(first.next_cursor)
            let second = try await client.get("/api/v1/movements?limit=4&cursor=\(cursor)").decode(MovementPage.self)
            #expect(second.movements.count == 2 && second.next_cursor == nil)
            // A full last page says it is the last, and a filter naming nothing is refused, not answered "none".
            let whole = try await client.get("/api/v1/movements?limit=6").decode(MovementPage.self)
            #expect(whole.movements.count == 6 && whole.next_cursor == nil)
            #expect(try await client.get("/api/v1/movements?crossing=NOPE").json["field"] as? String == "crossing")
            #expect(try await client.get("/api/v1/movements?from=2019-07-05&to=2019-07-01").json["field"] as? String == "to")
            let filtered = try await client.get("/api/v1/movements?crossing=LBN-01&from=2019-07-02&to=2019-07-03").decode(MovementPage.self)
            #expect(filtered.movements.map(\.externalId) == ["m2", "m3"])
            // A code in another letter case is the same crossing point, as an import reads it.
            let lower = try await client.get("/api/v1/movements?crossing=lbn-01&from=2019-07-02&to=2019-07-03").decode(MovementPage.self)
            #expect(lower.movements.map(\.externalId) == ["m2", "m3"])
            #expect(try await client.get("/api/v1/totals?crossing=lbn-01").json["total"] as? Int == client.get("/api/v1/totals?crossing=LBN-01").json["total"] as? Int)
            let own = try await client.get("/api/v1/movements?organisation=SARC").decode(MovementPage.self)
            #expect(own.movements.map(\.persons) == [7])
            #expect(try await client.get("/api/v1/movements?organisation=sarc").json["field"] as? String == "organisation")
            // A space written '+', as most HTTP libraries write it, finds no organisation: said so, not answered 0.
            _ = try await store.organisations.add("Save the Children", by: .test)
            // The exact spellings a script must use are listed.
            let listed = try await client.get("/api/v1/organisations").json["organisations"] as? [[String: Any]] ?? []
            #expect(listed.contains { $0["name"] as? String == "Save the Children" && $0["working_group"] as? Bool == false && ($0["members"] as? [String])?.isEmpty == true })
            for path in ["/api/v1/totals", "/api/v1/movements", "/api/v1/aid"] {
                let plus = try await client.get("\(path)?organisation=Save+the+Children")
                #expect(try plus.status == .badRequest && (plus.json["detail"] as? String)?.contains("did you mean 'Save the Children'? A '+' in a query") == true,
                        "\(path): \(plus.text)")
                #expect(try await client.get("\(path)?organisation=Save%20the%20Children").status == .ok)
            }
            // Nor does an import's org make a second organisation of it.
            let plusOrg = try await client.post("/api/v1/imports?org=Save+the+Children", "#date,#adm1+dest+code,#affected+returnees+idps+num\n2019-01-01,SY01,7\n",
                                                contentType: "text/csv")
            #expect(try plusOrg.status == .badRequest && plusOrg.json["field"] as? String == "org", "\(plusOrg.text)")
            #expect(try await store.organisations.organisations().allSatisfy { $0.name != "Save+the+Children" })
        }
    }

    @Test(arguments: Backend.available)
    func aRejectedMovementWritesNothingAndAnswers422WithTheSummary(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let body = #"[{"date": "2019-07-01", "crossing": "LBN-01", "category": "refugee", "persons": 3, "organisation": "UNHCR"}, {"date": "2019-07-02", "crossing": "LBN-01", "category": "refugee", "persons": -1, "organisation": "UNHCR"}]"#
            let refused = try await client.post("/api/v1/movements", body)
            #expect(refused.status == .unprocessableContent)
            let summary = try refused.decode(ImportSummary.self)
            #expect(summary.status == .error)
            #expect(summary.problems.first.map { [String($0.row), $0.column, $0.value] } == ["2", "persons", "-1"])
            #expect(try await store.movementCount() == 0)
            let skipped = try await client.post("/api/v1/movements?skip_invalid=true", body)
            let skippedSummary = try skipped.decode(ImportSummary.self)
            #expect(skipped.status == .ok && skippedSummary.imported == 1 && skippedSummary.rejected == 1)
            let dry = try await client.post("/api/v1/movements?dry_run=true", #"{"date": "2019-07-03", "crossing": "LBN-01", "category": "refugee", "persons": 4, "organisation": "UNHCR"}"#)
            let drySummary = try dry.decode(ImportSummary.self)
            #expect(drySummary.dryRun && drySummary.imported == 1)
            #expect(try await store.movementCount() == 1)
        }
    }

    @Test(arguments: Backend.available)
    func badInputGetsProblemDetailsNamingTheField(_ backend: Backend) async throws {
        try await withApp(backend, maxBodyBytes: 2_000) { _, client in
            for (uri, field) in [("/api/v1/totals?from=2019-13-01", "from"), ("/api/v1/totals?by=planet", "by"), ("/api/v1/totals?top=0", "top"), ("/api/v1/totals?top=3", "top"), ("/api/v1/totals?organisation=%FF", "organisation"), ("/api/v1/totals?organisation=UN%ZZ", "organisation"),
                                 ("/api/v1/totals?from=2019-02-01&to=2019-01-01", "to"), ("/api/v1/movements?limit=5000", "limit"),
                                 ("/api/v1/movements?cursor=abc", "cursor"), ("/api/v1/areas?level=9", "level"),
                                 ("/api/v1/movements?from=2020-02-01&to=2020-01-01", "to"), ("/api/v1/totals?crossing=NOPE", "crossing"), ("/api/v1/areas?parent=NOPE", "parent")] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try response.json["field"] as? String == field, "\(uri)")
                #expect(try response.json["status"] as? Int == 400)
                #expect(try ["problem.value.invalid", "problem.parameter.encoding"].contains(response.json["code"] as? String ?? ""), "\(uri)")
            }
            // Text in any script, percent-encoded as UTF-8, is read as given.
            #expect(try await client.get("/api/v1/totals?organisation=%D8%A7%D9%84%D9%87%D9%84%D8%A7%D9%84%20%D8%A7%D9%84%D8%A3%D8%AD%D9%85%D8%B1").status == .ok)
            let notFound = try await client.get("/api/v1/nothing")
            #expect(notFound.status == .notFound && notFound.headers[.contentType] == "application/problem+json")
            #expect(try notFound.json["code"] as? String == "problem.notFound")
            #expect(try await client.get("/api/v1/bulletins/99").json["code"] as? String == "problem.notFound")
            let wrongMethod = try await client.execute(uri: "/api/v1/totals", method: .delete)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "GET, HEAD")
            #expect(try wrongMethod.json["code"] as? String == "problem.method.notAllowed")
            // Worded in the reader's language, as every problem the catalogue words.
            let russian = try await client.execute(uri: "/api/v1/totals", method: .delete, headers: [.acceptLanguage: "ru"])
            #expect(try (russian.json["detail"] as? String) == "Метод DELETE здесь не допускается; используйте GET, HEAD", "\(russian.text)")
            let wrongType = try await client.post("/api/v1/movements", "date,persons", contentType: "text/csv")
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(try wrongType.json["field"] as? String == "Content-Type")
            // A body declared in another encoding is refused as such, not row by row as "not UTF-8".
            let latin1 = try await client.post("/api/v1/imports", "#date\n", contentType: "text/csv; charset = windows-1252")
            let latin1Detail = try latin1.json["detail"] as? String
            #expect(latin1.status == .unsupportedMediaType && latin1Detail?.contains("windows-1252") == true, "\(latin1Detail ?? "")")
            #expect(try await client.post("/api/v1/imports?dry_run=true", "#date\n", contentType: "text/csv; charset=UTF-8").status != .unsupportedMediaType)
            #expect(try await client.post("/api/v1/imports", "#date\n", contentType: "text/csv; charset=windows-1252").status == .unsupportedMediaType)
            let tooLarge = try await client.post("/api/v1/imports", String(repeating: "x", count: 5_000), contentType: "text/csv")
            #expect(tooLarge.status == .contentTooLarge)
            #expect(try tooLarge.json["code"] as? String == "problem.body.tooLarge")
            let notJSON = try await client.post("/api/v1/movements", "{not json")
            #expect(notJSON.status == .badRequest && notJSON.headers[.contentType] == "application/problem+json")
            let noOrganisation = try await client.post("/api/v1/movements", #"{"date": "2019-01-01", "crossing": "LBN-01", "category": "refugee", "persons": 5}"#)
            #expect(noOrganisation.text.contains(#"(in JSON, an \"organisation\" key)"#), "\(noOrganisation.text)")
            let unknownKey = try await client.post("/api/v1/movements", #"{"date": "2019-01-01", "planet": "Mars"}"#)
            #expect(unknownKey.status == .badRequest)
            #expect(try (unknownKey.json["problems"] as? [[String: Any]])?.first?["column"] as? String == "planet")
            #expect(try unknownKey.json["field"] as? String == "planet")
            // A script branches on `code` for every 400: a body's problems of one code give it.
            #expect(try unknownKey.json["code"] as? String == "import.json.unknownKey")
            // An option beside the list is no option: refused, naming it.
            let beside = try await client.post("/api/v1/movements", #"{"movements": [{"date": "2019-01-01", "crossing": "LBN-01", "category": "refugee", "origin": "LBN", "persons": 21}], "dry_run": true}"#)
            #expect(try beside.status == .badRequest && beside.json["field"] as? String == "dry_run", "\(beside.text)")
            let badKind = try await client.post("/api/v1/imports?records=planets", "a\n1", contentType: "text/csv")
            #expect(try badKind.status == .badRequest && badKind.json["field"] as? String == "records")
            let badMap = try await client.post("/api/v1/imports?map=nonsense", "a\n1", contentType: "text/csv")
            let unknownHeader = try await client.post("/api/v1/imports?map=Foo%3D%23date", "a\n1", contentType: "text/csv")
            #expect(try unknownHeader.status == .badRequest && unknownHeader.json["field"] as? String == "map", "\(unknownHeader.text)")
            let semicolons = try await client.post("/api/v1/imports", "#date;#adm1+dest+code;#affected+returnees+idps+num\n2019-01-01;SY01;5\n", contentType: "text/csv")
            #expect(try semicolons.json["field"] as? String == "delimiter", "\(semicolons.text)")
            // JSON takes set as a form's export does; a tag these records do not read is refused naming it.
            let jsonSet = try await client.post("/api/v1/imports?records=movements&set=%23planet=Mars", #"{"date": "2019-01-01"}"#)
            #expect(try jsonSet.status == .badRequest && jsonSet.json["field"] as? String == "set", "\(jsonSet.text)")
            #expect(try badMap.status == .badRequest && badMap.json["field"] as? String == "map")
            let untagged = try await client.post("/api/v1/imports", "Date,People\n2019-01-01,5\n", contentType: "text/csv")
            #expect(untagged.status == .badRequest)
            #expect(try (untagged.json["problems"] as? [[String: Any]])?.first?["reason"] as? String != nil)
        }
    }

    @Test(arguments: Backend.available)
    func anIdempotencyKeyAnswersTheSameRequestOnceAndRefusesAnother(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let body = #"{"date": "2019-07-01", "crossing": "LBN-01", "category": "refugee", "persons": 3, "organisation": "UNHCR"}"#
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "req-1"]
            let first = try await client.post("/api/v1/movements", body, headers: key)
            let again = try await client.post("/api/v1/movements", body, headers: key)
            #expect(first.status == .ok && again.status == .ok)
            #expect(again.text == first.text)
            #expect(try again.json["imported"] as? Int == 1)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await store.movementCount() == 1)
            let other = try await client.post("/api/v1/movements", body.replacingOccurrences(of: "3", with: "4"), headers: key)
            #expect(other.status == .unprocessableContent)
            #expect(try other.json["field"] as? String == "Idempotency-Key" && other.json["code"] as? String == "idempotency.otherRequest")
        }
    }

    /// Absent values are `null`, not missing keys: a participant who gave no briefing has `"text": null`, so that a script
    /// reading `text` finds the key.
    @Test(arguments: Backend.available)
    func aParticipantWithoutABriefingHasItsTextNull(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let added = try await client.post("/api/v1/sessions", #"{"date": "2020-06-01", "participants": [{"organisation": "UNHCR", "briefing": "x"}, {"organisation": "SARC"}]}"#)
            let briefings = try #require(try added.json["briefings"] as? [[String: Any]])
            #expect(briefings.count == 2 && briefings[0]["text"] as? String == "x" && briefings[1]["text"] is NSNull && briefings[1].keys.contains("text"))
            let listed = try #require(try await client.get("/api/v1/sessions").json["sessions"] as? [[String: Any]])
            #expect((listed.first?["briefings"] as? [[String: Any]])?.last?["text"] is NSNull)
        }
    }

    /// A client that retries while its first request still runs sends one key twice at once: the request is carried
    /// out once, and every other answer is the first's, replayed, or 409 saying it is still being answered.
    @Test(arguments: Backend.available)
    func requestsSentAtOnceWithOneKeyAreCarriedOutOnce(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let body = #"{"date": "2020-06-01", "participants": [{"organisation": "UNHCR", "briefing": "x"}]}"#
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "at-once"]
            let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { group in
                for _ in 0 ..< 4 {
                    group.addTask {
                        let answer = try await client.post("/api/v1/sessions", body, headers: key)
                        return (answer.status, answer.text)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let created = answers.filter { $0.0 == .created }
            #expect(!created.isEmpty && Set(created.map(\.1)).count == 1)
            #expect(answers.allSatisfy { $0.0 == .created || $0.0 == .conflict }, "\(answers)")
            #expect(try await store.sessions.sessions().count == 1)
            // Once answered, the key replays; a refused request keeps no answer, so the key may carry it again mended.
            let replayed = try await client.post("/api/v1/sessions", body, headers: key)
            #expect(replayed.status == .created && replayed.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await store.sessions.sessions().count == 1)
            // A key whose request was carried out is not carried out again.
            guard case .reserved(let claim) = try await store.idempotency.reserve("person:test-admin held", by: .test) else { Issue.record("not reserved"); return }
            try await IdempotencyClaim.$current.withValue(claim) {
                _ = try await store.sessions.addSession(CoordinationSession(date: Day("2020-06-03")!, briefings: [.init(organisation: "UNHCR")]),
                                                        today: TestStores.today, by: .test)
            }
            // Just written, it is being answered (a minute later, with no answer kept, its server had stopped: the store's test).
            let held = try await client.post("/api/v1/sessions", body, headers: [HTTPField.Name("Idempotency-Key")!: "held"])
            #expect(try held.status == .conflict && (held.json["detail"] as? String)?.contains("still being answered") == true)
            // A retry loop tells the four conflicts apart by their code, whatever the language of the words.
            #expect(try held.json["code"] as? String == "idempotency.inProgress")
            #expect(try await store.sessions.sessions().count == 2)

            let refusedKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "refused-first"]
            let refused = try await client.post("/api/v1/sessions", #"{"date": "2020-06-02", "participants": []}"#, headers: refusedKey)
            #expect(refused.status == .badRequest || refused.status == .unprocessableContent)
            #expect(try await client.post("/api/v1/sessions", #"{"date": "2020-06-02", "participants": [{"organisation": "UNHCR"}]}"#,
                                          headers: refusedKey).status == .created)
        }
    }

    @Test(arguments: Backend.available)
    func totalsTakeTheSameWindowsAsTheCommandLine(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: 10 people on each of the last 14 days up to the test's today (2020-06-30), and some in 2019
            let rows = (0 ..< 14).map { #"{"date": "\#(TestStores.today.adding(days: -$0))", "destination": "SY01", "idps": 10, "organisation": "SARC", "id": "d\#($0)"}"# }
                + [#"{"date": "2019-03-01", "destination": "SY02", "idps": 5, "organisation": "SARC", "id": "y"}"#]
            #expect(try await client.post("/api/v1/movements", "[" + rows.joined(separator: ",") + "]").status == .ok)
            // act and check: the last 7 days against the 7 before, a year, and the errors naming the parameter
            let week = try await client.get("/api/v1/totals?last=7")
            #expect(try week.decode(TotalsReport.self).total == 70)
            #expect(try week.json["change"] as? Int == 0)
            #expect(try (week.json["previous"] as? [String: Any])?["from"] as? String == "2020-06-17")
            #expect(try await client.get("/api/v1/totals?year=2019").decode(TotalsReport.self).total == 5)
            for (uri, field) in [("/api/v1/totals?year=2019&last=7", "year"), ("/api/v1/totals?last=0", "last"),
                                 ("/api/v1/totals?from=2019-01-01&last=7", "last"), ("/api/v1/totals?as_recorded_on=yesterday", "as_recorded_on"),
                                 // A moment still to come: the ledger cannot be read as it will stand.
                                 ("/api/v1/totals?as_recorded_on=2099-01-01", "as_recorded_on")] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(try response.json["field"] as? String == field, "\(uri)")
            }
        }
    }

    /// A filter the route does not take is refused, not ignored: `org` (the importer's word) on the totals, whose
    /// filter is `organisation`, would otherwise give the whole ledger as one organisation's figure.
    @Test(arguments: Backend.available)
    func aQueryParameterTheRouteDoesNotTakeIsRefusedNamingTheOnesItDoes(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: two organisations' returns
            let rows = [#"{"date": "2019-03-01", "destination": "SY01", "idps": 10, "organisation": "UNHCR"}"#,
                        #"{"date": "2019-03-01", "destination": "SY02", "idps": 5, "organisation": "SARC"}"#]
            #expect(try await client.post("/api/v1/movements", "[" + rows.joined(separator: ",") + "]").status == .ok)
            // act
            let misspelt = try await client.get("/api/v1/totals?org=UNHCR")
            let filtered = try await client.get("/api/v1/totals?organisation=UNHCR")
            let listed = try await client.get("/api/v1/movements?limit=1&bogus=1")
            let emptyName = try await client.get("/api/v1/totals?&organisation=UNHCR")
            // check
            #expect(misspelt.status == .badRequest)
            #expect(try misspelt.json["field"] as? String == "org")
            #expect(try (misspelt.json["detail"] as? String)?.contains("organisation") == true)
            #expect(try filtered.decode(TotalsReport.self).total == 10)
            #expect(try emptyName.decode(TotalsReport.self).total == 10, "an empty name asks for nothing")
            // One value given twice is not answered by one of the two; a list parameter (map, set) takes one per value.
            let twice = try await client.get("/api/v1/totals?by=adm1&by=crossing")
            #expect(try twice.status == .badRequest && twice.json["field"] as? String == "by")
            // The refusals the server words itself are in the language asked for, as an import's problems are.
            let russian = try await client.execute(uri: "/api/v1/totals?org=UNHCR", method: .get, headers: [.acceptLanguage: "ru"])
            #expect(try (russian.json["detail"] as? String)?.hasPrefix("у этого маршрута нет такого параметра; он принимает:") == true)
            let arabic = try await client.execute(uri: "/api/v1/movements", method: .post, headers: [.acceptLanguage: "ar", .contentType: "text/plain"],
                                                  body: ByteBuffer(string: "{}"))
            #expect(try arabic.status == .unsupportedMediaType && arabic.json["detail"] as? String == "أرسل نص الطلب بصيغة application/json، لا text/plain")
            let mapped = try await client.post("/api/v1/imports?set=%23date%3D2019-01&set=%23org%3DOCHA&map=People%3D%23affected%2Breturnees%2Bidps%2Bnum"
                                               + "&map=Place%3D%23adm1%2Bdest%2Bcode&dry_run=true", "Place,People\nSY01,4\n", contentType: "text/csv")
            #expect(mapped.status == .ok, "\(mapped.text)")
            // A crossing code that names no crossing point is said so, not answered with 0.
            for (uri, field) in [("/api/v1/totals?crossing=NOPE", "crossing"), ("/api/v1/public/totals?crossing=NOPE", "crossing")] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(try response.json["field"] as? String == field, "\(uri)")
            }
            #expect(try await client.get("/api/v1/totals?crossing=LBN-01").decode(TotalsReport.self).total == 0, "a known crossing without returns")
            #expect(listed.status == .badRequest)
            #expect(try listed.json["field"] as? String == "bogus")
            // Pages are not held to it: a browser adds what it likes.
            #expect(try await client.get("/?lang=en&utm_source=mail").status == .ok)
        }
    }

    /// The open totals answer any window, so each count they show is rounded (to 5 unless the server is told
    /// otherwise): a day's window against the next no longer gives the day's returns by subtraction.
    @Test(arguments: Backend.available)
    func theOpenTotalsRoundEachCountSoThatNeighbouringWindowsGiveNoneAway(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: 1,201 returns up to the 1st of March, 1 more on the 2nd
            _ = try await store.importCSV("#date,#org,#adm1+dest+code,#affected+returnees+idps+num\n2019-03-01,UNHCR,SY01,1201\n2019-03-02,UNHCR,SY01,1\n")
            // act
            let toFirst = try await client.get("/api/v1/public/totals?to=2019-03-01")
            let toSecond = try await client.get("/api/v1/public/totals?to=2019-03-02")
            // check: both read 1,200; the one is neither shown nor recoverable
            #expect(toFirst.status == .ok, "\(toFirst.text)")
            #expect(try toFirst.json["total"] as? Int == 1_200 && toFirst.json["rounded_to"] as? Int == 5)
            #expect(try toSecond.json["total"] as? Int == 1_200 && toSecond.json["idps"] as? Int == 1_200)
            #expect(try await client.get("/api/v1/public/totals?from=2019-03-02").json["total"] as? String == "<5")
            // Open figures of the ledger as it once stood say so, as the partners' do.
            let then = try await client.get("/api/v1/public/totals?as_recorded_on=2000-01-01")
            #expect(try then.json["total"] as? Int == 0 && then.json["as_recorded_on"] as? String == "2000-01-01T23:59:59Z")
            #expect(try toFirst.json["as_recorded_on"] == nil)
        }
    }

    /// Every route the server answers has its query parameters from the OpenAPI document it serves, shared ones
    /// (`$ref`) and a path's own among them.
    @Test func everyRoutesParametersAreReadFromTheContract() throws {
        let documented = try DocumentedParameters.bundled()
        for route in APIRoute.allCases {
            #expect(documented.of(route) != nil, "\(route)")
        }
        #expect(documented.of(.totals)?.isSuperset(of: ["from", "to", "by", "organisation", "last", "year"]) == true)
        let small = try DocumentedParameters(yaml: """
            paths:
              /things/{id}:
                parameters: [{ $ref: '#/components/parameters/Lang' }, { name: id, in: path }]
                get:
                  parameters: [{ name: limit, in: query }]
            components:
              parameters:
                Lang: { name: lang, in: query }
            """)
        #expect(small.byOperation == ["GET /things/{id}": ["lang", "limit"]])
        #expect(throws: Problem.self) { try DocumentedParameters(yaml: "openapi: 3.1.0") }
    }

    @Test(arguments: Backend.available)
    func aCorrectedMovementShowsItsHistoryAndTheTotalsBeforeIt(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            #expect(try await client.post("/api/v1/movements", #"{"date": "2019-07-06", "destination": "SY01", "idps": 7, "organisation": "SARC", "id": "h1"}"#).status == .ok)
            let moment = Database.timestamp(Date())
            try await Task.sleep(for: .milliseconds(1_100))
            #expect(try await client.post("/api/v1/movements", #"{"date": "2019-07-06", "destination": "SY01", "idps": 9, "organisation": "SARC", "id": "h1"}"#).status == .ok)
            let id = try #require(try await store.ledger.movementPage().movements.first?.id)
            // act
            let history = try await client.get("/api/v1/movements/\(id)/history")
            // check
            #expect(history.status == .ok)
            let versions = try #require(try history.json["versions"] as? [[String: Any]])
            #expect(versions.compactMap { ($0["movement"] as? [String: Any])?["persons"] as? Int } == [7, 9])
            #expect(versions.map { $0["superseded_at"] is NSNull } == [false, true])
            #expect(versions.allSatisfy { ($0["recorded_by"] as? String)?.hasSuffix(":test-admin") == true })
            #expect(try await client.get("/api/v1/totals").decode(TotalsReport.self).total == 9)
            let before = try await client.get("/api/v1/totals?as_recorded_on=\(moment)")
            #expect(try before.decode(TotalsReport.self).total == 7)
            #expect(try await client.get("/api/v1/movements/\(id + 99)/history").status == .notFound)
            #expect(try await client.get("/api/v1/movements/x/history").status == .badRequest)
        }
    }
}

/// A page of `GET /api/v1/movements`, as a client reads it.
struct MovementPage: Decodable {
    var movements: [RecordedMovement]
    var next_cursor: String?
}

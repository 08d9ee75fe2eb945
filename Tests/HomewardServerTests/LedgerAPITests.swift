import Foundation
import HomewardCore
import HomewardStore
import HTTPTypes
import HomewardTestSupport
import HummingbirdTesting
import Testing

@Suite struct LedgerAPITests {
    @Test(arguments: Backend.available)
    func anImportThroughTheAPIGivesTheSameTotalsAsTheStore(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            // act
            let imported = try await client.post("/api/v1/imports?\(ochaMapping)", try fixture(ochaSample), contentType: "text/csv")
            // check
            #expect(imported.status == .ok)
            #expect(imported.json["status"] as? String == "SUCCESS")
            #expect(imported.json["imported"] as? Int == 278)
            let totals = try await client.get("/api/v1/totals?by=adm1&from=2019-01-01&to=2019-01-31")
            #expect(totals.status == .ok)
            #expect(totals.json["total"] as? Int == 103_396)
            let direct = try await store.ledger.totals(TotalsQuery(window: DateWindow(from: Day("2019-01-01"), to: Day("2019-01-31")), grouping: .adm1))
            let groups = totals.json["groups"] as? [[String: Any]] ?? []
            #expect(groups.map { $0["key"] as? String } == direct.groups.map(\.key))
            #expect(groups.map { $0["persons"] as? Int } == direct.groups.map(\.persons))
            #expect(Set(totals.json.keys) == ["from", "to", "total", "refugees", "idps", "partial", "groups"])
        }
    }

    @Test(arguments: Backend.available)
    func movementsArePostedAsABatchAndListedPageByPage(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let batch = (1...5).map { #"{"date": "2019-07-0\#($0)", "crossing": "LBN-01", "category": "refugee", "origin": "LBN", "persons": \#($0 * 10), "organisation": "UNHCR", "id": "m\#($0)"}"# }
            let posted = try await client.post("/api/v1/movements", "[" + batch.joined(separator: ",") + "]")
            #expect(posted.status == .ok)
            #expect(posted.json["imported"] as? Int == 5)
            let one = try await client.post("/api/v1/movements", #"{"date": "2019-07-06", "destination": "SY01", "idps": 7, "organisation": "SARC"}"#)
            #expect(one.json["imported"] as? Int == 1)

            let first = try await client.get("/api/v1/movements?limit=4")
            let page = first.json["movements"] as? [[String: Any]] ?? []
            #expect(page.count == 4)
            #expect(page.first?["crossing"] as? String == "LBN-01" && page.first?["persons"] as? Int == 10)
            let cursor = try #require(first.json["next_cursor"] as? String)
            let second = try await client.get("/api/v1/movements?limit=4&cursor=\(cursor)")
            #expect((second.json["movements"] as? [[String: Any]])?.count == 2)
            #expect(second.json["next_cursor"] is NSNull)
            let filtered = try await client.get("/api/v1/movements?crossing=LBN-01&from=2019-07-02&to=2019-07-03")
            #expect((filtered.json["movements"] as? [[String: Any]])?.map { $0["external_id"] as? String } == ["m2", "m3"])
        }
    }

    @Test(arguments: Backend.available)
    func aRejectedMovementWritesNothingAndAnswers422WithTheSummary(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let body = #"[{"date": "2019-07-01", "crossing": "LBN-01", "category": "refugee", "persons": 3, "organisation": "UNHCR"}, {"date": "2019-07-02", "crossing": "LBN-01", "category": "refugee", "persons": -1, "organisation": "UNHCR"}]"#
            let refused = try await client.post("/api/v1/movements", body)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.json["status"] as? String == "ERROR")
            let problem = (refused.json["problems"] as? [[String: Any]])?.first
            #expect(problem?["row"] as? Int == 2 && problem?["column"] as? String == "persons" && problem?["value"] as? String == "-1")
            #expect(try await store.movementCount() == 0)
            let skipped = try await client.post("/api/v1/movements?skip_invalid=true", body)
            #expect(skipped.status == .ok && skipped.json["imported"] as? Int == 1 && skipped.json["rejected"] as? Int == 1)
            let dry = try await client.post("/api/v1/movements?dry_run=true", #"{"date": "2019-07-03", "crossing": "LBN-01", "category": "refugee", "persons": 4, "organisation": "UNHCR"}"#)
            #expect(dry.json["dry_run"] as? Bool == true && dry.json["imported"] as? Int == 1)
            #expect(try await store.movementCount() == 1)
        }
    }

    @Test(arguments: Backend.available)
    func badInputGetsProblemDetailsNamingTheField(_ backend: Backend) async throws {
        try await withApp(backend, maxBodyBytes: 2_000) { _, client in
            for (uri, field) in [("/api/v1/totals?from=2019-13-01", "from"), ("/api/v1/totals?by=planet", "by"), ("/api/v1/totals?top=0", "top"),
                                 ("/api/v1/totals?from=2019-02-01&to=2019-01-01", "to"), ("/api/v1/movements?limit=5000", "limit"),
                                 ("/api/v1/movements?cursor=abc", "cursor"), ("/api/v1/areas?level=9", "level")] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.json["field"] as? String == field, "\(uri)")
                #expect(response.json["status"] as? Int == 400)
            }
            let notFound = try await client.get("/api/v1/nothing")
            #expect(notFound.status == .notFound && notFound.headers[.contentType] == "application/problem+json")
            let wrongMethod = try await client.execute(uri: "/api/v1/totals", method: .delete)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "GET")
            let wrongType = try await client.post("/api/v1/movements", "date,persons", contentType: "text/csv")
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(wrongType.json["field"] as? String == "Content-Type")
            let tooLarge = try await client.post("/api/v1/imports", String(repeating: "x", count: 5_000), contentType: "text/csv")
            #expect(tooLarge.status == .contentTooLarge)
            let notJSON = try await client.post("/api/v1/movements", "{not json")
            #expect(notJSON.status == .badRequest && notJSON.headers[.contentType] == "application/problem+json")
            let unknownKey = try await client.post("/api/v1/movements", #"{"date": "2019-01-01", "planet": "Mars"}"#)
            #expect(unknownKey.status == .badRequest)
            #expect((unknownKey.json["problems"] as? [[String: Any]])?.first?["column"] as? String == "planet")
            let badMap = try await client.post("/api/v1/imports?map=nonsense", "a\n1", contentType: "text/csv")
            #expect(badMap.status == .badRequest && badMap.json["field"] as? String == "map")
            let untagged = try await client.post("/api/v1/imports", "Date,People\n2019-01-01,5\n", contentType: "text/csv")
            #expect(untagged.status == .badRequest)
            #expect((untagged.json["problems"] as? [[String: Any]])?.first?["reason"] as? String != nil)
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
            #expect(again.json["imported"] as? Int == 1)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await store.movementCount() == 1)
            let other = try await client.post("/api/v1/movements", body.replacingOccurrences(of: "3", with: "4"), headers: key)
            #expect(other.status == .unprocessableContent)
            #expect(other.json["field"] as? String == "Idempotency-Key")
        }
    }
}

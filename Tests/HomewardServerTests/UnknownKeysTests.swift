import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A misspelt key in a request's JSON is refused by name, never dropped: the record would be written without what
/// the partner meant (a deadline, a capacity, a statement made public), and their script would not know.
@Suite struct UnknownKeysTests {
    @Test(arguments: Backend.available)
    func aKeyTheRouteDoesNotKnowIsRefusedByName(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            // setup: a camp with a census and an operation, and a statement, for the routes that change them
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006", operatorName: "UNHCR"), by: .test)
            _ = try await store.importRecords(.censuses, ImportRequest(sourceName: "c", today: TestStores.today),
                                              from: .bytes(Array("#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,1000,UNHCR\n2020-06-02,HOL,1000,UNHCR\n".utf8)), by: .test)
            _ = try await store.camps.addOperation(EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 1000,
                                                                       start: Day("2020-06-02")!, perCycle: 100, cycleDays: 5),
                                                   today: TestStores.today, by: .test)
            _ = try await store.publishBulletin(date: TestStores.today, since: nil, today: TestStores.today, by: .test)
            // Each route's body with one key misspelt, the key as the problem names it, and the key meant.
            let cases: [(method: HTTPRequest.Method, uri: String, body: String, wrong: String, right: String)] = [
                (.post, "/api/v1/crossings", #"{"code": "X-1", "name_en": "Crossing", "contry": "LBN"}"#, "contry", "country"),
                (.post, "/api/v1/sites", #"{"code": "S-1", "name": "Site", "kind": "camp", "admin": "SY08", "capacty": 5000}"#, "capacty", "capacity"),
                (.post, "/api/v1/evacuations", #"{"site": "HOL", "baseline_date": "2020-06-02", "baseline_residents": 1000, "start": "2020-06-03", "per_cycle": 200, "cycle_days": 5, "deadlne": "2020-07-31"}"#,
                 "deadlne", "deadline"),
                (.patch, "/api/v1/evacuations/1", #"{"status": "under-way", "dat": "2020-06-03"}"#, "dat", "date"),
                (.post, "/api/v1/facility-kinds", #"{"code": "k-1", "unit": "items", "name": "Kind", "name_arr": "نوع"}"#, "name_arr", "name_ar"),
                (.post, "/api/v1/aid-types", #"{"code": "t-1", "name": "Type", "nmae_ru": "Тип"}"#, "nmae_ru", "name_ru"),
                (.post, "/api/v1/sessions", #"{"date": "2020-06-25", "participants": [{"organisation": "UNHCR", "briefng": "Returns went on."}]}"#,
                 "participants[0].briefng", "briefing"),
                (.post, "/api/v1/bulletins", #"{"date": "2020-06-25", "publc": true}"#, "publc", "public"),
                (.patch, "/api/v1/bulletins/1", #"{"pubilc": true}"#, "pubilc", "public"),
            ]
            for (method, uri, body, wrong, right) in cases {
                let label = "\(method) \(uri)"
                let before = try await AccessMatrixTests.fingerprint(store)
                // act
                let refused = try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
                let unchanged = try await AccessMatrixTests.fingerprint(store) == before
                let misspelt = String(wrong.split(separator: ".").last!)
                let meant = try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"],
                                                     body: ByteBuffer(string: body.replacingOccurrences(of: "\"\(misspelt)\"", with: "\"\(right)\"")))
                // check: refused naming the key and the keys there are, nothing written; the key meant is taken
                #expect(refused.status == .badRequest, "\(label): \(refused.status) \(refused.text)")
                let problem = try refused.json
                #expect(problem["field"] as? String == wrong, "\(label): \(problem)")
                #expect((problem["detail"] as? String)?.contains("unknown key; the keys are") == true
                        && (problem["detail"] as? String)?.contains(right) == true, "\(label): \(problem)")
                #expect(unchanged, "\(label) wrote something")
                #expect((200..<300).contains(meant.status.code), "\(label) with \(right): \(meant.status) \(meant.text)")
            }
            // A body the decoder cannot read at all is said why, where Foundation says only "not valid JSON".
            for (body, field, reason) in [("", "body", "the body is empty"), ("{\"code\": ", "body", "not JSON"),
                                          (#"{"code": "S-2", "name": "Site", "kind": "camp", "admin": "SY08", "capacity": 100000000000000000000}"#,
                                           "capacity", "too large"),
                                          (#"{"code": "S-2", "name": "Site", "kind": "camp", "admin": "SY08", "capacity": 1.5}"#, "capacity", "a whole number")] {
                let refused = try await client.execute(uri: "/api/v1/sites", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
                let problem = try refused.json
                #expect(refused.status == .badRequest && problem["field"] as? String == field, "\(body): \(refused.text)")
                #expect((problem["detail"] as? String)?.contains(reason) == true, "\(body): \(refused.text)")
            }
            // A key given twice is refused by name (the decoder would keep one of the two), as is a census record's sent to a site's route.
            for (uri, body, field) in [("/api/v1/sites", #"{"code": "S-3", "name": "Site", "kind": "camp", "admin": "SY08", "capacity": 5, "capacity": 5000}"#, "capacity"),
                                       ("/api/v1/sessions", #"{"date": "2020-06-26", "participants": [{"organisation": "UNHCR", "briefing": "a", "briefing": "b"}]}"#, "briefing"),
                                       ("/api/v1/sites/HOL/censuses", #"[{"date": "2020-06-10", "residents": 900, "residents": 950, "organisation": "UNHCR"}]"#, "residents")] {
                let before = try await AccessMatrixTests.fingerprint(store)
                let refused = try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
                let problem = try refused.json
                #expect(refused.status == .badRequest && problem["field"] as? String == field, "\(uri): \(refused.text)")
                #expect((problem["detail"] as? String)?.contains("given twice") == true, "\(uri): \(refused.text)")
                #expect(try await AccessMatrixTests.fingerprint(store) == before, "\(uri) wrote something")
            }
            let wide = try await client.execute(uri: "/api/v1/sites", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(data: #"{"code": "S-4", "name": "Т", "kind": "camp", "admin": "SY08", "capacity": 5, "capacity": 5000}"#.data(using: .utf16LittleEndian)!))
            let wideProblem = try wide.json
            #expect(wide.status == .badRequest && wideProblem["field"] as? String == "body", "\(wide.text)")
            // What the corrected keys carried was kept.
            #expect(try await store.camps.site("S-1")?.capacity == 5000)
            #expect(try await store.camps.operations().contains { $0.deadline == Day("2020-07-31") })
        }
    }
}

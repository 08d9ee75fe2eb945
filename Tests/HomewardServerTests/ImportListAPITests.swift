import Foundation
import HomewardCore
@testable import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A partner's script checks that what it sent landed: the imports the ledger keeps, its own, paged.
@Suite struct ImportListAPITests {
    @Test(arguments: Backend.available)
    func importsAreListedToWhoSentThemAndAllToCoordinators(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            // setup: an admin's JSON post, an editor's CSV file, a dry run and a refused file (neither kept)
            let movement = #"{"date": "2020-06-01", "crossing": "LBN-01", "category": "refugee", "origin": "LBN", "persons": 21, "organisation": "UNHCR"}"#
            #expect(try await client.post("/api/v1/movements", movement).status == .ok)
            let editor = try await TestAccounts.token(store, role: .editor)
            let asEditor: HTTPFields = [.authorization: "Bearer \(editor)"]
            let file = "#date,#loc+crossing+code,#country+origin+code,#affected+returnees+refugees+num,#org\n2020-06-02,LBN-01,LBN,30,UNHCR\n2020-06-03,LBN-01,LBN,40,UNHCR\n"
            #expect(try await client.post("/api/v1/imports", file, contentType: "text/csv", headers: asEditor).status == .ok)
            #expect(try await client.post("/api/v1/imports?dry_run=true", file, contentType: "text/csv", headers: asEditor).status == .ok)
            #expect(try await client.post("/api/v1/imports", file.replacingOccurrences(of: ",UNHCR\n", with: ",WFP\n"), contentType: "text/csv",
                                          headers: asEditor).status == .forbidden)
            // act and check: the admin reads both kept imports, oldest first, with who sent them and what became of their rows
            let all = try await client.get("/api/v1/imports")
            let imports = try #require(try all.json["imports"] as? [[String: Any]], "\(all.text)")
            #expect(imports.map { "\($0["source_name"] ?? "") \($0["rows"] ?? "") \($0["imported"] ?? "") \($0["status"] ?? "")" }
                    == ["POST /movements 1 1 SUCCESS", "POST /imports 2 2 SUCCESS"], "\(all.text)")
            #expect((imports.last?["started_by"] as? String)?.hasSuffix(":test-editor") == true && imports.last?["committed_at"] is String)
            #expect(try all.json["next"] is NSNull)
            // The editor reads its own only.
            let own = try await client.execute(uri: "/api/v1/imports", method: .get, headers: asEditor)
            #expect((try own.json["imports"] as? [[String: Any]])?.map { $0["source_name"] as? String } == ["POST /imports"], "\(own.text)")
            // A viewer sent none, and reads none; a coordinator reads them all.
            let viewer = try await TestAccounts.token(store, role: .viewer)
            let none = try await client.execute(uri: "/api/v1/imports", method: .get, headers: [.authorization: "Bearer \(viewer)"])
            #expect(try none.status == .ok && (none.json["imports"] as? [[String: Any]])?.isEmpty == true, "\(none.text)")
            let coordinator = try await TestAccounts.token(store, role: .coordinator)
            let every = try await client.execute(uri: "/api/v1/imports", method: .get, headers: [.authorization: "Bearer \(coordinator)"])
            #expect((try every.json["imports"] as? [[String: Any]])?.count == 2)
            // Paged: a full page names the next; after it, the rest.
            let first = try await client.get("/api/v1/imports?limit=1")
            let cursor = try #require(try first.json["next"] as? Int)
            let rest = try await client.get("/api/v1/imports?after=\(cursor)")
            #expect((try rest.json["imports"] as? [[String: Any]])?.map { $0["source_name"] as? String } == ["POST /imports"])
            // In the order imports committed: one that began first and committed last (a long file on PostgreSQL beside a
            // quick post) comes last, and a script that polls after the quick one's position still finds it.
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                try await write.sql.raw("UPDATE imports SET commit_number = CASE commit_number WHEN 1 THEN 2 ELSE 1 END").run()
            }
            let swapped = try #require(try await client.get("/api/v1/imports").json["imports"] as? [[String: Any]])
            #expect(swapped.map { $0["source_name"] as? String } == ["POST /imports", "POST /movements"] && swapped.map { $0["position"] as? Int } == [1, 2])
            let since = try #require(try await client.get("/api/v1/imports?after=1").json["imports"] as? [[String: Any]])
            #expect(since.map { $0["source_name"] as? String } == ["POST /movements"])
            // Imports kept before commits were numbered came first, numbered -n to -1 by id.
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                try await write.sql.raw("UPDATE imports SET commit_number = NULL").run()
            }
            let legacy = try #require(try await client.get("/api/v1/imports").json["imports"] as? [[String: Any]])
            #expect(legacy.map { $0["position"] as? Int } == [-2, -1] && legacy.map { $0["source_name"] as? String } == ["POST /movements", "POST /imports"])
            #expect((try await client.get("/api/v1/imports?after=-2").json["imports"] as? [[String: Any]])?.count == 1)
            // JSON posted to the imports' route is named by that route, with its kind.
            let posted = try await client.post("/api/v1/imports?records=aid", #"[{"date": "2020-06-02", "locality": "C2269", "type": "humanitarian", "tonnes": 2, "organisation": "UNHCR"}]"#)
            #expect(posted.status == .ok, "\(posted.text)")
            let aid = try await client.get("/api/v1/imports?records=aid").json["imports"] as? [[String: Any]]
            #expect(aid?.map { $0["source_name"] as? String } == ["POST /imports?records=aid"], "\(String(describing: aid))")
            // Of one kind only; a kind Homeward does not know is refused naming it.
            #expect((try await client.get("/api/v1/imports?records=censuses").json["imports"] as? [[String: Any]])?.isEmpty == true)
            let unknown = try await client.get("/api/v1/imports?records=planets")
            #expect(try unknown.status == .badRequest && unknown.json["field"] as? String == "records")
        }
    }
}

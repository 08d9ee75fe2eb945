import Foundation
import HomewardTestSupport
import HummingbirdTesting
import Testing

/// `GET /api/v1/audit`: a log of years is read page by page, and a reader asks only for what is new.
@Suite struct AuditAPITests {
    @Test(arguments: Backend.available)
    func theAuditIsReadPageByPageWithoutGapsOrRepeats(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: sessions of three days, each one audited entry at least
            for day in ["2020-06-01", "2020-06-02", "2020-06-03"] {
                let added = try await client.post("/api/v1/sessions", #"{"date": "\#(day)", "participants": [{"organisation": "UNHCR"}]}"#)
                #expect(added.status == .created)
            }
            let whole = try #require(try await client.get("/api/v1/audit").json["entries"] as? [[String: Any]])
            let ids = whole.compactMap { $0["id"] as? Int }
            #expect(ids.count >= 4 && ids == ids.sorted())
            // act: two at a time, each page from the last one's `next`
            var paged: [Int] = []
            var after: Int?
            for _ in 0 ..< ids.count {
                let page = try await client.get("/api/v1/audit?limit=2" + (after.map { "&after=\($0)" } ?? ""))
                let entries = try #require(try page.json["entries"] as? [[String: Any]])
                paged += entries.compactMap { $0["id"] as? Int }
                after = try page.json["next"] as? Int
                if after == nil { break }
                #expect(entries.count == 2 && after == paged.last)
            }
            // check
            #expect(paged == ids)
            let since = try await client.get("/api/v1/audit?after=\(ids[ids.count - 2])")
            #expect(try (since.json["entries"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [ids.last!])
            #expect(try since.json.keys.contains("next") && since.json["next"] is NSNull)
            #expect(try await client.get("/api/v1/audit?after=-1").status == .badRequest)
        }
    }
}

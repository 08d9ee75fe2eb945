import Foundation
import HomewardServer
import HomewardTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing
import Yams

@Suite struct SystemAPITests {
    @Test func aMinimumPublicCountBelowTwoIsRefusedNamingTheSetting() throws {
        for count in [1, 0, -3] {
            let refusal = #expect(throws: ServerConfiguration.InvalidSetting.self) { try ServerConfiguration(minPublicCount: count) }
            #expect(refusal?.description == "minPublicCount \(count): counts from 1 to this minus one are hidden from the public, so it takes 2 or more")
        }
        // A threshold of 2 takes a rounding of 4 unless told otherwise, so that a count of 2 is not shown as 0.
        #expect(try ServerConfiguration(minPublicCount: 2).publicRounding == 4 && ServerConfiguration().publicRounding == 5)
    }

    /// Rounding beyond twice the smallest count shown would publish that count as 0, which reads as "none".
    @Test func aPublicRoundingThatWouldShowACountAsZeroIsRefused() throws {
        for (rounding, threshold) in [(0, 5), (11, 5), (5, 2)] {
            let refusal = #expect(throws: ServerConfiguration.InvalidSetting.self) {
                try ServerConfiguration(minPublicCount: threshold, publicRounding: rounding)
            }
            #expect(refusal?.description.hasPrefix("publicRounding \(rounding): counts are rounded to a multiple of this") == true)
        }
        #expect(try ServerConfiguration(minPublicCount: 5, publicRounding: 10).publicRounding == 10)
    }

    @Test(arguments: Backend.available)
    func healthMetricsAndTheContractAreServed(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let health = try await client.get("/healthz")
            #expect(try health.status == .ok && health.json["status"] as? String == "ok" && health.json["database"] as? String == backend.rawValue)
            _ = try await client.post("/api/v1/imports?\(ochaMapping)", try fixture(ochaSample), contentType: "text/csv")
            _ = try await client.get("/api/v1/totals")
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains(#"homeward_http_requests_total{method="GET",route="/api/v1/totals",status="200"} 1"#))
            #expect(metrics.text.contains("homeward_http_request_duration_seconds_bucket"))
            #expect(metrics.text.contains("homeward_movements_stored 278"))
            #expect(metrics.text.contains(#"homeward_import_rows_total{outcome="imported"} 278"#))
            let document = try await client.get("/openapi.yaml")
            #expect(document.status == .ok && document.text.hasPrefix("openapi: 3.1"))
        }
    }

    /// A database file removed while the server runs (an operator's slip, a restore over it) is said, not served from the
    /// removed file nor made again empty in its place: the health check answers 503 with why, and so does a write.
    @Test func aDatabaseFileRemovedWhileServingIsSaidAndNoEmptyOneIsMade() async throws {
        try await withApp(.sqlite) { store, client in
            guard case .sqlite(let path) = store.database.location else { Issue.record("not SQLite"); return }
            #expect(try await client.get("/healthz").status == .ok)
            let tag = try await client.get("/api/v1/totals").headers[.eTag]
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            // Not a 304 of what is no longer served.
            let cached = try await client.execute(uri: "/api/v1/totals", method: .get, headers: [.ifNoneMatch: tag ?? "*"])
            #expect(cached.status == .serviceUnavailable)
            let health = try await client.get("/healthz")
            #expect(health.status == .serviceUnavailable)
            // A monitor's reason; with a token, the token's check answers first, as a problem saying the same.
            let reason = try health.json["reason"] as? String ?? health.json["detail"] as? String
            #expect(reason?.contains("removed or replaced while the server ran") == true, "\(health.text)")
            let write = try await client.post("/api/v1/imports?\(ochaMapping)", try fixture(ochaSample), contentType: "text/csv")
            let code = try write.json["code"] as? String
            #expect(write.status == .serviceUnavailable && code == "problem.database.replaced")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// Monitors and `curl -I` ask with HEAD: they get the GET's status and headers (its tag too), no body, and the same checks.
    @Test(arguments: Backend.available)
    func aHeadIsAnsweredAsItsGetWithoutTheBody(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            _ = try await client.post("/api/v1/imports?\(ochaMapping)", try fixture(ochaSample), contentType: "text/csv")
            let health = try await client.execute(uri: "/healthz", method: .head)
            #expect(health.status == .ok && health.body.readableBytes == 0)
            let get = try await client.get("/api/v1/totals?by=adm1")
            let head = try await client.execute(uri: "/api/v1/totals?by=adm1", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            #expect(head.headers[.eTag] != nil && head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == get.headers[.contentType])
            var ask = HTTPFields()
            ask[.ifNoneMatch] = try #require(get.headers[.eTag])
            #expect(try await client.execute(uri: "/api/v1/totals?by=adm1", method: .head, headers: ask).status == .notModified)
            // The GET's checks hold: a parameter the route does not take, no credentials, a path without GET.
            #expect(try await client.execute(uri: "/api/v1/totals?org=UNHCR", method: .head).status == .badRequest)
            var anonymous = HTTPFields()
            anonymous[.authorization] = "Bearer nope"
            #expect(try await client.execute(uri: "/api/v1/totals", method: .head, headers: anonymous).status == .unauthorized)
            let postOnly = try await client.execute(uri: "/signout", method: .head)
            #expect(postOnly.status == .methodNotAllowed && postOnly.headers[.allow] == "POST")
        }
    }

    @Test(arguments: Backend.available)
    func theOverviewPageShowsTheHeadlineFigures(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            _ = try await store.importCSV("""
                #date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num
                2020-06-29,LBN-01,LBN,SY03,1200
                2020-06-20,JOR-01,JOR,SY12,300
                """)
            let page = try await client.get("/")
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8")
            let html = page.text
            #expect(html.contains("1,500"))
            #expect(html.contains("Jdeidet Yabous"))
            #expect(html.contains("Rural Damascus"))
            #expect(html.contains("Latest data: <bdi>29 June 2020</bdi>"))
            #expect(html.contains(#"<bdi>+900</bdi> against the <bdi dir="ltr">7</bdi> days before"#))
            #expect(html.contains(#"name="viewport""#))
            #expect(!html.contains("<script"))
        }
    }

    /// Every route the server answers is in the OpenAPI document, and every operation there is answered.
    @Test func theServerAndItsOpenAPIDocumentAgree() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/HomewardServer/openapi.yaml")
        let document = try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in ((item as? [String: Any]) ?? [:]).keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let served = Set(APIRoute.allCases.map { "\($0.method.rawValue) \($0.path)" })
        #expect(served == documented)
    }
}

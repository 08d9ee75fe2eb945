import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import HTTPTypes
import HomewardTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// ETags, 304 and the totals cache never hide a committed write, in this process or another.
@Suite struct FreshnessTests {
    static let totals = "/api/v1/totals?by=adm1&from=2019-07-01&to=2019-07-31"

    static func movement(_ id: String, persons: Int) -> String {
        #"[{"date": "2019-07-01", "crossing": "LBN-01", "category": "refugee", "origin": "LBN", "persons": \#(persons), "organisation": "UNHCR", "id": "\#(id)"}]"#
    }

    @Test(arguments: Backend.available)
    func aTaggedAnswerIsNotModifiedUntilAWriteCommits(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup
            #expect(try await client.post("/api/v1/movements", Self.movement("a", persons: 10)).status == .ok)
            let first = try await client.get(Self.totals)
            let tag = try #require(first.headers[.eTag])
            #expect(try first.decode(TotalsReport.self).total == 10)
            // act
            let again = try await client.execute(uri: Self.totals, method: .get, headers: [.ifNoneMatch: tag])
            // check
            #expect(again.status == .notModified)
            #expect(again.headers[.eTag] == tag)

            // act: a write, then the very next read with the old tag
            #expect(try await client.post("/api/v1/movements", Self.movement("b", persons: 5)).status == .ok)
            let after = try await client.execute(uri: Self.totals, method: .get, headers: [.ifNoneMatch: tag])
            // check
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != tag)
            #expect(try after.decode(TotalsReport.self).total == 15)
            // The same query again comes from the cache, with the same figures.
            #expect(try await client.get(Self.totals).decode(TotalsReport.self).total == 15)
        }
    }

    /// On a shared laptop the browser's Back, after signing out, must not show an internal page again from its cache.
    @Test(arguments: Backend.available)
    func aPageReadBySomeoneSignedInIsNotKeptWhileTheAPIsFiguresAreTagged(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            for page in ["/camps", "/people", "/?lang=ar"] {
                let read = try await client.get(page)
                #expect(read.status == .ok && read.headers[.cacheControl] == "no-store" && read.headers[.eTag] == nil, "\(page): \(read.headers)")
            }
            let figures = try await client.get(Self.totals)
            #expect(figures.headers[.cacheControl] == "private, no-cache" && figures.headers[.eTag] != nil)
        }
    }

    @Test(arguments: Backend.available)
    func aTagDependsOnTheLanguageAsked(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let english = try #require(try await client.get("/api/v1/crossings").headers[.eTag])
            let russian = try await client.execute(uri: "/api/v1/crossings", method: .get, headers: [.acceptLanguage: "ru", .ifNoneMatch: english])
            #expect(russian.status == .ok)
            #expect(try await client.get("/healthz").headers[.eTag] == nil)
        }
    }

    /// A tag confirms only the answer it came with: another route's tag, or `*` before the route has answered, would give 304
    /// for what the reader may not read or what does not exist.
    @Test(arguments: Backend.available)
    func aTagIsOfOneResourceAndAnyMatchesOnlyWhatExists(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let totalsTag = try #require(try await client.get(Self.totals).headers[.eTag])
            let crossings = try await client.execute(uri: "/api/v1/crossings", method: .get, headers: [.ifNoneMatch: totalsTag])
            #expect(crossings.status == .ok && crossings.headers[.eTag] != totalsTag)
            let missing = try await client.execute(uri: "/api/v1/bulletins/999", method: .get, headers: [.ifNoneMatch: "*"])
            #expect(missing.status == .notFound)
            let unknown = try await client.execute(uri: "/api/v1/sites/NOPE", method: .get, headers: [.ifNoneMatch: totalsTag])
            #expect(unknown.status == .notFound)
            let any = try await client.execute(uri: Self.totals, method: .get, headers: [.ifNoneMatch: "*"])
            #expect(any.status == .notModified && any.headers[.eTag] != nil)
        }
    }

    /// A viewer cannot make up the tag of an answer it was never given: its own totals' tag tells the version, day and
    /// language, and a tag for the audit worked out from them is no match (the key is the database's own); nor is `*`.
    @Test(arguments: Backend.available)
    func aReaderCannotMakeUpATagForWhatItMayNotRead(_ backend: Backend) async throws {
        try await withApp(backend, as: .role(.viewer)) { _, client in
            let totalsTag = try #require(try await client.get(Self.totals).headers[.eTag])
            let prefix = totalsTag.dropFirst().split(separator: "-").dropLast().joined(separator: "-")
            // The tag as it was worked out before it was keyed: a plain digest of whose answer and of what.
            for length in [16, 32] {
                let unkeyed = Secret.digest("person:test-viewer\n/api/v1/audit").prefix(length)
                let forged = try await client.execute(uri: "/api/v1/audit", method: .get, headers: [.ifNoneMatch: "\"\(prefix)-\(unkeyed)\""])
                #expect(forged.status == .forbidden)
            }
            let any = try await client.execute(uri: "/api/v1/audit", method: .get, headers: [.ifNoneMatch: "*"])
            #expect(any.status == .forbidden)
        }
    }

    /// A token's last use is written when it is an hour old or more (housekeeping): no figure changes, so no tag does
    /// either. On SQLite every commit moved the version, and a client polling once a minute lost its 304s to any request.
    @Test(arguments: Backend.available)
    func aTokensLastUseLeavesEveryTagAsItWas(_ backend: Backend) async throws {
        try await withApp(backend) { stores, client in
            #expect(try await client.post("/api/v1/movements", Self.movement("a", persons: 10)).status == .ok)
            let other = try await TestAccounts.token(stores, role: .viewer)
            let tag = try #require(try await client.get(Self.totals).headers[.eTag])
            let before = try await stores.database.dataVersion()
            // act: another token's first use, which writes its last use
            #expect(try await client.execute(uri: "/api/v1/crossings", method: .get, headers: [.authorization: "Bearer \(other)"]).status == .ok)
            let used = try await stores.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM api_tokens WHERE last_used_at IS NOT NULL").first(decodingColumn: "n", as: Int.self) }
            // check
            #expect((used ?? 0) >= 2, "the last use was written")
            #expect(try await stores.database.dataVersion() == before)
            #expect(try await client.execute(uri: Self.totals, method: .get, headers: [.ifNoneMatch: tag]).status == .notModified)
        }
    }

    @Test(arguments: Backend.available)
    func aWriteThroughAnotherConnectionChangesTheVersion(_ backend: Backend) async throws {
        try await withApp(backend) { stores, client in
            // setup: a second process's view of the same database
            let other = try await Stores.open(stores.database.location, logger: Logger(label: "other"))
            let cached = try await client.get(Self.totals)
            let tag = try #require(cached.headers[.eTag])
            let before = try await stores.database.dataVersion()
            // act
            let summary = try await other.ledger.importMovements(
                ImportRequest(sourceName: "other", format: .json, today: TestStores.today),
                from: .bytes(Array(Self.movement("c", persons: 7).utf8)), by: .system(user: "other"))
            // check
            #expect(summary.imported == 1)
            #expect(try await stores.database.dataVersion() != before)
            let after = try await client.execute(uri: Self.totals, method: .get, headers: [.ifNoneMatch: tag])
            #expect(after.status == .ok)
            #expect(try after.decode(TotalsReport.self).total == 7)
            await other.close()
        }
    }
}

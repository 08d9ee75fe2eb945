import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

@Suite struct IdempotencyStoreTests {
    /// A key is one request's from its reservation. A reservation its request never wrote under (a server killed before
    /// the write) is taken over by the retry, and the first request, should it go on, is refused; one a write marked
    /// carried out is being answered for a moment after the write, and is never run again though its answer was lost; a
    /// refusal releases it; an answer replaces it, and only its own request's.
    @Test(arguments: Backend.available)
    func aKeyIsCarriedOutOnceAndARequestThatNeverWroteIsRetried(_ backend: Backend) async throws {
        let clock = ManualClock("2020-01-01T00:00:00Z")
        try await withStores(backend, now: { clock.now }) { store in
            let keys = store.idempotency
            func write(under claim: IdempotencyClaim, failing: Bool = false) async throws {
                try await IdempotencyClaim.$current.withValue(claim) {
                    try await store.database.write(by: .test, for: .reference) { write in
                        try await write.sql.raw("INSERT INTO organisations (name, created_at) VALUES (\(bind: "Org \(claim.owner.suffix(6))"), \(bind: write.timestamp))").run()
                        if failing { throw StoreError.conflict("refused") }
                    }
                }
            }
            guard case .reserved(let first) = try await keys.reserve("k", by: .test) else { Issue.record("not reserved"); return }
            #expect(try await keys.reserve("k", by: .test) == .inProgress, "this process is answering it")
            keys.live.remove("k") // the server stops, or the retry goes to another server
            #expect(try await keys.reserve("k", by: .test) == .inProgress, "held a while for its request, which may be uploading")
            clock.set("2020-01-01T00:03:00Z")
            guard case .reserved(let retry) = try await keys.reserve("k", by: .test) else { Issue.record("not taken over"); return }
            #expect(retry != first)
            await #expect(throws: StoreError.self, "the first, slow to begin its write, finds it taken") { try await write(under: first) }
            // A write refused rolls its mark back: the reservation is released, and the key carries the request again.
            await #expect(throws: StoreError.self) { try await write(under: retry, failing: true) }
            #expect(try await keys.release(retry, by: .test))
            keys.settled(retry)
            guard case .reserved(let again) = try await keys.reserve("k", by: .test) else { Issue.record("not reserved again"); return }
            clock.set("2020-01-01T00:05:00Z")
            try await write(under: again)
            keys.live.remove("k") // stopped before its answer was kept
            // Just written, its answer about to be kept (by a process that may be slow): being answered. Long after, the
            // server stopped before: carried out, never again, not released by a late refusal, its answer not taken from a
            // request a retry took it from.
            #expect(try await keys.reserve("k", by: .test) == .inProgress)
            let storedBy = { (claim: IdempotencyClaim) in try await keys.storeResponse(StoredResponse(requestDigest: "x", status: 200, contentType: "", body: ""), for: claim, by: .test) }
            try await storedBy(first)
            clock.set("2020-01-01T00:10:00Z")
            #expect(try await keys.reserve("k", by: .test) == .carriedOut(since: try Date("2020-01-01T00:05:00Z", strategy: .iso8601)))
            #expect(try await !keys.release(again, by: .test), "carried out: kept")
            #expect(try await keys.reserve("k", by: .test) == .carriedOut(since: try Date("2020-01-01T00:05:00Z", strategy: .iso8601)))
            let organisations = try await store.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM organisations WHERE name LIKE 'Org %'").first(decodingColumn: "n", as: Int.self) }
            #expect(organisations == 1)
            // Answered: the answer is kept once; a release or a second answer changes nothing.
            guard case .reserved(let answered) = try await keys.reserve("m", by: .test) else { Issue.record("not reserved"); return }
            keys.settled(answered)
            let answer = StoredResponse(requestDigest: "d", status: 201, contentType: "application/json", body: "{}")
            try await keys.storeResponse(answer, for: answered, by: .test)
            #expect(try await keys.reserve("m", by: .test) == .answered(answer))
            try await keys.release(answered, by: .test)
            try await keys.storeResponse(StoredResponse(requestDigest: "e", status: 200, contentType: "text/plain", body: ""), for: answered, by: .test)
            #expect(try await keys.reserve("m", by: .test) == .answered(answer))
            // A reservation an earlier version made names no owner: it may have been carried out, so it is not taken over.
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                try await write.sql.raw("INSERT INTO idempotency_keys (key, request_digest, status, content_type, body, created_at) VALUES ('old', '', 0, '', '', '2019-12-31T00:00:00Z')").run()
            }
            #expect(try await keys.reserve("old", by: .test) == .interrupted(since: try Date("2019-12-31T00:00:00Z", strategy: .iso8601)))
        }
    }

    /// On PostgreSQL a write under way holds its reservation: a retry is told it is being answered, at once, and is not
    /// carried out (SQLite's writers wait for each other, so a retry there meets the write done).
    @Test(arguments: Backend.available.filter { $0 == .postgres })
    func aRetryDuringTheWriteIsToldItIsBeingAnswered(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            guard case .reserved(let claim) = try await store.idempotency.reserve("k", by: .test) else { Issue.record("not reserved"); return }
            store.idempotency.live.remove("k") // the retry goes to another server, which must learn it from the database
            let (entered, inside) = AsyncStream<Void>.makeStream(), (released, release) = AsyncStream<Void>.makeStream()
            let writing = Task {
                try await IdempotencyClaim.$current.withValue(claim) {
                    try await store.database.write(by: .test, for: .reference) { _ in
                        inside.yield()
                        for await _ in released { break }
                    }
                }
            }
            for await _ in entered { break }
            defer { release.yield() } // whatever reserve does, the write ends and the test with it
            let during = try await store.idempotency.reserve("k", by: .test)
            release.yield()
            try await writing.value
            if case .inProgress = during {} else { Issue.record("\(during)") }
            #expect(try await store.idempotency.reserve("k", by: .test) == .inProgress, "written a moment ago: its answer is being kept")
        }
    }
}

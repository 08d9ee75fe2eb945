import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

@Suite struct IdempotencyStoreTests {
    /// A key is one request's from its reservation. A reservation its request never wrote under (a server killed before
    /// the write) is taken over by the retry, and the first request, should it go on, is refused; one a write marked
    /// carried out is never run again, though its answer was lost; a refusal releases it; an answer replaces it.
    @Test(arguments: Backend.available)
    func aKeyIsCarriedOutOnceAndARequestThatNeverWroteIsRetried(_ backend: Backend) async throws {
        let long = Date(timeIntervalSince1970: 1_577_836_800) // 2020-01-01T00:00:00Z
        try await withStores(backend, now: { long }) { store in
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
            guard case .reserved(let retry) = try await keys.reserve("k", by: .test) else { Issue.record("not taken over"); return }
            #expect(retry != first)
            await #expect(throws: StoreError.self, "the first, slow to begin its write, finds it taken") { try await write(under: first) }
            // A write refused rolls its mark back: the reservation is released, and the key carries the request again.
            await #expect(throws: StoreError.self) { try await write(under: retry, failing: true) }
            try await keys.release(retry, by: .test)
            guard case .reserved(let again) = try await keys.reserve("k", by: .test) else { Issue.record("not reserved again"); return }
            try await write(under: again)
            // The server stops before the answer is kept: carried out, never again, not released by a late refusal.
            #expect(try await keys.reserve("k", by: .test) == .carriedOut(since: long))
            try await keys.release(again, by: .test)
            #expect(try await keys.reserve("k", by: .test) == .carriedOut(since: long))
            let organisations = try await store.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM organisations WHERE name LIKE 'Org %'").first(decodingColumn: "n", as: Int.self) }
            #expect(organisations == 1)
            // Answered: the answer is kept once; a release or a second answer changes nothing.
            guard case .reserved(let answered) = try await keys.reserve("m", by: .test) else { Issue.record("not reserved"); return }
            let answer = StoredResponse(requestDigest: "d", status: 201, contentType: "application/json", body: "{}")
            try await keys.storeResponse(answer, forKey: "m", by: .test)
            #expect(try await keys.reserve("m", by: .test) == .answered(answer))
            try await keys.release(answered, by: .test)
            try await keys.storeResponse(StoredResponse(requestDigest: "e", status: 200, contentType: "text/plain", body: ""), forKey: "m", by: .test)
            #expect(try await keys.reserve("m", by: .test) == .answered(answer))
        }
    }

    /// On PostgreSQL a write under way holds its reservation: a retry is told it is being answered, at once, and is not
    /// carried out (SQLite's writers wait for each other, so a retry there meets the write done).
    @Test(arguments: Backend.available.filter { $0 == .postgres })
    func aRetryDuringTheWriteIsToldItIsBeingAnswered(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            guard case .reserved(let claim) = try await store.idempotency.reserve("k", by: .test) else { Issue.record("not reserved"); return }
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
            let during = try await store.idempotency.reserve("k", by: .test)
            release.yield()
            try await writing.value
            if case .inProgress = during {} else { Issue.record("\(during)") }
            if case .carriedOut = try await store.idempotency.reserve("k", by: .test) {} else { Issue.record("not carried out") }
        }
    }
}

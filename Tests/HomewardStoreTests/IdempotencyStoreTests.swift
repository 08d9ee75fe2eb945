import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

@Suite struct IdempotencyStoreTests {
    /// A key is one request's from its reservation: others are told it is in progress, since when; a refusal releases it;
    /// an answer replaces it. A reservation is never taken over, however old: its request may have been carried out.
    @Test(arguments: Backend.available)
    func aKeyIsHeldByOneRequestUntilItsAnswerIsKept(_ backend: Backend) async throws {
        let long = Date(timeIntervalSince1970: 1_577_836_800) // 2020-01-01T00:00:00Z
        try await withStores(backend, now: { long }) { store in
            let keys = store.idempotency
            #expect(try await keys.reserve("k", by: .test) == .reserved)
            #expect(try await keys.reserve("k", by: .test) == .inProgress(since: long))
            try await keys.release("k", by: .test)
            #expect(try await keys.reserve("k", by: .test) == .reserved)
            let answer = StoredResponse(requestDigest: "d", status: 201, contentType: "application/json", body: "{}")
            try await keys.storeResponse(answer, forKey: "k", by: .test)
            #expect(try await keys.reserve("k", by: .test) == .answered(answer))
            // An answer is kept once: a release or a second answer changes nothing.
            try await keys.release("k", by: .test)
            try await keys.storeResponse(StoredResponse(requestDigest: "e", status: 200, contentType: "text/plain", body: ""), forKey: "k", by: .test)
            #expect(try await keys.reserve("k", by: .test) == .answered(answer))
        }
    }
}

import HTTPTypes
import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Answers a POST once per `Idempotency-Key`: the same key and body get the first answer again; another body, 422.
///
/// The body streams into `produce` and is digested on the way, so a large import is never held in memory;
/// a request whose key is known already is read through only to compare its digest.
struct Idempotency {
    let store: IdempotencyStore
    let caller: Caller

    func respond(to request: Request, body: StreamedBody,
                 produce: (ByteSource) async throws -> (status: HTTPResponse.Status, json: Data)) async throws -> Response {
        guard let given = request.headers[HTTPField.Name("Idempotency-Key")!] else {
            let (status, json) = try await produce(body.source)
            try await body.source.drain()
            return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
        guard (1...255).contains(given.count) else { throw Problem.badRequest("Idempotency-Key", "1 to 255 characters") }
        // Keys are the caller's own: two partners choosing the same key never see each other's answers.
        let key = "\(caller.owner) \(given)"
        switch try await store.reserve(key, by: caller) {
        case .answered(let stored):
            guard stored.requestDigest == (try await body.finalDigest()) else {
                throw Problem(.unprocessableContent, "this Idempotency-Key was used with another request; use a new key", field: "Idempotency-Key",
                              code: "idempotency.otherRequest")
            }
            return Response(status: HTTPResponse.Status(code: stored.status),
                            headers: [.contentType: stored.contentType, HTTPField.Name("Idempotent-Replayed")!: "true"],
                            body: .init(byteBuffer: ByteBuffer(string: stored.body)))
        case .inProgress:
            _ = try await body.finalDigest() // read through, as every request is, before it is answered
            throw Problem(.conflict, "a request with this Idempotency-Key is still being answered, and this one was not carried out; "
                          + "send it again once that one is done", field: "Idempotency-Key", code: "idempotency.inProgress")
        case .carriedOut(let since):
            _ = try await body.finalDigest()
            throw Problem(.conflict, "the request first sent with this Idempotency-Key was carried out at \(since.formatted(.iso8601)), and its "
                          + "answer is not kept: send it again in a minute to get the answer; if this is said again, the server stopped "
                          + "before keeping it. It is not carried out again (the audit shows what it did)", field: "Idempotency-Key",
                          code: "idempotency.carriedOut")
        case .interrupted(let since):
            _ = try await body.finalDigest()
            throw Problem(.conflict, "the request first sent with this Idempotency-Key at \(since.formatted(.iso8601)) was interrupted before "
                          + "its answer was kept, and may or may not have been carried out: check, then send it with a new key",
                          field: "Idempotency-Key", code: "idempotency.interrupted")
        case .reserved(let claim):
            defer { store.settled(claim) }
            let status: HTTPResponse.Status, json: Data
            do {
                (status, json) = try await IdempotencyClaim.$current.withValue(claim) { try await produce(body.source) }
            } catch {
                // A refusal is not kept: the same key may carry the request again once it is mended. A failure after a
                // write committed is kept as the answer, so that a retry is told what became of it rather than waiting.
                if (try? await store.release(claim, by: caller)) == false {
                    let problem = ["status": "500", "title": "carried out, but its answer failed",
                                   "detail": "the request was carried out, then failed before its answer: \(error)"]
                    let stored = StoredResponse(requestDigest: (try? await body.finalDigest()) ?? "", status: 500, contentType: "application/problem+json",
                                                body: String(decoding: (try? JSONEncoder().encode(problem)) ?? Data(), as: UTF8.self))
                    try? await store.storeResponse(stored, for: claim, by: caller)
                }
                throw error
            }
            return try await answer(status, json, claim: claim, body: body)
        }
    }

    /// The answer, kept for the key; should keeping it fail, given all the same: the request was carried out.
    private func answer(_ status: HTTPResponse.Status, _ json: Data, claim: IdempotencyClaim, body: StreamedBody) async throws -> Response {
        let digest = try await body.finalDigest()
        try? await store.storeResponse(StoredResponse(requestDigest: digest, status: status.code, contentType: "application/json",
                                                      body: String(decoding: json, as: UTF8.self)), for: claim, by: caller)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

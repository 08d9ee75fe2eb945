import HomewardCore
import SQLKit

/// The reservation of an `Idempotency-Key` that the request being answered holds, known to every write it makes.
///
/// Each of the request's write transactions takes the reservation as it begins and marks it carried out, so that the
/// mark commits with the write or not at all: after a crash the key tells a request that was carried out (not to run
/// again) from one that never was (run by its retry). A reservation that a retry took over is refused, so that a request
/// slow to begin its write and its retry are never both carried out.
public struct IdempotencyClaim: Sendable, Equatable {
    public let key: String
    /// Drawn for each reservation: whose it is, where an answer is not yet kept.
    let owner: String

    @TaskLocal public static var current: IdempotencyClaim?

    static let carriedOut = "carried-out"
    static let ownerPrefix = "owner:"

    /// Marks the reservation carried out in the write's transaction: a row lock on PostgreSQL until it ends, which tells
    /// a retry it is still being answered.
    func take(on db: any SQLDatabase) async throws {
        let taken = try await db.raw("""
            UPDATE idempotency_keys SET body = \(bind: Self.carriedOut)
            WHERE key = \(bind: key) AND request_digest = \(bind: owner) AND status = 0 RETURNING key
            """).first()
        guard taken != nil else {
            throw StoreError.refused(FieldProblem(field: "Idempotency-Key", value: "", Message("idempotency.takenOver"), isConflict: true))
        }
    }

    /// Stamps the mark with the moment the write is about to commit: a retry soon after is told the request is keeping
    /// its answer, not that it stopped (``IdempotencyStore/answerKeptWithin``).
    func stamp(on db: any SQLDatabase, at timestamp: String) async throws {
        try await db.raw("UPDATE idempotency_keys SET created_at = \(bind: timestamp) WHERE key = \(bind: key) AND request_digest = \(bind: owner)").run()
    }
}

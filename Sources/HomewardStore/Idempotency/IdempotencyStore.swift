import Foundation
import HomewardCore
import SQLKit
import Synchronization

/// A response kept for its `Idempotency-Key`.
public struct StoredResponse: Sendable, Equatable {
    /// A digest of the request it answered (method, path, query and body).
    public var requestDigest: String
    public var status: Int
    public var contentType: String
    public var body: String

    public init(requestDigest: String, status: Int, contentType: String, body: String) {
        self.requestDigest = requestDigest
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// What an `Idempotency-Key` holds when a request comes with it.
public enum IdempotencyReservation: Sendable, Equatable {
    /// The key is now this request's: answer it with the claim current (``IdempotencyClaim/current``), then
    /// ``IdempotencyStore/storeResponse(_:for:by:)``, or ``IdempotencyStore/release(_:by:)`` if no answer is to be kept.
    case reserved(IdempotencyClaim)
    /// Another request with the key is being answered (its write under way, or done a moment ago and its answer about to
    /// be kept): this one must not be carried out as well.
    case inProgress
    /// A request with the key was carried out, but its answer was not kept (the server stopped in between): it must not
    /// be carried out again, and there is no answer to give back.
    case carriedOut(since: Date)
    /// Reserved by a version before reservations named their owner, and never answered: it may or may not have been
    /// carried out, which only its client can tell.
    case interrupted(since: Date)
    case answered(StoredResponse)
}

/// Responses kept for their `Idempotency-Key`, so that a retried request gets the first answer.
///
/// A key is reserved before its request is carried out, so that two requests sent at once with one key (a client
/// retrying after a timeout while the first still runs) are carried out once. A reservation is a row without an answer
/// (`status` 0) naming its owner; each write of the request marks it carried out in its own transaction
/// (``IdempotencyClaim``). A reservation neither answered, nor carried out, nor held by a write under way was left by a
/// request that stopped before it wrote anything (a server killed mid-request): its retry takes it over and is carried
/// out, where it had been refused for good.
public struct IdempotencyStore: Sendable {
    let database: Database
    /// The keys this process is answering: a retry of one is told so at once, whatever its reservation's age or mark
    /// (a retry on SQLite would otherwise wait behind the whole import, then meet a mark just committed).
    let live = LiveKeys()

    public init(database: Database) {
        self.database = database
    }

    /// How long a reservation that no write has marked is held for its request (uploading its body, drafting a
    /// statement) before a retry may take it over: a request still alive then is refused at its write, never run twice.
    static let takenOverAfter: TimeInterval = 120

    /// Reserves the key for this request, unless it is answered, carried out or being answered.
    public func reserve(_ key: String, by caller: Caller) async throws -> IdempotencyReservation {
        guard !live.contains(key) else { return .inProgress }
        let reservation = try await reserveInDatabase(key, by: caller)
        if case .reserved = reservation { live.insert(key) }
        return reservation
    }

    /// Ends this process's answering of the claim's key, once its answer is kept or its reservation released.
    public func settled(_ claim: IdempotencyClaim) {
        live.remove(claim.key)
    }

    private func reserveInDatabase(_ key: String, by caller: Caller) async throws -> IdempotencyReservation {
        let claim = IdempotencyClaim(key: key, owner: IdempotencyClaim.ownerPrefix + Secret.make())
        do {
            return try await database.write(by: caller, for: .bookkeeping) { write in
                let db = write.sql
                // A write under way holds the reservation's row: told at once, rather than waited for through an import.
                if database.backend == .postgres { try await db.raw("SET LOCAL lock_timeout = '200ms'").run() }
                let inserted = try await db.raw("""
                    INSERT INTO idempotency_keys (key, request_digest, status, content_type, body, created_at)
                    VALUES (\(bind: key), \(bind: claim.owner), 0, '', '', \(bind: write.timestamp)) ON CONFLICT (key) DO NOTHING RETURNING key
                    """).first()
                if inserted != nil { return .reserved(claim) }
                let locking: SQLQueryString = database.backend == .postgres ? " FOR UPDATE" : ""
                guard let row = try await db.raw("""
                    SELECT request_digest, status, content_type, body, created_at FROM idempotency_keys WHERE key = \(bind: key)\(locking)
                    """).first() else { return .inProgress }
                let status = try row.decode(column: "status", as: Int.self)
                guard status == 0 else {
                    return .answered(StoredResponse(requestDigest: try row.decode(column: "request_digest", as: String.self), status: status,
                                                    contentType: try row.decode(column: "content_type", as: String.self),
                                                    body: try row.decode(column: "body", as: String.self)))
                }
                let since = (try? Date(try row.decode(column: "created_at", as: String.self), strategy: .iso8601)) ?? .distantPast
                guard try row.decode(column: "request_digest", as: String.self).hasPrefix(IdempotencyClaim.ownerPrefix) else { return .interrupted(since: since) }
                if try row.decode(column: "body", as: String.self) == IdempotencyClaim.carriedOut {
                    // Stamped as its write committed: a moment ago, its request is keeping its answer (a retry on SQLite waits
                    // behind the write, then comes before that); long ago, the server stopped first.
                    return database.now().timeIntervalSince(since) < Self.answerKeptWithin ? .inProgress : .carriedOut(since: since)
                }
                // Neither answered, nor carried out, nor held by a write: its request is about to write (held a while), or
                // stopped before it wrote; after a while the retry takes it, and the first, should it go on, finds it taken.
                guard database.now().timeIntervalSince(since) >= Self.takenOverAfter else { return .inProgress }
                try await db.raw("""
                    UPDATE idempotency_keys SET request_digest = \(bind: claim.owner), created_at = \(bind: write.timestamp) WHERE key = \(bind: key)
                    """).run()
                return .reserved(claim)
            }
        } catch where Self.isLockTimeout(error) {
            return .inProgress
        }
    }

    /// How long after its write committed a request is taken to be keeping its answer, not to have stopped.
    static let answerKeptWithin: TimeInterval = 60

    /// PostgreSQL's `lock_not_available`, however the database layer words it.
    private static func isLockTimeout(_ error: any Error) -> Bool { "\(error)".contains("55P03") || String(reflecting: error).contains("55P03") }

    /// Gives up a reservation whose request was refused before it wrote anything (a problem thrown), so that the key may
    /// carry the request again once mended; one that a write of the request marked carried out is kept.
    /// - Returns: whether it was given up (`false`: carried out, or another's now).
    @discardableResult
    public func release(_ claim: IdempotencyClaim, by caller: Caller) async throws -> Bool {
        try await database.write(by: caller, for: .bookkeeping) { write in
            try await write.sql.raw("""
                DELETE FROM idempotency_keys WHERE key = \(bind: claim.key) AND request_digest = \(bind: claim.owner) AND status = 0 AND body = ''
                RETURNING key
                """).first() != nil
        }
    }

    /// Keeps the first response for a key, in place of its reservation while the claim holds it; a second one for the same
    /// key is not kept, nor one of a request whose reservation a retry took over.
    public func storeResponse(_ response: StoredResponse, for claim: IdempotencyClaim, by caller: Caller) async throws {
        let key = claim.key
        try await database.write(by: caller, for: .bookkeeping) { write in
            let db = write.sql
            try await db.raw("""
                INSERT INTO idempotency_keys (key, request_digest, status, content_type, body, created_at)
                VALUES (\(bind: key), \(bind: response.requestDigest), \(bind: response.status), \(bind: response.contentType),
                        \(bind: response.body), \(bind: write.timestamp))
                ON CONFLICT (key) DO UPDATE SET request_digest = excluded.request_digest, status = excluded.status,
                    content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at
                WHERE idempotency_keys.status = 0 AND idempotency_keys.request_digest = \(bind: claim.owner)
                """).run()
        }
    }
}

/// Keys being answered in this process.
final class LiveKeys: Sendable {
    private let keys = Mutex(Set<String>())
    func contains(_ key: String) -> Bool { keys.withLock { $0.contains(key) } }
    func insert(_ key: String) { keys.withLock { _ = $0.insert(key) } }
    func remove(_ key: String) { keys.withLock { _ = $0.remove(key) } }
}

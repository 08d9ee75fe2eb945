import Foundation
import HomewardCore
import SQLKit

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
    /// The key is now this request's: answer it, then ``IdempotencyStore/storeResponse(_:forKey:by:)``, or
    /// ``IdempotencyStore/release(_:by:)`` if no answer is to be kept.
    case reserved
    /// Another request with the key is being answered, or was left unanswered (``IdempotencyStore/interruptedAfter``):
    /// this one must not be carried out as well.
    case inProgress(since: Date)
    case answered(StoredResponse)
}

/// Responses kept for their `Idempotency-Key`, so that a retried request gets the first answer.
///
/// A key is reserved before its request is carried out, so that two requests sent at once with one key (a client
/// retrying after a timeout while the first still runs) are carried out once: the second is told the first is in
/// progress. A reservation is a row without an answer (`status` 0), held by the one request that made it: it is never
/// taken over, since a request whose answer was not kept (a server stopped after the write committed) may have been
/// carried out, and running it again would do it twice.
public struct IdempotencyStore: Sendable {
    let database: Database
    /// After this long without an answer a reservation was left by a request interrupted mid-way, not one still running.
    public static let interruptedAfter: TimeInterval = 15 * 60

    public init(database: Database) {
        self.database = database
    }

    /// Reserves the key for this request, unless it is answered or being answered.
    public func reserve(_ key: String, by caller: Caller) async throws -> IdempotencyReservation {
        try await database.write(by: caller, for: .bookkeeping) { write in
            let db = write.sql
            let inserted = try await db.raw("""
                INSERT INTO idempotency_keys (key, request_digest, status, content_type, body, created_at)
                VALUES (\(bind: key), '', 0, '', '', \(bind: write.timestamp)) ON CONFLICT (key) DO NOTHING RETURNING key
                """).first()
            if inserted != nil { return .reserved }
            guard let row = try await db.raw("""
                SELECT request_digest, status, content_type, body, created_at FROM idempotency_keys WHERE key = \(bind: key)
                """).first() else { return .inProgress(since: Date()) }
            let status = try row.decode(column: "status", as: Int.self)
            guard status == 0 else {
                return .answered(StoredResponse(requestDigest: try row.decode(column: "request_digest", as: String.self), status: status,
                                                contentType: try row.decode(column: "content_type", as: String.self),
                                                body: try row.decode(column: "body", as: String.self)))
            }
            let since = try row.decode(column: "created_at", as: String.self)
            return .inProgress(since: (try? Date(since, strategy: .iso8601)) ?? Date())
        }
    }

    /// Gives up a reservation whose request was refused before it wrote anything (a problem thrown), so that the key may
    /// carry the request again once mended.
    public func release(_ key: String, by caller: Caller) async throws {
        try await database.write(by: caller, for: .bookkeeping) { write in
            try await write.sql.raw("DELETE FROM idempotency_keys WHERE key = \(bind: key) AND status = 0").run()
        }
    }

    /// Keeps the first response for a key, in place of its reservation; a second one for the same key is not kept.
    public func storeResponse(_ response: StoredResponse, forKey key: String, by caller: Caller) async throws {
        try await database.write(by: caller, for: .bookkeeping) { write in
            let db = write.sql
            try await db.raw("""
                INSERT INTO idempotency_keys (key, request_digest, status, content_type, body, created_at)
                VALUES (\(bind: key), \(bind: response.requestDigest), \(bind: response.status), \(bind: response.contentType),
                        \(bind: response.body), \(bind: write.timestamp))
                ON CONFLICT (key) DO UPDATE SET request_digest = excluded.request_digest, status = excluded.status,
                    content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at
                WHERE idempotency_keys.status = 0
                """).run()
        }
    }
}

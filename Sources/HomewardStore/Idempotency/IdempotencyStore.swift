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

/// Responses kept for their `Idempotency-Key`, so that a retried request gets the first answer.
public struct IdempotencyStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func storedResponse(forKey key: String) async throws -> StoredResponse? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT request_digest, status, content_type, body FROM idempotency_keys WHERE key = \(bind: key)").first() else {
                return nil
            }
            return StoredResponse(requestDigest: try row.decode(column: "request_digest", as: String.self),
                                  status: try row.decode(column: "status", as: Int.self),
                                  contentType: try row.decode(column: "content_type", as: String.self),
                                  body: try row.decode(column: "body", as: String.self))
        }
    }

    /// Keeps the first response for a key; a second one for the same key is not kept.
    public func storeResponse(_ response: StoredResponse, forKey key: String, by caller: Caller) async throws {
        try await database.write(by: caller, for: .bookkeeping) { write in
            let db = write.sql
            try await db.raw("""
                INSERT INTO idempotency_keys (key, request_digest, status, content_type, body, created_at)
                VALUES (\(bind: key), \(bind: response.requestDigest), \(bind: response.status), \(bind: response.contentType),
                        \(bind: response.body), \(bind: write.timestamp)) ON CONFLICT (key) DO NOTHING
                """).run()
        }
    }
}

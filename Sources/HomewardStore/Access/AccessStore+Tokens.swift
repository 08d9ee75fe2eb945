import Foundation
import HomewardCore
import SQLKit

extension AccessStore {
    /// Makes an API token for an account: 256 random bits, returned this once, kept only as a digest.
    ///
    /// A token makes none, for its own account or another's: whoever held a leaked token could keep a way in after its revocation.
    public func createToken(for given: String, expiresInDays days: Int = 90, by typed: Caller) async throws -> IssuedToken {
        let (login, caller) = try await database.read { (try await Self.storedLogin(given, on: $0), try await Database.canonical(typed, on: $0)) }
        if case .token = caller {
            throw await auditedRefusal(Message("access.token.noCredentials"), for: login == caller.login ? .account : .people, by: caller,
                                       attempt: "make a token for \(FieldProblem.shown(login))")
        }
        guard (1...3_650).contains(days) else {
            throw StoreError.invalid(field: "expires-days", value: String(days), reason: "a token lasts from 1 to 3650 days")
        }
        let token = Secret.make(prefix: "hw_")
        let expires = Database.timestamp(database.now().addingTimeInterval(Double(days) * 86_400))
        return try await database.write(by: caller, for: Self.need(of: caller, forTokensOf: login)) { write in
            guard let person = try await write.sql.raw("SELECT id, active FROM persons WHERE login = \(bind: login)").first(),
                  try person.decode(column: "active", as: Bool.self) else {
                throw StoreError.notFound("active account \(login)")
            }
            guard let id = try await write.sql.raw("""
                INSERT INTO api_tokens (person_id, digest, created_at, expires_at)
                VALUES (\(bind: try person.decode(column: "id", as: Int.self)), \(bind: Secret.digest(token)), \(bind: write.timestamp), \(bind: expires))
                RETURNING id
                """).first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new token's id") }
            try await write.audit("token-created", kind: "token", record: String(id), detail: "for \(login), expires \(expires)")
            return IssuedToken(id: id, token: token, expires: expires)
        }
    }

    /// Tokens, newest first, optionally of one account (refused when no account has the login: a typing slip would
    /// read as a person without tokens).
    public func tokens(of given: String? = nil) async throws -> [TokenInfo] {
        try await database.read { db in
            var only: SQLQueryString = ""
            if let given {
                guard let login = try await Database.knownLogin(given, on: db) else { throw StoreError.notFound("account \(given)") }
                only = "WHERE p.login = \(bind: login)"
            }
            return try await db.raw("""
                SELECT t.id, p.login, t.created_at, t.expires_at, t.revoked_at, t.last_used_at FROM api_tokens t
                JOIN persons p ON p.id = t.person_id \(only) ORDER BY t.id DESC
                """).all().map { row in
                TokenInfo(id: try row.decode(column: "id", as: Int.self), login: try row.decode(column: "login", as: String.self),
                          created: try row.decode(column: "created_at", as: String.self), expires: try row.decode(column: "expires_at", as: String.self),
                          revoked: try row.decode(column: "revoked_at", as: String?.self), lastUsed: try row.decode(column: "last_used_at", as: String?.self))
            }
        }
    }

    /// Revokes one token, or every token of an account; returns how many were revoked, and whose they were.
    ///
    /// - Parameter login: with `id`, the account the token must be of: an id mistyped must not end another person's token.
    @discardableResult
    public func revokeTokens(id: Int? = nil, of given: String? = nil, by typed: Caller) async throws -> (count: Int, owner: String?) {
        let caller = try await database.read { try await Database.canonical(typed, on: $0) }
        let login: String? = if let given { try await database.read { try await Database.knownLogin(given, on: $0) } } else { nil }
        if let given, login == nil { throw StoreError.notFound("account \(given)") }
        var found = login
        if let id {
            found = try await database.read { db in
                try await db.raw("SELECT p.login FROM api_tokens t JOIN persons p ON p.id = t.person_id WHERE t.id = \(bind: id)")
                    .first(decodingColumn: "login", as: String.self)
            }
            if let login, let found, found != login {
                throw StoreError.refused(FieldProblem(field: "user", value: login, Message("token.ofAnother", ["token": .serial(id), "owner": .code(found)])))
            }
        }
        let owner = found
        return try await database.write(by: caller, for: Self.need(of: caller, toRevokeTokensOf: owner)) { write in
            let which: SQLQueryString = if let id { "id = \(bind: id)" } else { "person_id = (SELECT id FROM persons WHERE login = \(bind: login ?? ""))" }
            let revoked = try await Self.revokeTokens(where: which, on: write, detail: owner.map { "of \($0)" })
            guard !revoked.isEmpty || id == nil else { throw StoreError.notFound("unrevoked token \(id!)") }
            if revoked.isEmpty { write.trail.noteNothingChanged() }
            return (revoked.count, owner)
        }
    }

    /// The caller a bearer token proves: `nil` for an unknown, expired or revoked token, or a disabled account.
    /// Notes the token's last use, to the minute.
    ///
    /// Proven once per data version (``TokenProofs``) at `version`, which the caller reads just before
    /// (``Database/dataVersion()``; `nil` if it could not): a proof is never kept under a version newer than what it
    /// read, and a server tags its answer with the version it proved the token at, one read of it per request.
    /// - Parameter attempt: what the token was sent for (`POST /api/v1/movements`), for the audit of a dead one.
    public func caller(forToken token: String, at version: DataVersion?, attempt: @autoclosure () -> String? = nil) async throws -> Caller? {
        let digest = Secret.digest(token)
        let now = Database.timestamp(database.now())
        // The last use to the minute: a write for every request would make every read a write.
        let staleBefore = Database.timestamp(database.now().addingTimeInterval(-60))
        if let version, let caller = proofs.caller(digest: digest, at: version, now: now, freshAfter: staleBefore) { return caller }
        guard let row = try await database.read({ db in
            try await db.raw("""
                SELECT t.id, t.last_used_at, t.expires_at, p.login FROM api_tokens t JOIN persons p ON p.id = t.person_id
                WHERE t.digest = \(bind: digest) AND t.revoked_at IS NULL AND t.expires_at > \(bind: now) AND p.active = \(bind: true)
                """).first()
        }) else {
            await auditRefusal(ofTokenWithDigest: digest, attempt: attempt(), now: now, quietAfter: staleBefore)
            return nil
        }
        let id = try row.decode(column: "id", as: Int.self)
        if try row.decode(column: "last_used_at", as: String?.self).map({ $0 < staleBefore }) ?? true {
            try await database.write(by: .homeward, for: .bookkeeping) { write in
                try await write.sql.raw("UPDATE api_tokens SET last_used_at = \(bind: write.timestamp) WHERE id = \(bind: id)").run()
            }
        }
        let caller = Caller.token(id: id, login: try row.decode(column: "login", as: String.self))
        if let version {
            proofs.keep(caller, digest: digest, expires: try row.decode(column: "expires_at", as: String.self), version: version, provenAt: now)
        }
        return caller
    }

    /// Whether a refusal of a session's request (its CSRF token, another site) is to be audited: the first in a minute
    /// for the session, so that a page left open past its token, or a forged form sent in a loop, does not fill the audit
    /// nor move every tag with it.
    /// - Parameter reason: kept apart, so that a page left open past its token does not hide a forgery in the same minute.
    public func auditsRefusal(of session: PageSession, reason: String) -> Bool {
        let now = database.now()
        return proofs.auditsRefusal(digest: "session \(reason) " + Secret.digest(session.id), now: Database.timestamp(now),
                                    quietAfter: Database.timestamp(now.addingTimeInterval(-60)))
    }

    /// Audits a token that was good once (revoked, expired, or its account disabled or erased) when it is tried again: a
    /// leaked token tried for a way in leaves a trace, naming its account. A token no account ever had is not audited
    /// (anyone can send noise); nor more than once a minute per token and process.
    private func auditRefusal(ofTokenWithDigest digest: String, attempt: String?, now: String, quietAfter: String) async {
        do {
            guard let row = try await database.read({ db in
                try await db.raw("""
                    SELECT t.id, t.revoked_at, t.expires_at, p.login, p.active FROM api_tokens t JOIN persons p ON p.id = t.person_id
                    WHERE t.digest = \(bind: digest)
                    """).first()
            }), proofs.auditsRefusal(digest: digest, now: now, quietAfter: quietAfter) else { return }
            let reason = try row.decode(column: "revoked_at", as: String?.self) != nil ? "a revoked token"
                : try row.decode(column: "active", as: Bool.self) ? "an expired token" : "a token of a disabled account"
            let caller = Caller.token(id: try row.decode(column: "id", as: Int.self), login: try row.decode(column: "login", as: String.self))
            try await database.write(by: caller, for: .bookkeeping) { write in
                try await write.audit("refused", kind: "token", record: caller.login, detail: "\(reason) was sent" + (attempt.map { " for \($0)" } ?? ""))
            }
        } catch {
            database.logger.error("a refused token could not be audited: \(String(reflecting: error))")
        }
    }
}

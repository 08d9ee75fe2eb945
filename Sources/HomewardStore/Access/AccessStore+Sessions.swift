import Foundation
import HomewardCore
import HummingbirdBcrypt
import SQLKit

/// A signed-in page session: its id goes in the cookie, its CSRF token in every form.
public struct PageSession: Sendable, Hashable {
    public var id: String
    public var csrf: String
    public var caller: Caller
}

extension AccessStore {
    /// Failed sign-ins of one login from one address within ``throttleWindowSeconds`` after which sign-in to it from
    /// there is refused until they age out: a partner's account at a crossing point cannot lock the centre's admin out.
    public static let throttleFailures = 5
    /// Failed sign-ins of one login from every address together after which it is refused from anywhere: guessing
    /// from many addresses is slowed all the same.
    public static let throttleFailuresEverywhere = 50
    public static let throttleWindowSeconds: TimeInterval = 15 * 60
    public static let sessionHours: TimeInterval = 12
    /// Checked against when the login is unknown, so that an unknown login takes as long as a wrong password.
    static let standInHash = Bcrypt.hash("no account has this password", cost: 12)

    /// Why a sign-in did not open a session.
    public enum SignInRefusal: Error, Equatable {
        case wrongLoginOrPassword
        /// Too many failures lately: the login is taken again once enough of them age out, in `retryAfterSeconds`.
        case throttled(retryAfterSeconds: Int)

        public var isThrottled: Bool {
            if case .throttled = self { true } else { false }
        }
    }

    /// Checks a login and password and opens a session; each failure is audited and counted, and after
    /// ``throttleFailures`` in the window the login is refused whatever the password.
    public func signIn(login given: String, password: String) async throws -> PageSession {
        // No login holds a blank (``Person/isValidNewLogin(_:)``): the space a phone's keyboard puts after a word is none of it.
        let login = try await storedLogin(given.trimmingCharacters(in: .whitespaces))
        let row = try await checkPassword(login: login, password, failure: "wrong login or password")
        let session = PageSession(id: Secret.make(), csrf: Secret.make(), caller: .person(login: login))
        let expires = Database.timestamp(database.now().addingTimeInterval(Self.sessionHours * 3_600))
        try await database.write(by: .person(login: login), for: .bookkeeping) { write in
            try await write.sql.raw("""
                INSERT INTO sessions (digest, person_id, csrf, created_at, expires_at)
                VALUES (\(bind: Secret.digest(session.id)), \(bind: try row.decode(column: "id", as: Int.self)), \(bind: session.csrf),
                        \(bind: write.timestamp), \(bind: expires))
                """).run()
            // What has served its purpose goes: expired sessions, and failures (with their addresses) older than the
            // throttle's window; the audit keeps the facts.
            try await write.sql.raw("DELETE FROM sessions WHERE expires_at <= \(bind: write.timestamp)").run()
            let forgotten = Database.timestamp(database.now().addingTimeInterval(-Self.throttleWindowSeconds))
            try await write.sql.raw("DELETE FROM sign_in_failures WHERE at <= \(bind: forgotten)").run()
            try await write.audit("sign-in", kind: "session", record: login)
        }
        return session
    }

    /// The active account's row when `password` is its password; each failure is audited and counted, and
    /// after ``throttleFailures`` in the window the login is refused whatever the password.
    /// - Parameter caller: who tried, where a session did (a password change): its failures are that session's, not an
    ///   anonymous caller's, so that guesses from a stolen session are traced to it.
    func checkPassword(login: String, _ password: String, failure: String, by caller: Caller? = nil) async throws -> any SQLRow {
        // What no account has as its login (often a password typed in the wrong field) is neither audited nor kept: its
        // failures are counted under 16 bits of a tag keyed by the database's secret, and throttled as a real login's are, so
        // that the throttle does not tell which logins exist. A plain digest could be looked up in a list of passwords; 16
        // bits name some 65,000 buckets, each shared by countless passwords, and the unknown logins that share one have no
        // account to lock. What cannot be a login (a NUL, which PostgreSQL refuses in text) is never sent to SQL.
        let row = RecordCode.isValid(login) ? try await database.read { db in
            try await db.raw("SELECT id, password_hash, active FROM persons WHERE login = \(bind: login)").first()
        } : nil
        let known = row != nil
        let counted = known ? login : "?" + Self.unknownLoginTag(login, key: try await database.answerTagKey())
        let since = Database.timestamp(database.now().addingTimeInterval(-Self.throttleWindowSeconds))
        let (failures, here) = try await database.read { db in
            let row = try await db.raw("""
                SELECT COUNT(*) AS n, SUM(CASE WHEN COALESCE(address, '') = \(bind: RequestOrigin.address ?? "") THEN 1 ELSE 0 END) AS here
                FROM sign_in_failures WHERE login = \(bind: counted) AND at > \(bind: since)
                """).first()
            return (try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "here", as: Int?.self) ?? 0)
        }
        if here >= Self.throttleFailures || failures >= Self.throttleFailuresEverywhere {
            // Audited, not counted: an address refused already must not go on to lock the login everywhere.
            try await noteFailure(counted: nil, login: known ? login : nil, reason: "throttled after \(failures) failures", by: caller)
            throw SignInRefusal.throttled(retryAfterSeconds: try await secondsUntilTaken(counted, overHere: here >= Self.throttleFailures,
                                                                                         overEverywhere: failures >= Self.throttleFailuresEverywhere))
        }
        let active = try row?.decode(column: "active", as: Bool.self) == true
        let hash = try row?.decode(column: "password_hash", as: String?.self)
        // A hash is checked even for an unknown login, so that timing does not tell which logins exist.
        // bcrypt reads 72 bytes: an account whose longer passphrase was set before ``PasswordRule`` refused one signs in with it.
        // No password is empty or holds a NUL (``PasswordRule``): one set with a NUL before the rule was hashed up to it, and
        // an empty password, or its part before the NUL, must not open the account.
        let matches = Bcrypt.verify(password, hash: hash ?? Self.standInHash) && !password.isEmpty && !password.containsNUL
        guard let row, active, hash != nil, matches else {
            // The answer says no more than "wrong login or password"; the audit tells a disabled account's own password,
            // someone holding it, from a slip.
            let reason = !known ? "not a known login: \(failure)"
                : active ? failure : matches ? "\(failure): the account is disabled or erased, and the password given is its own"
                    : "\(failure): the account is disabled or erased"
            try await noteFailure(counted: counted, login: known ? login : nil, reason: reason, by: caller)
            throw SignInRefusal.wrongLoginOrPassword
        }
        return row
    }

    /// What an unknown login is counted under: a tag apart from the answers' tags made with the same key.
    static func unknownLoginTag(_ login: String, key: String) -> String { String(Secret.tag("sign-in\n" + login, key: key).prefix(4)) }

    /// How long until a throttled login is taken again: until the failure that each limit reached counts back from (the
    /// fifth latest here, the fiftieth everywhere) leaves the window, whole seconds, at least one.
    private func secondsUntilTaken(_ counted: String, overHere: Bool, overEverywhere: Bool) async throws -> Int {
        let limits = [(overHere, Self.throttleFailures, true), (overEverywhere, Self.throttleFailuresEverywhere, false)].filter(\.0)
        let oldest = try await database.read { db in
            var times: [String] = []
            for (_, limit, hereOnly) in limits {
                let address: SQLQueryString = hereOnly ? " AND COALESCE(address, '') = \(bind: RequestOrigin.address ?? "")" : ""
                let query: SQLQueryString = "SELECT at FROM sign_in_failures WHERE login = \(bind: counted)\(address) ORDER BY at DESC LIMIT 1 OFFSET \(unsafeRaw: String(limit - 1))"
                if let at = try await db.raw(query).first(decodingColumn: "at", as: String.self) { times.append(at) }
            }
            return times.max()
        }
        guard let oldest, let counted = try? Date(oldest, strategy: .iso8601) else { return Int(Self.throttleWindowSeconds) }
        return max(1, Int((counted.addingTimeInterval(Self.throttleWindowSeconds).timeIntervalSince(database.now())).rounded(.up)))
    }

    /// Audits a failed sign-in and counts it under `counted` (`nil`: not counted); the audit names the login only where an
    /// account has it.
    private func noteFailure(counted: String?, login: String?, reason: String, by caller: Caller?) async throws {
        try await database.write(by: caller ?? .anonymous(address: RequestOrigin.address), for: .bookkeeping) { write in
            if let counted {
                try await write.sql.raw("INSERT INTO sign_in_failures (login, address, at) VALUES (\(bind: counted), \(bind: RequestOrigin.address), \(bind: write.timestamp))").run()
            }
            try await write.audit("sign-in-failed", kind: "session", record: login, detail: reason)
        }
    }

    /// The session a cookie names, while it lasts and its account is active.
    public func session(_ id: String) async throws -> PageSession? {
        let now = Database.timestamp(database.now())
        guard let row = try await database.read({ db in
            try await db.raw("""
                SELECT s.csrf, p.login FROM sessions s JOIN persons p ON p.id = s.person_id
                WHERE s.digest = \(bind: Secret.digest(id)) AND s.expires_at > \(bind: now) AND p.active = \(bind: true)
                """).first()
        }) else { return nil }
        return PageSession(id: id, csrf: try row.decode(column: "csrf", as: String.self),
                           caller: .person(login: try row.decode(column: "login", as: String.self)))
    }

    public func signOut(_ session: PageSession) async throws {
        try await database.write(by: session.caller, for: .bookkeeping) { write in
            try await write.sql.raw("DELETE FROM sessions WHERE digest = \(bind: Secret.digest(session.id))").run()
            try await write.audit("sign-out", kind: "session")
        }
    }
}

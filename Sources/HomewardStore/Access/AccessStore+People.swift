import Foundation
import HomewardCore
import HummingbirdBcrypt
import SQLKit

/// What an admin does to an account after making it: change its role, enable it again, set a new password for someone
/// who lost theirs, or erase the person's name when they leave, keeping the login that the records and the audit name.
extension AccessStore {
    /// An account as the audit keeps it: its login, organisation, role and state, never the person's name, which
    /// ``erase(_:by:)`` must be able to take out of the database while the audit cannot change.
    struct AuditedPerson: Encodable {
        var login: String
        var organisation: String
        var role: Role
        var active: Bool

        init(_ person: Person) {
            login = person.login
            organisation = person.organisation
            role = person.role
            active = person.active
        }
    }

    /// A person does it (an admin, or the machine's operator): a leaked admin token could otherwise make its holder's own
    /// account an admin's, a way in that outlives the token's revocation.
    /// - Returns: whether it changed anything.
    @discardableResult
    public func setRole(_ given: String, to role: Role, by caller: Caller) async throws -> Bool {
        if case .token = caller { throw await auditedRefusal( Message("access.token.noGrant"), for: .people, by: caller, attempt: "give \(FieldProblem.shown(given)) the role \(role.rawValue)") }
        let login = try await storedLogin(given)
        return try await changePerson(login, by: caller) { write, _ in
            try await write.sql.raw("UPDATE persons SET role = \(bind: role.rawValue) WHERE login = \(bind: login)").run()
        }
    }

    /// Lets a disabled account sign in and use new tokens again; its old tokens stay as they were. A person does it, as
    /// ``setRole(_:to:by:)``: a token may not bring back an account whose password its holder knows.
    /// - Returns: whether it changed anything.
    @discardableResult
    public func enable(_ given: String, by caller: Caller) async throws -> Bool {
        if case .token = caller { throw await auditedRefusal( Message("access.token.noGrant"), for: .people, by: caller, attempt: "enable \(FieldProblem.shown(given))") }
        let login = try await storedLogin(given)
        return try await changePerson(login, by: caller) { write, _ in
            try await write.sql.raw("UPDATE persons SET active = \(bind: true) WHERE login = \(bind: login)").run()
        }
    }

    /// Sets a new password for someone who lost theirs, ending their sessions. A person does it (an admin, or the machine's
    /// operator): a token may not, or a leaked one would outlive its revocation.
    /// - Parameter revokingTokens: end the account's tokens too, where the password may have been another's to use (a
    ///   token made with it at `/account` would outlive the new password by up to 90 days); a forgotten one leaves them.
    public func resetPassword(_ given: String, to password: String, revokingTokens: Bool = false, by caller: Caller) async throws {
        if case .token = caller { throw await auditedRefusal( Message("access.token.noCredentials"), for: .people, by: caller, attempt: "set a password for \(FieldProblem.shown(given))") }
        let login = try await storedLogin(given)
        try PasswordRule.check(password, field: "password")
        let hash = Bcrypt.hash(password, cost: 12)
        try await changePerson(login, by: caller, action: revokingTokens ? "password-reset-tokens-revoked" : "password-reset") { write, _ in
            try await write.sql.raw("UPDATE persons SET password_hash = \(bind: hash) WHERE login = \(bind: login)").run()
            if revokingTokens { try await Self.revokeTokens(of: login, on: write, because: "with a new password") }
            try await Self.endSessions(of: login, on: write)
        }
    }

    /// Takes a person's name out of the database when they leave, or ask: the account is disabled, its password, tokens
    /// and sessions end, and its name becomes empty. The login stays, since records and the audit name who wrote them by it.
    ///
    /// A person does it, as ``setRole(_:to:by:)``: nothing brings an erased account back, and a leaked token must not be
    /// able to take every partner's account away for good.
    /// - Returns: whether the name was there to erase, and whether SQLite's log, which may hold earlier versions of it, could
    ///   be emptied (``Database/emptyLog()``): an erasure asked again empties it then.
    @discardableResult
    public func erase(_ given: String, by caller: Caller) async throws -> (erased: Bool, logEmptied: Bool) {
        if case .token = caller { throw await auditedRefusal(Message("access.token.noErase"), for: .people, by: caller, attempt: "erase \(FieldProblem.shown(given))") }
        let login = try await storedLogin(given)
        let erased = try await changePerson(login, by: caller, action: "erase") { write, _ in
            try await write.sql.raw("""
                UPDATE persons SET name = '', active = \(bind: false), password_hash = NULL WHERE login = \(bind: login)
                """).run()
            try await Self.revokeTokens(of: login, on: write, because: "on erasure")
            try await Self.endSessions(of: login, on: write)
        }
        return (erased, await database.emptyLog())
    }

    /// Revokes the account's tokens, each audited as revoked with why (the account's erasure, a new password).
    static func revokeTokens(of login: String, on write: WriteContext, because reason: String) async throws {
        try await revokeTokens(where: "person_id = (SELECT id FROM persons WHERE login = \(bind: login))", on: write, detail: "of \(login), \(reason)")
    }

    /// Revokes the unrevoked tokens `which` selects, each audited as revoked; returns their ids.
    @discardableResult
    static func revokeTokens(where which: SQLQueryString, on write: WriteContext, detail: String?) async throws -> [Int] {
        let ids = try await write.sql.raw("SELECT id FROM api_tokens WHERE \(which) AND revoked_at IS NULL").all()
            .map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        try await write.sql.raw("UPDATE api_tokens SET revoked_at = \(bind: write.timestamp) WHERE id IN (\(binds: ids))").run()
        for id in ids { try await write.audit("token-revoked", kind: "token", record: String(id), detail: detail) }
        return ids
    }

    /// Changes one account as an admin may, auditing it as it was and as it is (without its name). A change that would
    /// leave no active admin is refused: nobody could then manage people but from the database's machine.
    /// - Returns: whether anything changed: a change to what the account is already (a role given again, an account
    ///   disabled twice, a name erased twice) writes nothing and is not audited as a change.
    @discardableResult
    func changePerson(_ login: String, by caller: Caller, action: String = "update",
                              _ change: @Sendable (WriteContext, Person) async throws -> Void) async throws -> Bool {
        try await database.write(by: caller, for: .people) { write in
            // Two admins disabling each other at once on PostgreSQL must not both find the other still there.
            try await Self.lockPersons(write)
            guard let before = try await Self.persons(on: write.sql, login: login).first else { throw StoreError.notFound("account \(login)") }
            // An erased person's login is not handed on: its records and audit entries would read as the newcomer's.
            if before.name.isEmpty, action != "erase" {
                throw StoreError.refused(FieldProblem(field: "login", value: login, Message("person.erased")))
            }
            if before.name.isEmpty, !before.active, action == "erase" {
                write.trail.noteNothingChanged()
                return false
            }
            try await change(write, before)
            guard let after = try await Self.persons(on: write.sql, login: login).first else { throw StoreError.notFound("account \(login)") }
            if action == "update", after == before {
                write.trail.noteNothingChanged()
                return false
            }
            if before.role == .admin && before.active && !(after.role == .admin && after.active),
               try await write.sql.raw("SELECT COUNT(*) AS n FROM persons WHERE role = 'admin' AND active").first(decodingColumn: "n", as: Int.self) == 0 {
                throw StoreError.refused(FieldProblem(field: "login", value: login, Message("person.lastAdmin")))
            }
            try await write.audit(action, kind: "person", record: login, before: AuditedPerson(before), after: AuditedPerson(after))
            return true
        }
    }

    /// Holds other writers of accounts until this transaction ends, where a check is followed by a change: SQLite's
    /// writers already wait for each other; PostgreSQL's would each see the table as it was before the other's.
    static func lockPersons(_ write: WriteContext) async throws {
        if write.connection.backend == .postgres { try await write.sql.raw("LOCK TABLE persons IN SHARE ROW EXCLUSIVE MODE").run() }
    }

    static func endSessions(of login: String, on write: WriteContext) async throws {
        try await write.sql.raw("DELETE FROM sessions WHERE person_id = (SELECT id FROM persons WHERE login = \(bind: login))").run()
    }
}

import Foundation
import HomewardCore
import HummingbirdBcrypt
import SQLKit

/// What a signed-in person does for their own account: change the password, make and revoke their tokens.
extension AccessStore {
    /// Changes the password of the session's person, who proves the current one as at sign-in (a wrong one
    /// counts towards the login's throttle). Every other session of theirs ends: whoever knew the old password
    /// is signed out.
    ///
    /// Only a page session may: a bearer token that could set a password would outlive its own revocation.
    public func changePassword(current: String, new: String, in session: PageSession) async throws {
        guard case .person(let login) = session.caller else { throw StoreError.forbidden(Message("account.session_only")) }
        try PasswordRule.check(new, field: "new")
        guard new != current else { throw StoreError.invalid(field: "new", value: "", reason: "the new password is the current one") }
        _ = try await checkPassword(login: login, current, failure: "wrong current password on a password change", by: session.caller)
        let hash = Bcrypt.hash(new, cost: 12)
        try await database.write(by: session.caller, for: .account) { write in
            try await write.sql.raw("UPDATE persons SET password_hash = \(bind: hash) WHERE login = \(bind: login)").run()
            try await write.sql.raw("""
                DELETE FROM sessions WHERE person_id = (SELECT id FROM persons WHERE login = \(bind: login))
                AND digest <> \(bind: Secret.digest(session.id))
                """).run()
            try await write.audit("password-changed", kind: "person", record: login)
        }
    }

    /// What making or revoking `login`'s tokens needs of `caller`: their own account in a page session, or
    /// an admin's right over people. A token does not make tokens, even its own person's.
    static func need(of caller: Caller, forTokensOf login: String) -> WriteNeed {
        // Exactly: both are as their accounts write them (``Database/canonical(_:on:)``), and a database older than the rule
        // against logins that differ only in case may hold two such accounts.
        caller == .person(login: login) ? .account : .people
    }

    /// Revoking needs less: anyone may revoke their own tokens, by session or by token.
    static func need(of caller: Caller, toRevokeTokensOf login: String?) -> WriteNeed {
        caller.login != nil && caller.login == login ? .account : .people
    }
}

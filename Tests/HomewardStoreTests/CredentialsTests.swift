import HomewardCore
@testable import HomewardStore
import HummingbirdBcrypt
import HomewardTestSupport
import Testing

/// What an account's credentials may come from, what logins may look like, and what a failed sign-in leaves in the audit.
@Suite struct CredentialsTests {
    /// A leaked admin token could otherwise make a password account or a token of its own, and keep a way in after its revocation.
    @Test(arguments: Backend.available)
    func aTokenSetsNoPasswordAndMakesNoToken(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: an admin and a token of theirs
            try await store.access.addPerson(Person(login: "root", name: "Root", organisation: "UNHCR", role: .admin), password: nil, by: .test)
            let token = try await store.access.createToken(for: "root", by: .test)
            let caller = Caller.token(id: token.id, login: "root")
            // act
            // A role or a disabled account brought back would let the token's holder in through an account whose password they know.
            try await store.access.addPerson(Person(login: "partner", name: "P", organisation: "UNHCR", role: .viewer), password: "a long passphrase", by: .test)
            try await store.access.disable("partner", by: .test)
            for change in [{ try await store.access.setRole("partner", to: .admin, by: caller) }, { try await store.access.enable("partner", by: caller) }] {
                await #expect(throws: StoreError.forbidden(Message("access.token.noGrant"))) { try await change() }
            }
            // Nor is an erasure a token's to make: nothing brings the account back.
            await #expect(throws: StoreError.forbidden(Message("access.token.noErase"))) { try await store.access.erase("partner", by: caller) }
            let partner = try await store.access.person("partner")
            #expect(partner?.role == .viewer && partner?.active == false && partner?.name == "P")
            let password = await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "backdoor", name: "B", organisation: "UNHCR", role: .admin),
                                                 password: "a long passphrase", by: caller)
            }
            let ownToken = await #expect(throws: StoreError.self) { try await store.access.createToken(for: "root", by: caller) }
            // An account even without a password is given by a person, with its role: a token adds none.
            let account = await #expect(throws: StoreError.forbidden(Message("access.token.noGrant"))) {
                try await store.access.addPerson(Person(login: "newadmin", name: "N", organisation: "UNHCR", role: .admin), password: nil, by: caller)
            }
            try await store.access.addPerson(Person(login: "reader", name: "R", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            let othersToken = await #expect(throws: StoreError.self) { try await store.access.createToken(for: "reader", by: caller) }
            // check: refused as forbidden
            for refusal in [password, ownToken, othersToken, account] {
                #expect(refusal.map { if case .forbidden = $0 { true } else { false } } == true, "\(String(describing: refusal))")
            }
            #expect(password?.description.contains("cannot outlive its revocation") == true)
            let logins = try await store.access.persons().map(\.login)
            #expect(logins == ["partner", "reader", "root"])
            #expect(try await store.access.tokens().count == 1)
            // The audit names what each refusal tried, and on whom.
            let refused = try await store.access.audit(kind: "people").filter { $0.action == "refused" }.compactMap(\.detail)
            for attempt in ["give partner the role admin", "enable partner", "add the account backdoor with a password", "add the account newadmin",
                            "make a token for reader"] {
                #expect(refused.contains { $0.hasPrefix(attempt + ": ") }, "\(attempt) in \(refused)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func aLoginLikeAnotherOrInAnotherScriptIsRefused(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "viewer1", name: "V", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            for (login, expected) in [("Viewer1", "another writing of the login viewer1"), ("аdmin1", "Latin letters, digits"), ("amal h", "Latin letters")] {
                let refusal = await #expect(throws: StoreError.self) {
                    try await store.access.addPerson(Person(login: login, name: "X", organisation: "UNHCR", role: .admin), password: nil, by: .test)
                }
                #expect(refusal?.description.contains(expected) == true, "\(login): \(String(describing: refusal))")
            }
            try await store.access.addPerson(Person(login: "amal.h@unhcr", name: "Amal", organisation: "UNHCR", role: .editor), password: nil, by: .test)
            #expect(try await store.access.persons().map(\.login) == ["amal.h@unhcr", "viewer1"])
        }
    }

    /// Two servers on one PostgreSQL database adding Viewer1 and viewer1 at once could both pass the check before either committed.
    @Test(arguments: Backend.available)
    func aLoginLikeOneAddedAtTheSameMomentIsRefused(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // act: Viewer1 is inserted in a transaction held open while viewer1 is added beside it
            let beside = try await store.database.write(by: .test, for: .people) { write in
                let organisation = try await OrganisationsStore.organisationID(named: "UNHCR", on: write)
                try await write.sql.raw("""
                    INSERT INTO persons (login, name, organisation_id, role, active, created_at, created_by)
                    VALUES ('Viewer1', 'V', \(bind: organisation), 'viewer', \(bind: true), \(bind: write.timestamp), 'test')
                    """).run()
                let beside = Task {
                    try await store.access.addPerson(Person(login: "viewer1", name: "W", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
                }
                try await Task.sleep(for: .milliseconds(400))
                return beside
            }
            // check: the second waited for the first to commit, and was refused
            let outcome = await beside.result
            #expect(throws: StoreError.self) { try outcome.get() }
            #expect(try await store.access.persons().map(\.login) == ["Viewer1"])
        }
    }

    /// bcrypt reads 72 bytes of a password: a longer one would sign in with any tail, its owner believing the tail counted.
    @Test(arguments: Backend.available)
    func aPasswordLongerThanBcryptReadsIsRefusedWherePasswordsAreSet(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let longest = String(repeating: "س", count: 36), tooLong = String(repeating: "ж", count: 36) + "x"
            #expect(longest.utf8.count == 72 && tooLong.utf8.count == 73)
            // act and check: refused on creation, reset and change, naming the field; 72 bytes are taken
            await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .viewer), password: tooLong, by: .test)
            }
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .viewer), password: longest, by: .test)
            await #expect(throws: StoreError.self) { try await store.access.resetPassword("amal", to: tooLong, by: .test) }
            let session = try await store.access.signIn(login: "amal", password: longest)
            let refused = await #expect(throws: StoreError.self) { try await store.access.changePassword(current: longest, new: tooLong, in: session) }
            #expect(refused?.description.contains("at most 72 bytes") == true, "\(String(describing: refused))")
            if case .invalid(let field, _, _)? = refused { #expect(field == "new") } else { Issue.record("\(String(describing: refused))") }
            #expect(PasswordRule.mistake(tooLong) == "account.password.long" && PasswordRule.mistake(longest) == nil)
            // A NUL ends what bcrypt reads: a passphrase after one would let the account in with an empty password. Refused
            // on creation, reset and change.
            let afterNUL = "\0long secret passphrase"
            #expect(PasswordRule.mistake(afterNUL) == "account.password.nul")
            await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "nul", name: "Nul", organisation: "UNHCR", role: .viewer), password: afterNUL, by: .test)
            }
            await #expect(throws: StoreError.self) { try await store.access.resetPassword("amal", to: "abcdefghijkl\0zz", by: .test) }
            let nulRefused = await #expect(throws: StoreError.self) { try await store.access.changePassword(current: longest, new: afterNUL, in: session) }
            #expect(nulRefused?.description.contains("NUL") == true, "\(String(describing: nulRefused))")
            // A NUL or an empty password never signs in, whatever hash an account holds: one set with "\0long secret passphrase"
            // before the rule holds the hash of "" (bcrypt stopped at the NUL), and one set with "abcdefghijkl\0…" that of its
            // first twelve letters.
            for (hashed, tried) in [("", ""), ("", "\0long secret passphrase"), ("abcdefghijkl", "abcdefghijkl\0anything")] {
                let hash = Bcrypt.hash(hashed, cost: 4)
                #expect(Bcrypt.verify(tried, hash: hash), "bcrypt itself lets \(tried.debugDescription) in: the rule is what refuses it")
                try await store.database.write(by: .test, for: .bookkeeping) { write in
                    try await write.sql.raw("UPDATE persons SET password_hash = \(bind: hash) WHERE login = 'amal'").run()
                }
                await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { try await store.access.signIn(login: "amal", password: tried) }
            }
        }
    }

    /// A partner's account guessing the admin's password from its crossing point must not lock the admin out at the centre.
    @Test(arguments: Backend.available)
    func aLoginThrottledFromOneAddressStillSignsInFromAnother(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "admin", name: "Admin", organisation: "UNHCR", role: .admin),
                                             password: "the right passphrase", by: .test)
            // act: five wrong passwords from one address
            try await RequestOrigin.$address.withValue("10.0.0.9") {
                for _ in 0 ..< AccessStore.throttleFailures {
                    await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { try await store.access.signIn(login: "admin", password: "a guess") }
                }
                // check: refused from there, even with the right password, however often it tries
                for _ in 0 ..< AccessStore.throttleFailuresEverywhere {
                    await #expect { try await store.access.signIn(login: "admin", password: "the right passphrase") } throws: { ($0 as? AccessStore.SignInRefusal)?.isThrottled == true }
                }
            }
            // and signed in from another
            let session = try await RequestOrigin.$address.withValue("10.0.0.1") {
                try await store.access.signIn(login: "admin", password: "the right passphrase")
            }
            #expect(session.caller == .person(login: "admin"))
        }
    }

    /// A password typed into the login field must not be kept for good in an audit nobody can erase.
    @Test(arguments: Backend.available)
    func aFailedSignInKeepsNoTextTypedForALoginNoAccountHas(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .editor),
                                             password: "the right passphrase", by: .test)
            // act
            for (login, password) in [("My Secret Passphrase 99", "x"), ("MySecretPassphrase99", "x"), ("amal", "a wrong passphrase")] {
                await #expect(throws: (any Error).self) { try await store.access.signIn(login: login, password: password) }
            }
            // check
            let failures = try await store.access.audit().filter { $0.action == "sign-in-failed" }
            #expect(failures.count == 3)
            #expect(failures.map(\.record) == [nil, nil, "amal"], "\(failures.map(\.record))")
            #expect(!failures.contains { ($0.detail ?? "").contains("Secret") || ($0.record ?? "").contains("Secret") })
            // An unknown login is throttled as a real one is, so that the throttle tells nobody which logins exist.
            var refusals: [AccessStore.SignInRefusal] = []
            for _ in 1 ... 6 {
                do { _ = try await store.access.signIn(login: "nobody.here", password: "x") } catch let refusal as AccessStore.SignInRefusal { refusals.append(refusal) }
            }
            #expect(refusals.last?.isThrottled == true && refusals.filter(\.isThrottled).count == 1, "\(refusals)")
        }
    }
}

/// An admin changes an account after making it: its role, its state, a lost password, a departed person's name.
@Suite struct PeopleManagementTests {
    /// Without an active admin nobody could manage people but from the database's machine: a stale form or a script could do it.
    @Test(arguments: Backend.available)
    func theLastActiveAdminIsNeitherDisabledNorDemotedNorErased(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: two admins
            for login in ["root", "second"] {
                try await store.access.addPerson(Person(login: login, name: login, organisation: "UNHCR", role: .admin), password: nil, by: .test)
            }
            // act: one of two may go; the last may not, whichever way
            try await store.access.disable("second", by: .test)
            let attempts: [(String, @Sendable () async throws -> Void)] = [
                ("disable", { try await store.access.disable("root", by: .test) }),
                ("set-role", { try await store.access.setRole("root", to: .coordinator, by: .test) }),
                ("erase", { try await store.access.erase("root", by: .test) }),
            ]
            for (name, attempt) in attempts {
                let refusal = await #expect(throws: StoreError.self, "\(name)") { try await attempt() }
                #expect(refusal?.description.contains("the last active admin") == true, "\(name): \(String(describing: refusal))")
            }
            let rootAfterRefusals = try await store.access.person("root")
            // With another admin active again, the first may become a coordinator.
            try await store.access.enable("second", by: .test)
            try await store.access.setRole("root", to: .coordinator, by: .test)
            // check
            #expect(rootAfterRefusals == Person(login: "root", name: "root", organisation: "UNHCR", role: .admin))
            #expect(try await store.access.person("root")?.role == .coordinator)
        }
    }

    @Test(arguments: Backend.available)
    func anAccountsRoleStateAndPasswordChangeAndANameIsErased(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            try await store.access.addPerson(Person(login: "root", name: "Root", organisation: "UNHCR", role: .admin), password: nil, by: .test)
            try await store.access.addPerson(Person(login: "amal", name: "Amal Haddad", organisation: "UNHCR", role: .viewer),
                                             password: "the first passphrase", by: .test)
            let admin = Caller.person(login: "root")
            // act and check: a role, a state
            try await store.access.setRole("amal", to: .editor, by: admin)
            try await store.access.disable("amal", by: admin)
            try await store.access.enable("amal", by: admin)
            #expect(try await store.access.person("amal") == Person(login: "amal", name: "Amal Haddad", organisation: "UNHCR", role: .editor))
            // a lost password: set by a person, not a token; the old one no longer signs in, the new one does
            let session = try await store.access.signIn(login: "amal", password: "the first passphrase")
            let token = try await store.access.createToken(for: "root", by: .test)
            await #expect(throws: StoreError.self) {
                try await store.access.resetPassword("amal", to: "a token's passphrase", by: .token(id: token.id, login: "root"))
            }
            let amalsToken = try await store.access.createToken(for: "amal", by: .test)
            try await store.access.resetPassword("amal", to: "the second passphrase", by: admin)
            #expect(try await store.access.session(session.id) == nil, "the sessions ended")
            #expect(try await store.access.caller(forToken: amalsToken.token, at: nil) != nil, "a forgotten password leaves the tokens")
            try await store.access.resetPassword("amal", to: "the second passphrase", revokingTokens: true, by: admin)
            #expect(try await store.access.caller(forToken: amalsToken.token, at: nil) == nil, "another's password: its tokens go too")
            await #expect(throws: (any Error).self) { try await store.access.signIn(login: "amal", password: "the first passphrase") }
            _ = try await store.access.signIn(login: "amal", password: "the second passphrase")
            // a name erased: the account stays by its login, disabled, its tokens revoked, its name nowhere
            _ = try await store.access.createToken(for: "amal", by: .test)
            try await store.access.erase("amal", by: admin)
            let erased = try #require(try await store.access.person("amal"))
            #expect(erased.name.isEmpty && !erased.active && erased.role == .editor)
            #expect(try await store.access.tokens(of: "amal").allSatisfy { $0.revoked != nil })
            await #expect(throws: (any Error).self) { try await store.access.signIn(login: "amal", password: "the second passphrase") }
            // An erased person's login is not handed on to someone new.
            let handedOn = await #expect(throws: StoreError.self) { try await store.access.enable("amal", by: admin) }
            #expect(handedOn?.description.contains("was erased") == true)
            await #expect(throws: StoreError.self) { try await store.access.resetPassword("amal", to: "a third passphrase", by: admin) }
            let audit = try await store.access.audit().filter { $0.kind == "person" && $0.record == "amal" }
            #expect(audit.map(\.action) == ["create", "update", "update", "update", "password-reset", "password-reset-tokens-revoked", "erase"], "\(audit.map(\.action))")
            #expect(!audit.contains { ($0.before ?? "").contains("Haddad") || ($0.after ?? "").contains("Haddad") })
        }
    }
}

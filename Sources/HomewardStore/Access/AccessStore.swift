import Foundation
import HomewardCore
import HummingbirdBcrypt
import SQLKit

/// People and their credentials: accounts, API tokens, page sessions, and the audit log they leave.
public struct AccessStore: Sendable {
    let database: Database
    let proofs = TokenProofs()

    public init(database: Database) {
        self.database = database
    }

    /// Adds an account; its organisation is created if it is new.
    ///
    /// - Parameter password: hashed with bcrypt; `nil` for an account that uses tokens only.
    public func addPerson(_ person: Person, password: String?, by caller: Caller) async throws {
        let login = person.login.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty else { throw StoreError.refused(FieldProblem(field: "login", value: "", Message("person.login.missing"))) }
        // A password set by a token would give whoever holds the token a way in that outlives the token's revocation; an
        // account, with its role, is given by a person as a role is (``setRole(_:to:by:)``).
        if password != nil, case .token = caller {
            throw await auditedRefusal( Message("access.token.noCredentials"), for: .people, by: caller, attempt: "add the account \(FieldProblem.shown(login)) with a password")
        }
        if case .token = caller { throw await auditedRefusal( Message("access.token.noGrant"), for: .people, by: caller, attempt: "add the account \(FieldProblem.shown(login))") }
        guard Person.isValidNewLogin(login) else {
            throw StoreError.refused(FieldProblem(field: "login", value: person.login, Message("person.login.invalid", ["maximum": .count(32)])))
        }
        for (field, value) in [("name", person.name), ("organisation", person.organisation)] where !PlainName.isValid(value) {
            throw StoreError.invalid(field: field, value: value, reason: value.containsDirectionControl
                                     ? Catalogue.english.text(Message("import.directionControl")) : "a person's \(field) is one line of 1 to 200 characters, without control characters (a line break, a tab)")
        }
        if let password { try PasswordRule.check(password, field: "password") }
        let hash = password.map { Bcrypt.hash($0, cost: 12) }
        try await database.write(by: caller, for: .people) { write in
            // The check below, then the insert: on PostgreSQL another process's Viewer1 could pass the check beside this viewer1
            // until one of them commits. SQLite's writers already wait for each other.
            try await Self.lockPersons(write)
            if try await write.sql.raw("SELECT id FROM persons WHERE login = \(bind: login)").first() != nil {
                throw StoreError.conflict("an account with login \(login) exists already")
            }
            // Viewer1 beside viewer1: the audit and the people page would name two accounts alike.
            let logins = try await write.sql.raw("SELECT login FROM persons").all().map { try $0.decode(column: "login", as: String.self) }
            if let known = RecordCode.taken(login, among: logins) {
                throw StoreError.refused(FieldProblem(field: "login", value: login, Message("person.login.taken", ["known": .code(known)])))
            }
            let organisation = try await OrganisationsStore.organisationID(named: person.organisation, on: write)
            // An account is a partner's: in a working group, its editors would write every member's group records as their own.
            if try await write.sql.raw("SELECT working_group FROM organisations WHERE id = \(bind: organisation)").first(decodingColumn: "working_group", as: Bool.self) == true {
                throw StoreError.refused(FieldProblem(field: "organisation", value: person.organisation, Message("person.organisation.workingGroup")))
            }
            try await write.sql.raw("""
                INSERT INTO persons (login, name, organisation_id, role, active, password_hash, created_at, created_by)
                VALUES (\(bind: login), \(bind: person.name), \(bind: organisation), \(bind: person.role.rawValue), \(bind: person.active),
                        \(bind: hash), \(bind: write.timestamp), \(bind: write.caller.description))
                """).run()
            var stored = person
            stored.login = login
            try await write.audit("create", kind: "person", record: login, after: AuditedPerson(stored))
        }
    }

    /// Every account, by login.
    public func persons() async throws -> [Person] {
        try await database.read { try await Self.persons(on: $0, login: nil) }
    }

    public func person(_ login: String) async throws -> Person? {
        try await database.read { try await Self.persons(on: $0, login: try await Self.storedLogin(login, on: $0)).first }
    }

    /// The login as its account writes it, for one given in any letter case: logins that differ only in case are refused
    /// when an account is made, so at most one matches (`Amal` is `amal`). `given` where none does.
    func storedLogin(_ given: String) async throws -> String {
        try await database.read { try await Self.storedLogin(given, on: $0) }
    }

    static func storedLogin(_ given: String, on db: any SQLDatabase) async throws -> String {
        try await Database.knownLogin(given, on: db) ?? given
    }

    static func persons(on db: any SQLDatabase, login: String?) async throws -> [Person] {
        let only: SQLQueryString = login.map { "WHERE p.login = \(bind: $0)" } ?? ""
        return try await db.raw("""
            SELECT p.login, p.name, p.role, p.active, o.name AS organisation FROM persons p
            JOIN organisations o ON o.id = p.organisation_id \(only) ORDER BY p.login
            """).all().map { row in
            let roleText = try row.decode(column: "role", as: String.self)
            guard let role = Role(rawValue: roleText) else { throw StoreError.database("persons holds role '\(roleText)'") }
            return Person(login: try row.decode(column: "login", as: String.self), name: try row.decode(column: "name", as: String.self),
                          organisation: try row.decode(column: "organisation", as: String.self), role: role,
                          active: try row.decode(column: "active", as: Bool.self))
        }
    }

    /// Disables an account: it signs in no more, its tokens and sessions stop working, its history stays.
    /// - Returns: whether it was enabled.
    @discardableResult
    public func disable(_ given: String, by caller: Caller) async throws -> Bool {
        let login = try await storedLogin(given)
        return try await changePerson(login, by: caller) { write, _ in
            try await write.sql.raw("UPDATE persons SET active = \(bind: false) WHERE login = \(bind: login)").run()
            try await Self.endSessions(of: login, on: write)
        }
    }
}

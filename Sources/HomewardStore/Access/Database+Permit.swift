import HomewardCore
import SQLKit

/// A write refused by the caller's permit: rolled back, audited, and answered as ``StoreError/forbidden(_:)``,
/// or ``StoreError/unauthenticated(_:)`` when the caller is no one the store knows.
struct AccessRefusal: Error {
    let message: Message
    var unknownCaller = false
    /// What was tried, for the audit (`aid from POST /api/v1/aid: 2 rows of another organisation`): refusals of one
    /// account's writes for another organisation would otherwise read alike whatever they were.
    var attempt: String?
    /// An import's summary, its problems the rows refused: which of a file's thousands name another organisation.
    var summary: ImportSummary?

    var storeError: StoreError {
        unknownCaller ? .unauthenticated(message) : summary.map { .forbiddenRecords(message, $0) } ?? .forbidden(message)
    }
}

extension Permit {
    /// Why a write that needs `need` is refused, as the store throws it; `nil` when it is allowed.
    func refusal(for need: WriteNeed) -> AccessRefusal? {
        refusal(for: need).map { AccessRefusal(message: $0, unknownCaller: role == nil) }
    }
}

extension Database {
    /// The login as its account writes it, for one given in any letter case; `nil` when no account has it, or when two
    /// accounts of a database older than the rule against it differ only in case and neither is written as given.
    static func knownLogin(_ given: String, on db: any SQLDatabase) async throws -> String? {
        // What no text column takes (a NUL, which PostgreSQL refuses) is never sent to SQL. Logins are Latin letters, digits
        // and `. _ - @` (``Person/isValidNewLogin(_:)``), whose case both databases' `lower` folds alike; any other text is
        // matched as written (PostgreSQL folds the Kelvin sign to k by its locale, SQLite folds nothing beyond ASCII).
        guard !given.containsNUL else { return nil }
        let folded: SQLQueryString = given.utf8.allSatisfy({ $0 < 0x80 }) ? "lower(login) = lower(\(bind: given))" : "login = \(bind: given)"
        let stored = try await db.raw("SELECT login FROM persons WHERE \(folded)").all()
            .map { try $0.decode(column: "login", as: String.self) }
        return stored.contains(given) ? given : stored.count == 1 ? stored[0] : nil
    }

    /// Where `column` names a caller as the audit does (`person:amal`, `token:12:amal`), that it is the account with `login`
    /// (as stored: ``canonical(_:on:)``), signed in or through any of its tokens. A token's ends with ":login", compared
    /// exactly (LIKE would take `_` and `%` in a login as wildcards, and ignores case on SQLite only).
    static func byAccount(_ login: String, column: String) -> SQLQueryString {
        let suffix = ":" + login
        return """
            (\(unsafeRaw: column) = \(bind: "person:\(login)") OR (\(unsafeRaw: column) LIKE 'token:%'
             AND substr(\(unsafeRaw: column), CAST(length(\(unsafeRaw: column)) - \(bind: suffix.unicodeScalars.count) + 1 AS INTEGER)) = \(bind: suffix)))
            """
    }

    /// The caller with its login as its account writes it: the command line's `--as AMAL` writes, and is audited, as
    /// `amal`, as a sign-in typed so is. Sessions and tokens name their accounts as stored already.
    static func canonical(_ caller: Caller, on db: any SQLDatabase) async throws -> Caller {
        guard case .person(let login) = caller, let stored = try await knownLogin(login, on: db), stored != login else { return caller }
        return .person(login: stored)
    }

    /// What `caller` may write, read in the write's own transaction so that a person disabled a moment
    /// ago writes nothing more.
    /// - Parameter locking: hold the account and its organisation's group memberships (PostgreSQL's `FOR SHARE`) until the
    ///   write ends, so that a member taken out of a group, an account disabled or a role changed while a long import runs
    ///   waits for it, rather than committing under it while the import goes on writing what it no longer may (SQLite's
    ///   writers take turns already).
    static func permit(of typed: Caller, on db: any SQLDatabase, locking: Bool = false) async throws -> Permit {
        // Every reader of a permit (an audit's reader, a shortcut for what is known already) takes the login as its
        // account writes it, as a write's caller is (``canonical(_:on:)``).
        try await permit(ofCanonical: try await canonical(typed, on: db), on: db, locking: locking)
    }

    /// The permit of a caller already made canonical: a write looks its login up once, not once more here.
    static func permit(ofCanonical caller: Caller, on db: any SQLDatabase, locking: Bool = false) async throws -> Permit {
        switch caller {
        case .system: return .owner
        case .anonymous: return .everyoneElse
        case .person(let login), .token(_, let login):
            guard let row = try await db.raw("""
                SELECT p.role, p.active, p.organisation_id, o.name AS organisation FROM persons p
                JOIN organisations o ON o.id = p.organisation_id WHERE p.login = \(bind: login)\(unsafeRaw: locking ? " FOR SHARE OF p" : "")
                """).first(),
                  try row.decode(column: "active", as: Bool.self),
                  let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else {
                throw AccessRefusal(message: Message("access.inactive", ["login": .text(login)]), unknownCaller: true)
            }
            let groups = try await db.raw("""
                SELECT g.name FROM organisation_members m JOIN organisations g ON g.id = m.group_id
                WHERE m.member_id = \(bind: try row.decode(column: "organisation_id", as: Int.self))\(unsafeRaw: locking ? " FOR SHARE OF m" : "")
                """).all().map { try $0.decode(column: "name", as: String.self) }
            let person = Person(login: login, name: login, organisation: try row.decode(column: "organisation", as: String.self), role: role)
            return Permit(person: person, workingGroups: Set(groups))
        }
    }
}

extension Database {
    /// The one organisation an editor may write for, where it belongs to no working group; `nil` for anyone else (a
    /// coordinator writes for any, a viewer for none), and for a caller whose account is not active (the write refuses it).
    func soleOrganisation(of caller: Caller) async throws -> String? {
        guard caller.login != nil else { return nil }
        let permit = try? await read { try await Self.permit(of: caller, on: $0) }
        guard permit?.role == .editor, let organisations = permit?.organisations, organisations.count == 1 else { return nil }
        return organisations.first
    }

    /// Refuses a caller whose role may never make a write of `need`, before anything of the write is read, auditing the
    /// refusal as a write's own is audited; a caller who may is checked again, organisation and all, by the write itself.
    /// - Parameter attempt: what was tried, for the audit (`POST /people/coord1/role`): a refusal names its target.
    public func checkRole(of caller: Caller, for need: WriteNeed, attempt: String? = nil) async throws {
        let refusal: AccessRefusal
        do {
            let permit = try await read { try await Self.permit(of: caller, on: $0) }
            guard let refused: AccessRefusal = permit.refusal(for: need) else { return }
            refusal = refused
        } catch let refused as AccessRefusal {
            refusal = refused
        }
        await auditRefusal([attempt, Catalogue.english.text(refusal.message)].compactMap { $0 }.joined(separator: ": "), kind: need.rawValue, by: caller)
        throw refusal.storeError
    }

    /// Who a refusal is audited as, and its detail: a login no account has (`--as` mistyped, or a password typed in its
    /// place) is not kept, as a sign-in's is not; the refusal is the command line operator's, the login left out as a word
    /// of the detail (not every substring of it: "the …ccount").
    /// A disabled or erased account's login given to the command line (`--as`) did nothing of itself either: the refusal is
    /// the operator's, the login named in the detail. A server's request with it (a session the account was disabled under)
    /// stays the account's, the detail saying it is disabled.
    static func refusalKept(by caller: Caller, detail: String, on db: any SQLDatabase) async throws -> (Caller, String) {
        guard case .person(let login) = caller else { return (caller, detail) }
        guard let stored = try await knownLogin(login, on: db) else {
            return (.operatingSystemUser, "as a login no account has: " + detail.replacingOccurrences(of: " \(login) ", with: " … "))
        }
        let active = try await db.raw("SELECT active FROM persons WHERE login = \(bind: stored)").first(decodingColumn: "active", as: Bool.self) ?? false
        if active { return (caller, detail) }
        return RequestOrigin.isCommandLine ? (.operatingSystemUser, "as \(stored), an account disabled or erased: " + detail)
            : (caller, "the account is disabled or erased: " + detail)
    }

    /// Audits a refusal made outside a write's transaction, in a transaction of its own, as a write's own refusal is: a leaked
    /// token tried for a way in leaves a trace. Should the audit fail, the caller is refused all the same, and it is logged.
    func auditRefusal(_ message: Message, for need: WriteNeed, by caller: Caller) async {
        await auditRefusal(Catalogue.english.text(message), kind: need.rawValue, by: caller)
    }

    /// Audits a refusal that the server makes before any store is asked (a session's form without its CSRF token, or
    /// posted from another site): a forged request against a signed-in officer leaves a trace, naming whose session it rode.
    public func auditRefusal(_ detail: String, kind: String, by caller: Caller) async {
        do {
            let (by, kept) = try await read { try await Self.refusalKept(by: caller, detail: detail, on: $0) }
            try await write(by: by, for: .bookkeeping) { write in
                try await write.audit("refused", kind: kind, detail: kept)
            }
        } catch {
            logger.error("a refusal could not be audited: \(String(reflecting: error))")
        }
    }
}

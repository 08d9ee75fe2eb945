import HomewardCore
import SQLKit

extension AccessStore {
    /// The audit log, oldest first, within the days and of the person and kind asked.
    ///
    /// - Parameter login: entries by this person, signed in or through a token.
    /// - Parameter after: entries after this one's id: the next page, or what was added since a reader last looked.
    /// - Parameter reader: who asks; only coordinators and admins (and the database's owner) read the audit.
    public func audit(from: Day? = nil, to: Day? = nil, login: String? = nil, kind: String? = nil, after: Int? = nil, limit: Int = 10_000,
                      readBy reader: Caller = .system(user: "owner")) async throws -> [AuditEntry] {
        try await database.read { db in
            let permit: Permit
            do { permit = try await Database.permit(of: reader, on: db) } catch let refusal as AccessRefusal { throw refusal.storeError }
            if let refusal: AccessRefusal = permit.refusal(for: .planning) {
                // A read, refused as one: not "may not write planning".
                guard let role = permit.role else { throw refusal.storeError }
                throw StoreError.forbidden(Message("access.readAudit", ["role": .code(role.rawValue)]))
            }
            var conditions: [SQLQueryString] = []
            if let from, let to, to < from { throw StoreError.invalid(field: "to", value: to.description, reason: "before the start, \(from)") }
            if let from { conditions.append("at >= \(bind: from.description)") }
            if let to { conditions.append("at < \(bind: to.adding(days: 1).description)") }
            if let given = login, given.hasPrefix("system:") || given.hasPrefix("anonymous:") {
                // No account's: the command line's operating-system user, a caller who proved no identity.
                conditions.append("actor = \(bind: given)")
            } else if let written = login {
                // As the audit writes an account's entries (`person:amal`, `token:12:amal`), or its login alone.
                let parts = written.split(separator: ":", omittingEmptySubsequences: false)
                let given = parts.count == 2 && parts[0] == "person" || parts.count == 3 && parts[0] == "token" && Int(parts[1]) != nil
                    ? String(parts.last!) : written
                guard let login = try await Database.knownLogin(given, on: db) else {
                    throw StoreError.invalid(field: "user", value: given, reason: "no account has this login")
                }
                conditions.append(Database.byAccount(login, column: "actor"))
            }
            if let kind {
                // A kind misspelt would find nothing, said as an empty log; one the log holds is taken whatever this version knows.
                if !AuditEntry.kinds.contains(kind), try await db.raw("SELECT 1 AS one FROM audit_log WHERE kind = \(bind: kind) LIMIT 1").first() == nil {
                    throw StoreError.invalid(field: "kind", value: kind, reason: "no such kind; one of " + AuditEntry.kinds.sorted().joined(separator: ", "))
                }
                conditions.append("kind = \(bind: kind)")
            }
            if let after { conditions.append("id > \(bind: after)") }
            var filter: SQLQueryString = ""
            for (index, condition) in conditions.enumerated() { filter = index == 0 ? "WHERE \(condition)" : "\(filter) AND \(condition)" }
            return try await db.raw("SELECT * FROM audit_log \(filter) ORDER BY id LIMIT \(bind: limit)").all().map { row in
                AuditEntry(id: try row.decode(column: "id", as: Int.self), at: try row.decode(column: "at", as: String.self),
                           actor: try row.decode(column: "actor", as: String.self), address: try row.decode(column: "address", as: String?.self),
                           action: try row.decode(column: "action", as: String.self), kind: try row.decode(column: "kind", as: String.self),
                           record: try row.decode(column: "record", as: String?.self), detail: try row.decode(column: "detail", as: String?.self),
                           before: try row.decode(column: "before_value", as: String?.self),
                           after: try row.decode(column: "after_value", as: String?.self))
            }
        }
    }
}

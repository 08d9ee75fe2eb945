import HomewardCore
import SQLKit

/// Partner organisations, created on first use by name.
public struct OrganisationsStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func organisations() async throws -> [Organisation] {
        try await database.read { db in
            try await db.raw("SELECT id, name, working_group FROM organisations ORDER BY name").all().map { row in
                Organisation(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                             workingGroup: try row.decode(column: "working_group", as: Bool.self))
            }
        }
    }

    /// Refuses an organisation's name written another way than a known one's (`unhcr`) in a filter, which would read as
    /// "none recorded"; a name not known at all stays a question whose answer is none. Asked only of an empty answer.
    static func refuseOtherSpelling(_ organisation: String, field: String = "organisation", on db: any SQLDatabase) async throws {
        let names = try await db.raw("SELECT name FROM organisations").all().map { try $0.decode(column: "name", as: String.self) }
        let known = OrganisationNames(names)
        if let other = known.otherSpelling(of: organisation) {
            throw StoreError.invalid(field: field, value: organisation, reason: "no organisation is written so; did you mean '\(other)'?")
        }
        // `Test+Org`, as most HTTP libraries write a space in a query: a plus sign there is a plus sign.
        let spaced = organisation.replacingOccurrences(of: "+", with: " ")
        if spaced != organisation, let meant = names.contains(spaced) ? spaced : known.otherSpelling(of: spaced) {
            throw StoreError.invalid(field: field, value: organisation,
                                     reason: "no organisation is written so; did you mean '\(meant)'? A '+' in a query is a plus sign: write a space as %20")
        }
    }

    /// Refuses an organisation given in a query with '+' for its spaces (`org=Save+the+Children`, as most HTTP libraries
    /// write it) where a known one is meant: an import would otherwise make a second organisation of that name.
    public func refusePlusForSpace(_ organisation: String?, field: String) async throws {
        guard let organisation, organisation.contains("+") else { return }
        try await database.read { try await Self.refuseOtherSpelling(organisation, field: field, on: $0) }
    }

    /// The id of the organisation with this name, created if it is new; a creation is audited, as every change is.
    /// - Parameters:
    ///   - checkingSpelling: whether a new name is held to the known ones here; an import checks every row's name
    ///     against those it read once (``OrganisationNames``), and reading them all again for each new name would make a
    ///     file of many new organisations quadratic.
    ///   - auditingCreation: `false` where the caller audits the creation itself (``add(_:workingGroup:members:by:)``).
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` for a new name that differs from a known one only in case or spacing.
    /// - Parameter field: what a refusal of another spelling names: the command line's `org`, or the request's own key.
    static func organisationID(named name: String, on write: WriteContext, checkingSpelling: Bool = true,
                               auditingCreation: Bool = true, field: String = "org") async throws -> Int {
        // PostgreSQL takes no NUL in text, and would refuse the statement as the database's failure rather than the name's.
        if name.containsNUL { throw StoreError.refused(FieldProblem(field: field, value: name, Message("import.nul"))) }
        if name.containsDirectionControl { throw StoreError.refused(FieldProblem(field: field, value: name, Message("import.directionControl"))) }
        let created = try await write.sql.raw("""
            INSERT INTO organisations (name, created_at) VALUES (\(bind: name), \(bind: write.timestamp)) ON CONFLICT (name) DO NOTHING RETURNING id
            """).first(decodingColumn: "id", as: Int.self)
        if let created {
            // Another spelling of a known organisation would split its figures: refused, naming the known one.
            if checkingSpelling {
                let others = try await write.sql.raw("SELECT name FROM organisations WHERE id <> \(bind: created)").all()
                var known = OrganisationNames(try others.map { try $0.decode(column: "name", as: String.self) })
                if let spelling = known.knownSpelling(of: name) {
                    throw StoreError.refused(FieldProblem(field: field, value: name, Message("import.organisation.spelling", ["known": .text(spelling)])))
                }
            }
            if auditingCreation { try await write.audit("create", kind: "organisation", record: name, detail: "created where first named") }
            return created
        }
        guard let id = try await write.sql.raw("SELECT id FROM organisations WHERE name = \(bind: name)").first(decodingColumn: "id", as: Int.self) else {
            throw StoreError.notFound("organisation \(name)")
        }
        return id
    }
}

import HomewardCore
import SQLKit

extension OrganisationsStore {
    /// Adds an organisation, or a working group with its member organisations (created if new); an editor of
    /// a member writes the group's records. Adding members to an existing group keeps its other members.
    public func add(_ name: String, workingGroup: Bool = false, members: [String] = [], by caller: Caller) async throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard PlainName.isValid(trimmed) else {
            throw StoreError.invalid(field: "name", value: name, reason: "an organisation's name is text of 1 to 200 characters")
        }
        if let bad = members.first(where: { !PlainName.isValid($0) }) {
            throw StoreError.invalid(field: "member", value: bad, reason: "an organisation's name is text of 1 to 200 characters")
        }
        guard members.isEmpty || workingGroup else {
            throw StoreError.invalid(field: "member", value: members[0], reason: "only a working group has members (--working-group)")
        }
        try await database.write(by: caller, for: .reference) { write in
            let id = try await Self.organisationID(named: trimmed, on: write, auditingCreation: false)
            if workingGroup {
                try await write.sql.raw("UPDATE organisations SET working_group = \(bind: true) WHERE id = \(bind: id)").run()
            }
            for member in members {
                let memberID = try await Self.organisationID(named: member.trimmingCharacters(in: .whitespaces), on: write)
                try await write.sql.raw("""
                    INSERT INTO organisation_members (group_id, member_id) VALUES (\(bind: id), \(bind: memberID)) ON CONFLICT DO NOTHING
                    """).run()
            }
            try await write.audit("create", kind: "organisation", record: trimmed,
                                  detail: workingGroup ? "working group of \(members.joined(separator: ", "))" : nil)
        }
    }

    /// Each working group's members, by the group's name.
    public func members() async throws -> [String: [String]] {
        try await database.read { db in
            var groups: [String: [String]] = [:]
            for row in try await db.raw("""
                SELECT g.name AS group_name, m.name AS member FROM organisation_members om
                JOIN organisations g ON g.id = om.group_id JOIN organisations m ON m.id = om.member_id ORDER BY g.name, m.name
                """).all() {
                groups[try row.decode(column: "group_name", as: String.self), default: []].append(try row.decode(column: "member", as: String.self))
            }
            return groups
        }
    }
}

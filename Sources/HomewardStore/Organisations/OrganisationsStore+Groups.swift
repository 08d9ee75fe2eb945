import HomewardCore
import SQLKit

extension OrganisationsStore {
    /// Adds an organisation, or a working group with its member organisations (created if new); an editor of
    /// a member writes the group's records. Adding members to an existing group keeps its other members; `removing`
    /// takes members out, and with them their editors' right to write the group's records.
    ///
    /// A group is refused as a member of itself or of another group (an editor of a member of a member writes nothing), and
    /// an organisation with accounts of its own is a partner, not made a group: its figures would become another's to write.
    /// - Returns: whether the organisation was added, changed (made a group, given or losing members), or known already as asked.
    @discardableResult
    public func add(_ name: String, workingGroup: Bool = false, members: [String] = [], removing: [String] = [],
                    by caller: Caller) async throws -> Organisation.Addition {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard PlainName.isValid(trimmed) else {
            throw StoreError.invalid(field: "name", value: name, reason: "an organisation's name is one line of 1 to 200 characters, without control characters (a line break, a tab)")
        }
        if let bad = members.first(where: { !PlainName.isValid($0) }) {
            throw StoreError.invalid(field: "member", value: bad, reason: "an organisation's name is one line of 1 to 200 characters, without control characters (a line break, a tab)")
        }
        guard members.isEmpty || workingGroup else {
            throw StoreError.invalid(field: "member", value: members[0], reason: "only a working group has members (--working-group)")
        }
        let memberNames = members.map { $0.trimmingCharacters(in: .whitespaces) }
        let removedNames = removing.map { $0.trimmingCharacters(in: .whitespaces) }
        let group = OrganisationNames([trimmed])
        if let own = memberNames.first(where: { $0 == trimmed || group.otherSpelling(of: $0) != nil }) {
            throw StoreError.refused(FieldProblem(field: "member", value: own, Message("organisations.group.ofItself")))
        }
        if let both = memberNames.first(where: removedNames.contains) {
            throw StoreError.refused(FieldProblem(field: "remove_member", value: both, Message("organisations.group.addedAndRemoved")))
        }
        // Known already as asked: nothing to write, and nothing for the audit to call a creation; but only for a caller who
        // may add organisations, or a viewer would learn "known" where the write would refuse them (and audit it).
        let permit = try? await database.read { try await Database.permit(of: caller, on: $0) }
        let refusal: Message? = permit.flatMap { $0.refusal(for: .reference) }
        if permit != nil, refusal == nil, removedNames.isEmpty, let known = try await organisations().first(where: { $0.name == trimmed }),
           known.workingGroup || !workingGroup, Set(memberNames).isSubset(of: try await self.members()[trimmed] ?? []) {
            return .unchanged
        }
        return try await database.write(by: caller, for: .reference) { write in
            let known = try await write.sql.raw("SELECT working_group FROM organisations WHERE name = \(bind: trimmed)")
                .first(decodingColumn: "working_group", as: Bool.self)
            let id = try await Self.organisationID(named: trimmed, on: write, auditingCreation: false, field: "name")
            if workingGroup && known == false {
                let accounts = try await write.sql.raw("SELECT COUNT(*) AS n FROM persons WHERE organisation_id = \(bind: id)")
                    .first(decodingColumn: "n", as: Int.self) ?? 0
                if accounts > 0 {
                    throw StoreError.refused(FieldProblem(field: "name", value: trimmed, Message("organisations.group.hasAccounts", ["accounts": .count(accounts)])))
                }
                // A member of a group made a group itself would nest them, which neither way round is allowed.
                if let group = try await write.sql.raw("""
                    SELECT g.name FROM organisation_members m JOIN organisations g ON g.id = m.group_id WHERE m.member_id = \(bind: id) ORDER BY g.name LIMIT 1
                    """).first(decodingColumn: "name", as: String.self) {
                    throw StoreError.refused(FieldProblem(field: "name", value: trimmed, Message("organisations.group.isMember", ["group": .text(group)])))
                }
            }
            // Only where it changes: the row would be locked until the commit, and an import of the group's records checking
            // the organisations it names (``MovementReferences``) would wait on it while this waits on the import.
            if workingGroup && known != true {
                try await write.sql.raw("UPDATE organisations SET working_group = \(bind: true) WHERE id = \(bind: id)").run()
            }
            var joined: [String] = [], left: [String] = []
            // A member to take out is found as a new one would be: `iom` is IOM, not "no member of that name".
            let current = try await write.sql.raw("""
                SELECT o.name FROM organisation_members m JOIN organisations o ON o.id = m.member_id WHERE m.group_id = \(bind: id)
                """).all().map { try $0.decode(column: "name", as: String.self) }
            let members = OrganisationNames(current)
            for asked in removedNames {
                let member = members.otherSpelling(of: asked) ?? asked
                let deleted = try await write.sql.raw("""
                    DELETE FROM organisation_members WHERE group_id = \(bind: id)
                    AND member_id = (SELECT id FROM organisations WHERE name = \(bind: member)) RETURNING member_id
                    """).first()
                guard deleted != nil else {
                    throw StoreError.refused(FieldProblem(field: "remove_member", value: member, Message("organisations.group.notMember", ["group": .text(trimmed)])))
                }
                left.append(member)
            }
            for member in memberNames {
                let memberID = try await Self.organisationID(named: member, on: write, field: "member")
                let isGroup = try await write.sql.raw("SELECT working_group FROM organisations WHERE id = \(bind: memberID)")
                    .first(decodingColumn: "working_group", as: Bool.self) ?? false
                if isGroup { throw StoreError.refused(FieldProblem(field: "member", value: member, Message("organisations.group.nested"))) }
                let inserted = try await write.sql.raw("""
                    INSERT INTO organisation_members (group_id, member_id) VALUES (\(bind: id), \(bind: memberID)) ON CONFLICT DO NOTHING RETURNING group_id
                    """).first()
                if inserted != nil { joined.append(member) }
            }
            let madeGroup = workingGroup && known == false
            let detail = [madeGroup || (known == nil && workingGroup) ? "working group" : nil, joined.isEmpty ? nil : "members added: \(joined.joined(separator: ", "))",
                          left.isEmpty ? nil : "members removed: \(left.joined(separator: ", "))"]
                .compactMap { $0 }.joined(separator: "; ")
            try await write.audit(known == nil ? "create" : "update", kind: "organisation", record: trimmed, detail: detail.isEmpty ? nil : detail)
            return known == nil ? .added : .changed
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

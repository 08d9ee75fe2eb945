import Foundation
import HomewardCore
import HomewardStore
import HomewardTestSupport
import SQLKit
import Testing

/// The role a server connects as on PostgreSQL: it writes records, and cannot touch the audit or the schema.
@Suite struct ApplicationRoleTests {
    @Test func anSQLiteFileHasNoRolesToGrant() async throws {
        try await withStores(.sqlite) { store in
            await #expect(throws: StoreError.self) { try await store.database.grantApplicationRole("homeward_app", password: nil, by: .test) }
        }
    }

    @Test(.enabled(if: Backend.postgresURL != nil))
    func theServersRoleWritesRecordsButCannotChangeTheAuditOrTheSchema() async throws {
        // setup: a database migrated by its owner, and the role granted on it
        let location = try await TestStores.shared.location(for: .postgres)
        guard case .postgres(let url) = location else { return }
        let role = "hw_app_" + UUID().uuidString.prefix(8).lowercased()
        let owner = try await Stores.open(location, logger: TestStores.shared.logger)
        await #expect(throws: StoreError.self) { try await owner.database.grantApplicationRole("Robert'); DROP", password: nil, by: .test) }
        try await owner.database.grantApplicationRole(role, password: nil, by: .test)
        var asRole = URLComponents(string: url)!
        asRole.user = role
        let app = try await Stores.open(.postgres(url: asRole.string!), logger: TestStores.shared.logger)
        do {
            // act: an ordinary write through the role, audited
            try await app.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
            let entries = try await app.access.audit()
            #expect(entries.contains { $0.action == "create" && $0.kind == "site" && $0.record == "HOL" })
            // check: the role may not change or empty the audit; the refusal is PostgreSQL's privilege check
            for statement in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
                await #expect { try await app.database.read { try await $0.raw(SQLQueryString(statement)).run() } } throws: { error in
                    "\(error)".contains("42501")
                }
            }
            #expect(try await app.access.audit() == entries)
            // nor change the schema: a pending step sends the role to the owner, by name
            try await owner.database.read { try await $0.raw("DELETE FROM homeward_migrations WHERE name = '0014_create_data_version'").run() }
            await #expect { _ = try await Stores.open(.postgres(url: asRole.string!), logger: TestStores.shared.logger) } throws: { error in
                "\(error)".contains("homeward database migrate")
            }
        } catch {
            Issue.record(error)
        }
        await app.close()
        await owner.close()
        await TestStores.shared.dispose(location)
        try await TestStores.shared.administer("DROP ROLE IF EXISTS \(role)")
    }
}

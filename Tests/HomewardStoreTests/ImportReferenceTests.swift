import Foundation
import HomewardCore
import SQLKit
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// An import's movements name only places and organisations that exist, whether the database checks each row
/// (PostgreSQL's triggers, for a role that may not turn them off) or the import checks each name once
/// (SQLite, and PostgreSQL for a superuser or a role granted `--bulk-imports`).
@Suite struct ImportReferenceTests {
    static let header = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num\n"
    static let good = header + "2019-07-12,LBN-01,LBN,SY03,950\n2019-07-13,JOR-01,JOR,SY12,300\n"
    /// Names a crossing point that the test deletes once the rules have read the gazetteer (which they keep).
    static let naming = header + "2019-07-14,LBN-01,LBN,SY03,5\n2019-07-14,TUR-01,TUR,SY02,40\n"

    @Test(arguments: Backend.available)
    func aCrossingPointDeletedAfterTheRulesReadItRefusesTheWholeImport(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: the rules' gazetteer read, then the crossing point deleted under them
            _ = try await store.importCSV(Self.good)
            _ = try await store.places.gazetteer()
            try await Self.delete("TUR-01", as: store)
            // act
            await #expect { try await store.importCSV(Self.naming) } throws: { "\($0)".contains("TUR-01") }
            // check: nothing of the refused file, not even its row naming a crossing that exists
            #expect(try await store.movementCount() == 2)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 1_250)
        }
    }

    @Test(.enabled(if: Backend.postgresURL != nil))
    func onPostgreSQLEveryRoleGetsTheSameAnswersWhicheverChecksTheReferences() async throws {
        // setup: one database, its owner (a superuser here), a server's role, and one granted bulk imports
        let location = try await TestStores.shared.location(for: .postgres)
        guard case .postgres(let url) = location else { return }
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let plain = "hw_plain_\(suffix)", bulk = "hw_bulk_\(suffix)"
        let owner = try await Stores.open(location, logger: TestStores.shared.logger)
        try await owner.database.grantApplicationRole(plain, password: nil, by: .test)
        try await owner.database.grantApplicationRole(bulk, password: nil, bulkImports: true, by: .test)
        func asRole(_ role: String) async throws -> Stores {
            var components = URLComponents(string: url)!
            components.user = role
            return try await Stores.open(.postgres(url: components.string!), logger: TestStores.shared.logger)
        }
        // The server's role first, so that its first load locks the empty ledger with the role's own privileges.
        let roles = [(plain, try await asRole(plain), false), ("owner", owner, true), (bulk, try await asRole(bulk), true)]
        do {
            for (name, stores, checksItself) in roles {
                let unchecked = try await stores.database.write(by: .test, for: .records, rollback: true, foreignKeys: false) { write in
                    try await Database.referencesUnchecked(on: write.connection)
                }
                #expect(unchecked == checksItself, "\(name)")
                _ = try await stores.places.gazetteer()
            }
            // act and check: the same file, then a correction, then a file naming a deleted crossing point, through each role
            var summaries: [[Int]] = []
            for (index, (_, stores, _)) in roles.enumerated() {
                let corrected = Self.good.replacingOccurrences(of: "SY12,300", with: "SY12,\(300 + index)")
                let summary = try await stores.importCSV(corrected, org: "Org \(index)")
                summaries.append([summary.imported, summary.updated, summary.ignored])
            }
            #expect(summaries == [[2, 0, 0], [2, 0, 0], [2, 0, 0]])
            try await Self.delete("TUR-01", as: owner)
            for (name, stores, _) in roles {
                await #expect("\(name)") { try await stores.importCSV(Self.naming, org: "Org 0") } throws: { "\($0)".contains("TUR-01") }
            }
            #expect(try await owner.movementCount() == 6)
            #expect(try await owner.ledger.totals(TotalsQuery()).total == 3 * 1_250 + 0 + 1 + 2)
        } catch {
            Issue.record(error)
        }
        for (_, stores, _) in roles { await stores.close() }
        await TestStores.shared.dispose(location)
        try await TestStores.shared.administer("REVOKE SET ON PARAMETER session_replication_role FROM \(bulk)")
        try await TestStores.shared.administer("DROP ROLE IF EXISTS \(plain)")
        try await TestStores.shared.administer("DROP ROLE IF EXISTS \(bulk)")
    }

    static func delete(_ crossing: String, as store: Stores) async throws {
        try await store.database.write(by: .test, for: .bookkeeping) { write in
            try await write.sql.raw("DELETE FROM crossing_points WHERE code = \(bind: crossing)").run()
        }
    }
}

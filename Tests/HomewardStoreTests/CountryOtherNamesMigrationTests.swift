import HomewardCore
import SQLKit
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// Step 0024 gives the stored countries their other terms and patterns from the bundled taxonomy: a deployment made
/// before it reads "Turkey" and "Iran" in its next file without loading its gazetteer again.
@Suite struct CountryOtherNamesMigrationTests {
    @Test(arguments: Backend.available)
    func countriesStoredBeforeTheStepAreKnownByTheirOtherNames(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: the countries table as it stood before the step
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                try await write.sql.raw("ALTER TABLE countries DROP COLUMN other_names").run()
                try await write.sql.raw("ALTER TABLE countries DROP COLUMN name_pattern").run()
                try await write.sql.raw("DELETE FROM homeward_migrations WHERE name = '0024_add_country_other_names'").run()
            }
            // act
            try await store.database.migrate()
            // check
            let turkey = try #require(try await store.places.countries().first { $0.iso3 == "TUR" })
            #expect(turkey.namePattern?.contains("turkey") == true)
            #expect(try await store.places.countries().first { $0.iso3 == "IRN" }?.otherNames.contains("Iran") == true)
            let header = "#date,#loc+crossing+code,#country+origin+name,#adm1+dest+code,#affected+returnees+refugees+num\n"
            let summary = try await store.importCSV(header + "2019-07-12,LBN-01,Turkey,SY03,10\n2019-07-13,LBN-01,Iran,SY03,5\n")
            #expect(summary.status == .success && summary.imported == 2, "\(summary.problems)")
        }
    }
}

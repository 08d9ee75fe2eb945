import HomewardCore
import HomewardStore
import HomewardTestSupport
import Testing

/// A KoboToolbox export names each submission by `_uuid`; exported again after a review, its `_validation_status` (a column
/// Homeward does not read) has changed. Keyed by its cells, every row would then be a second movement beside the first.
@Suite struct KoboExportTests {
    static let mapping = ["Date": "#date", "Governorate": "#adm1+dest+code", "IDPs": "#affected+returnees+idps+num"]

    static func export(status: String, second: Int) -> String {
        "Date,Governorate,IDPs,_uuid,_validation_status\n"
            + "2019-07-12,SY01,100,5f1c2b6e-0a41-4c1e-9d35-1b7c8a2f0e11,\(status)\n"
            + "2019-07-12,SY02,\(second),7d2e9a40-3b5c-4e8f-a1d6-2c9b0f4e7a22,\(status)\n"
    }

    @Test(arguments: Backend.available)
    func theSameSubmissionsExportedAgainUpdateRatherThanCountTwice(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let first = try await store.importCSV(Self.export(status: "", second: 50), mapping: Self.mapping)
            #expect(first.imported == 2, "\(first.text)")
            // act: reviewed since, and one count corrected
            let again = try await store.importCSV(Self.export(status: "validation_status_approved", second: 55), mapping: Self.mapping)
            // check
            #expect(again.imported == 0 && again.updated == 1 && again.ignored == 1, "\(again.text)")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 155)
            #expect(try await store.movementCount() == 2)
        }
    }
}

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

    /// An export with its submissions' `meta/rootUuid` (KoboToolbox's data since 2025): `meta/instanceID` and `_uuid` are
    /// each edit's own, the root stays the submission's. The same submission edited twice corrects its count; the
    /// first export, keyed by `_uuid` before the root was read, is found by it (the root is that `_uuid` with `uuid:`).
    static func edited(_ edit: Int, count: Int, root: String = "uuid:5f1c2b6e") -> String {
        "grp/date,grp/gov,grp/idps,meta/instanceID,meta/rootUuid,meta/deprecatedID,_id,_uuid\n"
            + "2019-07-12,SY01,\(count),uuid:e\(edit),\(root),\(edit > 0 ? "uuid:e\(edit - 1)" : ""),901,\(edit == 0 ? "5f1c2b6e" : "e\(edit)")\n"
    }

    static let editedMapping = ["grp/date": "#date", "grp/gov": "#adm1+dest+code", "grp/idps": "#affected+returnees+idps+num"]

    @Test(arguments: Backend.available)
    func anEditedSubmissionCorrectsItsCountByItsRootUuid(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: the first export, read by `_uuid` (as before `meta/rootUuid` was read)
            let before = try await store.importCSV("Date,Governorate,IDPs,_uuid\n2019-07-12,SY01,100,5f1c2b6e\n", mapping: Self.mapping)
            #expect(before.imported == 1)
            // act: edited twice in the form, each export with a new `_uuid`
            for (edit, count) in [(1, 120), (2, 130)] {
                let again = try await store.importCSV(Self.edited(edit, count: count), mapping: Self.editedMapping)
                #expect(again.imported == 0 && again.updated == 1 && again.warnings == 0, "\(again.text)")
                // `_uuid` is read for rows without a root: not among the columns not read.
                #expect(again.ignoredColumns == ["meta/instanceID", "meta/deprecatedID", "_id"], "\(again.ignoredColumns)")
            }
            // A server's own namespace, and a row without its root (not yet filled in) read by its `_uuid`.
            let namespaced = try await store.importCSV(Self.edited(3, count: 140, root: "org.kobotoolbox:5f1c2b6e"), mapping: Self.editedMapping)
            let noRoot = try await store.importCSV(Self.edited(0, count: 150, root: ""), mapping: Self.editedMapping)
            // check
            #expect(namespaced.updated == 1 && noRoot.updated == 1, "\(namespaced.text)\n\(noRoot.text)")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 150)
            #expect(try await store.movementCount() == 1)
        }
    }

    @Test(arguments: Backend.available)
    func anEditedSubmissionInJSONCorrectsItsCountByItsRootUuid(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            func submission(_ uuid: String, _ count: Int) -> String {
                #"[{"_id": 901, "_uuid": "\#(uuid)", "meta/instanceID": "uuid:\#(uuid)", "meta/rootUuid": "uuid:root-901", "grp/date": "2019-07-12", "grp/gov": "SY01", "grp/idps": "\#(count)"}]"#
            }
            func importJSON(_ text: String) async throws -> ImportSummary {
                try await store.ledger.importMovements(ImportRequest(sourceName: "kobo.json", format: .json, mapping: Self.editedMapping,
                                                                     organisation: "UNHCR", today: TestStores.today),
                                                       from: .bytes(Array(text.utf8)), by: .test)
            }
            let first = try await importJSON(submission("root-901", 100))
            let edited = try await importJSON(submission("edit-1", 120))
            #expect(first.imported == 1 && edited.updated == 1 && edited.imported == 0, "\(edited.text)")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 120)
        }
    }
}

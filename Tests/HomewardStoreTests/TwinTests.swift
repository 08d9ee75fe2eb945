import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// A row without an id is known by all its cells, so a report sent again with a note added, or a form's review status
/// changed, is a new movement: it is recorded, and the import says which stored one it stands beside.
@Suite struct TwinTests {
    static let head = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+note\n"

    @Test(arguments: Backend.available)
    func aRowWithoutAnIdLikeAStoredOneButForACellNotReadIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: two groups of one day in one file, told apart by their notes, are not twins of each other
            let first = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,80,morning\n2020-06-01,LBN-01,SY03,40,evening\n")
            #expect(first.imported == 2 && first.warnings == 0, "\(first.problems)")
            let stored = try await store.ledger.movementPage().movements.sorted { $0.id < $1.id }.map(\.id)
            // act: the morning's report sent again with its note changed, and a new group of another day
            let again = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,80,morning (reviewed)\n2020-06-02,LBN-01,SY03,15,noon\n")
            // check: recorded, and said to stand beside the first import's movement
            #expect(again.status == .warning && again.imported == 2 && again.warnings == 1, "\(again.problems)")
            #expect(again.problems.map(\.row) == [2] && again.problems.first?.code == "import.movements.twin")
            #expect(again.problems.first?.message.arguments["movement"] == .serial(stored[0]))
            // The same file once more is ignored, and warns of nothing new.
            let thrice = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,80,morning (reviewed)\n2020-06-02,LBN-01,SY03,15,noon\n")
            #expect(thrice.ignored == 2 && thrice.warnings == 0)
            // Rows with ids are known by them: no twin is looked for.
            let withIDs = try await store.importCSV("#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+id\n"
                + "2020-06-01,LBN-01,SY03,80,k1\n")
            #expect(withIDs.imported == 1 && withIDs.warnings == 0)
        }
    }
}

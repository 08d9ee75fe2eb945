import Foundation
import HomewardCore
import Testing
import HomewardStore
import HomewardTestSupport

@Suite struct ImportFailureTests {
    static let header = "#date,#meta+id,#adm1+dest+code,#affected+returnees+idps+num\n"

    /// A source that hands out its chunks one by one, as a large file is read.
    static func chunks(_ chunks: [[UInt8]]) -> ByteSource {
        let queue = Queue(chunks)
        return ByteSource(totalBytes: nil) { queue.next() }
    }

    final class Queue: @unchecked Sendable {
        var chunks: [[UInt8]]
        init(_ chunks: [[UInt8]]) { self.chunks = chunks }
        func next() -> [UInt8]? { chunks.isEmpty ? nil : chunks.removeFirst() }
    }

    @Test(arguments: Backend.available)
    func aFileThatBreaksAfterItsFirstBatchWritesNothingAndTheNextImportGoesThrough(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 2,001 good rows, so that one batch is being written while reading goes on, then a byte that is not UTF-8
            let good = Self.header + (0 ..< 2_001).map { "2019-01-01,r\($0),SY01,3\n" }.joined()
            let bad: [UInt8] = Array("2019-01-02,x,SY0".utf8) + [0xFF] + Array(",3\n".utf8)
            let request = ImportRequest(sourceName: "broken.csv", organisation: "UNHCR", today: TestStores.today)
            // act
            await #expect(throws: ImportError.self) {
                try await store.ledger.importMovements(request, from: Self.chunks([Array(good.utf8), bad]), by: .test)
            }
            let next = try await store.importCSV(Self.header + "2019-01-03,n1,SY02,7\n2019-01-03,n2,SY02,8\n")
            // check: the broken file left nothing, not even its first batch; the next import is whole
            #expect(next.status == .success && next.imported == 2)
            #expect(try await store.movementCount() == 2)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 15)
            #expect(try await store.ledger.totals(TotalsQuery(grouping: .adm1)).groups.map(\.key) == ["SY02"])
        }
    }

    @Test(arguments: Backend.available)
    func aQuoteLeftOpenAtTheEndWritesNothing(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let text = Self.header + (0 ..< 2_500).map { "2019-01-01,q\($0),SY01,3\n" }.joined() + "2019-01-02,\"open,SY01,3\n"
            let request = ImportRequest(sourceName: "open-quote.csv", organisation: "UNHCR", today: TestStores.today)
            let error = try await #require(throws: ImportError.self) {
                try await store.ledger.importMovements(request, from: Self.chunks([Array(text.utf8)]), by: .test)
            }
            #expect(error.problems.first?.reason.contains("never closed") == true)
            #expect(try await store.movementCount() == 0)
        }
    }
}

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

    /// A first load sends batches ahead of the rows still being checked (on PostgreSQL, one batch's COPY runs while the
    /// next is prepared): a row rejected after several batches must still leave nothing, and the connection usable.
    @Test(arguments: Backend.available)
    func aRowRejectedAfterSeveralBatchesOfAFirstLoadWritesNothing(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 6,000 good rows (three batches) into an empty ledger, then one whose number of persons is not a number
            let text = Self.header + (0 ..< 6_000).map { "2019-01-01,r\($0),SY01,3\n" }.joined() + "2019-01-02,bad,SY01,many\n"
            // act
            let summary = try await store.importCSV(text)
            let next = try await store.importCSV(Self.header + "2019-01-03,n1,SY02,7\n")
            // check
            #expect(summary.status == .error && summary.rejected == 1 && summary.imported == 0)
            #expect(summary.problems.map(\.row) == [6_002])
            #expect(next.status == .success && next.imported == 1)
            #expect(try await store.movementCount() == 1)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 7)
        }
    }

    /// Chunks are read and split ahead of the rows being checked: where a chunk ends must change nothing.
    @Test func aFileReadInChunksOfAFewBytesImportsAsItDoesWhole() async throws {
        // setup: 2,600 rows (two batches), quoted cells with commas and line breaks, CRLF, one bad row and a warning-free rest
        var text = "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
        for index in 0 ..< 2_600 {
            let id = index % 500 == 7 ? "\"r\(index),\nsplit\"" : "r\(index)"
            let day = index == 1_234 ? "2019-02-30" : "2019-01-0\(1 + index % 9)"
            text += "\(day),\(id),SY0\(1 + index % 4),\(1 + index % 7)\r\n"
        }
        let bytes = Array(text.utf8)
        func request() -> ImportRequest {
            ImportRequest(sourceName: "chunks.csv", organisation: "UNHCR", skipInvalid: true, today: TestStores.today)
        }
        try await withStores(.sqlite) { whole in
            try await withStores(.sqlite) { pieces in
                // act: one chunk, against chunks of 13 bytes, so that a mark, a quote, a CR and LF fall across chunk ends
                let once = try await whole.ledger.importMovements(request(), from: .bytes(bytes), by: .test)
                let split = stride(from: 0, to: bytes.count, by: 13).map { Array(bytes[$0 ..< min($0 + 13, bytes.count)]) }
                let chunked = try await pieces.ledger.importMovements(request(), from: Self.chunks(split), by: .test)
                // check: the same rows, the same rejected row at the same place, the same figures
                #expect(once.rows == 2_600 && once.imported == 2_599 && once.rejected == 1)
                #expect(chunked.rows == once.rows && chunked.imported == once.imported && chunked.rejected == once.rejected)
                #expect(chunked.problems.map(\.row) == [1_236] && once.problems.map(\.row) == [1_236])
                let totals = try await whole.ledger.totals(TotalsQuery(grouping: .adm1))
                #expect(try await pieces.ledger.totals(TotalsQuery(grouping: .adm1)) == totals)
                #expect(totals.total == (0 ..< 2_600).filter { $0 != 1_234 }.reduce(0) { $0 + 1 + $1 % 7 })
            }
        }
    }

    /// A request whose client has gone is cancelled: the import must stop waiting for its body, though the body
    /// is read ahead on a task of its own, and write nothing, though batches went to the database already (on
    /// PostgreSQL, one batch's COPY may still be running).
    ///
    /// A missed cancellation fails the expectations after the body's 90 s; the time limit only bounds a hang, with
    /// room for the queue of test databases that PostgreSQL creates one at a time (one minute was exceeded in a full
    /// run while the server checkpointed a benchmark's million rows).
    @Test(.hangLimit, arguments: Backend.available)
    func aCancelledImportStopsReadingItsSourceAndWritesNothing(_ backend: Backend) async throws {
        try await withStores(backend) { (store: Stores) async throws in
            // setup: a first chunk of two batches and a row, then a body that never comes
            let (started, startedOnce) = AsyncStream.makeStream(of: Void.self)
            let first = Array((Self.header + (0 ..< 4_001).map { "2019-01-01,c\($0),SY01,3\n" }.joined()).utf8)
            let sent = Queue([first])
            let source = ByteSource(totalBytes: nil) {
                if let chunk = sent.next() { return chunk }
                try await Task.sleep(for: .seconds(90)) // bounded: without cancellation the import would go on and succeed
                return nil
            }
            let request = ImportRequest(sourceName: "gone.csv", organisation: "UNHCR", today: TestStores.today)
            // act
            let importing = Task {
                // Once the first chunk's rows are all taken: its batches are written, or being written.
                try await store.ledger.importMovements(request, from: source, by: .test, progress: { _ in startedOnce.yield() })
            }
            for await _ in started { break }
            importing.cancel()
            let outcome = await importing.result
            let next = try await store.importCSV(Self.header + "2019-01-03,n1,SY02,7\n")
            // check
            #expect(throws: (any Error).self) { try outcome.get() }
            #expect(next.status == .success && next.imported == 1)
            #expect(try await store.movementCount() == 1)
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

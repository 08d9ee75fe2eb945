import SQLKit
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// A first load's COPY held open across batches (PostgreSQL): every batch in, in the order sent, and a COPY the server
/// refused fails the import rather than leaving it waiting or going on as if its rows were in.
@Suite(.enabled(if: Backend.postgresURL != nil, "HOMEWARD_TEST_POSTGRES_URL is not set"))
struct StreamingCopyTests {
    // Each test is bounded against a hang (a batch waiting for a COPY that has ended), not timed: five minutes, as the
    // suite's other PostgreSQL fault tests, since a loaded run of the whole suite took two to start them.
    static let table = "CREATE TEMPORARY TABLE copied (id BIGSERIAL PRIMARY KEY, n BIGINT NOT NULL CHECK (n >= 0), note TEXT)"

    static func batch(_ numbers: Range<Int>) -> [[BulkValue]] {
        numbers.map { [.integer($0), .text("row\t\($0)\\")] }
    }

    @Test(.hangLimit)
    func everyBatchSentGoesInInTheOrderSent() async throws {
        try await withStores(.postgres) { store in
            try await store.database.write(by: .test, for: .records, rollback: true) { write in
                // setup
                guard case .postgres(let postgres) = write.connection.driver else { return }
                try await write.sql.raw(SQLQueryString(Self.table)).run()
                // act: three batches, the last after the others were written out
                let copy = StreamingCopy(on: postgres, into: "copied", columns: ["n", "note"])
                for start in stride(from: 0, to: 5_000, by: 2_000) { try await copy.send(Self.batch(start ..< min(start + 2_000, 5_000))) }
                try await copy.finish()
                // check
                #expect(!copy.isOpen)
                let rows = try await write.sql.raw("SELECT id, n, note FROM copied ORDER BY id").all()
                #expect(rows.count == 5_000)
                let inOrder = try rows.enumerated().allSatisfy { index, row in
                    try row.decode(column: "n", as: Int.self) == index && row.decode(column: "note", as: String.self) == "row\t\(index)\\"
                }
                #expect(inOrder)
            }
        }
    }

    @Test(.hangLimit)
    func aRowTheServerRefusesFailsTheCopyAtTheNextBatches() async throws {
        try await withStores(.postgres) { store in
            let (sent, failure) = try await store.database.write(by: .test, for: .records, rollback: true) { write in
                // setup
                guard case .postgres(let postgres) = write.connection.driver else { return (0, "not PostgreSQL") }
                try await write.sql.raw(SQLQueryString(Self.table)).run()
                let copy = StreamingCopy(on: postgres, into: "copied", columns: ["n", "note"])
                // act: a refused row, then batches that must neither wait forever for a COPY that has ended nor go on unheard
                var sent = 0
                do {
                    try await copy.send(Self.batch(0 ..< 10) + [[.integer(-1), .null]])
                    for start in stride(from: 10, to: 200_010, by: 2_000) {
                        try await copy.send(Self.batch(start ..< start + 2_000))
                        sent += 1
                    }
                    try await copy.finish()
                    return (sent, "")
                } catch {
                    return (sent, String(reflecting: error))
                }
            }
            // check: the server's refusal, told at a batch soon after the refused row's, long before the last
            #expect(failure.contains("copied_n_check"), "\(failure)")
            #expect(sent < 50)
        }
    }
}

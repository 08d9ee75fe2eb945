import AsyncAlgorithms
import PostgresNIO
import Synchronization

/// One `COPY … FROM STDIN` held open while a first load sends it batch after batch, until the writer needs its
/// connection for another statement.
///
/// A COPY per batch left PostgreSQL waiting between batches (a fifth of a 1,000,000-row load's time, the server idle
/// until the next statement came): held open, the server takes rows as they come while this process prepares the next
/// batch. `send` waits while the batch before is still being written out, so that memory holds two batches at most.
final class StreamingCopy: Sendable {
    private let batches: AsyncChannel<[[BulkValue]]>
    private let sending: Task<Void, any Error>
    private let state: State

    private final class State: Sendable {
        let failed = Atomic<Bool>(false)
        let finished = Atomic<Bool>(false)
        let abandoned = Atomic<Bool>(false)
    }

    /// - Important: `table` and `columns` go into the statement as they are: only Homeward's own names.
    init(on connection: PostgresConnection, into table: String, columns: [String]) {
        let batches = AsyncChannel<[[BulkValue]]>()
        let state = State()
        self.batches = batches
        self.state = state
        sending = Task {
            do {
                try await connection.copy(into: table, columns: columns, batches: batches) { state.abandoned.load(ordering: .acquiring) }
            } catch {
                state.failed.store(true, ordering: .releasing)
                // Takes what is still sent, so that no batch waits for a COPY that has ended.
                for await _ in batches {}
                throw error
            }
        }
    }

    /// A COPY let go without `finish()` (no path of the writer's does) fails rather than hold its connection mid-COPY for
    /// good: PostgreSQL is told the copy failed, and the transaction's rollback can run.
    deinit {
        guard isOpen else { return }
        state.abandoned.store(true, ordering: .releasing)
        batches.finish()
    }

    /// Whether batches still go into this COPY: `finish()` ends it.
    var isOpen: Bool { !state.finished.load(ordering: .acquiring) }

    /// Hands the batch to the COPY, and throws the COPY's error if it failed on an earlier one.
    func send(_ rows: [[BulkValue]]) async throws {
        precondition(isOpen, "a batch sent to a COPY that has ended")
        if state.failed.load(ordering: .acquiring) { try await finish() }
        await batches.send(rows)
        // A cancelled task's batch is not sent: the import must not go on as if it were.
        try Task.checkCancellation()
    }

    /// Ends the COPY once every batch sent is written, and throws its error if it failed; again, the same.
    func finish() async throws {
        state.finished.store(true, ordering: .releasing)
        batches.finish()
        try await sending.value
    }
}

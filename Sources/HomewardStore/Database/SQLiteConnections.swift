import NIOCore
import SQLiteNIO

/// A few SQLite connections to one file, leased one task at a time.
///
/// A transaction belongs to a connection, so a lease gives a task the whole connection until it is
/// done. A connection that failed in a way that may have broken it is closed, not handed out again;
/// a waiter that is cancelled stops waiting; closing waits for nothing but closes every connection,
/// leased ones as they come back.
actor SQLiteConnections {
    private let maximum: Int
    private let open: @Sendable () async throws -> Connection
    private var idle: [Connection] = []
    private var opened = 0
    private var waiting: [(id: Int, continuation: CheckedContinuation<Connection?, any Error>)] = []
    private var nextWaiter = 0
    private var closed = false

    init(maximum: Int, open: @escaping @Sendable () async throws -> Connection) {
        self.maximum = maximum
        self.open = open
    }

    func lease<R: Sendable>(_ body: @Sendable (Connection) async throws -> R) async throws -> R {
        let connection = try await acquire()
        do {
            let result = try await body(connection)
            await release(connection, broken: false)
            return result
        } catch {
            await release(connection, broken: Self.mayHaveBroken(error))
            throw error
        }
    }

    /// Errors after which the connection is not trusted again (its file handle or state may be gone).
    static func mayHaveBroken(_ error: any Error) -> Bool {
        if error is ConnectionSettingLost { return true }
        if let call = error as? SQLiteCallError {
            // IOERR, CORRUPT, CANTOPEN, NOTADB, MISUSE, FULL (primary codes)
            return [10, 11, 14, 26, 21, 13].contains(call.primary)
        }
        guard let sqlite = error as? SQLiteError else { return error is CancellationError }
        switch sqlite.reason {
        case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync, .corrupt, .notADatabase,
             .cantOpen, .misuse, .full:
            return true
        default:
            return false
        }
    }

    private func acquire() async throws -> Connection {
        if closed { throw StoreError.closed }
        if let connection = idle.popLast() { return connection }
        if opened < maximum {
            opened += 1
            do {
                return try await open()
            } catch {
                opened -= 1
                throw error
            }
        }
        let id = nextWaiter
        nextWaiter += 1
        let handed: Connection? = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Connection?, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
        guard let handed else { return try await acquire() }
        return handed
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    private func release(_ connection: Connection, broken: Bool) async {
        if broken || closed {
            opened -= 1
            if case .sqlite(let sqlite) = connection.driver { await sqlite.closeEvenIfCancelled() }
            // A waiter gets a new connection of its own instead.
            if !waiting.isEmpty && !closed { waiting.removeFirst().continuation.resume(returning: nil) }
            return
        }
        if !waiting.isEmpty {
            waiting.removeFirst().continuation.resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    func close() async {
        closed = true
        for waiter in waiting { waiter.continuation.resume(throwing: StoreError.closed) }
        waiting.removeAll()
        for connection in idle {
            if case .sqlite(let sqlite) = connection.driver { await sqlite.closeEvenIfCancelled() }
        }
        opened -= idle.count
        idle.removeAll()
    }
}

extension SQLiteConnection {
    /// Closes the connection even for a cancelled task (a client gone mid-import): SQLiteNIO's `async` close skips
    /// its work when the task is cancelled, which left the connection open, and its file with it.
    func closeEvenIfCancelled() async {
        let closing: EventLoopFuture<Void> = close()
        try? await closing.get()
    }
}

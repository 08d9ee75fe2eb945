import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO

/// Connections of PostgreSQL's pool, each given within a wait or ``StoreError/database(_:)`` (503), and a health check on a
/// connection of its own.
///
/// With the server gone, the pool tries to connect again and again, and its waiting callers fail only when its circuit
/// breaker trips, a minute on. So a lease is asked for by a task of its own, which hands the connection over to the
/// caller's task (whose body, a closure that cannot escape, runs there) and holds it until the body is done: a caller that
/// waited long enough leaves, and a connection it may still be given goes straight back.
///
/// A pool whose connections are at work is not a database gone: while any is leased, a caller waits on, however long (eight
/// imports at once); only a pool that gives none while none is at work is refused. A database that stalls under queries at
/// work holds them and the callers behind them; the health check, on its own connection, says so.
final class PostgresLease: Sendable {
    let client: PostgresClient
    private let health: HealthConnection

    private struct State {
        /// Whether the pool last failed to give a connection: leases then wait a second at most, so that a request reading
        /// several times is refused in seconds, until a connection is given again.
        var away = false
        var leased = 0
        /// Callers waiting for a connection, with when each is refused unless one is at work; watched by one task.
        var waiting: [ObjectIdentifier: Waiting] = [:]
        var watching = false
    }

    private struct Waiting {
        var deadline: ContinuousClock.Instant
        let wait: Duration
        let handover: Handover
    }
    private let state = NIOLockedValueBox(State())

    init(client: PostgresClient, configuration: PostgresConnection.Configuration, logger: Logger) {
        self.client = client
        health = HealthConnection(configuration: configuration, logger: logger)
    }

    /// - Returns: `body`'s value; whatever failed before the connection was given (the server refusing, the pool's
    ///   breaker, the wait) is thrown as the database being away, not as an error of the request's.
    func run<R: Sendable>(waiting wait: Duration, _ body: (PostgresConnection) async throws -> R) async throws -> R {
        let wait = state.withLockedValue { $0.away } ? min(wait, .seconds(1)) : wait
        let handover = Handover()
        let (released, release) = AsyncStream<Never>.makeStream()
        let (client, state) = (self.client, self.state)
        let leasing = Task {
            do {
                try await client.withConnection { connection in
                    guard handover.give(connection) else { return }
                    state.withLockedValue { $0.leased += 1 }
                    for await _ in released {}
                    state.withLockedValue { $0.leased -= 1 }
                }
            } catch {
                handover.fail(StoreError.database("PostgreSQL gave no connection: \(error)"))
            }
        }
        watch(handover, wait: wait)
        let connection: PostgresConnection
        do {
            connection = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { handover.await($0) }
            } onCancel: {
                handover.fail(CancellationError())
            }
        } catch {
            state.withLockedValue { _ = $0.waiting.removeValue(forKey: ObjectIdentifier(handover)) }
            leasing.cancel()
            release.finish()
            if !(error is CancellationError) { state.withLockedValue { $0.away = true } }
            throw error
        }
        state.withLockedValue { state in
            state.waiting[ObjectIdentifier(handover)] = nil
            state.away = false
        }
        defer { release.finish() }
        let value = try await body(connection)
        release.finish()
        await leasing.value
        return value
    }

    /// Refuses `handover` once `wait` has passed without a connection while none is at work (busy, not gone, while one is):
    /// one task watches every caller waiting, not a timer each (thousands of leases a second under an API's load).
    private func watch(_ handover: Handover, wait: Duration) {
        let start = state.withLockedValue { state in
            state.waiting[ObjectIdentifier(handover)] = Waiting(deadline: .now + wait, wait: wait, handover: handover)
            defer { state.watching = true }
            return !state.watching
        }
        guard start else { return }
        let state = self.state
        Task {
            while true {
                try? await Task.sleep(for: .milliseconds(100))
                let refused: [Waiting]? = state.withLockedValue { state in
                    guard !state.waiting.isEmpty else {
                        state.watching = false
                        return nil
                    }
                    let now = ContinuousClock.now
                    var refused: [Waiting] = []
                    for (key, waiting) in state.waiting where waiting.deadline <= now {
                        if state.leased > 0 {
                            state.waiting[key]?.deadline = now + waiting.wait
                        } else {
                            refused.append(waiting)
                            state.waiting[key] = nil
                        }
                    }
                    return refused
                }
                guard let refused else { return }
                for waiting in refused { waiting.handover.fail(StoreError.database("PostgreSQL gave no connection within \(waiting.wait)")) }
            }
        }
    }

    /// Whether the database answers `SELECT 1` on the health check's own connection: a pool at work to its last connection
    /// is no reason to call the database down, nor does a check wait behind it.
    func check() async throws {
        try await health.check()
    }

    /// The connection passed from the leasing task to the caller, once, or the caller's failure, once.
    private final class Handover: Sendable {
        private enum State {
            case idle
            case waiting(CheckedContinuation<PostgresConnection, any Error>)
            case ready(PostgresConnection)
            case given
            case failed(any Error)
        }

        private let state = NIOLockedValueBox(State.idle)

        func await(_ continuation: CheckedContinuation<PostgresConnection, any Error>) {
            let outcome: Result<PostgresConnection, any Error>? = state.withLockedValue { state in
                switch state {
                case .idle:
                    state = .waiting(continuation)
                    return nil
                case .ready(let connection):
                    state = .given
                    return .success(connection)
                case .failed(let error): return .failure(error)
                case .waiting, .given: preconditionFailure("a lease is awaited once")
                }
            }
            if let outcome { continuation.resume(with: outcome) }
        }

        /// - Returns: whether the caller takes the connection; `false` where it has stopped waiting.
        func give(_ connection: PostgresConnection) -> Bool {
            let (taken, waiting): (Bool, CheckedContinuation<PostgresConnection, any Error>?) = state.withLockedValue { state in
                switch state {
                case .idle:
                    state = .ready(connection)
                    return (true, nil)
                case .waiting(let continuation):
                    state = .given
                    return (true, continuation)
                case .ready, .given, .failed: return (false, nil)
                }
            }
            waiting?.resume(returning: connection)
            return taken
        }

        func fail(_ error: any Error) {
            let waiting: CheckedContinuation<PostgresConnection, any Error>? = state.withLockedValue { state in
                switch state {
                case .idle:
                    state = .failed(error)
                    return nil
                case .waiting(let continuation):
                    state = .failed(error)
                    return continuation
                case .ready, .given, .failed: return nil
                }
            }
            waiting?.resume(throwing: error)
        }
    }
}

/// The health check's connection, outside the pool: made when first asked for or after one failed, and kept.
private actor HealthConnection {
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    private var connection: PostgresConnection?

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    func check() async throws {
        if connection?.isClosed ?? true {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        }
        do {
            _ = try await connection?.query("SELECT 1", logger: logger).collect()
        } catch {
            try? await connection?.close()
            connection = nil
            throw StoreError.database("PostgreSQL did not answer the health check: \(error)")
        }
    }

    func close() async {
        try? await connection?.close()
        connection = nil
    }
}

extension PostgresLease {
    /// Closes the health check's connection; the pool's close with its client.
    func close() async {
        await health.close()
    }
}

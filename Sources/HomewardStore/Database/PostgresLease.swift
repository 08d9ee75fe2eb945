import NIOConcurrencyHelpers
import PostgresNIO

/// A connection of PostgreSQL's pool within a wait, or ``StoreError/database(_:)`` (503).
///
/// With the server gone the pool tries to connect again and again, and its waiting callers fail only when its circuit
/// breaker trips, a minute on; a waiting lease cancelled meanwhile ends only at the pool's next attempt. So the lease is
/// asked for by a task of its own, which hands the connection over and holds it until `body` is done: a caller that
/// waited long enough leaves it behind, and the connection it may still be given goes straight back.
final class PostgresLease: Sendable {
    let client: PostgresClient
    /// Whether the pool last failed to give a connection: leases then wait a second at most, so that a request reading
    /// several times is refused in seconds, until a connection is given again.
    private let away = NIOLockedValueBox(false)

    init(client: PostgresClient) {
        self.client = client
    }

    /// - Returns: `body`'s value; whatever failed before the connection was given (the server refusing, the pool's
    ///   breaker, the wait) is thrown as the database being away, not as an error of the request's.
    func run<R: Sendable>(waiting wait: Duration, _ body: (PostgresConnection) async throws -> R) async throws -> R {
        let wait = away.withLockedValue { $0 } ? min(wait, .seconds(1)) : wait
        let handover = Handover()
        let (released, release) = AsyncStream<Never>.makeStream()
        let client = self.client
        let leasing = Task {
            do {
                try await client.withConnection { connection in
                    guard handover.give(connection) else { return }
                    for await _ in released {}
                }
            } catch {
                handover.fail(StoreError.database("PostgreSQL gave no connection: \(error)"))
            }
        }
        let timer = Task {
            try? await Task.sleep(for: wait)
            handover.fail(StoreError.database("PostgreSQL gave no connection within \(wait)"))
        }
        let connection: PostgresConnection
        do {
            connection = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { handover.await($0) }
            } onCancel: {
                handover.fail(CancellationError())
            }
        } catch {
            timer.cancel()
            leasing.cancel()
            release.finish()
            if !(error is CancellationError) { away.withLockedValue { $0 = true } }
            throw error
        }
        timer.cancel()
        away.withLockedValue { $0 = false }
        defer { release.finish() }
        let value = try await body(connection)
        release.finish()
        await leasing.value
        return value
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
            state.withLockedValue { state in
                switch state {
                case .idle: state = .waiting(continuation)
                case .ready(let connection):
                    state = .given
                    continuation.resume(returning: connection)
                case .failed(let error): continuation.resume(throwing: error)
                case .waiting, .given: preconditionFailure("a lease is awaited once")
                }
            }
        }

        /// - Returns: whether the caller takes the connection; `false` where it has stopped waiting.
        func give(_ connection: PostgresConnection) -> Bool {
            state.withLockedValue { state in
                switch state {
                case .idle:
                    state = .ready(connection)
                    return true
                case .waiting(let continuation):
                    state = .given
                    continuation.resume(returning: connection)
                    return true
                case .ready, .given, .failed: return false
                }
            }
        }

        func fail(_ error: any Error) {
            state.withLockedValue { state in
                switch state {
                case .idle: state = .failed(error)
                case .waiting(let continuation):
                    state = .failed(error)
                    continuation.resume(throwing: error)
                case .ready, .given, .failed: break
                }
            }
        }
    }
}

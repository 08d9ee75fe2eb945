import PostgresNIO
import SQLKit
import SQLiteNIO

/// A connection the store leases out: its SQL interface, its driver for bulk paths, and how to close it.
struct Connection: Sendable {
    let sql: any SQLDatabase
    let driver: Driver
    let close: @Sendable () async throws -> Void

    enum Driver: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }
}

/// A bounded set of connections, leased one task at a time.
///
/// A transaction is a property of a connection, so a lease gives a task the whole connection
/// until it is done; other tasks wait for one to come back.
actor ConnectionPool {
    private let maximum: Int
    private let open: @Sendable () async throws -> Connection
    private var idle: [Connection] = []
    private var opened = 0
    private var waiting: [CheckedContinuation<Connection, any Error>] = []
    private var closed = false

    init(maximum: Int, open: @escaping @Sendable () async throws -> Connection) {
        self.maximum = maximum
        self.open = open
    }

    func lease<R: Sendable>(_ body: @Sendable (Connection) async throws -> R) async throws -> R {
        let connection = try await acquire()
        do {
            let result = try await body(connection)
            release(connection)
            return result
        } catch {
            release(connection)
            throw Self.readable(error)
        }
    }

    /// PostgreSQL's errors hide their message from `description`; bring it out, without the statement's values.
    static func readable(_ error: any Error) -> any Error {
        guard let psql = error as? PSQLError else { return error }
        guard let info = psql.serverInfo, let message = info[.message] else { return StoreError.database("\(psql.code)") }
        let detail = info[.detail].map { " (\($0))" } ?? ""
        return StoreError.database("\(message)\(detail) [SQLSTATE \(info[.sqlState] ?? "?")]")
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
        return try await withCheckedThrowingContinuation { waiting.append($0) }
    }

    private func release(_ connection: Connection) {
        if !waiting.isEmpty {
            waiting.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    func close() async throws {
        closed = true
        for waiter in waiting { waiter.resume(throwing: StoreError.closed) }
        waiting.removeAll()
        for connection in idle { try await connection.close() }
        idle.removeAll()
    }
}

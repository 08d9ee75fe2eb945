import Foundation
import HomewardCore
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import Synchronization

/// Homeward's records on SQLite or PostgreSQL, behind one SQL layer (SQLKit).
///
/// Opening a store brings its schema up to date and, on a new database, loads the bundled reference
/// data. Reads and writes lease a connection; a write is one transaction.
public final class Store: Sendable {
    public enum Backend: String, Sendable { case sqlite, postgres }

    public let backend: Backend
    public let location: DatabaseLocation
    let logger: Logger
    private let writers: ConnectionPool
    private let readers: ConnectionPool
    /// The gazetteer as last read, with the reference version it was read at.
    let gazetteerCache = Mutex<(version: String, gazetteer: Gazetteer)?>(nil)

    /// How long an SQLite write waits for another process's write to finish before it gives up.
    public static let busyTimeoutMilliseconds = 120_000

    private init(location: DatabaseLocation, backend: Backend, writers: ConnectionPool, readers: ConnectionPool, logger: Logger) {
        self.location = location
        self.backend = backend
        self.writers = writers
        self.readers = readers
        self.logger = logger
    }

    /// Opens (and on first use creates) the store at `location`, migrated and ready.
    ///
    /// - Parameter seedReference: load the bundled reference data into a new database.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "homeward.store"),
                            seedReference: Bool = true) async throws -> Store {
        let store: Store
        switch location {
        case .sqlite(let path):
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let open: @Sendable () async throws -> Connection = { try await openSQLite(path: absolute, logger: logger) }
            // SQLite has one writer at a time; WAL lets readers go on beside it.
            store = Store(location: location, backend: .sqlite, writers: ConnectionPool(maximum: 1, open: open),
                          readers: ConnectionPool(maximum: 4, open: open), logger: logger)
        case .postgres(let url):
            let configuration = try SQLPostgresConfiguration(url: url)
            let pool = ConnectionPool(maximum: 8) { try await openPostgres(configuration, logger: logger) }
            store = Store(location: location, backend: .postgres, writers: pool, readers: pool, logger: logger)
        }
        do {
            try await store.migrate()
            if seedReference { try await store.seedBundledReferenceIfNew() }
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    public func close() async throws {
        try await writers.close()
        if backend == .sqlite { try await readers.close() }
    }

    /// Runs `body` on a connection of its own, outside any transaction.
    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await readers.lease { try await body($0.sql) }
    }

    /// Runs `body` in one transaction: all of it is written, or none.
    ///
    /// - Parameter rollback: undo the transaction even when `body` succeeds (a dry run).
    /// - Important: SQLite writers wait for each other (up to ``busyTimeoutMilliseconds``) rather than fail.
    public func write<R: Sendable>(rollback: Bool = false, _ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction(rollback: rollback) { try await body($0.sql) }
    }

    /// ``write(rollback:_:)`` with the whole connection, for bulk paths that speak to the driver.
    func transaction<R: Sendable>(rollback: Bool = false, _ body: @Sendable (Connection) async throws -> R) async throws -> R {
        let begin = backend == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await writers.lease { connection in
            let db = connection.sql
            try await db.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(connection)
                try await db.raw(rollback ? "ROLLBACK" : "COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw self.explain(error)
            }
        }
    }

    /// Says which database could not be written and the likely reason, for the errors people can act on.
    func explain(_ error: any Error) -> any Error {
        guard let sqlite = error as? SQLiteError, case .sqlite(let path) = location else { return error }
        let reason: String
        switch sqlite.reason {
        case .full:
            reason = "the disk is full"
        case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync:
            reason = "the disk refused a write (is it full, or is the file larger than the system allows?)"
        case .readOnly, .readonlyDirectory, .readonlyCantLock, .permission:
            reason = "the file or its folder is read-only"
        case .busy, .busyTimeout, .locked:
            reason = "another process held the database for more than \(Store.busyTimeoutMilliseconds / 1000) seconds"
        default:
            return error
        }
        return StoreError.storage("could not write the SQLite database \(path): \(reason); nothing of this change was written (\(sqlite.message))")
    }

    private static func openSQLite(path: String, logger: Logger) async throws -> Connection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let db = connection.sql()
        do {
            try await db.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
            try await db.raw("PRAGMA journal_mode = WAL").run()
            try await db.raw("PRAGMA synchronous = FULL").run()
            try await db.raw("PRAGMA foreign_keys = ON").run()
            // 64 MiB of page cache: imports insert into indexes in key order, not file order.
            try await db.raw("PRAGMA cache_size = -65536").run()
            // Statement journals (a multi-row insert with a conflict clause keeps one) stay in memory.
            try await db.raw("PRAGMA temp_store = MEMORY").run()
        } catch {
            try? await connection.close()
            throw error
        }
        return Connection(sql: db, driver: .sqlite(connection), close: { try await connection.close() })
    }

    private static func openPostgres(_ configuration: SQLPostgresConfiguration, logger: Logger) async throws -> Connection {
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
            id: Int.random(in: 0 ..< Int.max), logger: logger)
        return Connection(sql: connection.sql(), driver: .postgres(connection), close: { try await connection.close() })
    }
}

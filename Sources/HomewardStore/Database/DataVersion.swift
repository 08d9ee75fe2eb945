import Foundation
import HomewardCore
import NIOConcurrencyHelpers
import SQLKit
import VaporCSQLite

/// Which state of the data a read would see: equal versions mean no write committed in between, from this
/// process or any other on the same database.
///
/// Read on every GET of figures, so that answers can be tagged (ETag), answered 304, and cached, without
/// ever serving an answer older than the last committed write. It costs microseconds on SQLite and one
/// round trip on PostgreSQL, and lives in the database itself.
/// - SQLite: the table `data_version`, which every write of something readable moves on inside its transaction (a
///   trigger on the audit, which every such write adds to: ``CreateSQLiteDataVersion``), read
///   on a connection of its own only when `PRAGMA data_version` (which changes with any other connection's commit, any
///   process's, a token's last use too) says something was committed; with a number drawn when the database was opened.
/// - PostgreSQL: the sequence `data_version`, which every write of something readable moves on after it commits, on any server
///   process (the cluster-wide snapshot would change with every other database's writes too).
public struct DataVersion: Hashable, Sendable, CustomStringConvertible {
    public let description: String
}

extension Database {
    /// The version of what a read begun now would see.
    public func dataVersion() async throws -> DataVersion {
        switch backend {
        case .sqlite:
            guard let watch = versionWatch else { throw StoreError.closed }
            // Its watch's connection would read the removed file's version on: no 304 of what is no longer served.
            try checkFileIsTheOneOpened()
            return DataVersion(description: try watch.read())
        case .postgres:
            let number = try await read { db in
                try await db.raw("SELECT last_value FROM data_version").first(decodingColumn: "last_value", as: Int.self)
            }
            return DataVersion(description: String(number ?? 0))
        }
    }

    /// Moves PostgreSQL's version on after a commit: before it, a reader could cache what it read then
    /// under the new number. A failure is logged, not thrown, since the write itself is in. Housekeeping that
    /// leaves nothing readable does not call it (``write(by:for:rollback:foreignKeys:_:)``).
    func moveDataVersionOn(_ db: any SQLDatabase) async {
        do {
            try await db.raw("SELECT nextval('data_version')").run()
        } catch {
            // Every tag and cached answer stays as it was until the next write: an operator must hear of it.
            logger.error("data version not moved on after a commit: \(String(reflecting: error))")
        }
    }
}

/// SQLite's `PRAGMA data_version`, read on a connection of its own through SQLite's C API.
///
/// Opened beside the pools, never writing; a statement prepared once, run under a lock on the caller's thread,
/// since one run is a few microseconds and touches only the WAL index in shared memory.
final class SQLiteDataVersionWatch: Sendable {
    private struct Handles: @unchecked Sendable {
        var connection: OpaquePointer?
        var statement: OpaquePointer?
        /// `SELECT value FROM data_version`, prepared at the first read (the watch opens before the migrations run).
        var counter: OpaquePointer?
        /// The pragma's value at the counter's last reading, and what it read: while the pragma stands, so does the counter.
        var seen: (pragma: Int64, counter: Int64)?
    }

    private let handles: NIOLockedValueBox<Handles>
    /// Drawn at opening: the pragma counts from 1 on a new connection, so two openings must not share versions.
    private let epoch = UInt64.random(in: 0 ... UInt64.max)

    init(path: String) throws {
        var connection: OpaquePointer?
        var code = sqlite_nio_sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nil)
        var statement: OpaquePointer?
        if code == SQLITE_OK {
            code = sqlite_nio_sqlite3_prepare_v3(connection, "PRAGMA data_version", -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        }
        guard code == SQLITE_OK, let connection else {
            let message = connection.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(code)"
            sqlite_nio_sqlite3_close(connection)
            throw StoreError.storage("could not watch the SQLite database \(path) for changes: \(message)")
        }
        sqlite_nio_sqlite3_busy_timeout(connection, Int32(Database.busyTimeoutMilliseconds))
        handles = NIOLockedValueBox(Handles(connection: connection, statement: statement))
    }

    func read() throws -> String {
        try handles.withLockedValue { handles in
            guard let statement = handles.statement else { throw StoreError.closed }
            defer { sqlite_nio_sqlite3_reset(statement) }
            guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW else {
                let message = sqlite_nio_sqlite3_errmsg(handles.connection).map { String(cString: $0) } ?? "?"
                throw StoreError.database("PRAGMA data_version: \(message)")
            }
            let pragma = sqlite_nio_sqlite3_column_int64(statement, 0)
            let prefix = String(epoch, radix: 36)
            if let seen = handles.seen, seen.pragma == pragma { return "\(prefix)-\(seen.counter)" }
            // Something was committed: whether it moved the data, the counter says (read after the pragma, so never older).
            if handles.counter == nil {
                var counter: OpaquePointer?
                if sqlite_nio_sqlite3_prepare_v3(handles.connection, "SELECT value FROM data_version", -1, UInt32(SQLITE_PREPARE_PERSISTENT),
                                                 &counter, nil) == SQLITE_OK {
                    handles.counter = counter
                }
            }
            guard let counter = handles.counter else { return "\(prefix)-p\(pragma)" }
            defer { sqlite_nio_sqlite3_reset(counter) }
            guard sqlite_nio_sqlite3_step(counter) == SQLITE_ROW else {
                let message = sqlite_nio_sqlite3_errmsg(handles.connection).map { String(cString: $0) } ?? "?"
                throw StoreError.database("data_version: \(message)")
            }
            let value = sqlite_nio_sqlite3_column_int64(counter, 0)
            handles.seen = (pragma, value)
            return "\(prefix)-\(value)"
        }
    }

    func close() {
        handles.withLockedValue { handles in
            sqlite_nio_sqlite3_finalize(handles.statement)
            sqlite_nio_sqlite3_finalize(handles.counter)
            sqlite_nio_sqlite3_close(handles.connection)
            handles = Handles()
        }
    }
}

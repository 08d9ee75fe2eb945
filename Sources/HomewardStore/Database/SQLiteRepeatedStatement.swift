import NIOPosix
import SQLiteNIO
import VaporCSQLite

/// One SQLite statement prepared once and run for every row of an import, through SQLite's C API.
///
/// SQLiteNIO prepares a statement again for every query, binds through an array of enums, and hops to an
/// event loop for every row a `RETURNING` clause sends back; at a million rows that cost more than SQLite's
/// own work. This runs each row with bind, step and reset on the prepared statement, and tells from
/// `sqlite3_changes` whether the row was written (a conflict clause may have skipped it).
///
/// SQLiteNIO does not expose its connection's `sqlite3*`; it is read by reflection, and is safe to use from
/// any thread because SQLiteNIO opens every connection in serialized mode (`SQLITE_OPEN_FULLMUTEX`). Work runs
/// on SQLiteNIO's own thread pool, never on the caller's.
/// - Important: Use it only on a connection leased for the whole write (it must not outlive the connection).
final class SQLiteRepeatedStatement: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statement: OpaquePointer?

    /// Prepares `sql` on `connection`; `nil` when the connection's handle cannot be found (a newer SQLiteNIO).
    init?(_ connection: SQLiteConnection, sql: String) throws {
        guard let box = Mirror(reflecting: connection).descendant("handle"),
              let handle = Mirror(reflecting: box).descendant("raw") as? OpaquePointer else { return nil }
        self.handle = handle
        var prepared: OpaquePointer?
        // Once per import, and quick: prepared here rather than on the pool.
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK else { throw SQLiteCallError(code: code, handle: handle) }
        statement = prepared
    }

    deinit {
        if let statement { sqlite_nio_sqlite3_finalize(statement) }
    }

    /// Finalizes the statement: call before the connection goes back, so that nothing of it outlives the write.
    func close() async throws {
        try await NIOThreadPool.singleton.runIfActive {
            if let statement = self.statement { sqlite_nio_sqlite3_finalize(statement) }
            self.statement = nil
        }
    }

    /// Runs the statement once per row, in order; for each row, whether it changed the table.
    func run(_ rows: [[BulkValue]]) async throws -> [Bool] {
        try await NIOThreadPool.singleton.runIfActive { try self.runHere(rows) }
    }

    private func runHere(_ rows: [[BulkValue]]) throws -> [Bool] {
        guard let statement else { throw SQLiteCallError(code: SQLITE_MISUSE, handle: handle) }
        var written: [Bool] = []
        written.reserveCapacity(rows.count)
        var before = sqlite_nio_sqlite3_total_changes64(handle)
        for row in rows {
            for (offset, value) in row.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32
                switch value {
                case .integer(let v): code = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(v))
                case .real(let v): code = sqlite_nio_sqlite3_bind_double(statement, index, v)
                case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
                case .text(var v):
                    code = v.withUTF8 { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { chars in
                            // An empty buffer may have no address; SQLite would read a null pointer as NULL.
                            guard let base = chars.baseAddress else {
                                return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, Self.transient, UInt8(SQLITE_UTF8))
                            }
                            return sqlite_nio_sqlite3_bind_text64(statement, index, base, UInt64(chars.count), Self.transient, UInt8(SQLITE_UTF8))
                        }
                    }
                }
                guard code == SQLITE_OK else { sqlite_nio_sqlite3_reset(statement); throw SQLiteCallError(code: code, handle: handle) }
            }
            let code = sqlite_nio_sqlite3_step(statement)
            guard code == SQLITE_DONE || code == SQLITE_ROW else {
                sqlite_nio_sqlite3_reset(statement)
                throw SQLiteCallError(code: code, handle: handle)
            }
            let total = sqlite_nio_sqlite3_total_changes64(handle)
            written.append(total != before)
            before = total
            sqlite_nio_sqlite3_reset(statement)
        }
        return written
    }

    /// SQLite copies the bound text before the call returns, so Swift's buffer may go away.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A failure of a call into SQLite's C API, with its result code and SQLite's message.
struct SQLiteCallError: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_IOERR_WRITE`…); `code & 0xff` is the primary one.
    let code: Int32
    let message: String

    init(code: Int32, handle: OpaquePointer) {
        self.code = code
        message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "SQLite error \(code)"
    }

    var primary: Int32 { code & 0xff }
    var description: String { message }
}

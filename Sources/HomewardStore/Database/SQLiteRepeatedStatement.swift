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

    /// `INSERT INTO table (columns) VALUES (?, …) suffix`, prepared once for every row of an import.
    convenience init?(_ connection: SQLiteConnection, insertInto table: String, columns: [String], suffix: String = "") throws {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try self.init(connection, sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) \(suffix)")
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

    /// Runs a statement of one text parameter (`SELECT 1 FROM t WHERE key = ?`) once per key; for each, whether it found a row.
    func find(_ keys: [String]) async throws -> [Bool] {
        try await NIOThreadPool.singleton.runIfActive {
            guard let statement = self.statement else { throw SQLiteCallError(code: SQLITE_MISUSE, handle: self.handle) }
            let mutex = sqlite_nio_sqlite3_db_mutex(self.handle)
            sqlite_nio_sqlite3_mutex_enter(mutex)
            defer { sqlite_nio_sqlite3_mutex_leave(mutex) }
            var found: [Bool] = []
            found.reserveCapacity(keys.count)
            for var key in keys {
                let code: Int32 = key.withUTF8 { bytes in
                    let bound = sqlite_nio_sqlite3_bind_text64(statement, 1, UnsafeRawPointer(bytes.baseAddress ?? Self.empty.assumingMemoryBound(to: UInt8.self))
                        .assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil, UInt8(SQLITE_UTF8))
                    return bound == SQLITE_OK ? sqlite_nio_sqlite3_step(statement) : bound
                }
                sqlite_nio_sqlite3_reset(statement)
                guard code == SQLITE_ROW || code == SQLITE_DONE else { throw SQLiteCallError(code: code, handle: self.handle) }
                found.append(code == SQLITE_ROW)
            }
            sqlite_nio_sqlite3_clear_bindings(statement)
            return found
        }
    }

    private func runHere(_ rows: [[BulkValue]]) throws -> [Bool] {
        guard let statement else { throw SQLiteCallError(code: SQLITE_MISUSE, handle: handle) }
        // The connection's mutex held once for the whole batch: every bind, step and reset takes it again, and
        // taking a mutex the thread holds already costs no atomic operation.
        let mutex = sqlite_nio_sqlite3_db_mutex(handle)
        sqlite_nio_sqlite3_mutex_enter(mutex)
        defer { sqlite_nio_sqlite3_mutex_leave(mutex) }
        var written: [Bool] = []
        written.reserveCapacity(rows.count)
        var before = sqlite_nio_sqlite3_total_changes64(handle)
        // A row's texts, end to end: bound in place (SQLITE_STATIC) and valid until the step is done, instead of
        // SQLite copying each text of each row into memory of its own.
        var texts: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        for row in rows {
            texts.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
            for value in row {
                guard case .text(let text) = value else { spans.append((0, 0)); continue }
                spans.append((texts.count, text.utf8.count))
                texts.append(contentsOf: text.utf8)
            }
            let code: Int32 = texts.withUnsafeBufferPointer { bytes in
                for (offset, value) in row.enumerated() {
                    let index = Int32(offset + 1)
                    let code: Int32
                    switch value {
                    case .integer(let v): code = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(v))
                    case .real(let v): code = sqlite_nio_sqlite3_bind_double(statement, index, v)
                    case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
                    case .text:
                        let span = spans[offset]
                        let start = span.count == 0 ? Self.empty : UnsafeRawPointer(bytes.baseAddress! + span.start)
                        code = sqlite_nio_sqlite3_bind_text64(statement, index, start.assumingMemoryBound(to: CChar.self), UInt64(span.count),
                                                              nil, UInt8(SQLITE_UTF8)) // SQLITE_STATIC: read in place
                    }
                    guard code == SQLITE_OK else { return code }
                }
                return sqlite_nio_sqlite3_step(statement)
            }
            // Nothing bound may outlive the buffer: the next row binds every parameter again.
            guard code == SQLITE_DONE || code == SQLITE_ROW else {
                sqlite_nio_sqlite3_reset(statement)
                throw SQLiteCallError(code: code, handle: handle)
            }
            let total = sqlite_nio_sqlite3_total_changes64(handle)
            written.append(total != before)
            before = total
            sqlite_nio_sqlite3_reset(statement)
        }
        sqlite_nio_sqlite3_clear_bindings(statement)
        return written
    }

    /// Where an empty text is bound from: SQLite reads a null pointer as NULL.
    private static var empty: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }

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

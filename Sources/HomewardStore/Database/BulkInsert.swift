import Logging
import PostgresNIO
import SQLiteNIO

/// A value of a bulk insert, bound straight to the driver (the one way Homeward writes many rows).
///
/// SQLKit encodes each bound value through `Encodable`, which costs more than the insert itself
/// when a million rows of twenty values go in; the bulk path binds plain values instead.
enum BulkValue: Sendable {
    case integer(Int)
    case real(Double)
    case text(String)
    case null

    init(_ value: String?) { self = value.map(BulkValue.text) ?? .null }
    init(_ value: Int?) { self = value.map(BulkValue.integer) ?? .null }
    init(_ value: Double?) { self = value.map(BulkValue.real) ?? .null }
}

extension Connection {
    /// Inserts rows, and returns the values of the `returning` column of the rows actually inserted (those the
    /// `suffix`'s conflict clause let in). Inside a transaction.
    ///
    /// SQLite runs one statement, prepared once, row by row; PostgreSQL takes the rows by COPY into a table of
    /// their own and inserts them in one `INSERT … SELECT`, instead of parsing and binding statements of thousands
    /// of parameters (a third of a large import's rollup flush). Without a conflict clause or a column to return,
    /// the rows go by COPY straight into `table` (a first load's rollup sums: 2.5 s less at 1,000,000 rows).
    @discardableResult
    func bulkInsert(into table: String, columns: [String], rows: [[BulkValue]], suffix: String, returning: String? = nil) async throws -> [String] {
        guard !rows.isEmpty else { return [] }
        switch driver {
        case .postgres(let connection):
            if suffix.isEmpty && returning == nil {
                try await connection.copy(into: table, columns: columns, rows: rows)
                return []
            }
            return try await connection.insertByCopy(into: table, columns: columns, rows: rows, suffix: suffix, returning: returning)
        case .sqlite(let connection):
            if returning == nil, let statement = try SQLiteRepeatedStatement(connection, insertInto: table, columns: columns, suffix: suffix) {
                _ = try await statement.run(rows)
                try await statement.close()
                return []
            }
            return try await connection.insertByStatements(into: table, columns: columns, rows: rows, suffix: suffix, returning: returning)
        }
    }
}

extension SQLiteConnection {
    /// Multi-row `INSERT`s of as many rows as the bind limit allows, for inserts that return a column.
    fileprivate func insertByStatements(into table: String, columns: [String], rows: [[BulkValue]], suffix: String,
                                        returning: String?) async throws -> [String] {
        var returned: [String] = []
        let perStatement = max(1, 30_000 / columns.count)
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start ..< min(start + perStatement, rows.count)]
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            sql += Array(repeating: row, count: chunk.count).joined(separator: ", ")
            sql += " \(suffix)"
            if let returning { sql += " RETURNING \(returning)" }
            var binds: [SQLiteData] = []
            binds.reserveCapacity(chunk.count * columns.count)
            for values in chunk {
                for value in values {
                    switch value {
                    case .integer(let v): binds.append(.integer(v))
                    case .real(let v): binds.append(.float(v))
                    case .text(let v): binds.append(.text(v))
                    case .null: binds.append(.null)
                    }
                }
            }
            let collected = Collected()
            try await query(sql, binds) { row in
                if let returning, let text = row.column(returning)?.string { collected.append(text) }
            }
            returned += collected.values
        }
        return returned
    }
}

extension PostgresConnection {
    /// COPY into a temporary table shaped as `table`'s columns, then one `INSERT … SELECT` in COPY's order.
    fileprivate func insertByCopy(into table: String, columns: [String], rows: [[BulkValue]], suffix: String,
                                  returning: String?) async throws -> [String] {
        let list = columns.joined(separator: ", ")
        let staging = "bulk_" + table
        let logger = Logger(label: "homeward.store.bulk")
        try await query(PostgresQuery(unsafeSQL: "CREATE TEMPORARY TABLE \(staging) ON COMMIT DROP AS SELECT \(list) FROM \(table) WITH NO DATA"), logger: logger)
        try await copy(into: staging, columns: columns, rows: rows)
        // A new table filled by one COPY lies in COPY's order, so ids follow the rows' order.
        var sql = "INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(staging) ORDER BY ctid \(suffix)"
        if let returning { sql += " RETURNING \(returning)" }
        var returned: [String] = []
        let inserted = try await query(PostgresQuery(unsafeSQL: sql), logger: logger)
        if returning != nil {
            for try await text in inserted.decode(String.self) { returned.append(text) }
        } else {
            for try await _ in inserted {}
        }
        try await query(PostgresQuery(unsafeSQL: "DROP TABLE \(staging)"), logger: logger)
        return returned
    }
}

/// Rows gathered from the SQLite driver's callback, which runs on its thread pool.
private final class Collected: @unchecked Sendable {
    private(set) var values: [String] = []
    func append(_ value: String) { values.append(value) }
}

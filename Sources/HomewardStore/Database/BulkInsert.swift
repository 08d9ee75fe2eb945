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
    /// Inserts rows in statements of as many rows as the bind limits allow, and returns the values of
    /// the `returning` column of the rows actually inserted (those the `suffix`'s conflict clause let in).
    @discardableResult
    func bulkInsert(into table: String, columns: [String], rows: [[BulkValue]], suffix: String, returning: String? = nil) async throws -> [String] {
        guard !rows.isEmpty else { return [] }
        if returning == nil, case .sqlite(let connection) = driver {
            // One statement prepared once and run row by row: no SQL of thousands of placeholders to parse.
            if let statement = try SQLiteRepeatedStatement(connection, insertInto: table, columns: columns, suffix: suffix) {
                _ = try await statement.run(rows)
                try await statement.close()
                return []
            }
        }
        var returned: [String] = []
        let perStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let chunk = rows[start ..< min(start + perStatement, rows.count)]
            start += perStatement
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            sql.reserveCapacity(chunk.count * columns.count * 4 + 200)
            switch driver {
            case .sqlite(let connection):
                let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
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
                try await connection.query(sql, binds) { row in
                    if let returning, let text = row.column(returning)?.string { collected.append(text) }
                }
                returned += collected.values
            case .postgres(let connection):
                var bindings = PostgresBindings(capacity: chunk.count * columns.count)
                var placeholder = 0
                for (offset, values) in chunk.enumerated() {
                    sql += offset == 0 ? "(" : ", ("
                    for (index, value) in values.enumerated() {
                        placeholder += 1
                        sql += index == 0 ? "$\(placeholder)" : ", $\(placeholder)"
                        switch value {
                        case .integer(let v): bindings.append(Int64(v))
                        case .real(let v): bindings.append(v)
                        case .text(let v): bindings.append(v)
                        case .null: bindings.appendNull()
                        }
                    }
                    sql += ")"
                }
                sql += " \(suffix)"
                if let returning { sql += " RETURNING \(returning)" }
                let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: Logger(label: "homeward.store.bulk"))
                if returning != nil {
                    for try await (text) in rows.decode(String.self) { returned.append(text) }
                } else {
                    for try await _ in rows {}
                }
            }
        }
        return returned
    }
}

/// Rows gathered from the SQLite driver's callback, which runs on its thread pool.
private final class Collected: @unchecked Sendable {
    private(set) var values: [String] = []
    func append(_ value: String) { values.append(value) }
}

import SQLKit

extension SQLDatabase {
    /// Inserts many rows in as few statements as the databases' bind limits allow.
    ///
    /// - Parameter suffix: appended to each statement, such as `ON CONFLICT (code) DO NOTHING`.
    func insert(into table: String, columns: [String], rows: [[any Encodable & Sendable]], suffix: String = "") async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let chunk = rows[start ..< min(start + perStatement, rows.count)]
            var query = SQLQueryString("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ")
            for (offset, row) in chunk.enumerated() {
                query += offset == 0 ? "(\(binds: row))" : ", (\(binds: row))"
            }
            if !suffix.isEmpty { query += SQLQueryString(" " + suffix) }
            try await raw(query).run()
            start += perStatement
        }
    }
}

import HomewardCore
import SQLKit

extension Stores {
    /// The imports the ledger keeps, oldest first: every one to coordinators and admins (and the database's owner), to
    /// anyone else those they sent themselves, signed in or through a token: a partner's script checks what it sent landed.
    /// - Parameter after: imports after this position (``ImportRecord/position``): the next page, or what committed since.
    public func imports(records: RecordKind? = nil, after: Int? = nil, limit: Int = 1_000, readBy reader: Caller) async throws -> [ImportRecord] {
        try await database.read { db in
            let permit: Permit
            do { permit = try await Database.permit(of: reader, on: db) } catch let refusal as AccessRefusal { throw refusal.storeError }
            var conditions: [SQLQueryString] = ["status IS NOT NULL"]
            if permit.refusal(for: .planning) != nil {
                guard permit.role != nil, let login = reader.login, let stored = try await Database.knownLogin(login, on: db) else {
                    throw StoreError.unauthenticated(Message("access.inactive", ["login": .text(reader.login ?? "")]))
                }
                conditions.append(Database.byAccount(stored, column: "started_by"))
            }
            if let records { conditions.append("records = \(bind: records.rawValue)") }
            var filter: SQLQueryString = ""
            for (index, condition) in conditions.enumerated() { filter = index == 0 ? "WHERE \(condition)" : "\(filter) AND \(condition)" }
            // In the order imports committed; those kept before commits were numbered first, by id.
            return try await db.raw("""
                SELECT * FROM (
                    SELECT id, records, source_name, started_at, started_by, committed_at, status, rows_read, imported, updated, ignored, rejected, warnings,
                           COALESCE(commit_number, -(SELECT COUNT(*) FROM imports l WHERE l.commit_number IS NULL AND l.status IS NOT NULL AND l.id >= i.id))
                           AS position
                    FROM imports i \(filter)) p
                WHERE position > \(bind: after ?? Int.min) ORDER BY position LIMIT \(bind: limit)
                """).all().map { row in
                ImportRecord(id: try row.decode(column: "id", as: Int.self), position: try row.decode(column: "position", as: Int.self),
                             records: try row.decode(column: "records", as: String.self),
                             sourceName: try row.decode(column: "source_name", as: String.self), startedAt: try row.decode(column: "started_at", as: String.self),
                             startedBy: try row.decode(column: "started_by", as: String?.self), committedAt: try row.decode(column: "committed_at", as: String?.self),
                             status: try row.decode(column: "status", as: String.self), rows: try row.decode(column: "rows_read", as: Int?.self),
                             imported: try row.decode(column: "imported", as: Int?.self), updated: try row.decode(column: "updated", as: Int?.self),
                             ignored: try row.decode(column: "ignored", as: Int?.self), rejected: try row.decode(column: "rejected", as: Int?.self),
                             warnings: try row.decode(column: "warnings", as: Int?.self))
            }
        }
    }

    /// The number each of `ids`' imports committed under (0 for one committed before imports were numbered); an import not
    /// committed is not among them. What a bulletin's read saw is told by these (``BulletinSnapshot/recordedThrough``).
    public func commitNumbers(ofImports ids: Set<Int>) async throws -> [Int: Int] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { db in
            var numbers: [Int: Int] = [:]
            for row in try await db.raw("""
                SELECT id, COALESCE(commit_number, 0) AS number FROM imports WHERE status IS NOT NULL AND id IN (\(binds: Array(ids)))
                """).all() {
                numbers[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "number", as: Int.self)
            }
            return numbers
        }
    }
}

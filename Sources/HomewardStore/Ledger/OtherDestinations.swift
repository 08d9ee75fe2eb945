import SQLKit

/// New movements without an id that an earlier import recorded in all but the destination (the same organisation, days,
/// crossing, origin, category and count), where this file does not give that earlier row again: a report sent again
/// with its destination corrected, which without ids reads as a second group, and would be counted twice without a word.
///
/// Asked batch by batch of what earlier imports hold, at the crossing's own entries of the period index; settled once the
/// file is read, since a later row may give the earlier movement again (two groups, then, not a correction).
struct OtherDestinations {
    /// The earlier movements each row may correct, the first few by id, with their keys' hashes (as
    /// ``MovementWriter``'s keys left unchanged are kept): a large file re-sent with a column added would otherwise keep
    /// every same-count movement of its days for each row.
    private var found: [Int: [(id: Int, key: Int)]] = [:]
    static let kept = 4

    /// - Parameters:
    ///   - new: the batch's new movements without an id, with a crossing, of days earlier imports have movements of.
    ///   - lastIDBefore: the last movement of an earlier import.
    mutating func look(for new: [NewMovement], lastIDBefore: Int, on db: any SQLDatabase, postgres: Bool) async throws {
        let backend: Database.Backend = postgres ? .postgres : .sqlite
        let distinct = backend.nullSafeDiffers, same = backend.nullSafeEquals
        for start in stride(from: 0, to: new.count, by: 1000) {
            let slice = new[start ..< min(start + 1000, new.count)]
            var query: SQLQueryString = """
                WITH n (file_row, start_day, end_day, category, crossing_code, origin_country, origin_pcode, dest_pcode, organisation_id, persons) AS (VALUES 
                """
            for (index, m) in slice.enumerated() {
                query += index == 0 ? "(" : ", ("
                query += "\(bind: m.row), \(bind: m.start), \(bind: m.end), \(bind: m.category), \(bind: m.crossing), \(bind: m.originCountry), "
                query += "\(bind: m.originArea), \(bind: m.destination), \(bind: m.organisationID), \(bind: m.persons))"
            }
            query += """
                ) SELECT n.file_row AS file_row, o.id AS id, o.row_key AS row_key FROM n
                JOIN movements o ON o.start_day = n.start_day AND o.end_day = n.end_day AND o.crossing_code = n.crossing_code
                    AND o.dest_pcode \(unsafeRaw: distinct) n.dest_pcode AND o.organisation_id = n.organisation_id
                    AND o.category = n.category AND o.persons = n.persons AND o.origin_country \(unsafeRaw: same) n.origin_country
                    AND o.origin_pcode \(unsafeRaw: same) n.origin_pcode AND o.external_id IS NULL AND o.id <= \(bind: lastIDBefore)
                ORDER BY o.id
                """
            for row in try await db.raw(query).all() {
                let fileRow = try row.decode(column: "file_row", as: Int.self)
                guard found[fileRow, default: []].count < Self.kept else { continue }
                found[fileRow, default: []].append((try row.decode(column: "id", as: Int.self), try row.decode(column: "row_key", as: String.self).hashValue))
            }
        }
    }

    /// The warnings, once the file is read: of the earlier movements this import neither wrote (a correction or a 0)
    /// nor found given again as they stand (`givenAgain`, by the key's hash), the first for each row.
    func warnings(importID: Int?, givenAgain: (Int) -> Bool, on db: any SQLDatabase) async throws -> [TwinRecord] {
        let candidates = found.flatMap { row, matches in matches.filter { !givenAgain($0.key) }.map { (row: row, id: $0.id) } }
        var touched: Set<Int> = []
        for start in stride(from: 0, to: candidates.count, by: 1000) {
            let ids = candidates[start ..< min(start + 1000, candidates.count)].map(\.id)
            let query: SQLQueryString = "SELECT id FROM movements WHERE id IN (\(binds: ids)) AND import_id = \(bind: importID)"
            touched.formUnion(try await db.raw(query).all().map { try $0.decode(column: "id", as: Int.self) })
        }
        var first: [Int: Int] = [:]
        for match in candidates.sorted(by: { $0.id < $1.id }) where !touched.contains(match.id) && first[match.row] == nil { first[match.row] = match.id }
        return first.sorted { $0.key < $1.key }.map { TwinRecord(row: $0.key, twin: $0.value, message: "import.movements.otherDestination") }
    }
}

import HomewardCore
import SQLKit

/// A table whose records an import corrects in place, each version it replaces first copied into the table's
/// `…_revisions` with when, by whom and in which import it was superseded (DEVELOPERS.md, "Its history").
///
/// Every kind of record but movements (whose writer does the same in bulk) writes through ``WriteContext/store(_:in:key:identity:importID:row:seen:insert:)``,
/// so that what a correction overwrites and what its revision keeps are one list of columns and cannot drift apart.
struct RevisedTable: Sendable {
    let table: String
    let revisions: String
    /// The revisions' column naming the record they are versions of: `census_id`.
    let recordColumn: String
    /// The values a correction may change, in the order they are given to `store`; a revision keeps them all.
    let columns: [String]
    /// The columns of figures a row may leave blank, each with its field's JSON key and the decimals it is stored to (tonnes
    /// in kilograms: 3): a correction that blanks one the record gave is warned of, naming the field as the file does.
    var figures: [String: (field: String, decimals: Int)] = [:]
    /// The columns that name another record (a figure's total), each with its field's JSON key: a correction that leaves out
    /// one the record gave is warned of too, as it unlinks the two.
    var links: [String: String] = [:]
    /// The columns of words a row may leave blank (a description, a citation), each with its field's JSON key: a
    /// correction from a file without that column would blank what the record said, and is warned of, quoting it.
    var texts: [String: String] = [:]
    /// What a withdrawn record holds (`value = 0`): a 0 given again for it changes nothing, whatever else its row gives.
    var withdrawn: String?
}

extension RevisedTable {
    /// Every version of the record with `id`, those replaced first (in the order they were), the one in force last; empty
    /// where no record has it.
    ///
    /// - Parameters:
    ///   - select: the columns `decode` reads, of `v` (the version: a revision, or the record itself) and of `w` (the record,
    ///     for what no correction changes: its organisation, id, key), and of whatever `joins` adds.
    ///   - joins: joins after `v` and `w`.
    func versions<Record>(of id: Int, select: String, joins: String, on db: any SQLDatabase,
                          decode: (any SQLRow) throws -> Record) async throws -> [RecordVersion<Record>] {
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: select), v.recorded_at, v.recorded_by, v.import_id, v.superseded_at, v.superseded_by, v.superseded_in_import,
                   0 AS in_force, v.id AS version
            FROM \(unsafeRaw: revisions) v JOIN \(unsafeRaw: table) w ON w.id = v.\(unsafeRaw: recordColumn) \(unsafeRaw: joins)
            WHERE v.\(unsafeRaw: recordColumn) = \(bind: id)
            UNION ALL
            SELECT \(unsafeRaw: select), v.recorded_at, v.recorded_by, v.import_id, NULL, NULL, NULL, 1, 0
            FROM \(unsafeRaw: table) v JOIN \(unsafeRaw: table) w ON w.id = v.id \(unsafeRaw: joins) WHERE v.id = \(bind: id)
            ORDER BY in_force, version
            """).all()
        return try rows.map { row in
            RecordVersion(record: try decode(row), recordedAt: try row.decode(column: "recorded_at", as: String.self),
                          recordedBy: try row.decode(column: "recorded_by", as: String?.self), importID: try row.decode(column: "import_id", as: Int?.self),
                          supersededAt: try row.decode(column: "superseded_at", as: String?.self),
                          supersededBy: try row.decode(column: "superseded_by", as: String?.self),
                          supersededInImport: try row.decode(column: "superseded_in_import", as: Int?.self))
        }
    }
}

extension WriteContext {
    /// Writes one record, and says what became of it: `insert` runs when `key` finds none (imported); the stored
    /// one is overwritten when its values differ, after they are kept as a revision (updated); else nothing (ignored).
    /// Without `insert` (a 0 that takes back what is stored), a record that finds none is ignored.
    ///
    /// - Parameters:
    ///   - values: the record's values for the table's `columns`, in their order.
    ///   - key: the condition that finds the stored version of the record: `row_key = …`.
    ///   - identity: who the record is, the same for every version of it (its row key).
    ///   - insert: the statement that writes the record when it is new.
    ///   - row: the row it came from.
    ///   - seen: the identities this import gave already, with the row that gave each: a record given twice is a
    ///     repeat within the file, said so, whether the first found it new, changed or as it was.
    func store(_ values: [BulkValue], in table: RevisedTable, key: SQLQueryString, identity: String, importID: Int, row: Int,
               seen: inout [String: Int], insert: SQLQueryString?) async throws -> WriteCounts {
        let columns = table.columns.joined(separator: ", ")
        let repeats = seen.updateValue(row, forKey: identity).map { [RepeatedRecord(row: row, earlierRow: $0)] } ?? []
        let select: SQLQueryString = "SELECT id, import_id, \(unsafeRaw: columns) FROM \(unsafeRaw: table.table) WHERE "
        guard let stored = try await sql.raw(select + key).first() else {
            guard let insert else { return WriteCounts(ignored: 1, repeats: repeats) }
            try await sql.raw(insert).run()
            return WriteCounts(imported: 1, repeats: repeats)
        }
        guard try !zip(table.columns, values).allSatisfy({ try Self.holds(stored, $0, $1) }) else {
            return WriteCounts(ignored: 1, repeats: repeats)
        }
        let id = try stored.decode(column: "id", as: Int.self)
        if insert == nil, let withdrawn = table.withdrawn, try await sql.raw("""
            SELECT 1 AS one FROM \(unsafeRaw: table.table) WHERE id = \(bind: id) AND \(unsafeRaw: withdrawn)
            """).first() != nil {
            return WriteCounts(ignored: 1, repeats: repeats)
        }
        let assignments = zip(table.columns, values).map { column, value -> SQLQueryString in "\(unsafeRaw: column) = \(bind: value)" }
        // Written already by this import (the file gives the record again): what it had before the import is kept, or put
        // back, and nothing in between, which was never in force, becomes a revision.
        if !repeats.isEmpty, try stored.decode(column: "import_id", as: Int?.self) == importID {
            if let restored = try await restore(id, in: table, to: values, importID: importID) {
                return WriteCounts(updated: -restored, ignored: restored + 1, repeats: repeats)
            }
            let revised = try await sql.raw("""
                SELECT 1 AS one FROM \(unsafeRaw: table.revisions) WHERE \(unsafeRaw: table.recordColumn) = \(bind: id)
                """).first() != nil
            // Kept at 0 where another record may name it (a part its total): the row could not go.
            if insert == nil && !revised && table.links.isEmpty {
                // A record the file added and then takes back: as if neither row had been, as a lone 0 for a new key is.
                try await sql.raw("DELETE FROM \(unsafeRaw: table.table) WHERE id = \(bind: id)").run()
                return WriteCounts(imported: -1, ignored: 2, repeats: repeats)
            }
            try await sql.raw("UPDATE \(unsafeRaw: table.table) SET " + assignments.joined(separator: ", ") + """
                , recorded_at = \(bind: timestamp), recorded_by = \(bind: caller.description) WHERE id = \(bind: id)
                """).run()
            // Kept at 0, it is counted as the deleted one is: the file recorded nothing.
            if insert == nil && !revised { return WriteCounts(imported: -1, ignored: 2, repeats: repeats) }
            return WriteCounts(ignored: 1, repeats: repeats)
        }
        // A withdrawal (no insert: a 0) takes the record back whole: what it leaves blank is no loss to warn of.
        let cleared = try zip(table.columns, values).compactMap { column, value -> ClearedFigure? in
            guard insert != nil, case .null = value else { return nil }
            if let field = table.texts[column] {
                guard let words = try stored.decode(column: column, as: String?.self), !words.isEmpty else { return nil }
                return ClearedFigure(row: row, field: field, decimals: 0, before: 0, words: words)
            }
            guard table.figures[column] != nil || table.links[column] != nil,
                  let before = try stored.decode(column: column, as: Int?.self) else { return nil }
            if let field = table.links[column] { return ClearedFigure(row: row, field: field, decimals: 0, before: before, link: true) }
            return table.figures[column].map { ClearedFigure(row: row, field: $0.field, decimals: $0.decimals, before: before) }
        }
        // A version an earlier import recorded and a later one corrected, given again: an old file imported by mistake
        // undoes the corrections (a withdrawal too), said as it is for movements, naming the first import that recorded it.
        let earlier = try await sql.raw("""
            SELECT import_id, \(unsafeRaw: columns) FROM \(unsafeRaw: table.revisions) WHERE \(unsafeRaw: table.recordColumn) = \(bind: id) ORDER BY id
            """).all()
        let reverts = try earlier.first { version in try zip(table.columns, values).allSatisfy { try Self.holds(version, $0, $1) } }
            .map { [RevertedRecord(row: row, importID: try $0.decode(column: "import_id", as: Int?.self))] } ?? []
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: table.revisions) (\(unsafeRaw: table.recordColumn), \(unsafeRaw: columns), recorded_at, recorded_by, import_id,
                                                      superseded_at, superseded_by, superseded_in_import)
            SELECT id, \(unsafeRaw: columns), recorded_at, recorded_by, import_id, \(bind: timestamp), \(bind: caller.description), \(bind: importID)
            FROM \(unsafeRaw: table.table) WHERE id = \(bind: id)
            """).run()
        try await sql.raw("UPDATE \(unsafeRaw: table.table) SET " + assignments.joined(separator: ", ") + """
            , recorded_at = \(bind: timestamp), recorded_by = \(bind: caller.description), import_id = \(bind: importID) WHERE id = \(bind: id)
            """).run()
        return WriteCounts(updated: 1, repeats: repeats, reverts: reverts, cleared: cleared)
    }

    /// Puts a record back as it was before this import, when a later row of the file gives what it was then: a file that
    /// corrects a figure and, further down, gives it as before (an old file imported again: 1,490,739, then 1,490,800)
    /// leaves the record as it found it, with no revision and no update to its name.
    /// - Returns: how many of this import's updates of the record it undid; `nil` when the values are not the record's before.
    private func restore(_ id: Int, in table: RevisedTable, to values: [BulkValue], importID: Int) async throws -> Int? {
        let columns = table.columns.joined(separator: ", ")
        let mine: SQLQueryString = "\(unsafeRaw: table.recordColumn) = \(bind: id) AND superseded_in_import = \(bind: importID)"
        let revisions = try await sql.raw("""
            SELECT id, \(unsafeRaw: columns), recorded_at, recorded_by, import_id FROM \(unsafeRaw: table.revisions) WHERE
            """ + " " + mine + " ORDER BY id").all()
        guard let before = revisions.first, try zip(table.columns, values).allSatisfy({ try Self.holds(before, $0, $1) }) else { return nil }
        let assignments = zip(table.columns, values).map { column, value -> SQLQueryString in "\(unsafeRaw: column) = \(bind: value)" }
        try await sql.raw("UPDATE \(unsafeRaw: table.table) SET " + assignments.joined(separator: ", ") + """
            , recorded_at = \(bind: try before.decode(column: "recorded_at", as: String.self)),
            recorded_by = \(bind: try before.decode(column: "recorded_by", as: String.self)),
            import_id = \(bind: try before.decode(column: "import_id", as: Int?.self)) WHERE id = \(bind: id)
            """).run()
        try await sql.raw("DELETE FROM \(unsafeRaw: table.revisions) WHERE " + mine).run()
        return revisions.count
    }

    /// ``store(_:in:key:identity:importID:row:seen:insert:)`` for a record found by its `row_key`, its identity too.
    func store(_ values: [BulkValue], in table: RevisedTable, rowKey: String, importID: Int, row: Int, seen: inout [String: Int],
               insert: SQLQueryString?) async throws -> WriteCounts {
        try await store(values, in: table, key: "row_key = \(bind: rowKey)", identity: rowKey, importID: importID, row: row, seen: &seen, insert: insert)
    }

    /// Whether the stored row holds `value` in `column`.
    private static func holds(_ row: any SQLRow, _ column: String, _ value: BulkValue) throws -> Bool {
        switch value {
        case .integer(let number): try row.decode(column: column, as: Int?.self) == number
        case .real(let number): try row.decode(column: column, as: Double?.self) == number
        case .text(let text): try row.decode(column: column, as: String?.self) == text
        case .null: try row.decodeNil(column: column)
        }
    }
}


extension WriteContext {
    /// The key of the one record a row without an id means though its cells find none: of the same organisation, and
    /// alike as `matching` (on the table as `w`) says, written otherwise (its governorate given or not, `… add` against a
    /// file), the row either taking a record back or giving it again as it is, or again after it was taken back. The
    /// import's warning of a twin advises a 0 to withdraw one; and a record sent again in another layout is the same record,
    /// not a second counted beside it (nor one that the first layout, imported again, would bring back beside it). `nil`
    /// where the row's own key finds a record (but for a 0 whose own is taken back already: it means the one still counted),
    /// or where no one record is meant (none, or several alike: the row cannot say which, and is written as before, a twin
    /// warned of). Records of this import are not among them: two rows of one file that differ in cells not read are two.
    /// - Parameters:
    ///   - withdrawal: whether the row takes a record back (its figures 0); `withdrawn`, the condition on `w` of a record so taken.
    func recordWrittenOtherwise(in table: String, key: String, externalId: String?, organisation: String, importID: Int,
                                withdrawal: Bool, withdrawn: String, matching: SQLQueryString) async throws -> (key: String, id: Int)? {
        guard externalId == nil else { return nil }
        if let own = try await sql.raw("""
            SELECT CASE WHEN \(unsafeRaw: withdrawn) THEN 1 ELSE 0 END AS taken FROM \(unsafeRaw: table) w WHERE w.row_key = \(bind: key)
            """).first() {
            let taken = try own.decode(column: "taken", as: Int.self) == 1
            if !(withdrawal && taken) { return nil }
        }
        let alike = try await sql.raw("""
            SELECT w.id, w.row_key FROM \(unsafeRaw: table) w JOIN organisations o ON o.id = w.organisation_id
            WHERE o.name = \(bind: organisation) AND w.external_id IS NULL AND (w.import_id IS NULL OR w.import_id <> \(bind: importID)) AND 
            """ + matching + " LIMIT 2").all()
        guard alike.count == 1 else { return nil }
        return (try alike[0].decode(column: "row_key", as: String.self), try alike[0].decode(column: "id", as: Int.self))
    }

    /// The record of `table`, of an earlier import, that `matching` finds beside the record just written under `key` (the
    /// first, with the others alike): a report sent again with a note or description changed, which its cells make a
    /// second record, or a form's submission sent again under a new id. The stored record may have an id or none: a
    /// spreadsheet's row without one beside the form's export with ids is the same report twice.
    func twin(in table: String, key: String, importID: Int, row: Int, message: String, matching: SQLQueryString) async throws -> TwinRecord? {
        let ids = try await sql.raw("""
            SELECT id FROM \(unsafeRaw: table) WHERE row_key <> \(bind: key)
            AND (import_id IS NULL OR import_id <> \(bind: importID)) AND 
            """ + matching + " ORDER BY id LIMIT \(unsafeRaw: String(Self.alikeKept))").all(decodingColumn: "id", as: Int.self)
        guard let first = ids.first else { return nil }
        return TwinRecord(row: row, twin: first, message: message, argument: "record", others: Array(ids.dropFirst()), key: key)
    }

    /// How many records alike a warning keeps to name, should later rows of its file withdraw the first.
    static let alikeKept = 10

    /// The warnings of a record alike (`messages`), once the file is read: each names the first of its records alike that
    /// the file left as it found it (one a later row withdrew or corrected is now this import's), and is dropped where none
    /// is left, or where a later row took back the record it warned of. Other warnings are kept.
    func twinsStillStanding(_ twins: [TwinRecord], messages: Set<String>, in table: String, where condition: String,
                            importID: Int) async throws -> [TwinRecord] {
        let warned = twins.filter { messages.contains($0.message) }
        guard !warned.isEmpty else { return twins }
        let standing = try await ids(Set(warned.flatMap { [$0.twin] + $0.others }), in: table,
                                     where: "(import_id IS NULL OR import_id <> \(importID)) AND \(condition)")
        let kept = try await those(Set(warned.compactMap(\.key)), of: "row_key", in: table, where: condition)
        return twins.compactMap { twin in
            guard messages.contains(twin.message) else { return twin }
            guard twin.key.map(kept.contains) ?? true, let first = ([twin.twin] + twin.others).first(where: standing.contains) else { return nil }
            var named = twin
            named.twin = first
            return named
        }
    }

    /// Which of `ids` of `table` meet `condition` (on its columns, unprefixed).
    func ids(_ ids: Set<Int>, in table: String, where condition: String) async throws -> Set<Int> {
        try await those(ids, of: "id", in: table, where: condition)
    }

    /// Which of `values` of `column` in `table` are of a record that meets `condition`, a thousand at a time.
    private func those<Value: Hashable & Comparable & Codable & Sendable>(_ values: Set<Value>, of column: String, in table: String,
                                                                         where condition: String) async throws -> Set<Value> {
        let sorted = values.sorted()
        var found: Set<Value> = []
        for start in stride(from: 0, to: sorted.count, by: 1000) {
            found.formUnion(try await sql.raw("""
                SELECT \(ident: column) FROM \(unsafeRaw: table) WHERE \(ident: column) IN (\(binds: Array(sorted[start ..< min(start + 1000, sorted.count)])))
                AND \(unsafeRaw: condition)
                """).all(decodingColumn: column, as: Value.self))
        }
        return found
    }

    /// The first record of another organisation, of an earlier import or an earlier row of this one, that `matching` (on
    /// the table as `r`) finds: two organisations reporting one delivery or one work would be summed twice without a word,
    /// whether they came in two files or in one (a cluster's file of its partners' reports). Both are kept (two are as
    /// likely), and the import says so.
    /// - Parameters:
    ///   - persons: whether the records count people (`persons`), which the warning then says.
    ///   - seen: the keys this import gave, with the row that gave each, so that the warning names the row of the file.
    ///   - row: the new record's row; `message` and `recordArgument`, the warning's key and the name of the other's number.
    func otherOrganisation(in table: String, organisationID: Int, importID: Int, matching: SQLQueryString, persons: Bool = false,
                           seen: [String: Int], row: Int, message: String, recordArgument: String) async throws -> SharedRecord? {
        let found = try await sql.raw("""
            SELECT r.id, r.row_key, r.import_id, o.name\(unsafeRaw: persons ? ", r.persons" : "") FROM \(unsafeRaw: table) r
            JOIN organisations o ON o.id = r.organisation_id WHERE r.organisation_id <> \(bind: organisationID) AND 
            """ + matching + " ORDER BY r.id LIMIT \(unsafeRaw: String(Self.alikeKept))").all().map { found in
            let thisImport = try found.decode(column: "import_id", as: Int?.self) == importID
            return SharedRecord(row: row, record: try found.decode(column: "id", as: Int.self),
                                persons: persons ? try found.decode(column: "persons", as: Int.self) : nil,
                                organisation: try found.decode(column: "name", as: String.self), thisImport: thisImport,
                                earlierRow: thisImport ? seen[try found.decode(column: "row_key", as: String.self)] : nil,
                                message: message, recordArgument: recordArgument)
        }
        guard var first = found.first else { return nil }
        first.others = Array(found.dropFirst())
        return first
    }
}

extension WriteContext {
    /// The warnings whose other record still counts (`condition`, on `table`), once the file is read: each names the first
    /// of the other organisations' records alike that does (a later row may have withdrawn the first), and is dropped where
    /// none does.
    func stillCounted(_ shared: [SharedRecord], in table: String, where condition: String) async throws -> [SharedRecord] {
        guard !shared.isEmpty else { return [] }
        let counting = try await ids(Set(shared.flatMap { [$0.record] + $0.others.map(\.record) }), in: table, where: condition)
        return shared.compactMap { warning in
            var named = ([warning] + warning.others).first { counting.contains($0.record) }
            named?.others = []
            return named
        }
    }
}

extension WriteCounts {
    static func += (counts: inout WriteCounts, more: WriteCounts) {
        counts.imported += more.imported
        counts.updated += more.updated
        counts.ignored += more.ignored
        counts.repeats += more.repeats
        counts.twins += more.twins
        counts.shared += more.shared
        counts.reverts += more.reverts
        counts.cleared += more.cleared
        counts.unlinked += more.unlinked
    }
}

extension BulkValue: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let number): try container.encode(number)
        case .real(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        case .null: try container.encodeNil()
        }
    }
}

import HomewardCore
import SQLKit

/// Writes checked movements in batches, telling new ones from corrections and repeats.
///
/// A movement whose key is new is imported; one whose key exists with other values is updated in
/// place; one that is already there as it is, is ignored. Runs inside the caller's transaction.
struct MovementWriter: BatchWriter {

    let write: WriteContext
    var connection: Connection { write.connection }
    var db: any SQLDatabase { write.sql }
    let importID: Int?
    private var organisations = OrganisationIDs()
    private(set) var counts = WriteCounts()
    private var rollups = MovementRollups()
    /// SQLite's insert, prepared once for the whole import.
    private var insertStatement: SQLiteRepeatedStatement?
    /// SQLite's insert without a conflict clause, for rows a first load knows to be new.
    private var newRowStatement: SQLiteRepeatedStatement?
    /// An import into an empty ledger, whose rows with keys known to be new go straight in.
    private var firstLoad: FirstLoad?
    private var started = false
    /// What the movements name, when the database does not check it row by row (SQLite's foreign keys off,
    /// PostgreSQL's triggers off: ``Database/skipReferenceTriggers(on:)``).
    private var references: MovementReferences?
    /// PostgreSQL's COPY of the batch a first load sent last, still running: the server takes in one batch while this
    /// process prepares the next (some 6 % off a 1,000,000-row load). Settled before any other statement on the
    /// connection, and before its transaction ends either way, so that no COPY comes after the rollback.
    private var copying: Task<Void, any Error>?
    /// Keys that an earlier batch of this import found stored as they were, by hash, with the row that gave them: they
    /// leave no trace in the table (its `import_id` stays the earlier import's), yet a later row with the same key is a
    /// repeat within the file all the same. A hash (8 bytes, not the 64-character key) keeps a re-import of a large
    /// file small; two keys that share one would at worst warn of a repeat that is not.
    private var unchangedHere: [Int: Int] = [:]

    static let columns = ["row_key", "fingerprint", "start_day", "end_day", "category", "crossing_code", "origin_country",
                          "origin_pcode", "dest_pcode", "dest_level", "dest_adm1", "dest_adm2", "dest_adm3", "dest_adm4",
                          "persons", "organisation_id", "source", "external_id", "import_id", "recorded_at", "recorded_by"]

    init(write: WriteContext, importID: Int?) {
        self.write = write
        self.importID = importID
    }

    mutating func write(_ batch: [Movement], rows: [Int]) async throws {
        do {
            try await write(checked: batch, fileRows: rows)
        } catch {
            await abandon()
            throw error
        }
    }

    private mutating func write(checked batch: [Movement], fileRows: [Int]) async throws {
        guard !batch.isEmpty else { return }
        if !started { try await start() }
        // Within the batch, each occurrence of a key is compared with the one before it, as if
        // written one by one; the database sees only the last. Positions, not copies of movements.
        var slots: [String: Int] = [:]
        slots.reserveCapacity(batch.count)
        var first: [Int] = [], last: [Int] = []
        first.reserveCapacity(batch.count)
        last.reserveCapacity(batch.count)
        // Repeats counted as updates, by their key's first position: undone if the key's last value is what is stored already.
        var repeatUpdates: [Int: Int] = [:]
        for position in batch.indices {
            if let slot = slots[batch[position].key] {
                counts.repeats.append(RepeatedRecord(row: fileRows[position], earlierRow: fileRows[last[slot]]))
                if batch[last[slot]].fingerprint == batch[position].fingerprint {
                    counts.ignored += 1
                } else {
                    counts.updated += 1
                    repeatUpdates[first[slot], default: 0] += 1
                }
                last[slot] = position
            } else {
                slots[batch[position].key] = first.count
                first.append(position)
                last.append(position)
            }
        }
        // By index: a lazy map over the movements themselves copies each one whole to read its organisation.
        let copy = copying
        let organisationIDs = try await organisations.ids(of: batch.indices.lazy.map { batch[$0].organisation }, on: write) {
            try await copy?.value
        }
        // New keys go in at once, in the file's order (ids follow it); the index answers which keys were there already.
        var rows: [[BulkValue]] = []
        rows.reserveCapacity(last.count)
        for position in last { rows.append(values(batch[position], organisationID: organisationIDs[position])) }
        let written = try await insert(rows, keys: last.map { batch[$0].key })
        var existing: [(first: Int, last: Int)] = []
        for (slot, isNew) in written.enumerated() {
            if isNew {
                counts.imported += 1
                rollups.add(entry(batch[last[slot]], organisationID: organisationIDs[last[slot]]), sign: 1)
            } else {
                existing.append((first[slot], last[slot]))
            }
        }
        if !existing.isEmpty { try await update(existing, of: batch, rows: fileRows, organisationIDs: organisationIDs, repeatUpdates: repeatUpdates) }
        if rollups.needsFlush {
            try await copied()
            try await rollups.flush(on: connection)
        }
    }

    /// Inserts the rows whose keys are new, and tells for each row whether it went in.
    ///
    /// On SQLite one statement, prepared on the first batch, runs row by row (``SQLiteRepeatedStatement``); on
    /// PostgreSQL, COPY into a table of the batch, then one `INSERT … SELECT` returns the keys it inserted
    /// (``Connection/bulkInsert(into:columns:rows:suffix:returning:)``). A first load's rows whose keys are all
    /// new go straight in, without the conflict clause (``FirstLoad``).
    private mutating func insert(_ rows: [[BulkValue]], keys: [String]) async throws -> [Bool] {
        if firstLoad?.keysChecked == false {
            let db = self.db
            if try await firstLoad!.keysAreNew(keys, on: db) {
                try await insertNew(rows)
                return Array(repeating: true, count: rows.count)
            }
        }
        try await copied()
        if case .sqlite(let sqlite) = connection.driver {
            if insertStatement == nil {
                insertStatement = try SQLiteRepeatedStatement(sqlite, insertInto: "movements", columns: Self.columns,
                                                               suffix: "ON CONFLICT (row_key) DO NOTHING")
            }
            if let insertStatement { return try await insertStatement.run(rows) }
        }
        let inserted = Set(try await connection.bulkInsert(into: "movements", columns: Self.columns, rows: rows,
                                                           suffix: "ON CONFLICT (row_key) DO NOTHING", returning: "row_key"))
        return keys.map(inserted.contains)
    }

    /// Inserts rows whose keys are known to be new: SQLite without a conflict clause, PostgreSQL by COPY straight into `movements`.
    private mutating func insertNew(_ rows: [[BulkValue]]) async throws {
        switch connection.driver {
        case .sqlite(let sqlite):
            if newRowStatement == nil { newRowStatement = try SQLiteRepeatedStatement(sqlite, insertInto: "movements", columns: Self.columns) }
            if let newRowStatement {
                _ = try await newRowStatement.run(rows)
            } else {
                try await connection.bulkInsert(into: "movements", columns: Self.columns, rows: rows, suffix: "")
            }
        case .postgres(let postgres):
            // One batch at a time, so that ids follow the file's order and a failed COPY fails the next batch.
            try await copied()
            copying = Task { try await postgres.copy(into: "movements", columns: Self.columns, rows: rows) }
        }
    }

    /// Waits for the COPY still running, if any, and fails if it failed.
    private mutating func copied() async throws {
        guard let copy = copying else { return }
        copying = nil
        try await copy.value
    }

    mutating func abandon() async {
        _ = try? await copied()
    }

    /// Writes the sums still held; call before the transaction commits.
    mutating func finish() async throws {
        try await copied()
        try await insertStatement?.close()
        try await newRowStatement?.close()
        insertStatement = nil
        newRowStatement = nil
        try await rollups.flush(on: connection)
        try await references?.check(on: db)
        if var load = firstLoad {
            firstLoad = nil
            try await load.finish(on: db)
        }
    }

    /// Settles, on the first batch, what this import does beside inserting rows.
    private mutating func start() async throws {
        started = true
        if try await Database.referencesUnchecked(on: connection) {
            references = MovementReferences(locking: connection.backend == .postgres)
        }
        firstLoad = try await FirstLoad.ifEmpty(on: db, connection.backend)
        rollups.tablesEmpty = firstLoad?.rollupsEmpty == true
    }

    /// Compares keys that exist already with what is stored, and updates those that changed.
    /// - Parameter existing: for each key the database had, the positions in `batch` of its first and last occurrence.
    /// - Parameter repeatUpdates: by a key's first position, its later occurrences in the batch counted as updates of the one
    ///   before: where the key's last value is the one stored, the file changed nothing, and every occurrence is ignored.
    private mutating func update(_ existing: [(first: Int, last: Int)], of batch: [Movement], rows: [Int], organisationIDs: [Int],
                                 repeatUpdates: [Int: Int]) async throws {
        var stored: [String: (id: Int, fingerprint: String, entry: MovementRollups.Entry)] = [:]
        var writtenHere: Set<String> = []
        for start in stride(from: 0, to: existing.count, by: 1000) {
            let slice = existing[start ..< min(start + 1000, existing.count)].map { batch[$0.last].key }
            // Locked on PostgreSQL: a concurrent import correcting the same movement waits here for this one to commit, then
            // reads and keeps as a revision the version it wrote, not the one before it.
            let query: SQLQueryString = """
                SELECT id, row_key, import_id, fingerprint, start_day, end_day, category, crossing_code,
                       COALESCE(origin_country, origin_pcode) AS origin, dest_adm1, dest_adm2, organisation_id, persons
                FROM movements WHERE row_key IN (\(binds: slice))\(unsafeRaw: connection.backend == .postgres ? " FOR UPDATE" : "")
                """
            for row in try await db.raw(query).all() {
                let entry = MovementRollups.Entry(
                    start: try row.decode(column: "start_day", as: Int.self), end: try row.decode(column: "end_day", as: Int.self),
                    category: try LedgerStore.category(try row.decode(column: "category", as: String.self)),
                    crossing: try row.decode(column: "crossing_code", as: String?.self), origin: try row.decode(column: "origin", as: String?.self),
                    adm1: try row.decode(column: "dest_adm1", as: String?.self), adm2: try row.decode(column: "dest_adm2", as: String?.self),
                    organisationID: try row.decode(column: "organisation_id", as: Int.self), persons: try row.decode(column: "persons", as: Int.self))
                let key = try row.decode(column: "row_key", as: String.self)
                stored[key] = (try row.decode(column: "id", as: Int.self), try row.decode(column: "fingerprint", as: String.self), entry)
                if try row.decode(column: "import_id", as: Int?.self) == importID { writtenHere.insert(key) }
            }
        }
        let changed = existing.compactMap { positions in
            stored[batch[positions.last].key].flatMap { $0.fingerprint != batch[positions.last].fingerprint ? $0.id : nil }
        }
        try await keepRevisions(of: changed)
        for positions in existing {
            let movement = batch[positions.last]
            guard let (id, fingerprint, old) = stored[movement.key] else { continue }
            // An earlier batch of this very import wrote the key, or found it as it was: a repeat within the file.
            let hash = movement.key.hashValue
            let unchangedRow = unchangedHere[hash]
            if writtenHere.contains(movement.key) || unchangedRow != nil {
                counts.repeats.append(RepeatedRecord(row: rows[positions.first], earlierRow: unchangedRow))
            }
            if movement.fingerprint == fingerprint, let undone = repeatUpdates[positions.first] {
                // x1 = 10 then x1 = 20 again, with 20 stored: nothing changes, so nothing is counted as updated.
                counts.updated -= undone
                counts.ignored += undone + 1
            } else if batch[positions.first].fingerprint == fingerprint {
                counts.ignored += 1
            } else {
                counts.updated += 1
            }
            guard movement.fingerprint != fingerprint else {
                unchangedHere[hash] = rows[positions.last]
                continue
            }
            rollups.add(old, sign: -1)
            rollups.add(entry(movement, organisationID: organisationIDs[positions.last]), sign: 1)
            let values = values(movement, organisationID: organisationIDs[positions.last])
            var query: SQLQueryString = "UPDATE movements SET "
            for (index, column) in Self.columns.enumerated() {
                query += SQLQueryString((index == 0 ? "" : ", ") + column + " = ")
                switch values[index] {
                case .integer(let value): query += "\(bind: value)"
                case .real(let value): query += "\(bind: value)"
                case .text(let value): query += "\(bind: value)"
                case .null: query += "NULL"
                }
            }
            query += " WHERE id = \(bind: id)"
            try await db.raw(query).run()
        }
    }

    /// Copies movements as they stand into `movement_revisions`, before their corrections overwrite them:
    /// one statement per thousand, as the batch's lookup reads them.
    private func keepRevisions(of ids: [Int]) async throws {
        let kept = "fingerprint, start_day, end_day, category, crossing_code, origin_country, origin_pcode, dest_pcode, dest_level, "
            + "dest_adm1, dest_adm2, dest_adm3, dest_adm4, persons, organisation_id, source, external_id, import_id, recorded_at, recorded_by"
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let slice = Array(ids[start ..< min(start + 1000, ids.count)])
            try await db.raw("""
                INSERT INTO movement_revisions (movement_id, \(unsafeRaw: kept), superseded_at, superseded_by, superseded_in_import)
                SELECT id, \(unsafeRaw: kept), \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID)
                FROM movements WHERE id IN (\(binds: slice))
                """).run()
        }
    }


    /// The movement's keys in the sums.
    private func entry(_ m: Movement, organisationID: Int) -> MovementRollups.Entry {
        MovementRollups.Entry(start: m.period.start.number, end: m.period.end.number, category: m.category, crossing: m.crossing,
                              origin: m.origin?.code, adm1: m.destination[.adm1], adm2: m.destination[.adm2],
                              organisationID: organisationID, persons: m.persons)
    }

    private mutating func values(_ m: Movement, organisationID: Int) -> [BulkValue] {
        var originCountry: String?, originArea: String?
        switch m.origin {
        case .country(let code): originCountry = code
        case .area(let code): originArea = code
        case nil: break
        }
        let d = m.destination
        references?.note(crossing: m.crossing, originCountry: originCountry, originArea: originArea, destination: d.finest,
                         organisation: organisationID)
        return [.text(m.key), .text(m.fingerprint), .integer(m.period.start.number), .integer(m.period.end.number),
                .text(m.category.rawValue), BulkValue(m.crossing), BulkValue(originCountry), BulkValue(originArea), BulkValue(d.finest),
                BulkValue(d.level?.rawValue), BulkValue(d[.adm1]), BulkValue(d[.adm2]), BulkValue(d[.adm3]), BulkValue(d[.adm4]),
                .integer(m.persons), .integer(organisationID), BulkValue(m.source), BulkValue(m.externalId), BulkValue(importID),
                .text(write.timestamp), .text(write.caller.description)]
    }
}

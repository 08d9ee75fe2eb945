import HomewardCore
import SQLKit

/// Writes checked movements in batches, telling new ones from corrections and repeats.
///
/// A movement whose key is new is imported; one whose key exists with other values is updated in
/// place; one that is already there as it is, is ignored; a 0 leaves the movement its key finds at 0 persons
/// (withdrawn) and writes nothing where none is stored (``KeyReplay``). Runs inside the caller's transaction.
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
    /// SQLite's lookup of one key, for the zeros of blank cells (one a row, mostly finding nothing).
    private var keyStatement: SQLiteRepeatedStatement?
    /// An import into an empty ledger, whose rows with keys known to be new go straight in.
    private var firstLoad: FirstLoad?
    private var started = false
    /// What the movements name, when the database does not check it row by row (SQLite's foreign keys off,
    /// PostgreSQL's triggers off: ``Database/skipReferenceTriggers(on:)``).
    private var references: MovementReferences?
    /// PostgreSQL's COPY into `movements` that a first load holds open across batches: the server takes in one batch
    /// while this process prepares the next. Ended before any other statement on the connection, and before its
    /// transaction ends either way, so that no COPY comes after the rollback.
    private var copy: StreamingCopy?
    /// Keys that an earlier batch of this import gave and left as they were (found stored as given, or zeros that found
    /// nothing), by hash, with the row that gave them: they leave no trace in the table (its `import_id` stays the earlier
    /// import's), yet a later row with the same key is a repeat within the file all the same. A hash (8 bytes, not the 64-character key) keeps a re-import of a large
    /// file small; two keys that share one would at worst warn of a repeat that is not.
    private var unchangedHere: [Int: Int] = [:]
    /// The batch's new movements without an id, with their rows, for ``noteTwins()``.
    private var newWithoutID: [NewMovement] = []
    /// The batch's new movements with an id, with their rows, for ``noteSameCounts()``.
    private var newWithID: [NewMovement] = []
    /// New movements with an id that gave a stored one's every cell and count, with that movement: warned of once the file
    /// is read, where the file has not withdrawn, corrected or given again that movement itself.
    private var sameCounts: [(row: Int, movement: Int, persons: Int)] = []
    /// Earlier movements that new ones without an id give again but for the destination.
    private var otherDestinations = OtherDestinations()
    /// The batch's new movements, with their rows, for ``noteOtherOrganisations()``.
    private var newCounts: [NewMovement] = []
    /// Whether an earlier import recorded movements starting on a day, by day, as asked once per import.
    private var daysWithEarlier: [Int: Bool] = [:]
    /// Zeros that rows with an id imply for a category they leave out, finding a count an earlier import recorded: taken
    /// back once the file is read, unless a later row gives the key its count (a row per category of one id), by key.
    private var impliedLater: [String: (movement: Movement, row: Int)] = [:]
    /// The last movement id before this import: a twin is of an earlier import, and the rows this one adds (one period's
    /// thousands, in a monthly file) are not read again for every batch after theirs.
    private var lastIDBefore = 0

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
        if !impliedLater.isEmpty {
            for movement in batch where movement.countSource != .otherCategoryOfID { impliedLater[movement.key] = nil }
        }
        // Each key's first position in the batch, and every position of a key given more than once (rare): the
        // database sees one row per key, what the key's records leave in the file's order (``KeyReplay``).
        var slots: [String: Int] = [:]
        slots.reserveCapacity(batch.count)
        var first: [Int] = []
        first.reserveCapacity(batch.count)
        var repeated: [Int: [Int]] = [:]
        for position in batch.indices {
            guard let slot = slots[batch[position].key] else {
                slots[batch[position].key] = first.count
                first.append(position)
                continue
            }
            let earlier = repeated[slot] ?? [first[slot]]
            repeated[slot] = earlier + [position]
            // Two blank cells' zeros are no report of the key: a repeat is a key given with a count, or given again with one.
            // A 0 a row implies for a category it leaves out is none either (one id, a row per category).
            let reports = { (position: Int) in batch[position].countSource != .otherCategoryOfID }
            if reports(position), earlier.contains(where: reports),
               batch[position].countWritten || earlier.contains(where: { batch[$0].countWritten }) {
                counts.repeats.append(RepeatedRecord(row: fileRows[position], earlierRow: fileRows[earlier.last!]))
            }
        }
        // Keys that would be written if new: one row for each, at the position of the record it is left with. A key given
        // only zeros is written only where it is stored already, as a withdrawal.
        var insertSlots: [Int] = [], insertPositions: [Int] = [], zeroSlots: [Int] = []
        insertSlots.reserveCapacity(first.count)
        insertPositions.reserveCapacity(first.count)
        for slot in first.indices {
            var position: Int? = first[slot]
            if let positions = repeated[slot] {
                position = KeyReplay(positions.map { batch[$0] }, over: nil).final.map { positions[$0] }
            } else if batch[first[slot]].persons == 0 {
                position = nil
            }
            if let position {
                insertSlots.append(slot)
                insertPositions.append(position)
            } else {
                zeroSlots.append(slot)
            }
        }
        // By index: a lazy map over the movements themselves copies each one whole to read its organisation. Only the
        // organisations of rows to write: a row of zeros names one that may not exist, and makes none.
        let open = copy
        let organisationIDs = try await organisations.ids(of: insertPositions.lazy.map { batch[$0].organisation }, on: write) {
            try await open?.finish()
        }
        // New keys go in at once, in the file's order (ids follow it); the index answers which keys were there already.
        var rows: [[BulkValue]] = []
        rows.reserveCapacity(insertPositions.count)
        for (index, position) in insertPositions.enumerated() { rows.append(values(batch[position], organisationID: organisationIDs[index])) }
        let written = rows.isEmpty ? [] : try await insert(rows, keys: insertPositions.map { batch[$0].key })
        var stored: [Int] = []
        for (index, isNew) in written.enumerated() {
            let slot = insertSlots[index]
            guard isNew else {
                stored.append(slot)
                continue
            }
            if let positions = repeated[slot] {
                count(KeyReplay(positions.map { batch[$0] }, over: nil))
            } else {
                counts.imported += 1
            }
            // A key an earlier batch gave with a 0 that found nothing: the file gives it again (rarely any, so mostly no lookup).
            if !unchangedHere.isEmpty, let earlier = unchangedHere[batch[first[slot]].key.hashValue] {
                counts.repeats.append(RepeatedRecord(row: fileRows[first[slot]], earlierRow: earlier))
            }
            rollups.add(entry(batch[insertPositions[index]], organisationID: organisationIDs[index]), sign: 1)
            // A first load's ledger had nothing for a new row to match.
            if firstLoad == nil, batch[insertPositions[index]].persons > 0 {
                let new = NewMovement(batch[insertPositions[index]], row: fileRows[insertPositions[index]], organisationID: organisationIDs[index])
                newCounts.append(new)
                if batch[insertPositions[index]].externalId == nil { newWithoutID.append(new) } else { newWithID.append(new) }
            }
        }
        let withoutID = newWithoutID
        let twinned = newWithoutID.isEmpty ? [] : try await noteTwins()
        if !newWithID.isEmpty { try await noteSameCounts() }
        if !newCounts.isEmpty { try await noteOtherOrganisations() }
        // After the lookups above, which ask which days earlier imports have movements of; a row warned of as a twin is
        // that movement again, not another destination's.
        let corrections = withoutID.filter { $0.crossing != nil && daysWithEarlier[$0.start] == true && !twinned.contains($0.row) }
        if !corrections.isEmpty {
            try await otherDestinations.look(for: corrections, lastIDBefore: lastIDBefore, on: db, postgres: connection.backend == .postgres)
        }
        if !zeroSlots.isEmpty {
            let keys = zeroSlots.map { batch[first[$0]].key }
            if try await mayBeStored(keys) {
                let found = try await found(keys)
                for (index, slot) in zeroSlots.enumerated() {
                    if found?[index] ?? true { stored.append(slot) } else { settleUnstored(slot, of: batch, first: first, repeated: repeated, rows: fileRows) }
                }
            } else {
                for slot in zeroSlots { settleUnstored(slot, of: batch, first: first, repeated: repeated, rows: fileRows) }
            }
        }
        if !stored.isEmpty { try await update(stored, of: batch, first: first, repeated: repeated, rows: fileRows) }
        if rollups.needsFlush {
            try await copied()
            try await rollups.flush(on: connection)
        }
    }

    private mutating func count(_ replay: KeyReplay) {
        counts.imported += replay.imported
        counts.updated += replay.updated
        counts.ignored += replay.ignored
    }

    /// Whether any of the keys may be stored: always but in a first load, which knows the keys it wrote. Where one of them
    /// may be, the first load's keys are checked from now on, so that the lookup finds it by the key's index.
    private mutating func mayBeStored(_ keys: [String]) async throws -> Bool {
        guard firstLoad?.keysChecked == false else { return true }
        let db = self.db
        guard try await firstLoad!.mayHold(keys, on: db) else { return false }
        try await copied()
        try await firstLoad!.checkKeys(on: db)
        if connection.backend == .sqlite { try await db.raw(SQLQueryString(Database.sqlitePageCache)).run() }
        return true
    }

    /// Finds, for the batch's new rows without an id, a movement of an earlier import that records the same organisation,
    /// period, category and places: a report sent again with a note added or a status changed (a form's review) makes
    /// a second movement, and the import says so rather than doubling a figure without a word.
    /// - Returns: the file rows given a twin.
    @discardableResult
    private mutating func noteTwins() async throws -> Set<Int> {
        let new = newWithoutID
        newWithoutID = []
        try await copied()
        let persons = Self.persons(of: new)
        var twins: [Int: (id: Int, persons: Int)] = [:]
        for start in stride(from: 0, to: new.count, by: 1000) {
            for (fileRow, row) in try await sameGroup(Array(new[start ..< min(start + 1000, new.count)]),
                                                      select: "o.id AS id, o.persons AS persons, o.category AS category",
                                                      organisations: ["o.organisation_id = n.organisation_id"]) {
                let stored = (id: try row.decode(column: "id", as: Int.self), persons: try row.decode(column: "persons", as: Int.self))
                let wanted = persons["\(fileRow) \(try row.decode(column: "category", as: String.self))"]
                if Self.better(stored, than: twins[fileRow], for: wanted) { twins[fileRow] = stored }
            }
        }
        counts.twins += twins.map { TwinRecord(row: $0.key, twin: $0.value.id) }.sorted { $0.row < $1.row }
        return Set(twins.keys)
    }

    /// Finds, for the batch's new movements with an id, a movement of an earlier import that records the same organisation,
    /// period, category, places and count under another id or none: a form's submission sent twice (each copy its own id), or
    /// rows sent first as a spreadsheet and then as the form's export, would count one group twice without a word.
    private mutating func noteSameCounts() async throws {
        let new = newWithID
        newWithID = []
        try await copied()
        let persons = Self.persons(of: new)
        var found: [Int: (movement: Int, persons: Int)] = [:]
        for start in stride(from: 0, to: new.count, by: 1000) {
            for (fileRow, row) in try await sameGroup(Array(new[start ..< min(start + 1000, new.count)]),
                                                      select: "o.id AS id, o.persons AS persons, o.category AS category",
                                                      organisations: ["o.organisation_id = n.organisation_id"]) {
                let category = try row.decode(column: "category", as: String.self)
                guard try row.decode(column: "persons", as: Int.self) == persons["\(fileRow) \(category)"] else { continue }
                let id = try row.decode(column: "id", as: Int.self)
                if found[fileRow].map({ id < $0.movement }) ?? true { found[fileRow] = (id, try row.decode(column: "persons", as: Int.self)) }
            }
        }
        sameCounts += found.map { (row: $0.key, movement: $0.value.movement, persons: $0.value.persons) }
    }

    /// The same-count warnings whose stored movement the file left as it found it: one it withdrew or corrected (now this
    /// import's) or gave again (a second group, as the file says) is none.
    private mutating func settleSameCounts() async throws {
        guard !sameCounts.isEmpty else { return }
        let ids = Array(Set(sameCounts.map(\.movement))).sorted()
        var standing: [Int: (persons: Int, key: String, importID: Int?)] = [:]
        for start in stride(from: 0, to: ids.count, by: 1000) {
            for row in try await db.raw("""
                SELECT id, persons, row_key, import_id FROM movements WHERE id IN (\(binds: Array(ids[start ..< min(start + 1000, ids.count)])))
                """).all() {
                standing[try row.decode(column: "id", as: Int.self)] = (try row.decode(column: "persons", as: Int.self),
                                                                       try row.decode(column: "row_key", as: String.self),
                                                                       try row.decode(column: "import_id", as: Int?.self))
            }
        }
        counts.twins += sameCounts.filter { candidate in
            guard let stored = standing[candidate.movement] else { return false }
            return stored.persons == candidate.persons && (importID == nil || stored.importID != importID) && unchangedHere[stored.key.hashValue] == nil
        }.map { TwinRecord(row: $0.row, twin: $0.movement, message: "import.movements.sameCount") }
        sameCounts = []
    }

    /// Finds, for the batch's new movements, another organisation's movement of an earlier import for the same days,
    /// crossing, origin, destination and category: two organisations reporting one group at one crossing would count it
    /// twice in every total, by crossing, by destination, in the statement, without a word. Both are kept (two groups are
    /// as likely), and the import says so.
    private mutating func noteOtherOrganisations() async throws {
        let new = newCounts
        newCounts = []
        try await copied()
        let persons = Self.persons(of: new)
        var found: [Int: SharedRecord] = [:]
        for start in stride(from: 0, to: new.count, by: 1000) {
            // Below and above its own organisation's id, each a range of the index: `<>` would read every movement of the
            // organisation's own for the group (a day's reports of one crossing and destination) to pass over them.
            for (fileRow, row) in try await sameGroup(Array(new[start ..< min(start + 1000, new.count)]),
                                                      select: "o.id AS id, o.persons AS persons, o.category AS category, g.name AS name, o.crossing_code AS crossing",
                                                      organisations: ["o.organisation_id < n.organisation_id", "o.organisation_id > n.organisation_id"],
                                                      join: "JOIN organisations g ON g.id = o.organisation_id") {
                let stored = (id: try row.decode(column: "id", as: Int.self), persons: try row.decode(column: "persons", as: Int.self))
                let wanted = persons["\(fileRow) \(try row.decode(column: "category", as: String.self))"]
                guard Self.better(stored, than: found[fileRow].map { ($0.record, $0.persons ?? 0) }, for: wanted) else { continue }
                found[fileRow] = SharedRecord(row: fileRow, record: stored.id, persons: stored.persons,
                                              organisation: try row.decode(column: "name", as: String.self),
                                              crossing: try row.decode(column: "crossing", as: String?.self) != nil)
            }
        }
        counts.shared += found.values.sorted { $0.row < $1.row }
    }

    /// The stored movements of earlier imports (`o`) with a count, of the same days, crossing, destination, origin and
    /// category as each of `new` (`n`), of an organisation each of `organisations` says.
    ///
    /// Only movements of days an earlier import has movements of are looked up (this week's file into years of data
    /// asks one question a day); the rest are given as values, not read back by their keys, one query for each way a
    /// movement gives its crossing and destination (both, or one: never neither) and each condition on the organisation,
    /// each an equality or a range that the period index `(start_day, end_day, crossing_code, dest_pcode,
    /// organisation_id)` answers in one probe on both databases: PostgreSQL's index takes no `IS NOT DISTINCT FROM`, and
    /// read every movement of the day instead.
    ///
    /// Each group gets its first movement of each count (the lowest id): a day of one crossing holds thousands of one
    /// organisation's reports where each bus or family is a submission, and every one of them handed to every new row of
    /// the group made a batch quadratic (the benchmark's POST of 1,000 movements went from 12 batches a second to 3).
    /// - Returns: each match, by the file row of each new movement of its group (a batch's rows of one day, crossing and
    ///   destination are asked as one).
    private mutating func sameGroup(_ new: [NewMovement], select: String, organisations: [String],
                                    join: String = "") async throws -> [(row: Int, match: any SQLRow)] {
        let unasked = Set(new.map(\.start)).filter { daysWithEarlier[$0] == nil }.sorted()
        if !unasked.isEmpty {
            // Whether any is there, each day at its first index entry: `DISTINCT` read every movement of the day, 127 ms a
            // batch on PostgreSQL once the benchmark's POSTs had put 23,000 into one day (0.2 ms so).
            var query: SQLQueryString = "WITH asked (day) AS (VALUES "
            for (index, day) in unasked.enumerated() { query += index == 0 ? "(\(bind: day))" : ", (\(bind: day))" }
            query += ") SELECT day FROM asked WHERE EXISTS (SELECT 1 FROM movements m WHERE m.start_day = asked.day AND m.id <= \(bind: lastIDBefore))"
            let found = Set(try await db.raw(query).all().map { try $0.decode(column: "day", as: Int.self) })
            for day in unasked { daysWithEarlier[day] = found.contains(day) }
        }
        let asked = new.filter { daysWithEarlier[$0.start] == true }
        let same = connection.backend.nullSafeEquals
        let shapes: [(place: String, holds: (NewMovement) -> Bool)] = [
            ("o.crossing_code = n.crossing_code AND o.dest_pcode = n.dest_pcode", { $0.crossing != nil && $0.destination != nil }),
            ("o.crossing_code IS NULL AND o.dest_pcode = n.dest_pcode", { $0.crossing == nil }),
            ("o.dest_pcode IS NULL AND o.crossing_code = n.crossing_code", { $0.destination == nil }),
        ]
        var rows: [(row: Int, match: any SQLRow)] = []
        for shape in shapes {
            // One of each group, numbered by its place here; the group's file rows get its matches.
            let groups = Dictionary(grouping: asked.filter(shape.holds), by: \.group)
            let these = Array(groups.values)
            guard !these.isEmpty else { continue }
            for organisation in organisations {
                var query: SQLQueryString = "WITH n (file_row, start_day, end_day, category, crossing_code, origin_country, origin_pcode, dest_pcode, organisation_id) AS (VALUES "
                for (index, m) in these.map({ $0[0] }).enumerated() {
                    query += index == 0 ? "(" : ", ("
                    query += "\(bind: index), \(bind: m.start), \(bind: m.end), \(bind: m.category), \(bind: m.crossing), \(bind: m.originCountry), "
                    query += "\(bind: m.originArea), \(bind: m.destination), \(bind: m.organisationID))"
                }
                query += """
                    ), f AS (SELECT n.file_row AS file_row, MIN(o.id) AS first_id FROM n
                    JOIN movements o ON o.start_day = n.start_day AND o.end_day = n.end_day AND \(unsafeRaw: shape.place) AND \(unsafeRaw: organisation)
                        AND o.origin_country \(unsafeRaw: same) n.origin_country AND o.origin_pcode \(unsafeRaw: same) n.origin_pcode
                        AND o.category = n.category AND o.id <= \(bind: lastIDBefore) AND o.persons > 0
                    GROUP BY n.file_row, o.persons)
                    SELECT f.file_row AS file_row, \(unsafeRaw: select) FROM f JOIN movements o ON o.id = f.first_id \(unsafeRaw: join)
                    """
                for match in try await db.raw(query).all() {
                    rows += these[try match.decode(column: "file_row", as: Int.self)].map { ($0.row, match) }
                }
            }
        }
        return rows
    }

    /// Each new movement's count, by its file row and category: a row of refugees and IDPs gives two movements.
    private static func persons(of new: [NewMovement]) -> [String: Int] {
        Dictionary(new.map { ("\($0.row) \($0.category)", $0.persons) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a stored movement is the one to name for a new one of `persons` rather than `current`: one of the same count
    /// (the likely copy, to withdraw) before any other, else the first recorded.
    private static func better(_ stored: (id: Int, persons: Int), than current: (id: Int, persons: Int)?, for persons: Int?) -> Bool {
        guard let current else { return true }
        let rank = { (movement: (id: Int, persons: Int)) in (movement.persons == persons ? 0 : 1, movement.id) }
        return rank(stored) < rank(current)
    }

    /// Whether each key is stored, on SQLite by a statement prepared once; `nil` where the lookup with the rest must tell.
    private mutating func found(_ keys: [String]) async throws -> [Bool]? {
        guard case .sqlite(let sqlite) = connection.driver else { return nil }
        if keyStatement == nil { keyStatement = try SQLiteRepeatedStatement(sqlite, sql: "SELECT 1 FROM movements WHERE row_key = ?") }
        return try await keyStatement?.find(keys)
    }

    /// Counts the records of a key that is not stored and that they leave unwritten (zeros only), and remembers a key they
    /// wrote a count for: a later row of the file with the same key is a repeat all the same.
    private mutating func settleUnstored(_ slot: Int, of batch: [Movement], first: [Int], repeated: [Int: [Int]], rows: [Int]) {
        guard let positions = repeated[slot] else {
            // One a row, mostly a blank cell's: nothing to count or remember.
            let position = first[slot]
            guard batch[position].countWritten else { return }
            counts.ignored += 1
            unchangedHere[batch[position].key.hashValue] = rows[position]
            return
        }
        count(KeyReplay(positions.map { batch[$0] }, over: nil))
        if let last = positions.last(where: { batch[$0].countWritten }) { unchangedHere[batch[last].key.hashValue] = rows[last] }
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
            // One COPY for batch after batch, so that ids follow the file's order; a failed COPY fails the next batch.
            if copy?.isOpen != true { copy = StreamingCopy(on: postgres, into: "movements", columns: Self.columns) }
            try await copy!.send(rows)
        }
    }

    /// Ends the COPY still open, if any, once its rows are in, and fails if it failed.
    private mutating func copied() async throws {
        guard let open = copy else { return }
        copy = nil
        try await open.finish()
    }

    mutating func abandon() async {
        _ = try? await copied()
    }

    /// Writes the sums still held; call before the transaction commits.
    mutating func finish() async throws {
        try await copied()
        if !impliedLater.isEmpty {
            let pending = impliedLater.values.sorted { $0.row < $1.row }
            impliedLater = [:]
            let slots = Array(pending.indices)
            try await update(slots, of: pending.map(\.movement), first: slots, repeated: [:], rows: pending.map(\.row), deferringImplied: false)
        }
        let unchanged = unchangedHere
        counts.twins += try await otherDestinations.warnings(importID: importID, givenAgain: { unchanged[$0] != nil }, on: db)
        try await settleSameCounts()
        counts.twins.sort { $0.row < $1.row }
        try await insertStatement?.close()
        try await newRowStatement?.close()
        try await keyStatement?.close()
        insertStatement = nil
        newRowStatement = nil
        keyStatement = nil
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
        if firstLoad == nil {
            lastIDBefore = (try await db.raw("SELECT MAX(id) AS last FROM movements").first(decodingColumn: "last", as: Int?.self) ?? nil) ?? 0
        }
        rollups.tablesEmpty = firstLoad?.rollupsEmpty == true
    }

    /// Replays the records of keys that may be stored over what is stored, and updates those they change.
    /// - Parameters:
    ///   - slots: the keys, by their slot: `first` gives each one's first position in `batch`, `repeated` every
    ///     position of a key given more than once.
    ///   - deferringImplied: whether zeros implied for a category an id's row leaves out wait for the end of the file.
    private mutating func update(_ slots: [Int], of batch: [Movement], first: [Int], repeated: [Int: [Int]], rows: [Int],
                                 deferringImplied: Bool = true) async throws {
        var stored: [String: (id: Int, fingerprint: String, entry: MovementRollups.Entry)] = [:]
        var writtenHere: Set<String> = []
        for start in stride(from: 0, to: slots.count, by: 1000) {
            let slice = slots[start ..< min(start + 1000, slots.count)].map { batch[first[$0]].key }
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
        var changes: [(id: Int, old: MovementRollups.Entry, movement: Movement)] = []
        var undoCandidates: [(id: Int, fingerprint: String, row: Int)] = []
        // Movements an earlier batch of this import wrote, and those of them it recorded that this batch takes back.
        var sameImport: Set<Int> = [], removals: Set<Int> = []
        for slot in slots {
            let positions = repeated[slot] ?? [first[slot]]
            let key = batch[first[slot]].key
            guard let (id, fingerprint, old) = stored[key] else {
                settleUnstored(slot, of: batch, first: first, repeated: repeated, rows: rows)
                continue
            }
            let hash = key.hashValue
            let unchangedRow = unchangedHere[hash]
            // Zeros that rows with the id imply for a category they leave out take back only what an earlier import
            // recorded: a count this import gave the key stands (a row per category of one id, across batches).
            let implied = positions.allSatisfy { batch[$0].countSource == .otherCategoryOfID }
            if implied && (writtenHere.contains(key) || unchangedRow != nil) { continue }
            if implied && deferringImplied {
                if old.persons > 0 { impliedLater[key] = (batch[positions.last!], rows[positions.last!]) }
                continue
            }
            // An earlier batch of this very import wrote the key, or gave it and left it as it was: a repeat within the file.
            if writtenHere.contains(key) || unchangedRow != nil {
                counts.repeats.append(RepeatedRecord(row: rows[positions[0]], earlierRow: unchangedRow))
            }
            let replay = KeyReplay(positions.map { batch[$0] }, over: KeyReplay.Stored(fingerprint: fingerprint, persons: old.persons))
            count(replay)
            guard let final = replay.final else {
                if let given = positions.last(where: { batch[$0].countWritten }) { unchangedHere[hash] = rows[given] }
                continue
            }
            changes.append((id, old, batch[positions[final]]))
            if writtenHere.contains(key) {
                // Written by an earlier batch of this import: one record of the file, counted once, and the version that batch
                // wrote was never in force. One it recorded and this batch takes back with a 0 is as if neither had been.
                counts.updated -= replay.updated
                counts.ignored += replay.updated
                sameImport.insert(id)
                if id > lastIDBefore && batch[positions[final]].persons == 0 { removals.insert(id) }
            }
            if implied { counts.moves.append(MovedRecord(row: rows[positions[final]], movement: id, persons: old.persons)) }
            // A 0 taken back again matches the 0 of before: no old file's doing.
            if !writtenHere.contains(key), batch[positions[final]].persons > 0 {
                undoCandidates.append((id, batch[positions[final]].fingerprint, rows[positions[final]]))
            }
        }
        try await noteReverts(undoCandidates)
        try await keepRevisions(of: changes.map(\.id).filter { !sameImport.contains($0) })
        for (id, old, movement) in changes {
            // The key names the organisation, so the stored one is the record's: none is looked up or made for a withdrawal.
            rollups.add(old, sign: -1)
            if removals.contains(id) {
                try await db.raw("DELETE FROM movements WHERE id = \(bind: id)").run()
                counts.imported -= 1
                counts.ignored += 1
                continue
            }
            if movement.persons == 0 {
                // A withdrawal takes the count back and nothing else: the row that implied it (a blank cell beside a filled
                // one, the other category of an id) gives its own places and dates, which this movement never had. The
                // fingerprint is the 0's, as a 0 given again must find it; it is no count's, so the next count corrects it.
                try await db.raw("""
                    UPDATE movements SET persons = 0, fingerprint = \(bind: movement.fingerprint),
                    import_id = \(bind: importID), recorded_at = \(bind: write.timestamp), recorded_by = \(bind: write.caller.description)
                    WHERE id = \(bind: id)
                    """).run()
                continue
            }
            rollups.add(entry(movement, organisationID: old.organisationID), sign: 1)
            let values = values(movement, organisationID: old.organisationID)
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
        for id in sameImport.subtracting(removals).sorted() { try await restoreIfAsBefore(id) }
    }

    /// Puts a movement back as it was before this import where a later batch gives what it had then (an old file whose
    /// corrections a later part undoes): no revision, no update to the import's name, as for the other kinds of record.
    private mutating func restoreIfAsBefore(_ id: Int) async throws {
        guard let before = try await db.raw("""
            SELECT fingerprint, recorded_at, recorded_by, import_id FROM movement_revisions
            WHERE movement_id = \(bind: id) AND superseded_in_import = \(bind: importID) ORDER BY id LIMIT 1
            """).first(),
              let now = try await db.raw("SELECT fingerprint FROM movements WHERE id = \(bind: id)").first(decodingColumn: "fingerprint", as: String.self),
              try before.decode(column: "fingerprint", as: String.self) == now else { return }
        try await db.raw("""
            UPDATE movements SET recorded_at = \(bind: try before.decode(column: "recorded_at", as: String.self)),
            recorded_by = \(bind: try before.decode(column: "recorded_by", as: String.self)),
            import_id = \(bind: try before.decode(column: "import_id", as: Int?.self)) WHERE id = \(bind: id)
            """).run()
        try await db.raw("DELETE FROM movement_revisions WHERE movement_id = \(bind: id) AND superseded_in_import = \(bind: importID)").run()
        counts.updated -= 1
        counts.ignored += 1
    }

    /// Finds corrections that put back a version an earlier import recorded and a later one corrected: an old file
    /// imported again by mistake undoes the partner's corrections, and the import says so.
    /// - Parameter changes: each movement an earlier import wrote, the fingerprint it now takes, and the row giving it.
    private mutating func noteReverts(_ changes: [(id: Int, fingerprint: String, row: Int)]) async throws {
        let wanted = Dictionary(changes.map { ($0.id, ($0.fingerprint, $0.row)) }, uniquingKeysWith: { first, _ in first })
        for start in stride(from: 0, to: changes.count, by: 1000) {
            let ids = changes[start ..< min(start + 1000, changes.count)].map(\.id)
            let query: SQLQueryString = "SELECT movement_id, fingerprint, import_id FROM movement_revisions WHERE movement_id IN (\(binds: ids)) ORDER BY id"
            var found: Set<Int> = []
            for row in try await db.raw(query).all() {
                let id = try row.decode(column: "movement_id", as: Int.self)
                guard let (fingerprint, fileRow) = wanted[id], !found.contains(id),
                      try row.decode(column: "fingerprint", as: String.self) == fingerprint else { continue }
                found.insert(id)
                counts.reverts.append(RevertedRecord(row: fileRow, importID: try row.decode(column: "import_id", as: Int?.self)))
            }
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
        let (originCountry, originArea) = (m.origin?.country, m.origin?.area)
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

/// A movement the batch added, with what a lookup of its group needs: its file row, days, category, places, organisation
/// and count.
struct NewMovement: Hashable {
    var row: Int
    var start: Int
    var end: Int
    var category: String
    var crossing: String?
    var originCountry: String?
    var originArea: String?
    var destination: String?
    var organisationID: Int
    var persons: Int

    /// What a lookup of its group asks: itself but for its file row and count (no strings made of its numbers for each movement).
    var group: NewMovement {
        var group = self
        (group.row, group.persons) = (0, 0)
        return group
    }

    init(_ m: Movement, row: Int, organisationID: Int) {
        self.row = row
        (start, end, category, crossing, destination) = (m.period.start.number, m.period.end.number, m.category.rawValue, m.crossing, m.destination.finest)
        (originCountry, originArea) = (m.origin?.country, m.origin?.area)
        self.organisationID = organisationID
        persons = m.persons
    }
}

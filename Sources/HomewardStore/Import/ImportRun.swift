import Foundation
import HomewardCore

/// How far a refused file is still written.
enum RefusedImport {
    /// Records still written after a file's first refused row (without skipping), to list what the writer finds in them:
    /// beyond, a file refused near its top is not written to its end only to be rolled back. Tests make it small.
    @TaskLocal static var writtenAfterRefusal = 50_000
}

/// One import in progress, of any kind of record: the layout, the kind's rules, its writer and the running summary.
///
/// Reading, the hashtag-row search, `--map` and `--set`, JSON, skip-invalid, the problem list and
/// the summary are the same for every kind; a kind brings its ``ImportField``s, its ``ImportRules``
/// and its ``BatchWriter``.
struct ImportRun<Rules: ImportRules, Writer: BatchWriter> where Writer.Record == Rules.Record, Rules.Record: OrganisationRecord {
    typealias Field = Rules.Field

    /// How many problems a summary lists; the counts still count them all.
    static var listedProblemLimit: Int { 1000 }

    /// The most characters a cell holds: a citation with its address fits, a pasted report does not; an organisation's
    /// name as many as one made on a page.
    static func limit(of field: Field) -> Int { field.jsonKey == "organisation" ? PlainName.maximum : 1_000 }

    /// What no cell of any kind may hold, and the value as a problem shows it: a NUL, which no database column takes
    /// (PostgreSQL refuses the whole statement: a damaged file); a direction override, which turns round what follows it
    /// where the text is shown, a figure too; more than `limit` characters (one partner's 2 MB source on every row would
    /// fill the ledger and every answer listing it), told by its start rather than echoed whole.
    static func cellProblem(_ value: String, limit: Int) -> (Message, shown: String)? {
        if value.containsNUL { return (Message("import.nul"), value) }
        if value.containsDirectionControl { return (Message("import.directionControl"), String(value.prefix(40))) }
        if value.utf8.count > limit, value.unicodeScalars.count > limit {
            return (Message("import.cell.tooLong", ["maximum": .count(limit)]), String(value.prefix(40)) + "…")
        }
        return nil
    }

    let request: ImportRequest
    /// The key under which a JSON object lists its records (`{"movements": [...]}`).
    let listKey: String
    private(set) var rules: Rules
    /// The writer, when no batch is being written; otherwise the task writing one, which hands it back.
    private var writer: Writer?
    private var pendingWrite: Task<Writer, any Error>?
    private(set) var summary: ImportSummary
    private var layout: ImportLayout<Field>?
    private var head: [[String]] = []
    private var rowNumber = 0
    /// The last data row read and how many values it gave: a short one at the end of a file cut off is said.
    private var lastRow: (number: Int, cells: Int)?
    private var batch: [Rules.Record] = []
    /// The row each record of the batch came from.
    private var batchRows: [Int] = []
    private var problemCount = 0
    /// Every row warned of, listed or not: `warnings` counts rows, and a repeat warned of again is not a second.
    private var warnedRows = RowBits()
    /// What the caller may write: an editor's rows for other organisations are refused.
    let permit: Permit
    /// The first refusal of a row for another organisation, which refuses the whole import unless skipping.
    private(set) var forbidden: Message?
    /// How many rows were refused for another organisation, listed or not (the summary lists 1,000 problems at most).
    private(set) var forbiddenRows = 0
    /// The kind's field of the organisation, found once rather than at every row.
    private let organisationField = Field.allCases.first { $0.jsonKey == "organisation" }
    /// The refusals of the organisation option already said, by code and value.
    private var optionProblems: Set<String> = []
    /// The organisations known, and those this import will create, to refuse another spelling of one.
    private var organisations: OrganisationNames
    /// The last organisation a row named that passed: a file of one organisation checks each row by one comparison.
    private var lastOrganisation: String?
    /// Records taken since the file's first refused row, where it is refused (``RefusedImport/writtenAfterRefusal``).
    private var takenAfterRefusal = 0
    /// Whether the writer was given no more, past ``RefusedImport/writtenAfterRefusal``.
    private var stoppedWriting = false

    /// The fields that give dates (`#date`, `#date+start`, `#date+end`, `#date+since`).
    private let dateFields = Array(Set(["#date", "#date+start", "#date+end", "#date+since"].compactMap { HXLTag($0).flatMap(Field.init(tag:)) }))

    /// `2024-03-15`, `2024-03` or `2024`: no other way of writing a date to look at, as every row of most files is.
    private static func isWrittenAsHomewardDoes(_ value: String) -> Bool {
        let count = value.utf8.count
        return count == 4 || (count == 7 || count == 10) && value.utf8.dropFirst(4).first == UInt8(ascii: "-")
    }

    init(request: ImportRequest, listKey: String, rules: Rules, writer: Writer, permit: Permit, organisations: OrganisationNames) {
        self.request = request
        self.permit = permit
        self.organisations = organisations
        self.listKey = listKey
        self.rules = rules
        self.writer = writer
        summary = ImportSummary(dryRun: request.dryRun)
    }


    /// Reads the whole source, checking every row and writing the valid ones in batches.
    ///
    /// - Throws: ``ImportError`` when the source as a whole cannot be read; the caller must then
    ///   ``abandon()`` the run before its transaction ends.
    mutating func read(_ source: ByteSource, progress: (@Sendable (Int) -> Void)?) async throws {
        // The organisation given for every row is a name as a cell's is: as long, and as plain.
        if let organisation = request.organisation, let (message, shown) = Self.cellProblem(organisation, limit: PlainName.maximum) {
            throw ImportError([ImportProblem(row: 0, column: "org", value: shown, message)])
        }
        do {
            switch request.format {
            case .json: try await readJSON(source)
            case .csv: try await readCSV(source, progress: progress)
            }
        } catch let failure as CSVReader.Failure {
            throw ImportError([ImportProblem(row: failure.row, column: "", value: "", failure.message)])
        }
        try await flush()
    }

    private mutating func readJSON(_ source: ByteSource) async throws {
        let data = Data(try await source.collect())
        let (drafts, ignoredKeys, unmapped) = try JSONRecords.read(from: data, as: Field.self, listKey: listKey, mapping: request.mapping,
                                                                   constants: request.constants, vocabulary: request.vocabulary)
        summary.ignoredColumns = ignoredKeys
        for problem in unmapped { warn(row: 0, column: problem.column, problem.message) }
        for draft in drafts {
            summary.rows += 1
            try await take(draft)
        }
    }

    private mutating func readCSV(_ source: ByteSource, progress: (@Sendable (Int) -> Void)?) async throws {
        var chunks = CSVRows(source, delimiter: request.delimiter)
        var bytesRead = 0
        var freed = FreedMemory()
        do {
            while let chunk = try await chunks.next() {
                bytesRead += chunk.bytes
                for row in chunk.rows { try await take(row: row) }
                progress?(bytesRead)
                freed.read(chunk.bytes)
            }
        } catch {
            await chunks.stop()
            throw error
        }
        if layout == nil {
            guard !head.isEmpty else { throw ImportError(Message("import.empty")) }
            try await settleLayout()
        }
        // A last row short of the named columns, with no line break after it: most likely a file cut off in a copy or a
        // download, whose rows' other values read as they stand.
        if chunks.endedMidRecord, let layout, let last = lastRow, last.cells < layout.width {
            warn(row: last.number, Message("import.row.cutOff", ["values": .count(last.cells), "columns": .count(layout.width)]))
        }
    }

    /// Works out the layout from the rows held back so far, then reads the data rows among them.
    private mutating func settleLayout() async throws {
        let settled = try ImportLayout<Field>(firstRows: head, mapping: request.mapping, constants: request.constants,
                                              vocabulary: request.vocabulary)
        layout = settled
        summary.ignoredColumns = settled.ignoredColumns
        // A tag a slip away from one the kind reads: its column goes unread, said as a warning of the hashtag row.
        let slips = settled.nearTagProblems(severity: .warning)
        if !slips.isEmpty {
            note(slips)
            summary.warnings += 1
            warnedRows.insert(settled.headerRowCount)
        }
        rowNumber = settled.headerRowCount
        for row in head.dropFirst(settled.headerRowCount) { try await take(row: row) }
        head = []
    }

    private mutating func take(row cells: [String]) async throws {
        guard let layout else {
            head.append(cells)
            if head.count == ImportLayout<Field>.tagRowSearchDepth { try await settleLayout() }
            return
        }
        rowNumber += 1
        if cells.allSatisfy(\.isBlank) { return }
        lastRow = (rowNumber, cells.count)
        summary.rows += 1
        if let problem = layout.extraValues(in: cells, row: rowNumber) {
            note([problem])
            summary.rejected += 1
            return
        }
        try await take(layout.draft(row: cells, number: rowNumber))
    }

    /// Counts problems, and lists them up to the limit.
    private mutating func note(_ problems: [ImportProblem]) {
        for problem in problems {
            problemCount += 1
            if summary.problems.count < Self.listedProblemLimit { summary.problems.append(problem) }
        }
    }

    private mutating func take(_ given: ImportDraft<Field>) async throws {
        var draft = given
        // Every cell once, for what no kind of record takes, before any rule or organisation reads the row.
        for field in Field.allCases {
            guard let value = draft.values[field.rawValue], let (message, shown) = Self.cellProblem(value, limit: Self.limit(of: field)) else { continue }
            note([ImportProblem(row: draft.row, column: draft.label(field), value: shown, message)])
            summary.rejected += 1
            return
        }
        // Dates a spreadsheet wrote its own way (15/03/2024, 2024/3/5) are read as Homeward writes them, before any rule;
        // a problem quotes them as the file writes them, which is what its author searches the file for.
        var written: [String: (read: String, given: String)] = [:]
        for field in dateFields {
            guard let value = draft[field], !Self.isWrittenAsHomewardDoes(value) else { continue }
            switch DateOrder.iso(value, order: request.dateOrder) {
            case .none: continue
            case .date(let text):
                // The row's identity takes the date as read too: the same rows saved again by a spreadsheet that writes
                // 15/03/2024 for 2024-03-15 are the same records, not new ones beside them.
                if let index = layout?.contentIndex(of: field), index < draft.content.count {
                    draft.content[index] = text
                } else if let raw = draft.values[field.rawValue], let index = draft.content.firstIndex(of: "\(draft.label(field))=\(raw)") {
                    draft.content[index] = "\(draft.label(field))=\(text)"
                }
                draft.values[field.rawValue] = text
                written[draft.label(field)] = (text, value)
            case .eitherWay:
                note([ImportProblem(row: draft.row, column: draft.label(field), value: value, Message("import.date.order", ["via": request.vocabulary.argument]))])
                summary.rejected += 1
                return
            }
        }
        // A row refused for its organisation is refused before the rules count it: what is not written must not
        // count against the rows after it (a site's departures against its baseline). A row that would write nothing
        // anyway (rejected for its own fields, or a count of zero) is told only its own problems, as any other.
        let organisation = rules.organisation(of: draft)
        var outcome: ImportOutcome<Rules.Record>
        if let organisation, permit.organisations != nil, let refusal = permit.refusal(forOrganisation: organisation) {
            outcome = rules.checkWithoutCounting(draft)
            if !outcome.records.isEmpty {
                if let known = organisations.otherSpelling(of: organisation), permit.refusal(forOrganisation: known) == nil {
                    // The caller's own organisation written another way (unhcr for UNHCR): a spelling to mend, not another's rows.
                    outcome = ImportOutcome(problems: outcome.problems + [ImportProblem(
                        row: draft.row, column: organisationColumn(draft), value: organisation, Message("import.organisation.spelling", ["known": .text(known)]))])
                } else {
                    forbidden = forbidden ?? refusal
                    forbiddenRows += 1
                    outcome = ImportOutcome(problems: [ImportProblem(row: draft.row, column: organisationColumn(draft), value: organisation, refusal)])
                }
            }
        } else if let organisation, organisation != lastOrganisation, let known = organisations.otherSpelling(of: organisation) {
            outcome = rules.checkWithoutCounting(draft)
            if !outcome.records.isEmpty {
                outcome = ImportOutcome(problems: outcome.problems + [ImportProblem(
                    row: draft.row, column: organisationColumn(draft), value: organisation, Message("import.organisation.spelling", ["known": .text(known)]))])
            }
        } else {
            outcome = rules.check(draft)
            // A new name is known once a row of it is accepted: the import will create it.
            if let organisation, organisation != lastOrganisation, !outcome.records.isEmpty {
                organisations.note(organisation)
                lastOrganisation = organisation
            }
        }
        if !written.isEmpty {
            outcome.problems = outcome.problems.map { problem in
                guard let date = written[problem.column], problem.value == date.read else { return problem }
                var quoted = problem
                quoted.value = date.given
                return quoted
            }
        }
        // A refusal of the option every row takes is the file's, said once (a file of 5,000 rows gave 5,000); each row it
        // refuses is counted all the same.
        let organisationFromOption = organisationField.map { draft[$0] == nil } ?? true
        note(outcome.problems.compactMap { problem in
            // A column named as the option (`org`, mapped) is a column: its rows' problems are each row's.
            guard organisationFromOption, problem.column == organisationOption else { return problem }
            guard optionProblems.insert("\(problem.code)\u{0}\(problem.value)").inserted else { return nil }
            var once = problem
            once.row = 0
            return once
        })
        if outcome.isRejected {
            summary.rejected += 1
            return
        }
        summary.ignored += outcome.ignored
        if outcome.hasWarnings {
            summary.warnings += 1
            warnedRows.insert(draft.row)
        }
        // Written after a rejected row too, though the import then writes nothing (its transaction rolls back): what the
        // writer finds (a row repeating another, a correction putting an old version back) is listed beside the errors,
        // so that one run, a dry run too, names every problem of the file; up to a point, said where it is.
        if summary.rejected > 0 && !request.skipInvalid {
            guard !stoppedWriting else { return }
            takenAfterRefusal += outcome.records.count
            if takenAfterRefusal > RefusedImport.writtenAfterRefusal {
                stoppedWriting = true
                warn(row: draft.row, Message("import.refused.writerStopped"))
                return
            }
        }
        batch += outcome.records
        batchRows += repeatElement(draft.row, count: outcome.records.count)
        if batch.count >= Writer.batchSize { try await flush() }
    }

    /// Where a row's organisation came from, for a refusal of it: its column or JSON key, else the option for all rows.
    private func organisationColumn(_ draft: ImportDraft<Field>) -> String {
        guard let field = organisationField, draft[field] != nil else { return organisationOption }
        return draft.label(field)
    }

    /// The option that gives the rows without one their organisation, as the caller typed it.
    private var organisationOption: String { request.vocabulary == .commandLine ? "--org" : "org" }

    /// Hands the batch to the writer and goes on reading: the database inserts one batch while
    /// the next is parsed and checked, so the two cores both work.
    private mutating func flush() async throws {
        guard !batch.isEmpty else { return }
        var writer = try await idleWriter()
        let records = batch, rows = batchRows
        batch = []
        batch.reserveCapacity(Writer.batchSize)
        batchRows = []
        batchRows.reserveCapacity(Writer.batchSize)
        pendingWrite = Task {
            try await writer.write(records, rows: rows)
            return writer
        }
    }

    /// The writer once the batch it is writing (if any) is in.
    ///
    /// The run lets go of it, so that the writer's buffers (rollup sums) have one owner and are not copied
    /// when the next batch changes them.
    private mutating func idleWriter() async throws -> Writer {
        if let task = pendingWrite {
            pendingWrite = nil
            writer = try await task.value
        }
        defer { writer = nil }
        return writer!
    }

    /// Waits for the batch being written, if any, whatever became of it, and lets the writer end what it still has
    /// running: called when reading failed, so that no write is left running on a connection whose transaction rolls back.
    mutating func abandon() async {
        if let task = pendingWrite {
            pendingWrite = nil
            task.cancel()
            writer = try? await task.value
        }
        await writer?.abandon()
        writer = nil
    }

    /// Warns of what the writer found, by row: a record whose key an earlier row of the file gave (only the last is kept,
    /// right for a correction further down a log and wrong for two groups that share a day and places); a new record
    /// beside a stored one it matches but for cells not read (``TwinRecord``); a correction that puts back an earlier
    /// import's version (``RevertedRecord``); a movement taken back as its id moved to the other category (``MovedRecord``).
    private mutating func noteWriterWarnings(_ counts: WriteCounts) {
        var repeatedRows = Set<Int>()
        let kind: [String: MessageArgument] = ["records": .code(listKey)]
        for repeated in counts.repeats where repeatedRows.insert(repeated.row).inserted {
            warn(row: repeated.row, repeated.earlierRow.map { Message("import.repeated.row", kind.merging(["earlier": .serial($0)]) { $1 }) }
                ?? Message("import.repeated.earlier", kind))
        }
        for twin in counts.twins { warn(row: twin.row, Message(twin.message, [twin.argument: .serial(twin.twin)])) }
        for shared in counts.shared {
            var arguments: [String: MessageArgument] = ["organisation": .text(shared.organisation), shared.recordArgument: .serial(shared.record),
                                                        "whence": .code(shared.earlierRow != nil ? "row" : shared.thisImport ? "file" : "earlier")]
            if let earlierRow = shared.earlierRow { arguments["earlierRow"] = .serial(earlierRow) }
            // A count of people and a crossing only where the records give them (movements, departures), not aid's or works'.
            if let persons = shared.persons {
                arguments["persons"] = .count(persons)
                arguments["place"] = .code(shared.crossing ? "crossing" : "none")
            }
            warn(row: shared.row, Message(shared.message, arguments))
        }
        for revert in counts.reverts {
            // Movements keep the code they had; the other kinds' code names no movement, for scripts that sort warnings by it.
            let code = listKey == RecordKind.movements.rawValue ? "import.movements" : "import.record"
            warn(row: revert.row, revert.importID.map { Message("\(code).reverted", ["import": .serial($0)]) } ?? Message("\(code).revertedEarlier"))
        }
        for cleared in counts.cleared {
            // Said as the file writes the figure, in the column the file names it by.
            let before: MessageArgument = cleared.decimals > 0 ? .code(ScaledNumber.string(cleared.before, decimals: cleared.decimals)) : .count(cleared.before)
            let message = if let words = cleared.words { Message("import.text.cleared", ["before": .text(words)]) }
                else if cleared.link { Message("import.link.cleared", ["before": .serial(cleared.before)]) }
                else { Message("import.figure.cleared", ["before": before]) }
            warn(row: cleared.row, column: column(ofJSONKey: cleared.field), message)
        }
        for row in counts.unlinked { warn(row: row, column: column(ofJSONKey: "part_of"), Message("import.sources.partOf.withdrawn")) }
        for note in counts.notes { warn(row: note.row, note.message) }
        for moved in counts.moves {
            warn(row: moved.row, Message("import.movements.movedCategory", ["movement": .serial(moved.movement), "persons": .count(moved.persons)]))
        }
        summary.problems.sort { $0.row < $1.row }
    }

    /// The column a file names a field by (its header or tag), or the field's JSON key where it gave none (JSON itself).
    private func column(ofJSONKey key: String) -> String {
        Field.allCases.first { $0.jsonKey == key }.flatMap { field in layout.map { $0.labels[field.rawValue] } }.flatMap { $0.isEmpty ? nil : $0 } ?? key
    }

    /// A warning at a row: listed up to the limit, and counted once per row however many a row has (a place kept coarser too).
    private mutating func warn(row: Int, column: String = "", _ message: Message) {
        if !warnedRows.contains(row) { summary.warnings += 1 }
        warnedRows.insert(row)
        problemCount += 1
        guard summary.problems.count < Self.listedProblemLimit else { return }
        summary.problems.append(ImportProblem(row: row, column: column, value: "", message, severity: .warning))
    }

    /// Writes what is left and settles the summary's status and counts.
    mutating func finish() async throws -> ImportSummary {
        // The rules' checks of the whole file: warnings of rows already counted as accepted.
        for problem in rules.finish() {
            if !warnedRows.contains(problem.row) { summary.warnings += 1 }
            warnedRows.insert(problem.row)
            note([problem])
        }
        var writer = try await idleWriter()
        // A refused file rolls back: what the writer would still build (a first load's indexes) is not built for nothing.
        if summary.rejected > 0 && !request.skipInvalid { await writer.abandon() } else { try await writer.finish() }
        noteWriterWarnings(writer.counts)
        // A header and no rows (an export's filter that matched nothing) is no success to report: nothing was recorded.
        let empty = summary.rows == 0
        if empty { warn(row: 0, Message("import.file.noRows")) }
        if problemCount > summary.problems.count {
            summary.problems.append(ImportProblem(row: 0, column: "", value: "",
                Message("import.moreProblems", ["count": .count(problemCount - summary.problems.count)]), severity: .warning))
        }
        // Skipping invalid rows still writes nothing when every row is invalid: that is an error, as without skipping.
        if summary.rejected > 0 && (!request.skipInvalid || summary.rejected == summary.rows) {
            summary.status = .error
        } else {
            summary.imported = writer.counts.imported
            summary.updated = writer.counts.updated
            summary.ignored += writer.counts.ignored
            summary.status = summary.rejected > 0 || summary.warnings > 0 ? .warning : .success
        }
        return summary
    }
}

import Foundation
import HomewardCore
import SQLKit

extension LedgerStore {
    /// How many problems a summary lists; the counts still count them all.
    public static let listedProblemLimit = 1000
    /// Movements written per round trip.
    static let importBatchSize = 2000

    /// Imports movements from CSV (HXL-tagged, or mapped) or JSON, in one transaction.
    ///
    /// A rejected row means nothing is written, unless the request skips invalid rows; a dry run
    /// counts what would be imported, updated and ignored against the database, and writes nothing.
    /// - Parameter progress: called with the bytes read so far, after each chunk.
    /// - Throws: ``ImportError`` when the input as a whole cannot be read (not CSV or JSON of the
    ///   expected shape, no hashtag row and no mapping, a quote left open); nothing is written.
    public func importMovements(_ request: ImportRequest, from source: ByteSource, by caller: Caller,
                                progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        struct Abandoned: Error { var summary: ImportSummary }
        do {
            // Read before the write lock is taken, so that writers hold it only while they write.
            let gazetteer = try await places.gazetteer()
            let summary = try await database.write(by: caller, rollback: request.dryRun) { write in
                var run = try await ImportRun(request: request, write: write, gazetteer: gazetteer)
                do {
                    try await run.read(source, progress: progress)
                } catch {
                    // The batch being written must be done before the transaction rolls back and its
                    // connection goes back to the pool.
                    await run.abandon()
                    if let failure = error as? CSVReader.Failure {
                        throw ImportError([ImportProblem(row: failure.row, column: "", value: "", reason: failure.reason)])
                    }
                    throw error
                }
                let summary = try await run.finish()
                if summary.status == .error { throw Abandoned(summary: summary) }
                return summary
            }
            try await refreshStatistics(after: summary)
            return summary
        } catch let abandoned as Abandoned {
            return abandoned.summary
        }
    }

    /// Brings the planner's statistics up to date after a large import, so that the next totals use the indexes.
    func refreshStatistics(after summary: ImportSummary) async throws {
        guard !summary.dryRun, summary.imported + summary.updated >= 10_000 else { return }
        try await database.read { db in
            switch database.backend {
            case .postgres: try await db.raw("ANALYZE movements, movement_rollups, movement_rollups_monthly").run()
            case .sqlite: try await db.raw("PRAGMA optimize").run()
            }
        }
    }
}

/// One import in progress: the layout, the rules, the writer and the running summary.
private struct ImportRun {
    let request: ImportRequest
    let db: any SQLDatabase
    let rules: MovementRules
    let importID: Int
    /// The writer, when no batch is being written; otherwise the task writing one, which hands it back.
    var writer: MovementWriter?
    var pendingWrite: Task<MovementWriter, any Error>?
    var summary: ImportSummary
    var layout: ImportLayout?
    var head: [[String]] = []
    var rowNumber = 0
    var batch: [Movement] = []
    var problemCount = 0

    init(request: ImportRequest, write: WriteContext, gazetteer: Gazetteer) async throws {
        self.request = request
        db = write.sql
        rules = MovementRules(gazetteer: gazetteer, today: request.today,
                              defaultOrganisation: request.organisation?.trimmingCharacters(in: .whitespaces))
        guard let id = try await db.raw("INSERT INTO imports (started_at, source_name, started_by) VALUES (\(bind: write.timestamp), \(bind: request.sourceName), \(bind: write.caller.description)) RETURNING id")
            .first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new import's id") }
        importID = id
        writer = MovementWriter(write: write, importID: id)
        summary = ImportSummary(dryRun: request.dryRun)
    }

    /// Whether valid rows are still being written (not after a rejected row, unless skipping).
    var writing: Bool { request.skipInvalid || summary.rejected == 0 }

    mutating func read(_ source: ByteSource, progress: (@Sendable (Int) -> Void)?) async throws {
        switch request.format {
        case .json:
            var data = Data()
            while let chunk = try source.next() { data.append(contentsOf: chunk) }
            for draft in try JSONMovements.drafts(from: data) {
                summary.rows += 1
                try await take(draft)
            }
        case .csv:
            var reader = CSVReader(delimiter: request.delimiter)
            var rows: [[String]] = []
            var bytesRead = 0
            while let chunk = try source.next() {
                bytesRead += chunk.count
                rows.removeAll(keepingCapacity: true)
                try reader.read(chunk, into: &rows)
                for row in rows { try await take(row: row) }
                progress?(bytesRead)
            }
            rows.removeAll()
            try reader.finish(into: &rows)
            for row in rows { try await take(row: row) }
            if layout == nil {
                guard !head.isEmpty else { throw ImportError("the file is empty") }
                try await settleLayout()
            }
        }
        try await flush()
    }

    /// Works out the layout from the rows held back so far, then reads the data rows among them.
    private mutating func settleLayout() async throws {
        let settled = try ImportLayout(firstRows: head, mapping: request.mapping, constants: request.constants)
        layout = settled
        summary.ignoredColumns = settled.ignoredColumns
        rowNumber = settled.headerRowCount
        for row in head.dropFirst(settled.headerRowCount) { try await take(row: row) }
        head = []
    }

    private mutating func take(row cells: [String]) async throws {
        guard let layout else {
            head.append(cells)
            if head.count == ImportLayout.tagRowSearchDepth { try await settleLayout() }
            return
        }
        rowNumber += 1
        if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return }
        summary.rows += 1
        try await take(layout.draft(row: cells, number: rowNumber))
    }

    private mutating func take(_ draft: MovementDraft) async throws {
        let outcome = rules.check(draft)
        for problem in outcome.problems {
            problemCount += 1
            if summary.problems.count < LedgerStore.listedProblemLimit { summary.problems.append(problem) }
        }
        if outcome.isRejected {
            summary.rejected += 1
            return
        }
        summary.ignored += outcome.zeroCounts
        if outcome.hasWarnings { summary.warnings += 1 }
        guard writing else { return }
        batch += outcome.movements
        if batch.count >= LedgerStore.importBatchSize { try await flush() }
    }

    /// Hands the batch to the writer and goes on reading: the database inserts one batch while
    /// the next is parsed and checked, so the two cores both work.
    private mutating func flush() async throws {
        guard writing, !batch.isEmpty else { batch.removeAll(); return }
        var writer = try await idleWriter()
        let rows = batch
        batch = []
        batch.reserveCapacity(LedgerStore.importBatchSize)
        pendingWrite = Task {
            try await writer.write(rows)
            return writer
        }
    }

    /// The writer once the batch it is writing (if any) is in.
    private mutating func idleWriter() async throws -> MovementWriter {
        if let task = pendingWrite {
            pendingWrite = nil
            writer = try await task.value
        }
        return writer!
    }

    /// Waits for the batch being written, if any, whatever became of it: called when reading failed.
    mutating func abandon() async {
        guard let task = pendingWrite else { return }
        pendingWrite = nil
        task.cancel()
        _ = await task.result
    }

    mutating func finish() async throws -> ImportSummary {
        var writer = try await idleWriter()
        if writing { try await writer.finish() }
        if problemCount > summary.problems.count {
            summary.problems.append(ImportProblem(row: 0, column: "", value: "",
                reason: "\(problemCount - summary.problems.count) more problems are not listed", severity: .warning))
        }
        if summary.rejected > 0 && !request.skipInvalid {
            summary.status = .error
        } else {
            summary.imported = writer.counts.imported
            summary.updated = writer.counts.updated
            summary.ignored += writer.counts.ignored
            summary.status = summary.rejected > 0 || summary.warnings > 0 ? .warning : .success
        }
        if summary.status != .error {
            try await db.raw("""
                UPDATE imports SET status = \(bind: summary.status.rawValue), rows_read = \(bind: summary.rows),
                imported = \(bind: summary.imported), updated = \(bind: summary.updated), ignored = \(bind: summary.ignored),
                rejected = \(bind: summary.rejected), warnings = \(bind: summary.warnings) WHERE id = \(bind: importID)
                """).run()
        }
        return summary
    }
}

import HomewardCore
import SQLKit

extension Database {
    /// Runs one import of any kind of record in one transaction: all of it is written, or nothing.
    ///
    /// A rejected row means nothing is written, unless the request skips invalid rows; a dry run counts
    /// what would be imported, updated and ignored against the database, and rolls back. The import is
    /// recorded in `imports` with its kind, its caller and its summary.
    /// - Parameters:
    ///   - rules: read what they need before the write lock is taken, so that writers hold it only while they write.
    ///   - foreignKeys: `false` when the writer checks what its records refer to itself (see ``write(by:for:rollback:foreignKeys:_:)``).
    ///   - makeWriter: the kind's writer, on the import's transaction, given the import's id.
    /// - Throws: ``ImportError`` when the input as a whole cannot be read; nothing is written.
    func runImport<Rules: ImportRules, Writer: BatchWriter>(
        _ records: RecordKind, _ request: ImportRequest, from source: ByteSource, by caller: Caller, rules: Rules,
        progress: (@Sendable (Int) -> Void)?, foreignKeys: Bool = true, writer makeWriter: @escaping @Sendable (WriteContext, _ importID: Int) -> Writer
    ) async throws -> ImportSummary where Writer.Record == Rules.Record, Rules.Record: OrganisationRecord {
        try await runImport(records, request, from: source, by: caller, lockingFirst: nil, rules: { rules }, progress: progress,
                            foreignKeys: foreignKeys, writer: makeWriter)
    }

    /// An import whose rules hold a running total against what is stored (departures against a site's baseline): the
    /// table is locked first, and the rules read what they need after, inside the transaction, so that two imports at
    /// once cannot both count from the same total. SQLite's writers take turns already; PostgreSQL's would not.
    /// - Parameter table: the table whose concurrent writers wait (on PostgreSQL) until this import commits.
    func runImport<Rules: ImportRules, Writer: BatchWriter>(
        _ records: RecordKind, _ request: ImportRequest, from source: ByteSource, by caller: Caller, lockingFirst table: String?,
        rules makeRules: @Sendable () async throws -> Rules, progress: (@Sendable (Int) -> Void)?, foreignKeys: Bool = true,
        writer makeWriter: @escaping @Sendable (WriteContext, _ importID: Int) -> Writer
    ) async throws -> ImportSummary where Writer.Record == Rules.Record, Rules.Record: OrganisationRecord {
        let done: (summary: ImportSummary, skipped: String?)
        do {
            done = try await write(by: caller, for: .records, rollback: request.dryRun, foreignKeys: foreignKeys) { write in
                let db = write.sql
                if let table, write.connection.backend == .postgres {
                    try await db.raw("LOCK TABLE \(unsafeRaw: table) IN SHARE ROW EXCLUSIVE MODE").run()
                }
                let rules = try await reading(on: write) { try await makeRules() }
                guard let importID = try await db.raw("""
                    INSERT INTO imports (started_at, source_name, started_by, records)
                    VALUES (\(bind: write.timestamp), \(bind: request.sourceName), \(bind: write.caller.description), \(bind: records.rawValue))
                    RETURNING id
                    """).first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new import's id") }
                let organisations = try await db.raw("SELECT name FROM organisations").all().map { try $0.decode(column: "name", as: String.self) }
                var run = ImportRun(request: request, listKey: records.rawValue, rules: rules, writer: makeWriter(write, importID),
                                    permit: write.permit, organisations: OrganisationNames(organisations))
                do {
                    try await run.read(source, progress: progress)
                } catch {
                    // The batch being written must be done before the transaction rolls back and its
                    // connection goes back to the pool.
                    await run.abandon()
                    throw error
                }
                let summary = try await run.finish()
                // Rows for another organisation refuse the whole import (403), unless the caller skips them; either way the
                // refusal is audited, naming what was tried.
                var skipped: String?
                if let forbidden = run.forbidden {
                    // The rows of other organisations first, then the file's other problems, as its counts count them.
                    var refused = summary
                    let (others, own) = (summary.problems.filter { $0.code == forbidden.key }, summary.problems.filter { $0.code != forbidden.key })
                    (refused.status, refused.problems) = (.error, others + own)
                    // Every row refused so, listed or not (a summary lists 1,000 problems at most).
                    let rows = run.forbiddenRows
                    let attempt = "\(records.rawValue) from \(request.sourceName): \(rows) \(rows == 1 ? "row" : "rows") of another organisation"
                    guard request.skipInvalid else { throw AccessRefusal(message: forbidden, attempt: attempt, summary: refused) }
                    skipped = attempt + " skipped: " + Catalogue.english.text(forbidden)
                }
                if summary.status == .error { throw AbandonedImport(summary: summary, skipped: skipped) }
                try await db.raw("""
                    UPDATE imports SET status = \(bind: summary.status.rawValue), rows_read = \(bind: summary.rows),
                    imported = \(bind: summary.imported), updated = \(bind: summary.updated), ignored = \(bind: summary.ignored),
                    rejected = \(bind: summary.rejected), warnings = \(bind: summary.warnings) WHERE id = \(bind: importID)
                    """).run()
                try await write.audit("import", kind: records.rawValue, record: String(importID),
                                      detail: "\(request.sourceName): \(summary.rows) \(summary.rows == 1 ? "row" : "rows"), \(summary.imported) imported, \(summary.updated) updated, "
                                          + "\(summary.ignored) ignored, \(summary.rejected) rejected")
                if !request.dryRun { try await numberCommit(of: importID, on: db) }
                return (summary, skipped)
            }
        } catch let abandoned as AbandonedImport {
            done = (abandoned.summary, abandoned.skipped)
        }
        // In a transaction of its own, as a refused import's is: kept whether the rest was written, abandoned or a dry run.
        if let skipped = done.skipped { await auditRefusal(skipped, kind: WriteNeed.records.rawValue, by: caller) }
        return done.summary
    }
}

extension Database {
    /// Gives the import the next number in the order imports commit, and the moment: its transaction's last statement.
    ///
    /// On PostgreSQL the counter's row stays locked until the commit, so a concurrent import waits for it here and
    /// takes the next number after it: a read that sees an import sees every import numbered before it
    /// (``BulletinSnapshot/recordedThrough``). On SQLite writers take turns already.
    @discardableResult
    func numberCommit(of importID: Int, on db: any SQLDatabase) async throws -> Int {
        guard let number = try await db.raw("UPDATE import_commits SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number")
            .first(decodingColumn: "last_number", as: Int.self) else { throw StoreError.notFound("the import commits' counter") }
        try await db.raw("""
            UPDATE imports SET commit_number = \(bind: number), committed_at = \(bind: Database.timestamp(now())) WHERE id = \(bind: importID)
            """).run()
        return number
    }

    /// The number of the last import committed, as a read sees it.
    func lastCommitNumber() async throws -> Int {
        try await read { db in
            try await db.raw("SELECT last_number FROM import_commits").first(decodingColumn: "last_number", as: Int.self) ?? 0
        }
    }
}

/// Rolls back an import whose rows were rejected, carrying its summary out of the transaction.
private struct AbandonedImport: Error {
    var summary: ImportSummary
    /// What the audit keeps of rows of another organisation the caller skipped.
    var skipped: String?
}

import SQLKit

/// A first load into an empty SQLite ledger: `movements` written without its indexes, which are built once at the end.
///
/// One index built from sorted keys costs less than a million inserts at random places in it: at a million rows the
/// key's unique index alone took half the time of the insert. Without that index the load must itself know that
/// every key it writes is new, so it holds each key's hash; at the first key that may have been written already
/// (a repeat or correction across batches, or two keys of one hash) or once it holds ``keyLimit`` hashes, it builds
/// the key's index and the import goes on the usual way, with `ON CONFLICT`.
///
/// Only on SQLite, whose readers go on reading the last commit meanwhile (PostgreSQL would lock them out of
/// `movements` until the import ends). The import's one transaction covers the drops: a failed, killed or dry run
/// rolls them back with everything else, and ``Database/write(by:for:rollback:foreignKeys:_:)`` puts the page cache back.
struct FirstLoad: Sendable {
    /// Hashes held at most (some 16 MB), so that memory does not grow with the file.
    static let keyLimit = 1_500_000
    private var hashes: Set<Int> = []
    /// Whether `movements_row_key` is there again, and keys go through `ON CONFLICT`.
    private(set) var keyIndexBuilt = false

    /// Drops the indexes when the ledger is empty; `nil` when it holds movements already.
    static func ifEmpty(on db: any SQLDatabase) async throws -> FirstLoad? {
        guard try await db.raw("SELECT id FROM movements LIMIT 1").first() == nil else { return nil }
        try await db.raw("DROP INDEX movements_period").run()
        try await db.raw("DROP INDEX movements_row_key").run()
        // Appending needs little page cache, and the indexes' sorts at the end take what it would hold (16 MiB, not 64).
        try await db.raw("PRAGMA cache_size = -16384").run()
        return FirstLoad()
    }

    /// Whether the batch's keys (each once) are all new, and then held; if any may not be, the key's index
    /// is built and the batch must go the usual way.
    mutating func keysAreNew(_ keys: [String], on db: any SQLDatabase) async throws -> Bool {
        guard !keyIndexBuilt else { return false }
        let batch = keys.map(\.hashValue)
        if hashes.count + batch.count <= Self.keyLimit && !batch.contains(where: hashes.contains) {
            hashes.formUnion(batch)
            return true
        }
        try await buildKeyIndex(on: db)
        return false
    }

    /// Builds the key's index now, if it is not there yet.
    mutating func buildKeyIndex(on db: any SQLDatabase) async throws {
        guard !keyIndexBuilt else { return }
        keyIndexBuilt = true
        hashes = [] // before the index's sort needs the memory
        try await db.raw("CREATE UNIQUE INDEX movements_row_key ON movements (row_key)").run()
    }

    /// Builds what is still missing; call before the transaction commits.
    mutating func finish(on db: any SQLDatabase) async throws {
        try await buildKeyIndex(on: db)
        try await db.raw("CREATE INDEX movements_period ON movements (start_day, end_day)").run()
        try await db.raw(SQLQueryString(Database.sqlitePageCache)).run()
    }
}

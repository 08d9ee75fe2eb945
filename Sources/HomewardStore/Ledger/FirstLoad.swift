import SQLKit

/// A first load into an empty ledger: rows whose keys are known to be new go in without asking the key's index.
///
/// One index built from sorted keys costs less than a million inserts at random places in it: at a million rows
/// SQLite's key index alone took half the time of the insert. So on SQLite `movements` is written without its
/// indexes, built once at the end. PostgreSQL keeps its indexes (dropping them would lock readers out of `movements`
/// until the import ends) but takes rows by COPY straight into `movements`, without the batch's own table and
/// `ON CONFLICT` (a third of its insert); it locks `movements` against other writers meanwhile (readers go on), so
/// that no key comes in from elsewhere. SQLite's one writer needs no lock.
///
/// The load must itself know that every key it writes is new, so it holds each key's hash; at the first key that
/// may have been written already (a repeat or correction across batches, or two keys of one hash) or once it holds
/// ``keyLimit`` hashes, it goes on the usual way, with `ON CONFLICT`, SQLite building the key's index first.
///
/// The import's one transaction covers the drops: a failed, killed or dry run rolls them back with everything else,
/// and ``Database/write(by:for:rollback:foreignKeys:_:)`` puts SQLite's page cache back.
struct FirstLoad: Sendable {
    /// Hashes held at most (some 16 MB), so that memory does not grow with the file.
    static let keyLimit = 1_500_000
    private let backend: Database.Backend
    private var hashes: Set<Int> = []
    /// Whether keys go through the key's index and `ON CONFLICT` from now on (on SQLite, the index is there again).
    private(set) var keysChecked = false

    /// Sets the ledger up for a first load when it is empty; `nil` when it holds movements already.
    static func ifEmpty(on db: any SQLDatabase, _ backend: Database.Backend) async throws -> FirstLoad? {
        let empty = { try await db.raw("SELECT id FROM movements LIMIT 1").first() == nil }
        guard try await empty() else { return nil }
        switch backend {
        case .sqlite:
            try await db.raw("DROP INDEX movements_period").run()
            try await db.raw("DROP INDEX movements_row_key").run()
            // Appending needs little page cache, and the indexes' sorts at the end take what it would hold (16 MiB, not 64).
            try await db.raw("PRAGMA cache_size = -16384").run()
        case .postgres:
            // Other writers wait for this import; if one wrote before the lock, this is not a first load after all.
            try await db.raw("LOCK TABLE movements IN SHARE ROW EXCLUSIVE MODE").run()
            guard try await empty() else { return nil }
        }
        return FirstLoad(backend: backend)
    }

    /// Whether the batch's keys (each once) are all new, and then held; if any may not be, keys are checked from
    /// now on and the batch must go the usual way.
    mutating func keysAreNew(_ keys: [String], on db: any SQLDatabase) async throws -> Bool {
        guard !keysChecked else { return false }
        let batch = keys.map(\.hashValue)
        if hashes.count + batch.count <= Self.keyLimit && !batch.contains(where: hashes.contains) {
            hashes.formUnion(batch)
            return true
        }
        try await checkKeys(on: db)
        // Keys now go into the index at random places: give them the usual cache (the end's sorts need only the period's).
        if backend == .sqlite { try await db.raw(SQLQueryString(Database.sqlitePageCache)).run() }
        return false
    }

    /// Has keys checked from now on, building SQLite's key index if it is not there yet.
    mutating func checkKeys(on db: any SQLDatabase) async throws {
        guard !keysChecked else { return }
        keysChecked = true
        hashes = [] // before the index's sort needs the memory
        if backend == .sqlite { try await db.raw("CREATE UNIQUE INDEX movements_row_key ON movements (row_key)").run() }
    }

    /// Builds what is still missing; call before the transaction commits.
    mutating func finish(on db: any SQLDatabase) async throws {
        try await checkKeys(on: db)
        guard backend == .sqlite else { return }
        try await db.raw("CREATE INDEX movements_period ON movements (start_day, end_day)").run()
        try await db.raw(SQLQueryString(Database.sqlitePageCache)).run()
    }
}

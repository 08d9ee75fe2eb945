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
/// The load must itself know that every key it writes is new, so it holds the hash of each key of the current
/// segment (at most ``segmentKeys``). On SQLite a full segment is sealed: a partial unique index is built on its rows
/// alone (`WHERE id > … AND id <= …`, which later inserts never touch) and its keys go into a ``KeyFilter``; a key the
/// filter may hold is looked up in those indexes. Memory stays bounded, and no row is inserted at a random place
/// into an index larger than the page cache (which made a 10,000,000-row load more than twice as slow per row as a
/// 1,000,000-row one). At the first key that was written already (a repeat or correction across batches, or two keys
/// of one hash) the load goes on the usual way, with `ON CONFLICT` and the full key index built first. PostgreSQL,
/// whose key index is always there, goes the usual way once a segment is full.
///
/// The import's one transaction covers the drops and builds: a failed, killed or dry run rolls them back with
/// everything else, and ``Database/write(by:for:rollback:foreignKeys:_:)`` puts SQLite's page cache back.
struct FirstLoad: Sendable {
    /// Hashes held at most (some 16 MB), so that memory does not grow with the file; tests make it small.
    @TaskLocal static var segmentKeys = 1_500_000
    private let backend: Database.Backend
    private let segmentLimit = FirstLoad.segmentKeys
    /// The current segment's keys' hashes.
    private var hashes: Set<Int> = []
    /// The sealed segments' keys (SQLite).
    private var sealedKeys = KeyFilter()
    /// The sealed segments, by the last id of each; the current one starts after the last of them.
    private var sealed: [Int] = []
    /// Whether keys go through the key's index and `ON CONFLICT` from now on (on SQLite, the index is there again).
    private(set) var keysChecked = false
    /// Whether the rollups' tables were empty too, as they are unless something wrote them beside the movements:
    /// then the sums' first flush needs no `ON CONFLICT` either.
    private(set) var rollupsEmpty = false

    /// Sets the ledger up for a first load when it is empty; `nil` when it holds movements already.
    static func ifEmpty(on db: any SQLDatabase, _ backend: Database.Backend) async throws -> FirstLoad? {
        let empty = { try await db.raw("SELECT id FROM movements LIMIT 1").first() == nil }
        guard try await empty() else { return nil }
        switch backend {
        case .sqlite:
            try await db.raw("DROP INDEX movements_period").run()
            try await db.raw("DROP INDEX movements_row_key").run()
            // Appending needs little page cache, and the indexes' sorts take what it would hold (16 MiB, not 64).
            try await db.raw("PRAGMA cache_size = -16384").run()
        case .postgres:
            // Other writers wait for this import; if one wrote before the lock, this is not a first load after all.
            try await db.raw("LOCK TABLE movements IN SHARE ROW EXCLUSIVE MODE").run()
            guard try await empty() else { return nil }
        }
        var load = FirstLoad(backend: backend)
        let daily = try await db.raw("SELECT 1 AS one FROM movement_rollups LIMIT 1").first()
        let monthly = try await db.raw("SELECT 1 AS one FROM movement_rollups_monthly LIMIT 1").first()
        load.rollupsEmpty = daily == nil && monthly == nil
        return load
    }

    /// Whether the batch's keys (each once) are all new, and then held; if any may not be, keys are checked from
    /// now on and the batch must go the usual way.
    mutating func keysAreNew(_ keys: [String], on db: any SQLDatabase) async throws -> Bool {
        guard !keysChecked else { return false }
        let batch = keys.map(\.hashValue)
        var isNew = !batch.contains(where: hashes.contains)
        if isNew && backend == .sqlite {
            let suspects = keys.indices.filter { sealedKeys.mayContain(batch[$0]) }.map { keys[$0] }
            if !suspects.isEmpty { isNew = try await !written(suspects, on: db) }
        }
        if isNew && hashes.count + batch.count > segmentLimit {
            if backend == .sqlite { try await seal(on: db) } else { isNew = false }
        }
        guard isNew else {
            try await checkKeys(on: db)
            // Keys now go into the index at random places: give them the usual cache (the end's sorts need only the period's).
            if backend == .sqlite { try await db.raw(SQLQueryString(Database.sqlitePageCache)).run() }
            return false
        }
        hashes.formUnion(batch)
        return true
    }

    /// Whether any of the keys may have been written by this load (a 0 further down the file for a key given above it):
    /// the current segment's hashes, then the sealed segments' filter and indexes. Nothing is held.
    func mayHold(_ keys: [String], on db: any SQLDatabase) async throws -> Bool {
        let batch = keys.map(\.hashValue)
        if batch.contains(where: hashes.contains) { return true }
        guard backend == .sqlite else { return false }
        let suspects = keys.indices.filter { sealedKeys.mayContain(batch[$0]) }.map { keys[$0] }
        guard !suspects.isEmpty else { return false }
        return try await written(suspects, on: db)
    }

    /// Whether any of the keys is in a sealed segment.
    private func written(_ keys: [String], on db: any SQLDatabase) async throws -> Bool {
        for (first, last) in zip([0] + sealed, sealed) {
            // The partial index serves only a query that repeats its condition, with the same constants.
            let query: SQLQueryString = "SELECT id FROM movements \(unsafeRaw: Self.segment(after: first, through: last)) "
                + "AND row_key IN (\(binds: keys)) LIMIT 1"
            if try await db.raw(query).first() != nil { return true }
        }
        return false
    }

    private static func segment(after first: Int, through last: Int) -> String { "WHERE id > \(first) AND id <= \(last)" }

    private static func segmentIndex(_ number: Int) -> String { "movements_row_key_\(number)" }

    /// Indexes the current segment's keys on their own, and holds them in the filter instead of the set.
    private mutating func seal(on db: any SQLDatabase) async throws {
        guard let last = try await db.raw("SELECT MAX(id) AS last FROM movements").first(decodingColumn: "last", as: Int?.self) ?? nil else { return }
        let condition = Self.segment(after: sealed.last ?? 0, through: last)
        try await db.raw("CREATE UNIQUE INDEX \(unsafeRaw: Self.segmentIndex(sealed.count + 1)) ON movements (row_key) \(unsafeRaw: condition)").run()
        sealed.append(last)
        for hash in hashes { sealedKeys.insert(hash) }
        hashes = []
    }

    /// Has keys checked from now on, building SQLite's key index if it is not there yet.
    mutating func checkKeys(on db: any SQLDatabase) async throws {
        guard !keysChecked else { return }
        keysChecked = true
        hashes = [] // before the index's sort needs the memory
        sealedKeys = KeyFilter()
        guard backend == .sqlite else { return }
        for number in sealed.indices { try await db.raw("DROP INDEX \(unsafeRaw: Self.segmentIndex(number + 1))").run() }
        sealed = []
        try await db.raw("CREATE UNIQUE INDEX movements_row_key ON movements (row_key)").run()
    }

    /// Builds what is still missing; call before the transaction commits.
    mutating func finish(on db: any SQLDatabase) async throws {
        try await checkKeys(on: db)
        guard backend == .sqlite else { return }
        try await db.raw(SQLQueryString(IndexMovementsByCrossingAndPlace.create)).run()
        try await db.raw(SQLQueryString(Database.sqlitePageCache)).run()
    }
}

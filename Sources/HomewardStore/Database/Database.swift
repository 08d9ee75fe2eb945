import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HomewardCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import ServiceLifecycle
import Synchronization

/// Homeward's database, SQLite or PostgreSQL, behind one SQL layer (SQLKit): connections,
/// transactions, migrations and readable errors. The stores per capability work through it.
///
/// Opening a database brings its schema up to date and, on a new one, loads the bundled reference data.
/// PostgreSQL connections come from PostgresNIO's `PostgresClient`, which runs until the database is
/// closed (or, in a server, until the service group shuts it down); SQLite's from a small lease of
/// connections to the file, one of them writing.
public final class Database: Sendable, Service {
    public enum Backend: String, Sendable {
        case sqlite, postgres

        /// SQL's equality that holds between two NULLs too, as each database writes it.
        var nullSafeEquals: String { self == .sqlite ? "IS" : "IS NOT DISTINCT FROM" }
        /// Its negation.
        var nullSafeDiffers: String { self == .sqlite ? "IS NOT" : "IS DISTINCT FROM" }
    }

    public let backend: Backend
    public let location: DatabaseLocation
    let logger: Logger
    private let connections: Connections
    /// SQLite's change counter (``dataVersion()``); `nil` on PostgreSQL.
    let versionWatch: SQLiteDataVersionWatch?
    /// The SQLite file opened, checked at every lease; `nil` on PostgreSQL.
    private let file: SQLiteFileIdentity?
    /// The schema's steps applied when this program opened the database (``migrationsAppliedOnOpening``).
    let appliedOnOpening = NIOLockedValueBox<[String]>([])
    /// The clock of `recorded_at` and revision columns, injected so that tests can fix it.
    let now: @Sendable () -> Date

    /// How long an SQLite write waits for another process's write to finish before it gives up.
    public static let busyTimeoutMilliseconds = 120_000

    private enum Connections: Sendable {
        case sqlite(writer: SQLiteConnections, readers: SQLiteConnections)
        case postgres(PostgresLease, run: Task<Void, Never>)
    }

    private init(location: DatabaseLocation, backend: Backend, connections: Connections, logger: Logger,
                 now: @escaping @Sendable () -> Date, versionWatch: SQLiteDataVersionWatch? = nil, file: SQLiteFileIdentity? = nil) {
        self.versionWatch = versionWatch
        self.file = file
        self.location = location
        self.backend = backend
        self.connections = connections
        self.logger = logger
        self.now = now
    }

    /// Opens (and on first use creates) the database at `location`, migrated and ready.
    ///
    /// - Parameter seedReference: load the bundled reference data into a new database.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "homeward.store"),
                            seedReference: Bool = true, now: @escaping @Sendable () -> Date = { Date() }) async throws -> Database {
        do {
            return try await opening(location, logger: logger, seedReference: seedReference, now: now)
        } catch {
            throw openingError(error, at: location)
        }
    }

    private static func opening(_ location: DatabaseLocation, logger: Logger, seedReference: Bool,
                                now: @escaping @Sendable () -> Date) async throws -> Database {
        let database: Database
        switch location {
        case .sqlite(let path):
            // `mysql://…` read as a file's path was refused as a missing folder `mysql:`.
            if let scheme = path.firstMatch(of: /^([A-Za-z][A-Za-z0-9+.\-]*):\/\//) {
                throw StoreError.storage("could not open the database: \(scheme.1):// is no database Homeward opens; give an SQLite file's path or a postgres:// URL")
            }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            var isFolder: ObjCBool = false
            let folder = URL(fileURLWithPath: absolute).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw StoreError.storage("could not open the SQLite database \(path): its folder \(folder) does not exist")
            }
            guard !FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) || !isFolder.boolValue else {
                throw StoreError.storage("could not open the SQLite database \(path): it is a folder; name a file, new or made by Homeward")
            }
            // Said as what it is, before SQLite says "unable to open" or "could not write … this change" of a command that
            // only reads: every opening writes (the schema's steps, the journal, the change counter's table).
            if !FileManager.default.fileExists(atPath: absolute) {
                if access(folder, W_OK) != 0 {
                    throw StoreError.storage("could not create the SQLite database \(path): its folder \(folder) is read-only to this user")
                }
            } else {
                if access(absolute, R_OK) != 0 {
                    throw StoreError.storage("could not open the SQLite database \(path): this user cannot read it; give it read and write access, or use a copy it may read and write")
                }
                if access(absolute, W_OK) != 0 {
                    throw StoreError.storage("could not open the SQLite database \(path): it is read-only to this user, and Homeward writes to its database whenever it opens it, even to read (its schema, its journal); use a copy this user may write")
                }
                if access(folder, W_OK) != 0, !["-wal", "-shm"].allSatisfy({ access(absolute + $0, W_OK) == 0 }) {
                    throw StoreError.storage("could not open the SQLite database \(path): its folder \(folder) is read-only to this user, and SQLite keeps its journal beside the file; use a copy in a folder this user may write")
                }
            }
            // A new file is its owner's alone (its log and shared memory take its mode): it holds password hashes, people's
            // names and addresses. One that exists keeps the mode it was given.
            Self.createOwnersOnly(absolute)
            let open: @Sendable () async throws -> Connection = { try await openSQLite(path: absolute, logger: logger) }
            // SQLite has one writer at a time; WAL lets readers go on beside it.
            database = Database(location: location, backend: .sqlite,
                                connections: .sqlite(writer: SQLiteConnections(maximum: 1, open: open),
                                                     readers: SQLiteConnections(maximum: 4, open: open)),
                                logger: logger, now: now, versionWatch: try SQLiteDataVersionWatch(path: absolute),
                                file: SQLiteFileIdentity(path: absolute))
        case .postgres(let url):
            // A port out of range would be taken modulo 65,536 (99999 as 34463): refused, as the server refuses its own.
            if let port = URLComponents(string: url)?.port, !(1...65_535).contains(port) {
                throw StoreError.storage("could not open the \(location): its port \(port) is not one of 1 to 65535")
            }
            let configuration: PostgresConnection.Configuration
            do {
                configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
            } catch {
                throw StoreError.storage("could not read the \(location): expected postgres://user[:password]@host[:port]/database, with ?sslmode= disable, prefer or require if any")
            }
            var clientConfiguration: PostgresClient.Configuration
            if let host = configuration.host, let port = configuration.port {
                clientConfiguration = PostgresClient.Configuration(
                    host: host, port: port, username: configuration.username, password: configuration.password,
                    database: configuration.database,
                    tls: configuration.tls.isEnforced ? .require(configuration.tls.sslContext!.configuration)
                        : configuration.tls.isAllowed ? .prefer(configuration.tls.sslContext!.configuration) : .disable)
            } else if let socket = configuration.unixSocketPath {
                clientConfiguration = PostgresClient.Configuration(unixSocketPath: socket, username: configuration.username,
                                                                   password: configuration.password, database: configuration.database)
            } else {
                throw StoreError.database("the PostgreSQL URL names neither a host nor a socket")
            }
            clientConfiguration.options.maximumConnections = 8
            try await probe(configuration, logger: logger)
            let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
            // The client warns of any lease before its run() has begun: wait until the task is about to call it.
            let (started, starting) = AsyncStream<Never>.makeStream()
            let run = Task {
                starting.finish()
                await client.run()
            }
            for await _ in started {}
            database = Database(location: location, backend: .postgres, connections: .postgres(PostgresLease(client: client, configuration: configuration, logger: logger), run: run), logger: logger, now: now)
        }
        do {
            try await database.migrate()
            // Drawn with the schema, once: a server's first answer must not write it, or that answer's tag would be out of date.
            _ = try await database.answerTagKey()
            if seedReference { try await PlacesStore(database: database).seedBundledReferenceIfNew() }
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Closes every connection; what is leased is closed as it comes back.
    public func close() async {
        switch connections {
        case .sqlite(let writer, let readers):
            await writer.close()
            await readers.close()
            versionWatch?.close()
        case .postgres(let lease, let run):
            await lease.close()
            run.cancel()
            await run.value
        }
    }

    /// Keeps the database open for a service group, and closes it when the group shuts down.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    /// Runs `body` on a connection of its own, outside any transaction; inside a ``consistentRead(_:)``, on its connection.
    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if let connection = Self.pinned?.connection(of: self) { return try await body(connection.sql) }
        return try await lease(writing: false) { try await body($0.sql) }
    }

    /// The read transaction of a ``consistentRead(_:)`` under way, which this task's reads use while it lasts.
    @TaskLocal private static var pinned: PinnedRead?

    /// Runs `body` with every ``read(_:)`` inside it on a write's own connection, inside its transaction: reads made
    /// after the write took a lock must not wait for a second connection from a pool that writers waiting on the lock hold.
    func reading<R: Sendable>(on write: WriteContext, _ body: @Sendable () async throws -> R) async throws -> R {
        let pin = PinnedRead(database: self, connection: write.connection)
        defer { pin.close() }
        return try await Self.$pinned.withValue(pin) { try await body() }
    }

    /// Runs `body` in one read transaction: every ``read(_:)`` inside it sees the database as it stood at the first,
    /// whatever is written meanwhile. A statement's blocks are read so, and agree with each other.
    ///
    /// For reads only: a write inside goes its own way and the reads after it do not see it (and on PostgreSQL the
    /// transaction is read-only). Reads inside run one at a time on the one connection, and a task started inside that
    /// outlives it reads on connections of its own.
    public func consistentRead<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        if Self.pinned?.connection(of: self) != nil { return try await body() }
        return try await lease(writing: false) { connection in
            // SQLite's read transaction takes its snapshot at the first read; PostgreSQL's at the first statement.
            try await connection.sql.raw(SQLQueryString(backend == .sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")).run()
            let pin = PinnedRead(database: self, connection: connection)
            defer { pin.close() }
            do {
                let result = try await Self.$pinned.withValue(pin) { try await body() }
                pin.close()
                try await connection.sql.raw("COMMIT").run()
                return result
            } catch {
                throw await rollBack(connection.sql, after: error)
            }
        }
    }

    /// Ends a transaction that failed, giving the error to throw. A SQLite connection whose ROLLBACK failed too (its task
    /// cancelled, say) would go back to the pool still inside the transaction; the error then says the connection
    /// cannot be trusted, and the pool closes it.
    private func rollBack(_ db: any SQLDatabase, after error: any Error) async -> any Error {
        do {
            try await db.raw("ROLLBACK").run()
            return error
        } catch let rollback {
            // SQLite ends the transaction itself after some errors (a full disk): then nothing is left to roll back.
            guard backend == .sqlite, !String(describing: rollback).contains("no transaction is active") else { return error }
            return ConnectionSettingLost(setting: "autocommit after a failed transaction (\(error))", underlying: rollback)
        }
    }

    /// Runs `body` in one transaction on behalf of `caller`: all of it is written, or none.
    ///
    /// Every write of every store comes through here, so this is the one place where access is
    /// checked and changes are attributed: the caller's ``Permit`` must allow `need` (else the refusal is
    /// audited and ``StoreError/forbidden(_:)`` thrown), and a write that audited nothing of its own is
    /// audited here, so that no change goes unrecorded.
    /// - Parameters:
    ///   - rollback: undo the transaction even when `body` succeeds (a dry run).
    ///   - foreignKeys: `false` lets SQLite skip its foreign-key lookups for this transaction (some 2 µs a row), and
    ///     PostgreSQL its foreign-key triggers where the role may (``skipReferenceTriggers(on:)``); the body must then
    ///     check the references it wrote itself before it returns (``MovementWriter`` does).
    /// - Important: SQLite writers wait for each other (up to ``busyTimeoutMilliseconds``) rather than fail.
    func write<R: Sendable>(by caller: Caller, for need: WriteNeed, rollback: Bool = false, foreignKeys: Bool = true,
                            _ body: @Sendable (WriteContext) async throws -> R) async throws -> R {
        // PostgreSQL's writes rely on READ COMMITTED (a statement waiting on a row lock then sees the row as committed:
        // the import commits' counter, a correction's row), whatever the database's or role's default isolation.
        let begin = backend == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN ISOLATION LEVEL READ COMMITTED"
        let timestamp = Database.timestamp(now())
        return try await lease(writing: true) { connection in
            let db = connection.sql
            /// The caller as its account writes its login; a failure rolls back, or the connection would go back to the pool
            /// inside the transaction (SQLite's only writer holding the write lock).
            @Sendable func begun() async throws -> Caller {
                do {
                    let canonical = try await Self.canonical(caller, on: db)
                    if !foreignKeys && backend == .postgres { try await Self.skipReferenceTriggers(on: db) }
                    return canonical
                } catch {
                    throw await rollBack(db, after: error)
                }
            }
            @Sendable func transaction() async throws -> R {
                try await db.raw(SQLQueryString(begin)).run()
                let caller = try await begun()
                do {
                    // Housekeeping is neither checked nor audited: its writes need no permit looked up.
                    let permit = need == .bookkeeping ? .everyoneElse : try await Self.permit(ofCanonical: caller, on: db, locking: backend == .postgres)
                    if let refusal: AccessRefusal = permit.refusal(for: need) { throw refusal }
                    let allowed = WriteContext(connection: connection, caller: caller, timestamp: timestamp, permit: permit, now: now)
                    // A request's `Idempotency-Key` is marked carried out with its first write, in the write's transaction;
                    // a write nested in this one (another connection) leaves it to this one, or would wait on its lock.
                    let claim = need == .bookkeeping ? nil : IdempotencyClaim.current
                    try await claim?.take(on: db)
                    let result = claim == nil ? try await body(allowed) : try await IdempotencyClaim.$current.withValue(nil) { try await body(allowed) }
                    try await claim?.stamp(on: db, at: Database.timestamp(now()))
                    if !rollback && !allowed.trail.hasEntries && !allowed.trail.changedNothing && need != .bookkeeping {
                        try await allowed.audit("write", kind: need.rawValue)
                    }
                    // Housekeeping that leaves nothing readable (a token's last use, a remembered response) leaves the
                    // version, and so every tag, cached answer and token proof, as it was; what the audit shows moves it.
                    // (SQLite's moves inside the transaction, by a trigger on the audit: ``CreateSQLiteDataVersion``.)
                    try await db.raw(rollback ? "ROLLBACK" : "COMMIT").run()
                    if !rollback && backend == .postgres && (need != .bookkeeping && !allowed.trail.changedNothing || allowed.trail.hasEntries) {
                        await moveDataVersionOn(db)
                    }
                    return result
                } catch let refusal as AccessRefusal {
                    if case let lost as ConnectionSettingLost = await rollBack(db, after: refusal) { throw lost }
                    // The refusal itself is a fact the audit keeps, in a transaction of its own; should that fail, the
                    // transaction is rolled back too, or the connection would go back to the pool inside it.
                    do {
                        try await db.raw(SQLQueryString(begin)).run()
                        let said = [refusal.attempt, Catalogue.english.text(refusal.message)].compactMap { $0 }.joined(separator: ": ")
                        let (author, detail) = try await Self.refusalKept(by: caller, detail: said, on: db)
                        let audited = WriteContext(connection: connection, caller: author, timestamp: timestamp, permit: .everyoneElse, now: now)
                        try await audited.audit("refused", kind: need.rawValue, detail: detail)
                        try await db.raw("COMMIT").run()
                        // The audit reads differently now: its tag must change, or a monitor polling it would get 304.
                        if backend == .postgres { await moveDataVersionOn(db) }
                    } catch {
                        // The caller is refused all the same: the refusal, not the audit's failure, is the answer.
                        if case let lost as ConnectionSettingLost = await rollBack(db, after: error) { throw lost }
                        logger.error("a refusal could not be audited: \(String(reflecting: error))")
                    }
                    throw refusal.storeError
                } catch {
                    throw await rollBack(db, after: error)
                }
            }
            guard !foreignKeys && backend == .sqlite else { return try await transaction() }
            // The setting belongs to the connection and takes effect only outside a transaction: set it around
            // this one, and never hand the connection on without it.
            try await db.raw("PRAGMA foreign_keys = OFF").run()
            // A first load sorts its indexes at the end (``FirstLoad``): spilled to temporary files, which the system's
            // cache holds, rather than to this process's memory, which would grow with the file (750 MB at 10,000,000 rows).
            try await db.raw("PRAGMA temp_store = FILE").run()
            let outcome: Result<R, any Error>
            do { outcome = .success(try await transaction()) } catch { outcome = .failure(error) }
            do {
                try await db.raw("PRAGMA foreign_keys = ON").run()
                try await db.raw(SQLQueryString(Self.sqliteTempStore)).run()
                // A first load shrinks the page cache for its own transaction (``FirstLoad``); put back even if it failed.
                try await db.raw(SQLQueryString(Self.sqlitePageCache)).run()
            } catch {
                throw ConnectionSettingLost(setting: "foreign_keys", underlying: error)
            }
            return try outcome.get()
        }
    }

    /// Statements are logged with their values, passwords' hashes, sessions' and tokens' secrets among them: at `trace`,
    /// which an operator asks for knowing it, not at `debug`.
    static let queryLogLevel = Logger.Level.trace

    /// How long a caller waits for PostgreSQL's pool to give a connection (``PostgresLease``): with the server gone, a
    /// request answers 503 in seconds, not when the pool's circuit breaker trips a minute on.
    static let postgresLeaseWait: Duration = .seconds(5)

    private func lease<R: Sendable>(writing: Bool, _ body: @Sendable (Connection) async throws -> R) async throws -> R {
        do {
            switch connections {
            case .sqlite(let writer, let readers):
                try checkFileIsTheOneOpened()
                return try await (writing ? writer : readers).lease(body)
            case .postgres(let pool, _):
                return try await pool.run(waiting: Self.postgresLeaseWait) { connection in
                    try await body(Connection(sql: connection.sql(queryLogLevel: Self.queryLogLevel), driver: .postgres(connection)))
                }
            }
        } catch {
            throw DatabaseErrors.readable(error, location: location)
        }
    }

    /// Throws where the SQLite file opened was removed or replaced since (``SQLiteFileIdentity``); nothing on PostgreSQL.
    func checkFileIsTheOneOpened() throws { try file?.check() }

    /// Makes a new file its owner's alone, where none is (`O_EXCL`: never over one another process has just made). Its log
    /// and shared memory take its mode: it holds password hashes, people's names and addresses. One that exists keeps its mode.
    private static func createOwnersOnly(_ path: String) {
        #if canImport(Glibc)
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { Glibc.close(descriptor) }
        #elseif canImport(Darwin)
        let descriptor = Darwin.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { Darwin.close(descriptor) }
        #endif
    }

    /// Copies SQLite's write-ahead log into the database and empties it, so that what a change took out (an erased
    /// person's name) is in no earlier version of a page the log still holds. It cannot while another connection reads (a
    /// server's request): it waits two seconds at most, not the writers' two minutes, holding the writer meanwhile.
    /// PostgreSQL keeps its own log.
    /// - Returns: whether the log is empty; `false` where a reader kept it, and it must be asked again.
    func emptyLog() async -> Bool {
        guard backend == .sqlite else { return true }
        do {
            return try await lease(writing: true) { connection in
                let db = connection.sql
                try await db.raw("PRAGMA busy_timeout = 2000").run()
                let busy: Result<Int?, any Error>
                do { busy = .success(try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").first(decodingColumn: "busy", as: Int.self)) } catch { busy = .failure(error) }
                // The writer's own wait is put back whatever became of the checkpoint: two seconds would fail the next import.
                do {
                    try await db.raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.busyTimeoutMilliseconds))").run()
                } catch {
                    throw ConnectionSettingLost(setting: "busy_timeout", underlying: error)
                }
                return try busy.get() == 0
            }
        } catch {
            logger.warning("the write-ahead log could not be emptied: \(String(reflecting: error))")
            return false
        }
    }

    /// Whether the database answers within two seconds, as a load balancer's health check waits: the whole check, since a
    /// database that keeps its connections open and answers nothing (a stalled server, a network dropping packets) holds a
    /// query on a connection given at once. A check left unanswered ends when the database answers or the connection drops.
    /// PostgreSQL is asked on a connection of the check's own (``PostgresLease/check()``): a pool at work to its last
    /// connection (eight imports) is no database down.
    public func ping() async throws {
        // SQLite's file answers a read beside any writer (WAL): no race of tasks on every check.
        guard case .postgres(let lease, _) = connections else {
            _ = try await lease(writing: false) { connection in try await connection.sql.raw("SELECT 1 AS one").first() }
            return
        }
        try await withCheckedThrowingContinuation { (answer: CheckedContinuation<Void, any Error>) in
            let answered = NIOLockedValueBox(false)
            let settle: @Sendable (Result<Void, any Error>) -> Void = { result in
                if answered.withLockedValue({ done in defer { done = true }; return !done }) { answer.resume(with: result) }
            }
            Task {
                do {
                    try await lease.check()
                    settle(.success(()))
                } catch {
                    settle(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(2))
                settle(.failure(StoreError.database("no answer within 2 seconds")))
            }
        }
    }

    /// The one form of every timestamp Homeward writes: UTC to the second, so that text order is time order.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// 64 MiB of page cache: imports insert into indexes in key order, not file order.
    static let sqlitePageCache = "PRAGMA cache_size = -65536"
    /// Statement journals (a multi-row insert with a conflict clause keeps one) stay in memory.
    static let sqliteTempStore = "PRAGMA temp_store = MEMORY"
    /// Helper threads for sorts that spill to temporary files, a first load's index builds (``FirstLoad``): the end of a
    /// 1,000,000-row load went from 3.3–3.7 s to 2.2–2.6 s with two. SQLite uses none for sorts held in memory.
    static let sqliteSortThreads = "PRAGMA threads = \(min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)))"

    private static func openSQLite(path: String, logger: Logger) async throws -> Connection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let db = connection.sql(queryLogLevel: queryLogLevel)
        do {
            try await db.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
            // Only a new file takes it (an existing one keeps its own): 8 KiB pages made a 1,000,000-row load some 7 %
            // faster than 4 KiB (seven alternating pairs, 12.7 s against 13.6 s) and appending 100,000 rows to it 10–25 %.
            try await db.raw("PRAGMA page_size = 8192").run()
            try await db.raw("PRAGMA journal_mode = WAL").run()
            try await db.raw("PRAGMA synchronous = FULL").run()
            try await db.raw("PRAGMA foreign_keys = ON").run()
            try await db.raw(SQLQueryString(sqlitePageCache)).run()
            try await db.raw(SQLQueryString(sqliteTempStore)).run()
            try await db.raw(SQLQueryString(sqliteSortThreads)).run()
        } catch {
            await connection.closeEvenIfCancelled()
            throw error
        }
        return Connection(sql: db, driver: .sqlite(connection))
    }
}

/// A connection's setting could not be put back: the connection is closed rather than leased again.
struct ConnectionSettingLost: Error, CustomStringConvertible {
    let setting: String
    let underlying: any Error
    var description: String { "could not restore \(setting) on an SQLite connection: \(underlying)" }
}

/// A ``Database/consistentRead(_:)``'s connection, lent to reads while the read transaction lasts: a task started inside
/// copies the task-local, and may outlive it.
final class PinnedRead: Sendable {
    private let database: ObjectIdentifier
    private let pinned: Mutex<Connection?>

    init(database: Database, connection: Connection) {
        self.database = ObjectIdentifier(database)
        pinned = Mutex(connection)
    }

    /// The connection, while the transaction lasts and if it is `database`'s.
    func connection(of database: Database) -> Connection? {
        ObjectIdentifier(database) == self.database ? pinned.withLock { $0 } : nil
    }

    func close() {
        pinned.withLock { $0 = nil }
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import HomewardStore
import HomewardTestSupport
import SQLKit

/// What the fault tests share: child processes that can be killed, generated files, and a look at a database
/// from outside the process that wrote it.
enum Fault {
    /// The day every child process takes as today: after the last generated day (2019-12-31).
    static let today = "2020-06-30"

    static var homeward: URL { CommandLineTests.executable }
    static var generator: URL { CommandLineTests.executable.deletingLastPathComponent().appendingPathComponent("homeward-bench") }

    /// Where this run's generated files and process outputs go; removed when the test process exits.
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-fault-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Fault.directory) }
        return url
    }()

    private static let generated = GeneratedFiles()

    /// The seed of the random kill delays: HOMEWARD_FAULT_SEED, or a fixed one so that runs repeat.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["HOMEWARD_FAULT_SEED"].flatMap(UInt64.init) ?? 20_190_712

    /// A generated HXL CSV (one movement a row, ids `demo-0`…), its ids renamed with `idPrefix` so that
    /// files of several seeds do not share identities.
    static func generate(rows: Int, seed: UInt64, idPrefix: String? = nil) async throws -> GeneratedFile {
        try await generated.file(rows: rows, seed: seed, idPrefix: idPrefix)
    }

    fileprivate static func write(rows: Int, seed: UInt64, idPrefix: String?) async throws -> GeneratedFile {
        let url = directory.appendingPathComponent("generated-\(rows)-\(seed)-\(idPrefix ?? "demo").csv")
        let child = try Child.start(generator, ["generate", "--rows", String(rows), "--seed", String(seed), "--out", url.path])
        let exit = try await child.wait(timeout: 60)
        guard exit.status == 0 && !exit.signalled else { throw FaultError("homeward-bench generate failed: \(exit.output)") }
        var text = try String(contentsOf: url, encoding: .utf8)
        if let idPrefix {
            text = text.replacingOccurrences(of: ",demo-", with: ",\(idPrefix)-")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        // Refugees and IDPs are the 7th and 8th cells; no generated cell holds a comma or a quote.
        var persons = 0, count = 0
        for line in text.split(separator: "\n").dropFirst(2) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            persons += (Int(cells[6]) ?? 0) + (Int(cells[7]) ?? 0)
            count += 1
        }
        guard count == rows else { throw FaultError("expected \(rows) rows in \(url.path), found \(count)") }
        return GeneratedFile(url: url, rows: rows, persons: persons)
    }

    /// `homeward import FILE --database DB --format json`, started.
    static func startImport(_ file: GeneratedFile, into database: DatabaseLocation) throws -> Child {
        try Child.start(homeward, ["import", file.url.path, "--database", database.argument, "--format", "json"])
    }

    /// The same import with a file size limit of `bytes`, and SIGXFSZ ignored so that a write past it fails with EFBIG.
    static func startLimitedImport(_ file: GeneratedFile, into database: DatabaseLocation, fileSizeLimit bytes: Int) throws -> Child {
        try startLimited(["import", file.url.path, "--database", database.argument, "--format", "json"], fileSizeLimit: bytes)
    }

    /// `homeward ARGUMENTS` with a file size limit of `bytes`, SIGXFSZ ignored: a write past it fails with EFBIG, as on a
    /// disk with no room left.
    static func startLimited(_ arguments: [String], fileSizeLimit bytes: Int) throws -> Child {
        let script = "ulimit -f \(max(1, bytes / shellUlimitBlockSize)) && trap '' XFSZ && exec \"$0\" \"$@\""
        return try Child.start(URL(fileURLWithPath: "/bin/sh"), ["-c", script, homeward.path] + arguments)
    }

    /// The unit of `ulimit -f` in /bin/sh: 512 bytes in dash, 1024 in bash; found by writing past a limit of one block.
    static let shellUlimitBlockSize: Int = {
        let probe = directory.appendingPathComponent("ulimit-probe")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 1; trap '' XFSZ; head -c 4096 /dev/zero > \"$0\" 2>/dev/null; exit 0", probe.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return 512 }
        process.waitUntilExit()
        let size = (try? FileManager.default.attributesOfItem(atPath: probe.path)[.size] as? Int) ?? nil
        return size == 1024 ? 1024 : 512
    }()

    /// The movements a database holds, and the import records, seen from outside the importing process.
    struct Contents: Equatable, CustomStringConvertible {
        var movements: Int
        var persons: Int
        var imports: Int
        /// Import records without a final status: an import half written.
        var unfinishedImports: Int
        var description: String { "\(movements) movements, \(persons) persons, \(imports) imports (\(unfinishedImports) without a status)" }
    }

    static let contentsSQL = """
        SELECT (SELECT COUNT(*) FROM movements) AS movements, (SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) FROM movements) AS persons,
               (SELECT COUNT(*) FROM imports) AS imports, (SELECT COUNT(*) FROM imports WHERE status IS NULL) AS unfinished
        """

    static let sqlite3: URL? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// `PRAGMA integrity_check` (SQLite only; "ok" when the file is sound) and the contents.
    ///
    /// - Parameter copyFirst: SQLite: look at a copy of the files (database, WAL and shared memory), and leave
    ///   the recovery of a WAL that a killed process left behind to whoever opens the database next.
    static func inspect(_ location: DatabaseLocation, copyFirst: Bool = false) async throws -> (integrity: String, contents: Contents) {
        if copyFirst, case .sqlite(let original) = location {
            let copy = directory.appendingPathComponent("inspected-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: original + suffix) {
                try FileManager.default.copyItem(atPath: original + suffix, toPath: copy + suffix)
            }
            return try await inspect(.sqlite(path: copy))
        }
        switch location {
        case .sqlite(let path):
            if let sqlite3 {
                let child = try Child.start(sqlite3, ["-bail", "-separator", "|", "-cmd", ".timeout 10000", path,
                                                      "PRAGMA integrity_check", contentsSQL.replacingOccurrences(of: "\n", with: " ")])
                let exit = try await child.wait(timeout: 60)
                let lines = exit.stdout.split(separator: "\n").map(String.init)
                guard exit.status == 0, lines.count >= 2 else { throw FaultError("sqlite3 \(path): \(exit.output)") }
                let integrity = lines.dropLast().joined(separator: "\n")
                let numbers = lines.last!.split(separator: "|").compactMap { Int($0) }
                guard numbers.count == 4 else { throw FaultError("sqlite3 \(path): unexpected output \(exit.stdout)") }
                return (integrity, Contents(movements: numbers[0], persons: numbers[1], imports: numbers[2], unfinishedImports: numbers[3]))
            }
            return try await inspectThroughStore(location, integrity: true)
        case .postgres:
            return try await inspectThroughStore(location, integrity: false)
        }
    }

    private static func inspectThroughStore(_ location: DatabaseLocation, integrity: Bool) async throws -> (integrity: String, contents: Contents) {
        let store = try await Stores.open(location, logger: TestStores.shared.logger, seedReference: false)
        do {
            let result = try await store.database.read { db in
                let check = integrity
                    ? try await db.raw("PRAGMA integrity_check").all().compactMap { try? $0.decode(column: "integrity_check", as: String.self) }.joined(separator: "\n")
                    : "ok"
                guard let row = try await db.raw(SQLQueryString(contentsSQL)).first() else { throw FaultError("no row from \(contentsSQL)") }
                return (check, Contents(movements: try row.decode(column: "movements", as: Int.self), persons: try row.decode(column: "persons", as: Int.self),
                                        imports: try row.decode(column: "imports", as: Int.self), unfinishedImports: try row.decode(column: "unfinished", as: Int.self)))
            }
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// Drops a test database; on PostgreSQL, first waits (up to 10 s) for the sessions of killed clients to finish,
    /// since a database cannot be dropped while anyone is connected to it.
    static func dispose(_ location: DatabaseLocation) async {
        if case .postgres = location, let store = try? await Stores.open(location, logger: TestStores.shared.logger, seedReference: false) {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let others = try? await store.database.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'")
                        .first(decodingColumn: "n", as: Int.self)
                }
                if others == 0 || others == nil { break }
                try? await Task.sleep(for: .milliseconds(100))
            }
            await store.close()
        }
        await TestStores.shared.dispose(location)
    }

    /// Whether any of `texts` shows SQLite's lock error.
    static func mentionsLocked(_ texts: String...) -> Bool {
        texts.contains { $0.localizedCaseInsensitiveContains("database is locked") || $0.localizedCaseInsensitiveContains("SQLITE_BUSY") }
    }
}

/// Each generated file once per run.
private actor GeneratedFiles {
    private var files: [String: Task<GeneratedFile, any Error>] = [:]

    func file(rows: Int, seed: UInt64, idPrefix: String?) async throws -> GeneratedFile {
        let key = "\(rows)-\(seed)-\(idPrefix ?? "")"
        if let file = files[key] { return try await file.value }
        let task = Task { try await Fault.write(rows: rows, seed: seed, idPrefix: idPrefix) }
        files[key] = task
        return try await task.value
    }
}

struct GeneratedFile: Sendable {
    var url: URL
    var rows: Int
    var persons: Int
}

struct FaultError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension DatabaseLocation {
    /// What `--database` takes.
    var argument: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return url
        }
    }
}

/// SplitMix64: the same delays on every machine for the same seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A child process with its output in files (no pipe to fill), awaited without blocking a thread, and killable.
final class Child: @unchecked Sendable {
    struct Exit: Sendable {
        /// The exit status, or the signal that ended it.
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
        /// Whether SIGKILL ended it, i.e. it had not exited by itself.
        var killed: Bool { signalled && status == SIGKILL }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:] }
    }

    let process = Process()
    let started = Date()
    private let stdoutURL: URL
    private let stderrURL: URL
    private let lock = NSLock()
    private var exitedAt: Date?
    private var waiters: [CheckedContinuation<Void, Never>] = []

    private init(_ executable: URL, _ arguments: [String]) throws {
        let id = UUID().uuidString
        stdoutURL = Fault.directory.appendingPathComponent("\(id).out")
        stderrURL = Fault.directory.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOMEWARD_TODAY"] = Fault.today
        environment.removeValue(forKey: "HOMEWARD_DATABASE")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.terminationHandler = { [weak self] _ in self?.markExited() }
    }

    static func start(_ executable: URL, _ arguments: [String]) throws -> Child {
        let child = try Child(executable, arguments)
        try child.process.run()
        try? (child.process.standardOutput as? FileHandle)?.close()
        try? (child.process.standardError as? FileHandle)?.close()
        return child
    }

    private func markExited() {
        lock.lock()
        exitedAt = Date()
        let waiting = waiters
        waiters = []
        lock.unlock()
        for waiter in waiting { waiter.resume() }
    }

    var hasExited: Bool { lock.withLock { exitedAt != nil } }
    var pid: Int32 { process.processIdentifier }

    /// Sends SIGKILL (a no-op once it has exited; `Exit.killed` tells whether it landed).
    func kill() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
    func terminate() { _ = Glibc.kill(process.processIdentifier, SIGTERM) }
    func killIfRunning() { if !hasExited { kill() } }

    /// Waits for the exit; after `timeout` seconds, kills it and throws.
    func wait(timeout: TimeInterval) async throws -> Exit {
        let watchdog = Task { [self] in
            try await Task.sleep(for: .seconds(timeout))
            if !hasExited { kill() }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if exitedAt != nil {
                lock.unlock()
                continuation.resume()
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
        watchdog.cancel()
        // terminationHandler runs after the status is known; let Process record it.
        while process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        let exit = Exit(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, stdout: stdoutText, stderr: stderrText)
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
        if Date().timeIntervalSince(started) >= timeout && exit.killed {
            throw FaultError("\(process.executableURL?.lastPathComponent ?? "process") \(process.arguments ?? []) did not finish in \(timeout) s: \(exit.output.suffix(2000))")
        }
        return exit
    }

    var stdoutText: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderrText: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// How long it ran, once it has exited.
    var duration: TimeInterval? { lock.withLock { exitedAt.map { $0.timeIntervalSince(started) } } }
}

/// Children started by one task and watched by others.
final class ChildGroup: @unchecked Sendable {
    private let lock = NSLock()
    private var children: [Child] = []
    func add(_ child: Child) { lock.withLock { children.append(child) } }
    var all: [Child] { lock.withLock { children } }
    /// Whether any has been started and not yet exited.
    var anyRunning: Bool { all.contains { !$0.hasExited } }
}

/// `homeward serve` on a port the system chooses, its log in a file.
final class ServerProcess: Sendable {
    let child: Child
    let base: String

    /// - Parameter fileSizeLimit: the largest file it may write, in bytes (SIGXFSZ ignored, so that a write past it fails
    ///   with EFBIG, as on a disk with no room left); none where `nil`.
    init(database: DatabaseLocation, fileSizeLimit: Int? = nil) async throws {
        let arguments = ["serve", "--database", database.argument, "--port", "0"]
        child = try fileSizeLimit.map { try Fault.startLimited(arguments, fileSizeLimit: $0) } ?? Child.start(Fault.homeward, arguments)
        let deadline = Date().addingTimeInterval(60)
        while true {
            let log = child.stderrText
            if let range = log.range(of: "listening on 127.0.0.1:") {
                let digits = log[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), log[range.upperBound...].count > digits.count {
                    base = "http://127.0.0.1:\(port)"
                    return
                }
            }
            if child.hasExited || Date() > deadline {
                child.killIfRunning()
                throw FaultError("homeward serve did not start: \(child.stdoutText + log)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Stops it with SIGTERM, as an operator would.
    func stop() async throws -> Child.Exit {
        child.terminate()
        return try await child.wait(timeout: 30)
    }
}

extension Fault {
    /// A coordinator's token on `database`, made through the command line as the database's owner would.
    static func coordinatorToken(_ database: String) throws -> String {
        func run(_ arguments: [String]) throws -> Data {
            let process = Process()
            process.executableURL = homeward
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw FaultError("homeward \(arguments.joined(separator: " ")) failed") }
            return data
        }
        let login = "coordinator-\(UUID().uuidString.prefix(8))"
        _ = try run(["users", "add", "--database", database, "--login", login, "--name", "Test coordinator", "--org", "Test centre",
                     "--role", "coordinator"])
        let json = try run(["tokens", "create", "--database", database, "--user", login, "--format", "json"])
        guard let token = (try JSONSerialization.jsonObject(with: json) as? [String: Any])?["token"] as? String else {
            throw FaultError("no token in \(String(decoding: json, as: UTF8.self))")
        }
        return token
    }
}

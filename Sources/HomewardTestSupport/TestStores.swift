import Foundation
import HomewardCore
import Logging
import PostgresKit
import HomewardStore

/// The databases every store test runs on: SQLite always, PostgreSQL when `HOMEWARD_TEST_POSTGRES_URL` is set.
public enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite, postgres

    public static let postgresURL = ProcessInfo.processInfo.environment["HOMEWARD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    public static let available: [Backend] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    public var description: String { rawValue }
}

/// Hands each test a fresh, migrated and seeded database, copied from a template made once per run.
public actor TestStores {
    public static let shared = TestStores()
    private var sqliteTemplate: Task<String, any Error>?
    private var postgresTemplate: Task<Void, any Error>?
    private var lastCreation: Task<Void, Never>?
    private let templateName = "hw_template_\(ProcessInfo.processInfo.processIdentifier)"
    public let logger: Logger = {
        var logger = Logger(label: "homeward.test")
        logger.logLevel = .warning
        return logger
    }()

    /// The day imports in tests are checked against.
    public static let today = Day("2020-06-30")!

    public func location(for backend: Backend) async throws -> DatabaseLocation {
        let name = "hw_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-tests", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let logger = self.logger
            if sqliteTemplate == nil {
                sqliteTemplate = Task {
                    let path = directory.appendingPathComponent("template-\(UUID().uuidString).sqlite").path
                    let database = try await Database.open(.sqlite(path: path), logger: logger)
                    try await database.read { db in _ = try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").all() }
                    await database.close()
                    return path
                }
            }
            let path = directory.appendingPathComponent("\(name).sqlite").path
            try FileManager.default.copyItem(atPath: try await sqliteTemplate!.value, toPath: path)
            return .sqlite(path: path)
        case .postgres:
            let adminURL = Backend.postgresURL!
            let (logger, template) = (self.logger, templateName)
            if postgresTemplate == nil {
                postgresTemplate = Task {
                    try await Self.admin(adminURL, "DROP DATABASE IF EXISTS \(template)", logger: logger)
                    try await Self.admin(adminURL, "CREATE DATABASE \(template)", logger: logger)
                    let database = try await Database.open(.postgres(url: Self.url(adminURL, database: template)), logger: logger)
                    await database.close()
                }
            }
            try await postgresTemplate!.value
            // PostgreSQL copies a template for one CREATE DATABASE at a time: queue them.
            let previous = lastCreation
            let creation = Task {
                _ = await previous?.result
                try await Self.admin(adminURL, "CREATE DATABASE \(name) TEMPLATE \(template)", logger: logger)
            }
            lastCreation = Task { _ = await creation.result }
            try await creation.value
            return .postgres(url: Self.url(adminURL, database: String(name)))
        }
    }

    /// Drops a test's database once the test is done with it.
    public func dispose(_ location: DatabaseLocation) async {
        switch location {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let url):
            guard let name = URLComponents(string: url)?.path.dropFirst(), let admin = Backend.postgresURL else { return }
            try? await Self.admin(admin, "DROP DATABASE IF EXISTS \(name)", logger: logger)
        }
    }

    /// Runs one statement as the test server's administrator, on its first database: for what belongs to
    /// the whole server rather than one database, such as roles.
    public func administer(_ sql: String) async throws {
        guard let url = Backend.postgresURL else { throw TestSetupError(description: "no PostgreSQL server to administer") }
        try await Self.admin(url, sql, logger: logger)
    }

    static func admin(_ url: String, _ sql: String, logger: Logger) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw TestSetupError(description: "\(sql): \(String(reflecting: error))")
        }
    }

    static func url(_ url: String, database: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + database
        return components.string!
    }
}

/// Runs `body` with fresh stores on `backend`, closed afterwards.
///
/// - Parameter now: the clock of `recorded_at`, for tests of corrections over time.
public func withStores(_ backend: Backend, now: @escaping @Sendable () -> Date = { Date() },
                       _ body: (Stores) async throws -> Void) async throws {
    let location = try await TestStores.shared.location(for: backend)
    let stores = try await Stores.open(location, logger: TestStores.shared.logger, now: now)
    do {
        try await body(stores)
        await stores.close()
        await TestStores.shared.dispose(location)
    } catch {
        await stores.close()
        await TestStores.shared.dispose(location)
        throw error
    }
}

extension Caller {
    /// The caller of test writes.
    public static let test = Caller.system(user: "test")
}

extension Stores {
    /// Imports CSV text, as the command line would.
    public func importCSV(_ text: String, mapping: [String: String] = [:], constants: [String: String] = [:], org: String? = "UNHCR",
                   dryRun: Bool = false, skipInvalid: Bool = false) async throws -> ImportSummary {
        try await ledger.importMovements(ImportRequest(sourceName: "test.csv", mapping: mapping, constants: constants, organisation: org,
                                                       dryRun: dryRun, skipInvalid: skipInvalid, today: TestStores.today),
                                         from: .bytes(Array(text.utf8)), by: .test)
    }

    public func movementCount() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM movements").first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}

/// A test fixture file's text, from `Tests/HomewardStoreTests/Fixtures` (with their provenance).
public func fixture(_ name: String) throws -> String {
    try String(contentsOf: fixtureURL(name), encoding: .utf8)
}

public func fixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Tests/HomewardStoreTests/Fixtures/\(name)").standardized
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
}

import SQLKit
import SQLiteKit

extension Database {
    /// Marks the database as one that `serve --demo` made: a later demo may replace its file, and no other.
    public func markAsDemo() async throws {
        try await write(by: .operatingSystemUser, for: .bookkeeping) { write in
            try await write.sql.raw("DELETE FROM settings WHERE key = 'demo'").run()
            try await write.sql.raw("INSERT INTO settings (key, value) VALUES ('demo', 'generated')").run()
        }
    }

    /// What the demo's imports are named: a user's file named "demo 2019.csv" is none of them.
    static let demoSources: Set<String> = ["demo data", "demo source figures"]

    /// Whether ``markAsDemo()`` marked the database: what is printed from it (a statement) says its figures are generated.
    public func isMarkedAsDemo() async throws -> Bool {
        try await read { try await $0.raw("SELECT value FROM settings WHERE key = 'demo'").first() != nil }
    }

    /// Whether the SQLite file at `path` is one a demo made: marked by ``markAsDemo()`` (whatever was added to it since),
    /// or, made before the mark, with imports that are all the demo's. Anything else, an unreadable file too, may be someone's records, which a demo
    /// starting over the file would wipe without a word.
    public static func sqliteFileHoldsOnlyADemo(path: String) async -> Bool {
        guard let connection = try? await SQLiteConnection.open(storage: .file(path: path)) else { return false }
        let db = connection.sql(queryLogLevel: Database.queryLogLevel)
        let isDemo: Bool
        do {
            if try await db.raw("SELECT value FROM settings WHERE key = 'demo'").first() != nil {
                isDemo = true
            } else {
                let names = try await db.raw("SELECT DISTINCT source_name FROM imports").all(decodingColumn: "source_name", as: String.self)
                isDemo = !names.isEmpty && names.allSatisfy { Self.demoSources.contains($0) }
            }
        } catch {
            isDemo = false
        }
        await connection.closeEvenIfCancelled()
        return isDemo
    }
}

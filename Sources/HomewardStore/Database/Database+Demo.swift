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

    /// Whether the SQLite file at `path` holds nothing but a demo: marked by ``markAsDemo()``, or (made before the mark)
    /// with imports that are all the demo's. Anything else, an unreadable file too, may be someone's records, which a demo
    /// starting over the file would wipe without a word.
    public static func sqliteFileHoldsOnlyADemo(path: String) async -> Bool {
        guard let connection = try? await SQLiteConnection.open(storage: .file(path: path)) else { return false }
        let db = connection.sql()
        let isDemo: Bool
        do {
            if try await db.raw("SELECT value FROM settings WHERE key = 'demo'").first() != nil {
                isDemo = true
            } else {
                let names = try await db.raw("SELECT DISTINCT source_name FROM imports").all(decodingColumn: "source_name", as: String.self)
                isDemo = !names.isEmpty && names.allSatisfy { $0.hasPrefix("demo ") }
            }
        } catch {
            isDemo = false
        }
        await connection.closeEvenIfCancelled()
        return isDemo
    }
}

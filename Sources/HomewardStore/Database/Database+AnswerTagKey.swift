import HomewardCore
import SQLKit

extension Database {
    /// A secret of the database's own, drawn once and shared by every server on it: answers' tags (`ETag`) are keyed with
    /// it, so that a reader cannot make up the tag of an answer it was never given and be told 304 where the route would
    /// refuse it or find nothing.
    public func answerTagKey() async throws -> String {
        let stored = { @Sendable in
            try await self.read { try await $0.raw("SELECT value FROM settings WHERE key = 'answer_tag_key'").first(decodingColumn: "value", as: String.self) }
        }
        if let key = try await stored() { return key }
        // Two servers starting at once draw one key between them: the first insert stands.
        try await write(by: .homeward, for: .bookkeeping) { write in
            try await write.sql.raw("INSERT INTO settings (key, value) VALUES ('answer_tag_key', \(bind: Secret.make())) ON CONFLICT (key) DO NOTHING").run()
        }
        guard let key = try await stored() else { throw StoreError.database("settings holds no answer tag key") }
        return key
    }
}

import Foundation
import HomewardCore
import SQLKit

extension Stores {
    /// The bulletin for a session's date as the data stands now: every block's numbers, not yet frozen.
    ///
    /// The session of that day, if one is recorded, gives the participants.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` when `since` is after `date`.
    public func draftBulletin(date: Day, since: Day? = nil) async throws -> BulletinSnapshot {
        if let since, since > date {
            throw StoreError.invalid(field: "since", value: since.description, reason: "the day returns are also counted from comes after the bulletin's date (\(date))")
        }
        var blocks: [BulletinBlock] = []
        for source in Self.bulletinBlocks {
            if let block = try await source(self, date, since) { blocks.append(block) }
        }
        let session = try await sessions.sessions(on: date).first
        return BulletinSnapshot(date: date, since: since, session: session?.id, participants: session?.organisations ?? [], blocks: blocks)
    }

    /// Freezes the bulletin: its snapshot and the snapshot's SHA-256 are written once and never changed.
    ///
    /// - Parameter editedTexts: prose the centre rewrote by hand, by language.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` naming the language whose edited text writes a number
    ///   that the snapshot's text in that language does not (a figure, a day, a year): nothing is published.
    public func publishBulletin(date: Day, since: Day? = nil, editedTexts: [Language: String] = [:], by caller: Caller) async throws -> PublishedBulletin {
        let snapshot = try await draftBulletin(date: date, since: since)
        for language in Language.allCases {
            guard let edited = editedTexts[language] else { continue }
            let generated = Digits.allCases.map { BulletinText(snapshot: snapshot, catalogue: (try? Catalogue.bundled(language, digits: $0)) ?? Catalogue.english).text }
            let unmatched = EditedTextCheck.unmatched(edited, generated: generated.joined(separator: "\n"))
            guard unmatched.isEmpty else {
                throw StoreError.invalid(field: "text.\(language.rawValue)", value: unmatched.map(String.init).joined(separator: ", "),
                                         reason: "numbers that the snapshot does not give; correct them or leave the generated text")
            }
        }
        let json = String(decoding: snapshot.canonicalJSON, as: UTF8.self), hash = Secret.digest(snapshot.canonicalJSON)
        return try await database.write(by: caller, for: .planning) { write in
            guard let id = try await write.sql.raw("""
                INSERT INTO bulletins (day, since_day, session_id, snapshot, sha256, published_at, published_by)
                VALUES (\(bind: date.number), \(bind: since?.number), \(bind: snapshot.session), \(bind: json), \(bind: hash),
                        \(bind: write.timestamp), \(bind: write.caller.description)) RETURNING id
                """).first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new bulletin's id") }
            for (language, text) in editedTexts {
                try await write.sql.raw("""
                    INSERT INTO bulletin_texts (bulletin_id, language, body) VALUES (\(bind: id), \(bind: language.rawValue), \(bind: text))
                    """).run()
            }
            try await write.audit("publish", kind: "bulletin", record: String(id), detail: "sha256 \(hash)")
            return PublishedBulletin(id: id, sha256: hash, publishedAt: write.timestamp, publishedBy: write.caller.description, snapshot: snapshot,
                                     editedTexts: editedTexts)
        }
    }

    /// A published bulletin exactly as it was frozen.
    public func bulletin(_ id: Int) async throws -> PublishedBulletin? {
        try await publishedBulletins(id: id).first
    }

    /// Published bulletins, newest first.
    public func bulletins() async throws -> [PublishedBulletin] {
        try await publishedBulletins(id: nil)
    }

    private func publishedBulletins(id: Int?) async throws -> [PublishedBulletin] {
        try await database.read { db in
            var query: SQLQueryString = "SELECT id, snapshot, sha256, published_at, published_by FROM bulletins"
            if let id { query += " WHERE id = \(bind: id)" }
            query += " ORDER BY id DESC"
            var texts: [Int: [Language: String]] = [:]
            var textsQuery: SQLQueryString = "SELECT bulletin_id, language, body FROM bulletin_texts"
            if let id { textsQuery += " WHERE bulletin_id = \(bind: id)" }
            for row in try await db.raw(textsQuery).all() {
                guard let language = Language(rawValue: try row.decode(column: "language", as: String.self)) else { continue }
                texts[try row.decode(column: "bulletin_id", as: Int.self), default: [:]][language] = try row.decode(column: "body", as: String.self)
            }
            return try await db.raw(query).all().map { row in
                let json = try row.decode(column: "snapshot", as: String.self)
                let snapshot = try JSONDecoder().decode(BulletinSnapshot.self, from: Data(json.utf8))
                let id = try row.decode(column: "id", as: Int.self)
                return PublishedBulletin(id: id, sha256: try row.decode(column: "sha256", as: String.self),
                                         publishedAt: try row.decode(column: "published_at", as: String.self),
                                         publishedBy: try row.decode(column: "published_by", as: String.self), snapshot: snapshot,
                                         editedTexts: texts[id] ?? [:])
            }
        }
    }
}

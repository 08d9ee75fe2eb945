import Foundation
import HomewardCore
import SQLKit

extension Stores {
    /// The bulletin for a session's date as the data stands now: every block's numbers, not yet frozen.
    ///
    /// The session of that day, if one is recorded, gives the participants.
    public func draftBulletin(date: Day, since: Day? = nil) async throws -> BulletinSnapshot {
        var blocks: [BulletinBlock] = []
        for source in Self.bulletinBlocks {
            if let block = try await source(self, date, since) { blocks.append(block) }
        }
        let session = try await sessions.sessions(on: date).first
        return BulletinSnapshot(date: date, since: since, session: session?.id, participants: session?.organisations ?? [], blocks: blocks)
    }

    /// Freezes the bulletin: its snapshot and the snapshot's SHA-256 are written once and never changed.
    public func publishBulletin(date: Day, since: Day? = nil, by caller: Caller) async throws -> PublishedBulletin {
        let snapshot = try await draftBulletin(date: date, since: since)
        let json = String(decoding: snapshot.canonicalJSON, as: UTF8.self), hash = snapshot.sha256
        return try await database.write(by: caller) { write in
            guard let id = try await write.sql.raw("""
                INSERT INTO bulletins (day, since_day, session_id, snapshot, sha256, published_at, published_by)
                VALUES (\(bind: date.number), \(bind: since?.number), \(bind: snapshot.session), \(bind: json), \(bind: hash),
                        \(bind: write.timestamp), \(bind: write.caller.description)) RETURNING id
                """).first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new bulletin's id") }
            return PublishedBulletin(id: id, sha256: hash, publishedAt: write.timestamp, publishedBy: write.caller.description, snapshot: snapshot)
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
            return try await db.raw(query).all().map { row in
                let json = try row.decode(column: "snapshot", as: String.self)
                let snapshot = try JSONDecoder().decode(BulletinSnapshot.self, from: Data(json.utf8))
                return PublishedBulletin(id: try row.decode(column: "id", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
                                         publishedAt: try row.decode(column: "published_at", as: String.self),
                                         publishedBy: try row.decode(column: "published_by", as: String.self), snapshot: snapshot)
            }
        }
    }
}

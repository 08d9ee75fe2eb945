import Foundation
import HomewardCore
import SQLKit

extension Stores {
    /// The bulletin for a session's date as the data stands now: every block's numbers, not yet frozen.
    ///
    /// The session of that day, if one is recorded, gives the participants; where a day has several, `session`
    /// names the one the statement follows, so that no session's participants are dropped unseen.
    /// - Parameter today: where given, a date after it is refused, as publishing refuses it: a bulletin reports what happened.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` when `since` is after `date`, when `date` is after `today`, when
    ///   `session` is not a session of that day, or when the day has several sessions and `session` names none.
    public func draftBulletin(date: Day, since: Day? = nil, session chosen: Int? = nil, today: Day? = nil) async throws -> BulletinSnapshot {
        if let today, date > today {
            throw StoreError.invalid(field: "date", value: date.description, reason: "after today (\(today)): a bulletin reports what happened")
        }
        if let since, since > date {
            throw StoreError.invalid(field: "since", value: since.description, reason: "the day returns are also counted from comes after the bulletin's date (\(date))")
        }
        // One read for the session and every block, so that a write landing meanwhile is in all of them or in none.
        let (session, blocks, lastCommit) = try await database.consistentRead { () async throws -> (CoordinationSession?, [BulletinBlock], Int) in
            let held = try await sessions.sessions(on: date)
            let session: CoordinationSession?
            if let chosen {
                guard let found = held.first(where: { $0.id == chosen }) else {
                    throw StoreError.invalid(field: "session", value: String(chosen), reason: "no session with this id was held on \(date)")
                }
                session = found
            } else {
                guard held.count <= 1 else {
                    let ids = held.compactMap(\.id).sorted().map { "\($0)" }.joined(separator: ", ")
                    throw StoreError.invalid(field: "session", value: "",
                                             reason: "\(held.count) sessions were held on \(date) (ids \(ids)): name the one the bulletin follows")
                }
                session = held.first
            }
            var blocks: [BulletinBlock] = []
            for source in Self.bulletinBlocks {
                if let block = try await source(self, date, since, session?.id) { blocks.append(block) }
            }
            return (session, blocks, try await database.lastCommitNumber())
        }
        // Taken after the blocks were read: every write they saw had committed, so was recorded, by then.
        let recordedOn = Database.timestamp(database.now())
        return BulletinSnapshot(date: date, since: since, session: session?.id, participants: session?.organisations ?? [], blocks: blocks,
                                recordedOn: recordedOn, recordedThrough: lastCommit)
    }

    /// Freezes the bulletin: its snapshot and the snapshot's SHA-256 are written once and never changed.
    ///
    /// - Parameters:
    ///   - session: where the day had several sessions, the one the statement follows.
    ///   - editedTexts: prose the centre rewrote by hand, by language.
    ///   - isPublic: let the public read it at once (small counts hidden); ``setPublic(_:_:by:)`` decides it later.
    ///   - today: a bulletin reports what happened: one dated after it is refused.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` naming the language whose edited text writes a number
    ///   that the snapshot's text in that language does not (a figure, a day, a year), or a date after `today`:
    ///   nothing is published.
    public func publishBulletin(date: Day, since: Day? = nil, session: Int? = nil, editedTexts: [Language: String] = [:], isPublic: Bool = false,
                                today: Day, by caller: Caller) async throws -> PublishedBulletin {
        // A statement of the session published meanwhile (another server's) leaves the draft's revision line naming the one
        // before it: drafted again, a few times at most.
        var attempt = 1
        while true {
            do {
                return try await publishOnce(date: date, since: since, session: session, editedTexts: editedTexts, isPublic: isPublic, today: today,
                                             by: caller)
            } catch is DraftOutrun {
                guard attempt < 3 else { throw StoreError.conflict("statements of \(date) were published meanwhile; publish again") }
                attempt += 1
            }
        }
    }

    /// The draft named as revised a statement that is no longer the last of its day and session.
    private struct DraftOutrun: Error {}

    private func publishOnce(date: Day, since: Day?, session: Int?, editedTexts: [Language: String], isPublic: Bool,
                             today: Day, by caller: Caller) async throws -> PublishedBulletin {
        let snapshot = try await draftBulletin(date: date, since: since, session: session, today: today)
        for language in Language.allCases {
            guard let edited = editedTexts[language] else { continue }
            if edited.containsDirectionControl {
                throw StoreError.invalid(field: "texts.\(language.rawValue)", value: "", reason: Catalogue.english.text(Message("import.directionControl")))
            }
            // Both ways of writing digits, read from the catalogue files for this check (rare: a publish with edited text);
            // the program checked the files, the deployment's too, when it started.
            let generated = Digits.allCases.map { BulletinText(snapshot: snapshot, catalogue: (try? Catalogue.bundled(language, digits: $0)) ?? Catalogue.english).text }
            let unmatched = EditedTextCheck.unmatched(edited, generated: generated.joined(separator: "\n"), language: language)
            guard unmatched.isEmpty else {
                throw StoreError.invalid(field: "texts.\(language.rawValue)", value: unmatched.joined(separator: ", "),
                                         reason: "numbers that the snapshot does not give; correct them or leave the generated text")
            }
        }
        let json = String(decoding: snapshot.canonicalJSON, as: UTF8.self), hash = Secret.digest(snapshot.canonicalJSON)
        return try await database.write(by: caller, for: .planning) { write in
            // Two statements published at once for one session must not both say they replace the same one: on PostgreSQL
            // publishes wait for each other (readers do not); SQLite's one writer needs no lock.
            if write.connection.backend == .postgres { try await write.sql.raw("LOCK TABLE bulletins IN SHARE ROW EXCLUSIVE MODE").run() }
            // The same statement again (nothing imported or corrected since the last of its day and session): a second one would
            // tell its readers it replaces one it only repeats.
            // Told by what it says, not by its hash, which holds the moment the data was read.
            let earlier = try await write.sql.raw("SELECT id, snapshot, session_id, public_since FROM bulletins WHERE day = \(bind: date.number) ORDER BY id DESC").all()
                .first { try $0.decode(column: "session_id", as: Int?.self) == snapshot.session }
            if let earlier, editedTexts.isEmpty {
                let id = try earlier.decode(column: "id", as: Int.self)
                let before = try JSONDecoder().decode(BulletinSnapshot.self, from: Data(try earlier.decode(column: "snapshot", as: String.self).utf8))
                let texts = try await write.sql.raw("SELECT COUNT(*) AS n FROM bulletin_texts WHERE bulletin_id = \(bind: id)").first(decodingColumn: "n", as: Int.self)
                if texts == 0, before.sayingTheSame(as: snapshot) {
                    let closed = try isPublic && earlier.decode(column: "public_since", as: String?.self) == nil
                    throw StoreError.refused(FieldProblem(field: "date", value: date.description, Message(
                        closed ? "bulletin.publish.unchanged.closed" : "bulletin.publish.unchanged", ["id": .serial(id), "date": .day(date)]), isConflict: true))
                }
            }
            let publicSince = isPublic ? write.timestamp : nil, madePublicBy = isPublic ? write.caller.description : nil
            guard let id = try await write.sql.raw("""
                INSERT INTO bulletins (day, since_day, session_id, snapshot, sha256, published_at, published_by, public_since, made_public_by)
                VALUES (\(bind: date.number), \(bind: since?.number), \(bind: snapshot.session), \(bind: json), \(bind: hash),
                        \(bind: write.timestamp), \(bind: write.caller.description), \(bind: publicSince), \(bind: madePublicBy)) RETURNING id
                """).first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new bulletin's id") }
            for (language, text) in editedTexts {
                try await write.sql.raw("""
                    INSERT INTO bulletin_texts (bulletin_id, language, body) VALUES (\(bind: id), \(bind: language.rawValue), \(bind: text))
                    """).run()
            }
            let lineage = try await Self.lineage(publicOnly: false, on: write.sql)[id] ?? BulletinLineage()
            // The revision line names the statement this one follows; one published since the draft was read is that now.
            let named = snapshot.blocks.flatMap(\.lines).first {
                $0.key == "bulletin.returns.revised" && $0.arguments["before"] == .entry(ReturnsBlock.revisionPrefixes[0] + ".published")
            }?.arguments["bulletin"]
            if case .serial(let revised)? = named, let replaced = lineage.replaces, replaced != revised { throw DraftOutrun() }
            try await write.audit("publish", kind: "bulletin", record: String(id),
                                  detail: "sha256 \(hash)" + (isPublic ? ", public" : "") + (lineage.replaces.map { ", replaces \($0)" } ?? ""))
            var published = PublishedBulletin(id: id, sha256: hash, publishedAt: write.timestamp, publishedBy: write.caller.description,
                                              snapshot: snapshot, editedTexts: editedTexts, publicSince: publicSince)
            published.lineage = lineage
            return published
        }
    }

    /// Lets the public read a published bulletin (its small counts hidden whenever it is rendered for them), or
    /// withdraws it.
    ///
    /// The centre's coordinators decide it; the snapshot and its hash stay as they were, and the audit keeps who
    /// decided and when.
    /// - Throws: ``StoreError/notFound(_:)`` when no bulletin has this id.
    public func setPublic(_ id: Int, _ isPublic: Bool, by caller: Caller) async throws -> PublishedBulletin {
        try await database.write(by: caller, for: .planning) { write in
            guard let row = try await write.sql.raw("SELECT public_since FROM bulletins WHERE id = \(bind: id)").first() else {
                throw StoreError.notFound("bulletin \(id)")
            }
            let wasPublic = try row.decode(column: "public_since", as: String?.self) != nil
            if wasPublic != isPublic {
                // Who made it public is kept once it is withdrawn: a reader may have kept the copy, and the day's other public
                // versions go on hiding what it hid (``publicVersions(of:)``).
                if isPublic {
                    try await write.sql.raw("""
                        UPDATE bulletins SET public_since = \(bind: write.timestamp), made_public_by = \(bind: write.caller.description) WHERE id = \(bind: id)
                        """).run()
                } else {
                    try await write.sql.raw("UPDATE bulletins SET public_since = NULL WHERE id = \(bind: id)").run()
                }
            }
            try await write.audit(isPublic ? "make-public" : "withdraw-public", kind: "bulletin", record: String(id),
                                  before: ["public": wasPublic], after: ["public": isPublic])
            guard let bulletin = try await Self.publishedBulletins(id: id, publicOnly: false, on: write.sql).first else {
                throw StoreError.notFound("bulletin \(id)")
            }
            return bulletin
        }
    }

    /// A published bulletin exactly as it was frozen; with `publicOnly`, only if the public may read it.
    public func bulletin(_ id: Int, publicOnly: Bool = false) async throws -> PublishedBulletin? {
        try await database.read { db in try await Self.publishedBulletins(id: id, publicOnly: publicOnly, on: db).first }
    }

    /// The entries a public bulletin's public copy withholds, in the snapshot's order: its small counts, what would give one
    /// back, what another public version of its day hides. Told to whoever makes it public: a late report of two people can
    /// withhold a headline total, in the earlier public version too.
    public func withheldFromThePublic(_ bulletin: PublishedBulletin, smallCounts: SmallCounts) async throws -> [String] {
        guard bulletin.isPublic else { return [] }
        let publicStatements = Set(try await bulletinList(publicOnly: true).map(\.id))
        let elsewhere = try await hiddenElsewhere(bulletin, smallCounts: smallCounts, publicStatements: publicStatements)
        let hidden = BulletinSuppression.hidden(in: bulletin.snapshot, smallCounts: smallCounts, publicStatements: publicStatements, elsewhere: elsewhere)
        return bulletin.snapshot.entries.map(\.id).filter { hidden[$0] != nil }
    }

    /// What a public copy withholds because another statement's public copy did: the other public versions of its day and
    /// session (``BulletinSuppression/hiddenInAnyVersion(_:smallCounts:publicStatements:)``), and a revision line's earlier
    /// total where the statement it names withheld that total from the public ("revised from 87 to 97" would give it back).
    public func hiddenElsewhere(_ bulletin: PublishedBulletin, smallCounts: SmallCounts, publicStatements: Set<Int>) async throws -> Set<String> {
        let versions = try await publicVersions(of: bulletin)
        var elsewhere = versions.count > 1 ? BulletinSuppression.hiddenInAnyVersion(versions, smallCounts: smallCounts, publicStatements: publicStatements) : []
        for line in bulletin.snapshot.blocks.flatMap(\.lines) where line.key == "bulletin.returns.revised" {
            guard case .entry(let before)? = line.arguments["before"], let number = line.statements["bulletin"], publicStatements.contains(number),
                  let earlier = try await self.bulletin(number) else { continue }
            let itsVersions = try await publicVersions(of: earlier)
            let itsElsewhere = itsVersions.count > 1
                ? BulletinSuppression.hiddenInAnyVersion(itsVersions, smallCounts: smallCounts, publicStatements: publicStatements) : []
            let itsHidden = BulletinSuppression.hidden(in: earlier.snapshot, smallCounts: smallCounts, publicStatements: publicStatements, elsewhere: itsElsewhere)
            // Both numbers of the line: the revised total alone is printed in the figures' table too.
            if itsHidden["returns.start.total"] != nil {
                elsewhere.insert(before)
                if case .entry(let now)? = line.arguments["count"] { elsewhere.insert(now) }
            }
        }
        return elsewhere
    }

    /// The snapshots of the statements of a statement's day and session the public may read or once could, its own among
    /// them where it is or was public: the versions a reader may set side by side (one withdrawn since may have been kept).
    public func publicVersions(of bulletin: PublishedBulletin) async throws -> [BulletinSnapshot] {
        let rows = try await database.read { db in
            try await db.raw("""
                SELECT id, snapshot FROM bulletins WHERE (public_since IS NOT NULL OR made_public_by IS NOT NULL) AND day = \(bind: bulletin.snapshot.date.number) ORDER BY id
                """).all()
        }
        return try rows.map { try JSONDecoder().decode(BulletinSnapshot.self, from: Data(try $0.decode(column: "snapshot", as: String.self).utf8)) }
            .filter { $0.session == bulletin.snapshot.session }
    }

    /// Published bulletins, newest first; with `publicOnly`, those the public may read.
    public func bulletins(publicOnly: Bool = false) async throws -> [PublishedBulletin] {
        try await database.read { db in try await Self.publishedBulletins(id: nil, publicOnly: publicOnly, on: db) }
    }

    /// Published bulletins as a list names them, newest first, without reading their snapshots; with `publicOnly`,
    /// those the public may read.
    public func bulletinList(publicOnly: Bool = false) async throws -> [ListedBulletin] {
        try await database.read { db in
            var query: SQLQueryString = "SELECT id, day, since_day, session_id, sha256, published_at, published_by, public_since FROM bulletins"
            if publicOnly { query += " WHERE public_since IS NOT NULL" }
            query += " ORDER BY id DESC"
            let lineage = try await Self.lineage(publicOnly: publicOnly, on: db)
            return try await db.raw(query).all().map { row in
                var listed = ListedBulletin(id: try row.decode(column: "id", as: Int.self), date: Day(number: try row.decode(column: "day", as: Int.self)),
                               since: try row.decode(column: "since_day", as: Int?.self).map(Day.init(number:)),
                               session: try row.decode(column: "session_id", as: Int?.self), sha256: try row.decode(column: "sha256", as: String.self),
                               publishedAt: try row.decode(column: "published_at", as: String.self),
                               publishedBy: try row.decode(column: "published_by", as: String.self),
                               publicSince: try row.decode(column: "public_since", as: String?.self))
                listed.lineage = lineage[listed.id] ?? BulletinLineage()
                return listed
            }
        }
    }

    /// Which statement replaces which, among all or among those made public: the public is told only of what it may read.
    private static func lineage(publicOnly: Bool, on db: any SQLDatabase) async throws -> [Int: BulletinLineage] {
        let query: SQLQueryString = "SELECT id, day, session_id FROM bulletins\(unsafeRaw: publicOnly ? " WHERE public_since IS NOT NULL" : "")"
        return BulletinLineage.of(try await db.raw(query).all().map { row in
            (try row.decode(column: "id", as: Int.self), Day(number: try row.decode(column: "day", as: Int.self)),
             try row.decode(column: "session_id", as: Int?.self))
        })
    }

    private static func publishedBulletins(id: Int?, publicOnly: Bool, on db: any SQLDatabase) async throws -> [PublishedBulletin] {
        var query: SQLQueryString = "SELECT id, snapshot, sha256, published_at, published_by, public_since FROM bulletins WHERE 1 = 1"
        if let id { query += " AND id = \(bind: id)" }
        if publicOnly { query += " AND public_since IS NOT NULL" }
        query += " ORDER BY id DESC"
        var texts: [Int: [Language: String]] = [:]
        var textsQuery: SQLQueryString = "SELECT bulletin_id, language, body FROM bulletin_texts"
        if let id { textsQuery += " WHERE bulletin_id = \(bind: id)" }
        for row in try await db.raw(textsQuery).all() {
            guard let language = Language(rawValue: try row.decode(column: "language", as: String.self)) else { continue }
            texts[try row.decode(column: "bulletin_id", as: Int.self), default: [:]][language] = try row.decode(column: "body", as: String.self)
        }
        let lineage = try await lineage(publicOnly: publicOnly, on: db)
        return try await db.raw(query).all().map { row in
            let json = try row.decode(column: "snapshot", as: String.self)
            let snapshot = try JSONDecoder().decode(BulletinSnapshot.self, from: Data(json.utf8))
            let id = try row.decode(column: "id", as: Int.self)
            var published = PublishedBulletin(id: id, sha256: try row.decode(column: "sha256", as: String.self),
                                              publishedAt: try row.decode(column: "published_at", as: String.self),
                                              publishedBy: try row.decode(column: "published_by", as: String.self), snapshot: snapshot,
                                              editedTexts: texts[id] ?? [:], publicSince: try row.decode(column: "public_since", as: String?.self))
            published.lineage = lineage[id] ?? BulletinLineage()
            return published
        }
    }
}

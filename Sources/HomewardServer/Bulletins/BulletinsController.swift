import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Sessions and bulletins over HTTP: record a session, publish a bulletin, read one in any language and format.
struct BulletinsController<Context: CallerRequestContext> {
    /// The forms a statement is answered in (`?format=`).
    static var formats: [String] { ["json", "text", "html"] }
    let stores: Stores
    let configuration: ServerConfiguration
    let pages: Pages
    let today: @Sendable () -> Day

    struct SessionInput: ClosedJSONObject {
        struct Participant: ClosedJSONObject {
            typealias Keys = CodingKeys
            var organisation: String
            var briefing: String?

            enum CodingKeys: String, CodingKey, CaseIterable { case organisation, briefing }

            init(from decoder: any Decoder) throws {
                try Self.refuseUnknownKeys(in: decoder)
                let values = try decoder.container(keyedBy: CodingKeys.self)
                organisation = try values.decode(String.self, forKey: .organisation)
                briefing = try values.decodeIfPresent(String.self, forKey: .briefing)
            }
        }
        typealias Keys = CodingKeys
        var date: Day
        var participants: [Participant]

        enum CodingKeys: String, CodingKey, CaseIterable { case date, participants }
    }

    struct BulletinInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var date: Day
        var since: Day?
        /// Where the day had several sessions, the one the statement follows.
        var session: Int?
        /// Prose edited by hand, by language code.
        var texts: [String: String]?
        /// Let the public read it at once, small counts hidden.
        var `public`: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable { case date, since, session, texts, `public` }
    }

    struct PublicInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var `public`: Bool

        enum CodingKeys: String, CodingKey, CaseIterable { case `public` }
    }

    /// A published bulletin as listed: without its snapshot; for the public, without its hash either (see
    /// ``BulletinText/init(snapshot:catalogue:published:edited:forThePublic:publicStatements:lineage:)``).
    struct Listed: Encodable {
        var id: Int
        var date: Day
        var since: Day?
        var sha256: String?
        var publishedAt: String
        var publicSince: String?
        var lineage: BulletinLineage
        /// The session it follows, where it follows one: a day of two sessions has a statement of each.
        var session: Int?
        /// Made public by the request answered: what its public copy withholds.
        var withheld: [String]? = nil

        enum CodingKeys: String, CodingKey {
            case id, date, since, sha256, replaces, session, withheld
            case publishedAt = "published_at", publicSince = "public_since", replacedBy = "replaced_by"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(date, forKey: .date)
            try c.encode(since, forKey: .since)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(publishedAt, forKey: .publishedAt)
            try c.encode(publicSince, forKey: .publicSince)
            try c.encode(lineage.replaces, forKey: .replaces)
            try c.encode(lineage.replacedBy, forKey: .replacedBy)
            try c.encode(session, forKey: .session)
            try c.encodeIfPresent(withheld, forKey: .withheld)
        }
    }

    /// For the public, the statements it may read: a sentence naming another (what an internal statement published) is
    /// withheld from its copy; `nil` for everyone else, who reads them all.
    func readableStatements(for caller: Caller) async throws -> Set<Int>? {
        smallCounts(for: caller) == nil ? nil : Set(try await stores.bulletinList(publicOnly: true).map(\.id))
    }

    /// For the public, what other public copies withhold that this one's would give back (``Stores/hiddenElsewhere(_:smallCounts:publicStatements:)``);
    /// nothing for everyone else.
    func hiddenElsewhere(_ bulletin: PublishedBulletin, for caller: Caller, publicStatements: Set<Int>?) async throws -> Set<String> {
        guard let smallCounts = smallCounts(for: caller), let publicStatements else { return [] }
        return try await stores.hiddenElsewhere(bulletin, smallCounts: smallCounts, publicStatements: publicStatements)
    }

    /// The public (no token, no session) reads bulletins made public, small counts hidden; everyone else, every
    /// bulletin with exact figures.
    func smallCounts(for caller: Caller) -> SmallCounts? {
        if case .anonymous = caller { return SmallCounts(threshold: configuration.minPublicCount) }
        return nil
    }

    /// The bulletin this caller may read: a bulletin that is not public is, to the public, one that needs signing in.
    func bulletin(_ id: Int, for caller: Caller) async throws -> PublishedBulletin {
        let forThePublic = smallCounts(for: caller) != nil
        // The public is told only of replacing statements it may read.
        var found = try await stores.bulletin(id, publicOnly: forThePublic)
        if found == nil, forThePublic { found = try await stores.bulletin(id) }
        guard let bulletin = found else { throw Problem(.notFound, "no bulletin has id \(id)") }
        guard !forThePublic || bulletin.isPublic else {
            throw Problem(.unauthorized, "bulletin \(id) is not public: sign in or send a bearer token (Authorization: Bearer …)",
                          headers: [.wwwAuthenticate: #"Bearer realm="homeward""#])
        }
        return bulletin
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.bulletinPage.routerPath), method: APIRoute.bulletinPage.method) { request, context in
            let id = try Self.id(context)
            let language = try request.pageLanguage()
            let smallCounts = smallCounts(for: context.caller)
            let found = try await stores.bulletin(id, publicOnly: smallCounts != nil)
            if smallCounts != nil, found == nil {
                // As every page does for the public: the sign-in form, then this page.
                return Response(status: .seeOther, headers: [.location: SignInView.location(askedFor: request)])
            }
            guard let bulletin = found else { throw Problem(.notFound, "no bulletin has id \(id)") }
            let readable = try await readableStatements(for: context.caller)
            return htmlResponse(BulletinView(bulletin: bulletin, language: language, smallCounts: smallCounts, publicStatements: readable,
                                             hiddenElsewhere: try await hiddenElsewhere(bulletin, for: context.caller, publicStatements: readable),
                                             demo: configuration.demo).render(pages), language: language)
        }
        router.on(RouterPath(APIRoute.bulletinsPage.routerPath), method: APIRoute.bulletinsPage.method) { request, context in
            let language = try request.pageLanguage(), forThePublic = smallCounts(for: context.caller) != nil
            return htmlResponse(BulletinsView(bulletins: try await stores.bulletinList(publicOnly: forThePublic), forThePublic: forThePublic,
                                              language: language, demo: configuration.demo).render(pages), language: language)
        }
        router.on(RouterPath(APIRoute.listSessions.routerPath), method: APIRoute.listSessions.method) { _, _ in
            try jsonResponse(["sessions": try await stores.sessions.sessions()])
        }
        router.on(RouterPath(APIRoute.postSessions.routerPath), method: APIRoute.postSessions.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let input = try SessionInput.decode(from: Data(try await source.collect()))
                let session = CoordinationSession(date: input.date, briefings: input.participants.map { .init(organisation: $0.organisation, text: $0.briefing) })
                return (.created, try jsonData(try await stores.sessions.addSession(session, today: today(), vocabulary: .api, by: context.caller)))
            }
        }
        router.on(RouterPath(APIRoute.listBulletins.routerPath), method: APIRoute.listBulletins.method) { _, context in
            let forThePublic = smallCounts(for: context.caller) != nil
            return try jsonResponse(["bulletins": try await stores.bulletinList(publicOnly: forThePublic).map {
                Listed(id: $0.id, date: $0.date, since: $0.since, sha256: forThePublic ? nil : $0.sha256, publishedAt: $0.publishedAt,
                       publicSince: $0.publicSince, lineage: $0.lineage, session: $0.session)
            }])
        }
        router.on(RouterPath(APIRoute.bulletinRecords.routerPath), method: APIRoute.bulletinRecords.method) { request, context in
            let id = try Self.id(context)
            let entryID = try request.query("entry", "an entry's id, as the snapshot names it") { $0.isEmpty ? nil : $0 }
            let after = try request.cursor()
            let limit = try request.wholeNumber("limit", 1 ... 10_000) ?? 1_000
            guard let bulletin = try await stores.bulletin(id) else { throw Problem(.notFound, "no bulletin has id \(id)") }
            guard let entryID, let entry = bulletin.snapshot.entry(entryID) else {
                throw Problem.badRequest("entry", "one of the bulletin's entries: " + bulletin.snapshot.entries.map(\.id).joined(separator: ", "))
            }
            guard let selection = entry.movements else {
                // A figure of the camps, reconstruction, aid or sources block: the ids of the records it summed, as the snapshot
                // keeps them (each one's versions: GET /api/v1/aid/{id}/history and the like).
                guard let ids = entry.ids else {
                    throw Problem.badRequest("entry", "'\(entryID)' is no sum of records the snapshot keeps (a plan's figure, a count across a "
                                             + "window's edge); its question: \(entry.query)")
                }
                let kind = bulletin.snapshot.blocks.first { $0.entries.contains { $0.id == entryID } }?.kind
                let page = PageCut(reading: Array(ids.sorted().drop { $0 <= (after ?? Int.min) }.prefix(limit + 1)), limit: limit, id: { $0 })
                // A bulletin published before reads were timed keeps its ids all the same: listed as of its publication.
                return try jsonResponse(EntryRecords(entry: entryID, recordedOn: bulletin.snapshot.recordedOn ?? bulletin.publishedAt,
                                                     recordedThrough: bulletin.snapshot.recordedThrough,
                                                     value: entry.value, records: entry.records, movements: [], nextCursor: page.nextCursor,
                                                     kind: kind.flatMap { EntryRecords.kinds[$0] }, ids: page.items))
            }
            guard let moment = bulletin.snapshot.recordedOn else {
                throw Problem.badRequest("entry", "bulletin \(id) keeps no moment its data was read; the entry's question: \(entry.query)")
            }
            let page = PageCut(reading: try await stores.ledger.movements(selection, readFor: bulletin.snapshot, after: after, limit: limit + 1) ?? [],
                               limit: limit, id: \.id)
            return try jsonResponse(EntryRecords(entry: entryID, recordedOn: moment, recordedThrough: bulletin.snapshot.recordedThrough,
                                                 value: entry.value, records: entry.records, movements: page.items, nextCursor: page.nextCursor))
        }
        router.on(RouterPath(APIRoute.patchBulletin.routerPath), method: APIRoute.patchBulletin.method) { request, context in
            try request.require(contentType: ["application/json"])
            let id = try Self.id(context)
            let input = try PublicInput.decode(from: Data(buffer: try await request.body.collect(upTo: 4096)))
            let bulletin = try await stores.setPublic(id, input.public, by: context.caller)
            // Best effort, after the change: a failed read of it must not answer the change with an error.
            let withheld = input.public ? try? await stores.withheldFromThePublic(bulletin, smallCounts: SmallCounts(threshold: configuration.minPublicCount)) : nil
            return try jsonResponse(Listed(id: bulletin.id, date: bulletin.snapshot.date, since: bulletin.snapshot.since, sha256: bulletin.sha256,
                                           publishedAt: bulletin.publishedAt, publicSince: bulletin.publicSince, lineage: bulletin.lineage,
                                           session: bulletin.snapshot.session, withheld: withheld))
        }
        router.on(RouterPath(APIRoute.postBulletins.routerPath), method: APIRoute.postBulletins.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let input = try BulletinInput.decode(from: Data(try await source.collect()))
                var edited: [Language: String] = [:]
                for (code, text) in input.texts ?? [:] {
                    guard let language = Language(rawValue: code) else { throw Problem.badRequest("texts.\(code)", "a language: en, ru or ar") }
                    guard !text.utf8.contains(0), text.unicodeScalars.count <= 100_000 else { throw Problem.badRequest("texts.\(code)", "text of at most 100,000 characters") }
                    edited[language] = text
                }
                let published = try await stores.publishBulletin(date: input.date, since: input.since, session: input.session, editedTexts: edited, isPublic: input.public ?? false,
                                                                  today: today(), by: context.caller)
                // Best effort, after the commit: a failed read of it must not answer a published statement with an error.
                let withheld = input.public == true
                    ? try? await stores.withheldFromThePublic(published, smallCounts: SmallCounts(threshold: configuration.minPublicCount)) : nil
                return (.created, try jsonData(PublishedID(published, withheld: withheld)))
            }
        }
        // The statement as the data stands now, nothing stored: what a session's secretary reads before publishing it.
        router.on(RouterPath(APIRoute.draftBulletin.routerPath), method: APIRoute.draftBulletin.method) { request, context in
            guard let date = try request.day("date") else { throw Problem.badRequest("date", "give the session's day (YYYY-MM-DD)") }
            let since = try request.day("since"), session = try request.wholeNumber("session", from: 1)
            let language = try request.pageLanguage()
            let format = try request.oneOf("format", Self.formats) { Self.formats.contains($0) ? $0 : nil } ?? "json"
            let digits = try request.oneOf("digits", Digits.self) ?? .native
            let snapshot = try await stores.draftBulletin(date: date, since: since, session: session, today: today())
            var text = BulletinText(snapshot: snapshot, catalogue: Catalogue(language: language, entries: pages.catalogue(language).entries, digits: digits),
                                    published: nil)
            text.demo = configuration.demo
            return try Self.respond(text, format: format, language: language)
        }
        router.on(RouterPath(APIRoute.showBulletin.routerPath), method: APIRoute.showBulletin.method) { request, context in
            let id = try Self.id(context)
            let language = try request.pageLanguage()
            let format = try request.oneOf("format", Self.formats) { Self.formats.contains($0) ? $0 : nil } ?? "json"
            let digits = try request.oneOf("digits", Digits.self) ?? .native
            let bulletin = try await self.bulletin(id, for: context.caller)
            let readable = try await readableStatements(for: context.caller)
            var text = BulletinText(snapshot: bulletin.snapshot, catalogue: Catalogue(language: language, entries: pages.catalogue(language).entries, digits: digits),
                                    published: (bulletin.id, bulletin.sha256), edited: bulletin.editedTexts[language],
                                    forThePublic: smallCounts(for: context.caller), publicStatements: readable,
                                    hiddenElsewhere: try await hiddenElsewhere(bulletin, for: context.caller, publicStatements: readable),
                                    lineage: bulletin.lineage)
            text.demo = configuration.demo
            return try Self.respond(text, format: format, language: language)
        }
    }

    /// A statement in the form asked: on generated data, the copies people paste and pass on say so above it, as its page does.
    static func respond(_ text: BulletinText, format: String, language: Language) throws -> Response {
        switch format {
        case "text":
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .contentLanguage: language.rawValue],
                            body: .init(byteBuffer: ByteBuffer(string: (text.demo ? text.demoNote(html: false) : "") + text.readable)))
        case "html":
            return htmlResponse((text.demo ? text.demoNote(html: true) : "") + text.html, language: language)
        default:
            return try jsonResponse(text)
        }
    }
}

extension BulletinsController {
    static func id(_ context: Context) throws -> Int {
        guard let id = context.parameters.get("id", as: Int.self), id > 0 else {
            throw Problem.badRequest("id", "'\(context.parameters.get("id") ?? "")' is not a bulletin id (a whole number from 1)")
        }
        return id
    }
}

/// A page of the movements one number of a bulletin summed, each as it stood when the bulletin was drafted.
struct EntryRecords: Encodable {
    var entry: String
    var recordedOn: String
    /// The last import the bulletin's read saw, by which the movements are listed; `null` for a bulletin published before
    /// imports were numbered, listed by `recordedOn`.
    var recordedThrough: Int?
    /// The entry's value and record count, to hold the listing against.
    var value: Int
    var records: Int?
    var movements: [RecordedMovement]
    /// Pass as `cursor` for the next page; `null` on the last.
    var nextCursor: String?
    /// For a figure of the camps, reconstruction, aid or sources block: which records it summed, and their ids (`movements`
    /// is then empty), as `bulletin records` lists them.
    var kind: String?
    var ids: [Int]?

    /// The records each block's figures sum, by the block's kind, as `bulletin records --format json` names them: each kind's
    /// own route gives their versions.
    static let kinds = ["camps": "departures", "reconstruction": "facility works", "aid": "aid actions", "sources": "source figures"]

    enum CodingKeys: String, CodingKey {
        case entry, recordedOn = "recorded_on", recordedThrough = "recorded_through", value, records, movements, nextCursor = "next_cursor", kind, ids
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry, forKey: .entry)
        try c.encode(recordedOn, forKey: .recordedOn)
        try c.encode(recordedThrough, forKey: .recordedThrough)
        try c.encode(value, forKey: .value)
        try c.encode(records, forKey: .records)
        try c.encode(movements, forKey: .movements)
        try c.encode(nextCursor, forKey: .nextCursor)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(ids, forKey: .ids)
    }
}


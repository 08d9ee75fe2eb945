import HTTPTypes
import HomewardCore
import HomewardStore
import Hummingbird
import Synchronization

/// Tags every GET of figures with an `ETag` from the data version, and answers `If-None-Match` with 304.
///
/// The tag is the database's ``DataVersion`` (which every committed write changes, in any process), the day
/// (answers such as `last=30` move with it), the language asked for, and a keyed digest of the reader and the request's
/// path and query (``Database/answerTagKey()``), so a client or proxy that asks again gets 304 until any of them changes,
/// and never an answer older than the last write; nobody can make up the tag of an answer they were not given, and `*`
/// matches only what the route answers 200. The version is read
/// before the route runs (by ``AuthenticationMiddleware`` for a bearer token, else here) and handed to it
/// (``RequestDataVersion/current``), so an answer cached under it can only be newer than its tag, never older.
/// Health, metrics and the contract are not tagged; nor is a page read by someone signed in, which no cache may keep
/// (`no-store`): on a shared laptop, the browser's Back after signing out would show it again from its cache.
struct FreshnessMiddleware<Context: CallerRequestContext>: RouterMiddleware {
    let database: Database
    let today: @Sendable () -> Day
    /// The database's key for tags (``Database/answerTagKey()``), read on the first tagged answer and kept.
    private let tagKey = TagKey()

    init(database: Database, today: @escaping @Sendable () -> Day) {
        self.database = database
        self.today = today
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, !untaggedPaths.contains(request.uri.path) else {
            return try await next(request, context)
        }
        // The route authentication found: no second look-up on every GET of figures.
        if case .anonymous = context.caller {} else if context.route?.isPage == true {
            var response = try await next(request, context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        // A bearer token's proof read it already, before the route runs as the tag needs.
        var read = context.dataVersion
        if read == nil { read = try? await database.dataVersion() }
        guard let version = read else { return try await next(request, context) }
        // Answers differ by reader (the public sees small counts hidden, a page names who is signed in) and by what was
        // asked: the tag names whose answer it is and to what, by a digest, so that one reader's copy is never confirmed to
        // another, nor one resource's tag (the totals') taken for another's (the audit's, which the reader may not read).
        // Since every write moves the version, a role taken away or a record erased changes every tag given before it; keyed,
        // so that a reader cannot work out the tag of an answer it was never given from its own.
        let reader = Secret.tag(context.caller.owner + "\n" + request.uri.description, key: try await tagKey.value(database))
        let tag = "\"\(version)-\(today().number)-\(request.language.rawValue)-\(reader)\""
        let asked = request.headers[values: .ifNoneMatch].first
        if let asked, Self.matches(asked, tag) { return Self.notModified(tag) }
        var response = try await RequestDataVersion.$current.withValue(version) { try await next(request, context) }
        // `*` matches whatever the route would answer, so the route must answer first: a resource that does not exist or
        // that the reader may not read is no match.
        if let asked, response.status == .ok, response.headers[.cacheControl] != "no-store", Self.isAny(asked) { return Self.notModified(tag) }
        // An answer that must not be kept (the account page) keeps its own Cache-Control and gets no tag.
        if response.status == .ok && response.headers[.cacheControl] != "no-store" {
            response.headers[.eTag] = tag
            response.headers[.vary] = "Accept-Language, Authorization, Cookie"
            // The reader's own cache may keep the answer, but must ask again (with If-None-Match) before it uses it.
            response.headers[.cacheControl] = "private, no-cache"
        }
        return response
    }

    /// Whether an `If-None-Match` list (RFC 9110, 13.1.2) names the tag, by weak comparison.
    static func matches(_ header: String, _ tag: String) -> Bool {
        header.split(separator: ",").contains { item in
            let given = item.trimmingCharacters(in: .whitespaces)
            return given == tag || given == "W/" + tag
        }
    }

    /// Whether an `If-None-Match` list holds `*`, any current answer.
    static func isAny(_ header: String) -> Bool {
        header.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "*" }
    }

    private static func notModified(_ tag: String) -> Response {
        Response(status: .notModified, headers: [.eTag: tag, .vary: "Accept-Language, Authorization, Cookie", .cacheControl: "private, no-cache"])
    }
}

/// The database's key for tags, read once per server.
private final class TagKey: Sendable {
    private let key = Mutex<String?>(nil)

    func value(_ database: Database) async throws -> String {
        if let known = key.withLock({ $0 }) { return known }
        let read = try await database.answerTagKey()
        key.withLock { $0 = read }
        return read
    }
}

/// Health, metrics and the contract: answers that are not figures, made once rather than for every request.
private let untaggedPaths: Set<String> = [APIRoute.healthz.path, APIRoute.metrics.path, APIRoute.openapi.path]

/// The data version a tagged GET is answered at, read by ``FreshnessMiddleware`` before the route runs.
enum RequestDataVersion {
    @TaskLocal static var current: DataVersion?
}

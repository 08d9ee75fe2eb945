import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// The returns ledger over HTTP: totals, movements and their history. Imports are in ``ImportsController``.
struct LedgerController<Context: CallerRequestContext> {
    let store: LedgerStore
    let today: @Sendable () -> Day
    /// What the public sees of small counts.
    var smallCounts = SmallCounts()
    /// The multiple the open totals round each count to (``ServerConfiguration/publicRounding``).
    var publicRounding = 5
    /// Totals already computed at the current data version (``FreshnessMiddleware`` reads it).
    let totalsCache = AnswerCache()

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.publicTotals.routerPath), method: APIRoute.publicTotals.method) { request, _ in
            let (query, _) = try Self.totalsQuery(request, today: today())
            return try jsonResponse(PublicTotals(try await store.totals(query), smallCounts: smallCounts, roundingTo: publicRounding,
                                                 asRecordedOn: query.asRecordedOn))
        }
        router.on(RouterPath(APIRoute.totals.routerPath), method: APIRoute.totals.method) { request, _ in
            let day = today()
            let body = try await totalsCache.answer("\(day.number) \(request.uri)", at: RequestDataVersion.current) {
                let (query, earlier) = try Self.totalsQuery(request, today: day)
                return ByteBuffer(bytes: try jsonData(try await store.totals(query, comparedWith: earlier)))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
        }
        router.on(RouterPath(APIRoute.listMovements.routerPath), method: APIRoute.listMovements.method) { request, _ in
            try await listMovements(request)
        }
        router.on(RouterPath(APIRoute.movementHistory.routerPath), method: APIRoute.movementHistory.method) { _, context in
            try await historyResponse(context.parameters, noun: "movement") { try await store.history(ofMovement: $0) }
        }
    }

    /// Reads the totals question from a query string, naming the parameter that is wrong.
    static func totalsQuery(_ request: Request, today: Day) throws -> (TotalsQuery, comparedWith: DateWindow?) {
        let asked = DateWindow.Asked(
            from: try request.day("from"),
            to: try request.day("to"),
            year: try request.year(),
            last: try request.integer("last", said: DateWindow.lastDays))
        let window: DateWindow, earlier: DateWindow?
        do {
            (window, earlier) = try DateWindow.resolve(asked, today: today)
        } catch {
            throw error.message.map { Problem.badRequest(error.field, $0) } ?? Problem.badRequest(error.field, error.reason)
        }
        let grouping = try request.oneOf("by", Grouping.self)
        let top = try request.wholeNumber("top", 1 ... 10_000)
        // The largest groups of no grouping: the answer would be the same without it, and the asker expects groups.
        if top != nil, grouping == nil { throw Problem.badRequest("top", "the largest groups of a breakdown: give by too") }
        let asRecordedOn = try request.query("as_recorded_on", RecordingMoment.expected, RecordingMoment.parse)
        if asRecordedOn != nil, let text = request.uri.queryParameters.get("as_recorded_on"), RecordingMoment.isToCome(text, now: Date()) {
            throw Problem.badRequest("as_recorded_on", "'\(text)': \(RecordingMoment.toCome)")
        }
        return (TotalsQuery(
            window: window,
            grouping: grouping,
            top: top,
            category: try request.oneOf("category", MovementCategory.self),
            crossing: try request.text("crossing"),
            organisation: try request.text("organisation"),
            asRecordedOn: asRecordedOn), earlier)
    }


    private func listMovements(_ request: Request) async throws -> Response {
        // A window ending before it starts is refused here, in the reader's language, before the store would in English.
        let window = try request.window()
        let limit = try request.wholeNumber("limit", 1 ... 1000) ?? 100
        let cursor = try request.cursor()
        let crossing = try request.text("crossing")
        return try jsonResponse(try await store.movementPage(window: window, crossing: crossing,
                                                             organisation: try request.text("organisation"), after: cursor, limit: limit,
                                                             reportedBySeveral: try request.flag("reported_by_several")))
    }
}

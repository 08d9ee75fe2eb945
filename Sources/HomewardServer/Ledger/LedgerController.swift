import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// The returns ledger over HTTP: totals, movements, imports. The same rules and summaries as the command line.
struct LedgerController<Context: CallerRequestContext> {
    let store: LedgerStore
    let idempotency: IdempotencyStore
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let today: @Sendable () -> Day

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.totals.routerPath), method: APIRoute.totals.method) { request, _ in
            let (query, earlier) = try Self.totalsQuery(request, today: today())
            return try jsonResponse(try await store.totals(query, comparedWith: earlier))
        }
        router.on(RouterPath(APIRoute.listMovements.routerPath), method: APIRoute.listMovements.method) { request, _ in
            try await listMovements(request)
        }
        router.on(RouterPath(APIRoute.movementHistory.routerPath), method: APIRoute.movementHistory.method) { _, context in
            guard let id = context.parameters.get("id", as: Int.self), id > 0 else {
                throw Problem.badRequest("id", "'\(context.parameters.get("id") ?? "")' is not a movement id (a whole number)")
            }
            let versions = try await store.history(ofMovement: id)
            guard !versions.isEmpty else { throw Problem(.notFound, "no movement has id \(id)") }
            return try jsonResponse(["versions": versions])
        }
        router.on(RouterPath(APIRoute.postMovements.routerPath), method: APIRoute.postMovements.method) { request, context in
            try request.require(contentType: ["application/json"])
            return try await importBody(request, context: context, format: .json)
        }
        router.on(RouterPath(APIRoute.postImports.routerPath), method: APIRoute.postImports.method) { request, context in
            try request.require(contentType: ["text/csv", "application/csv", "text/plain"])
            return try await importBody(request, context: context, format: .csv)
        }
    }

    /// Reads the totals question from a query string, naming the parameter that is wrong.
    static func totalsQuery(_ request: Request, today: Day) throws -> (TotalsQuery, comparedWith: DateWindow?) {
        let asked = DateWindow.Asked(
            from: try request.query("from", "a date (YYYY-MM-DD)") { Day($0) },
            to: try request.query("to", "a date (YYYY-MM-DD)") { Day($0) },
            year: try request.query("year", "a year from 1900 to 2999") { Int($0).flatMap { (1900...2999).contains($0) ? $0 : nil } },
            last: try request.query("last", "a number of days from 1 to 3660") { Int($0) })
        let window: DateWindow, earlier: DateWindow?
        do {
            (window, earlier) = try DateWindow.resolve(asked, today: today)
        } catch {
            throw Problem.badRequest(error.field, error.reason)
        }
        return (TotalsQuery(
            window: window,
            grouping: try request.query("by", "one of \(Grouping.allCases.map(\.rawValue).joined(separator: ", "))", Grouping.init(rawValue:)),
            top: try request.query("top", "a whole number from 1 to 10000") { Int($0).flatMap { (1...10_000).contains($0) ? $0 : nil } },
            category: try request.query("category", "refugee or idp", MovementCategory.init(rawValue:)),
            crossing: try request.text("crossing"),
            organisation: try request.text("organisation"),
            asRecordedOn: try request.query("as_recorded_on", RecordingMoment.expected, RecordingMoment.parse)), earlier)
    }

    struct MovementPage: Encodable {
        var movements: [RecordedMovement]
        var nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case movements
            case nextCursor = "next_cursor"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(movements, forKey: .movements)
            try c.encode(nextCursor, forKey: .nextCursor)
        }
    }

    private func listMovements(_ request: Request) async throws -> Response {
        let from = try request.query("from", "a date (YYYY-MM-DD)") { Day($0) }
        let to = try request.query("to", "a date (YYYY-MM-DD)") { Day($0) }
        let limit = try request.query("limit", "a whole number from 1 to 1000") { Int($0).flatMap { (1...1000).contains($0) ? $0 : nil } } ?? 100
        let cursor = try request.query("cursor", "a cursor from a previous page's next_cursor") { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
        let crossing = try request.text("crossing")
        let page = try await store.movements(window: DateWindow(from: from, to: to), crossing: crossing, after: cursor, limit: limit)
        return try jsonResponse(MovementPage(movements: page, nextCursor: page.count == limit ? page.last.map { String($0.id) } : nil))
    }

    private func importBody(_ request: Request, context: Context, format: ImportRequest.Format) async throws -> Response {
        let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        var importRequest = ImportRequest(sourceName: format == .json ? "POST /movements" : "POST /imports", format: format,
                                          dryRun: try request.flag("dry_run"), skipInvalid: try request.flag("skip_invalid"), today: today())
        if format == .csv {
            let parameters = request.uri.queryParameters
            importRequest.organisation = try request.text("org")
            do {
                importRequest.mapping = try ImportOptionPairs.mapping(parameters.getAll("map").map { String($0) })
            } catch {
                throw Problem.badRequest("map", "'\(error.value)' is not of the form \(error.expected)")
            }
            do {
                importRequest.constants = try ImportOptionPairs.constants(parameters.getAll("set").map { String($0) })
            } catch {
                throw Problem.badRequest("set", "'\(error.value)' is not of the form \(error.expected)")
            }
        }
        return try await Idempotency(store: idempotency, caller: context.caller).respond(to: request, body: body) {
            let summary = try await store.importMovements(importRequest, from: .bytes(Array(body.readableBytesView)), by: context.caller)
            metrics.recordImport(imported: summary.imported, updated: summary.updated, ignored: summary.ignored, rejected: summary.rejected)
            return (summary.status == .error ? .unprocessableContent : .ok, try jsonData(summary))
        }
    }
}

import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Source figures over HTTP: the list, new figures through the one importer, the comparison and the checks.
struct SourcesController<Context: CallerRequestContext> {
    let stores: Stores
    let configuration: ServerConfiguration
    let pages: Pages
    let today: @Sendable () -> Day

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.sourcesPage.routerPath), method: APIRoute.sourcesPage.method) { request, _ in
            let language = try request.pageLanguage()
            let measure = try Self.measure(request) ?? "returns"
            let model = try await SourcesModel.load(stores: stores, measure: measure, window: try Self.window(request, today: today()),
                                                    area: try request.text("area"), demo: configuration.demo)
            return htmlResponse(SourcesView(model: model, language: language).render(pages), language: language)
        }
        router.on(RouterPath(APIRoute.listSources.routerPath), method: APIRoute.listSources.method) { request, _ in
            let measure = try Self.measure(request)
            return try jsonResponse(["figures": try await stores.sources.figures(measures: measure.map { [$0] })])
        }
        router.on(RouterPath(APIRoute.postSources.routerPath), method: APIRoute.postSources.method) { request, context in
            try request.require(contentType: ["application/json"])
            let importRequest = ImportRequest(sourceName: "POST /sources", format: .json, organisation: try request.text("org"),
                                              dryRun: try request.flag("dry_run"), skipInvalid: try request.flag("skip_invalid"),
                                              today: today(), vocabulary: .api)
            try await stores.organisations.refusePlusForSpace(importRequest.organisation, field: "org")
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let summary = try await stores.importRecords(.sources, importRequest, from: .bytes(try await source.collect()), by: context.caller)
                return (summary.status == .error ? .unprocessableContent : .ok, try jsonData(summary.written(in: pages.catalogues.catalogue(for: request))))
            }
        }
        router.on(RouterPath(APIRoute.sourceHistory.routerPath), method: APIRoute.sourceHistory.method) { _, context in
            guard let id = context.parameters.get("id", as: Int.self), id > 0 else {
                throw Problem.badRequest("id", "'\(context.parameters.get("id") ?? "")' is not a figure id (a whole number)")
            }
            guard let history = try await stores.sources.history(ofFigure: id) else { throw Problem(.notFound, "no figure has id \(id)") }
            return try jsonResponse(history)
        }
        router.on(RouterPath(APIRoute.compareSources.routerPath), method: APIRoute.compareSources.method) { request, _ in
            guard let measure = try Self.measure(request) else { throw Problem.badRequest("measure", "give the measure's code, such as returns") }
            return try jsonResponse(try await stores.sources.compare(measure: measure, window: try Self.window(request, today: today()),
                                                                     area: try request.text("area")))
        }
        router.on(RouterPath(APIRoute.checkSources.routerPath), method: APIRoute.checkSources.method) { request, _ in
            // Each problem's detail in the reader's language, as `sources check --lang` writes it.
            let catalogue = pages.catalogues.catalogue(for: request)
            return try jsonResponse(["problems": try await stores.sources.problems().map { $0.written(in: catalogue) }])
        }
    }

    /// The `measure` parameter: a measure's code, made as every record code is.
    static func measure(_ request: Request) throws -> String? {
        try request.query("measure", "a measure's code (up to 32 characters, no spaces or commas, such as returns-idps)") { RecordCode.isValid($0) ? $0 : nil }
    }

    /// `from`/`to` or `year`, as the totals read them.
    static func window(_ request: Request, today: Day) throws -> DateWindow {
        let asked = DateWindow.Asked(
            from: try request.day("from"),
            to: try request.day("to"),
            year: try request.year())
        do {
            return try DateWindow.resolve(asked, today: today).window
        } catch {
            throw error.message.map { Problem.badRequest(error.field, $0) } ?? Problem.badRequest(error.field, error.reason)
        }
    }
}

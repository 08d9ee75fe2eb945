import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Imports over HTTP, through the one importer: a CSV file or JSON records of any kind (`POST /api/v1/imports?records=`),
/// or movements, facility records and aid actions as JSON on their own routes (`POST /api/v1/movements`, `/facilities`, `/aid`). Bodies stream into the importer as they arrive.
///
/// Problems name options in the API's words (the `org` parameter, not `--org`), and their reasons are
/// written in the language of `Accept-Language`.
struct ImportsController<Context: CallerRequestContext> {
    let stores: Stores
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let catalogues: [Language: Catalogue]
    let today: @Sendable () -> Day

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.postMovements.routerPath), method: APIRoute.postMovements.method) { request, context in
            try request.require(contentType: ["application/json"])
            return try await importBody(request, context: context, records: .movements, format: .json)
        }
        for (route, records) in [(APIRoute.postFacilities, RecordKind.facilities), (.postAid, .aid)] {
            router.on(RouterPath(route.routerPath), method: route.method) { request, context in
                try request.require(contentType: ["application/json"])
                return try await importBody(request, context: context, records: records, format: .json)
            }
        }
        router.on(RouterPath(APIRoute.listImports.routerPath), method: APIRoute.listImports.method) { request, context -> Response in
            let limit = try request.wholeNumber("limit", 1 ... 10_000) ?? 1_000
            let imports = try await stores.imports(records: try request.oneOf("records", RecordKind.self), after: try request.wholeNumber("after", from: Int(Int32.min)),
                                                   limit: limit, readBy: context.caller)
            return try jsonResponse(CursorPage("imports", imports, limit: limit, id: \.position))
        }
        router.on(RouterPath(APIRoute.postImports.routerPath), method: APIRoute.postImports.method) { request, context in
            try request.require(contentType: ["text/csv", "application/csv", "text/plain", "application/json"])
            let records = try request.oneOf("records", RecordKind.self) ?? .movements
            let json = request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true
            return try await importBody(request, context: context, records: records, format: json ? .json : .csv)
        }
    }

    private func importBody(_ request: Request, context: Context, records: RecordKind, format: ImportRequest.Format) async throws -> Response {
        // The route the client posted to, as the import's list and the audit name it: `POST /aid`, `POST /imports?records=aid`.
        let route = String(request.uri.path.dropFirst("/api/v1".count))
        let sourceName = route == "/imports" && records != .movements ? "POST /imports?records=\(records.rawValue)" : "POST \(route)"
        var importRequest = ImportRequest(sourceName: sourceName, format: format,
                                          dryRun: try request.flag("dry_run"), skipInvalid: try request.flag("skip_invalid"), today: today(),
                                          vocabulary: .api)
        let catalogue = catalogues.catalogue(for: request)
        importRequest.organisation = try request.text("org")
        try await stores.organisations.refusePlusForSpace(importRequest.organisation, field: "org")
        if let name = try request.text("delimiter") {
            guard format == .csv else { throw Problem.badRequest("delimiter", "a delimiter is CSV's: JSON has none") }
            guard let byte = ImportRequest.delimiter(named: name) else { throw Problem.badRequest("delimiter", "'\(name)' is not one of , ; tab") }
            importRequest.delimiter = byte
        }
        importRequest.dateOrder = try request.oneOf("date_order", DateOrder.self)
        // For JSON too: a form's export names its keys by its questions (`grp/date`), and `map` says which is which.
        let parameters = request.uri.queryParameters
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
        let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
        return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
            let summary = try await stores.importRecords(records, importRequest, from: source, by: context.caller)
            metrics.recordImport(imported: summary.imported, updated: summary.updated, ignored: summary.ignored, rejected: summary.rejected)
            return (summary.status == .error ? .unprocessableContent : .ok, try jsonData(summary.written(in: catalogue)))
        }
    }
}


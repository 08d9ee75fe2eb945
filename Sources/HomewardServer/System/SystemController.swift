import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Health, metrics and the API contract: what operators and clients look at before anything else.
struct SystemController<Context: CallerRequestContext> {
    let stores: Stores
    let metrics: ServerMetrics

    /// The OpenAPI document, as kept in the repository and bundled with the server.
    static func openAPIDocument() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw Problem(.internalServerError, "the OpenAPI document is missing from this build")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.healthz.routerPath), method: APIRoute.healthz.method) { _, _ in
            do {
                try await stores.database.ping()
                return try jsonResponse(["status": "ok", "database": stores.database.backend.rawValue])
            } catch {
                var answer = ["status": "unavailable", "database": stores.database.backend.rawValue]
                // What only its operator can mend is said, for the monitor that pages them: not the server's paths.
                if case StoreError.unavailable(let message, _) = error { answer["reason"] = Catalogue.english.text(message) }
                return try jsonResponse(answer, status: .serviceUnavailable)
            }
        }
        router.on(RouterPath(APIRoute.metrics.routerPath), method: APIRoute.metrics.method) { _, _ in
            if let extent = try? await stores.ledger.ledgerExtent() { metrics.movementsStored.set(Int64(extent.movements)) }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
        }
        router.on(RouterPath(APIRoute.openapi.routerPath), method: APIRoute.openapi.method) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"],
                     body: .init(byteBuffer: ByteBuffer(string: try Self.openAPIDocument())))
        }
    }
}

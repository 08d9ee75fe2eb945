import Foundation
import HomewardCore
import HomewardStore
import Hummingbird
import Logging

/// Builds the Homeward server around open stores; `homeward serve` and the tests both start here.
///
/// - Parameter today: the clock, injected so that tests fix "today".
public func buildApplication(stores: Stores, configuration: ServerConfiguration,
                             today: @escaping @Sendable () -> Day) -> Application<RouterResponder<HomewardRequestContext>> {
    let metrics = ServerMetrics()
    let router = Router(context: HomewardRequestContext.self)
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ProblemMiddleware())

    router.on(RouterPath(APIRoute.overview.routerPath), method: APIRoute.overview.method) { _, _ in
        let model = try await OverviewModel.load(store: stores.ledger, today: today(), demo: configuration.demo)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: OverviewView(model: model).html)))
    }
    SystemController(stores: stores, metrics: metrics).add(to: router)
    LedgerController(store: stores.ledger, idempotency: stores.idempotency, configuration: configuration, metrics: metrics, today: today).add(to: router)
    PlacesController(store: stores.places, idempotency: stores.idempotency, configuration: configuration).add(to: router)

    return Application(router: router,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Homeward"),
                       logger: configuration.logger)
}

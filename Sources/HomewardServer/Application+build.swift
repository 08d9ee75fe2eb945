import Foundation
import HomewardCore
import HomewardStore
import Hummingbird
import Logging

/// Builds the Homeward server around an open store; `homeward serve` and the tests both start here.
///
/// - Parameter today: the clock, injected so that tests fix "today".
public func buildApplication(store: Store, configuration: ServerConfiguration,
                             today: @escaping @Sendable () -> Day) -> some ApplicationProtocol {
    let metrics = ServerMetrics()
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ProblemMiddleware())

    let pages: Pages
    do { pages = try Pages.bundled() } catch { fatalError("the server's templates or catalogues could not be read: \(error)") }
    router.on(RouterPath(APIRoute.overview.path), method: APIRoute.overview.method) { request, _ in
        let language = try request.query("lang", "one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))") {
            Language(rawValue: $0)
        } ?? .en
        let model = try await OverviewModel.load(store: store, today: today(), demo: configuration.demo)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue],
                        body: .init(byteBuffer: ByteBuffer(string: OverviewView(model: model, language: language).render(pages))))
    }
    SystemController(store: store, metrics: metrics).add(to: router)
    LedgerController(store: store, configuration: configuration, metrics: metrics, today: today).add(to: router)
    PlacesController(store: store, configuration: configuration).add(to: router)

    return Application(router: router,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Homeward"),
                       logger: configuration.logger)
}

import Foundation
import HomewardCore
import HomewardStore
import Hummingbird
import Logging
import NIOCore

/// Builds the Homeward server around open stores; `homeward serve` and the tests both start here.
///
/// - Parameter today: the clock, injected so that tests fix "today".
/// - Throws: when the bundled templates or catalogues cannot be read: the server does not start without its pages.
public func buildApplication(stores: Stores, configuration: ServerConfiguration,
                             today: @escaping @Sendable () -> Day,
                             onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) throws -> Application<RouterResponder<HomewardRequestContext>> {
    let metrics = ServerMetrics()
    let router = Router(context: HomewardRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestLogMiddleware(level: .info))
    let pages = try Pages.bundled()
    router.add(middleware: ProblemMiddleware(catalogues: pages.catalogues))
    // Twice: outside authentication for what it refuses (a form's CSRF token, a session ended), inside it for the
    // routes' own mistakes, the page then naming who reads it.
    router.add(middleware: PageProblemMiddleware(pages: pages))
    router.add(middleware: AuthenticationMiddleware(access: stores.access, database: stores.database, trustedProxies: configuration.trustedProxies))
    router.add(middleware: PageProblemMiddleware(pages: pages))
    router.add(middleware: UnknownParameterMiddleware(documented: try DocumentedParameters.bundled()))
    router.add(middleware: PageDigitsMiddleware())
    router.add(middleware: FreshnessMiddleware(database: stores.database, today: today))

    PagesController(stores: stores, pages: pages, configuration: configuration, today: today).add(to: router)
    SystemController(stores: stores, metrics: metrics).add(to: router)
    LedgerController(store: stores.ledger, today: today, smallCounts: SmallCounts(threshold: configuration.minPublicCount),
                     publicRounding: configuration.publicRounding).add(to: router)
    AuditController(access: stores.access).add(to: router)
    OrganisationsController(organisations: stores.organisations).add(to: router)
    AccountController(access: stores.access, pages: pages).add(to: router)
    PeopleController(stores: stores, pages: pages).add(to: router)
    CampsController(stores: stores, configuration: configuration, catalogues: pages.catalogues, today: today).add(to: router)
    ReconstructionController(stores: stores, configuration: configuration, today: today).add(to: router)
    AssistanceController(stores: stores, configuration: configuration).add(to: router)
    ReadinessController(stores: stores, today: today).add(to: router)
    ReconstructionPages(stores: stores, pages: pages, configuration: configuration, today: today).add(to: router)
    ImportsController(stores: stores, configuration: configuration, metrics: metrics, catalogues: pages.catalogues, today: today)
        .add(to: router)
    PlacesController(store: stores.places, idempotency: stores.idempotency, configuration: configuration).add(to: router)
    SourcesController(stores: stores, configuration: configuration, pages: pages, today: today).add(to: router)
    BulletinsController(stores: stores, configuration: configuration, pages: pages, today: today).add(to: router)

    // A connection that sends nothing for a minute (an idle keep-alive, or one that never finishes its headers) is closed,
    // so that a few hundred such cannot hold every descriptor; a request being answered is never cut off.
    return Application(router: router, server: .http1(configuration: .init(idleTimeout: .seconds(60))),
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Homeward"),
                       onServerRunning: onServerRunning, logger: configuration.logger)
}

import HomewardCore
import HomewardStore
import Hummingbird

/// The pages of reconstruction, aid and return readiness, each `?lang=en|ru|ar`, linked from one another.
struct ReconstructionPages<Context: CallerRequestContext> {
    let stores: Stores
    let pages: Pages
    let configuration: ServerConfiguration
    let today: @Sendable () -> Day

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.reconstructionPage.routerPath), method: APIRoute.reconstructionPage.method) { request, _ in
            let language = try request.pageLanguage()
            let asOf = try request.asOf(today: today())
            let model = try await ReconstructionModel.load(store: stores.reconstruction, asOf: asOf, window: try request.window(), demo: configuration.demo)
            return htmlResponse(ReconstructionView(model: model, language: language).render(pages), language: language)
        }
        router.on(RouterPath(APIRoute.aidPage.routerPath), method: APIRoute.aidPage.method) { request, _ in
            let language = try request.pageLanguage()
            let model = try await AidModel.load(store: stores.assistance, window: try request.window(), today: today(), demo: configuration.demo)
            return htmlResponse(AidView(model: model, language: language).render(pages), language: language)
        }
        router.on(RouterPath(APIRoute.readinessPage.routerPath), method: APIRoute.readinessPage.method) { request, _ in
            let language = try request.pageLanguage()
            let (window, level, order) = try ReadinessController<Context>.question(request)
            let model = try await ReadinessModel.load(stores: stores, window: window, level: level, order: order, today: today(),
                                                      demo: configuration.demo)
            return htmlResponse(ReadinessView(model: model, language: language).render(pages), language: language)
        }
    }
}

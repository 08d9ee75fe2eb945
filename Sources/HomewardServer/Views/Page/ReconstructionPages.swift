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
            let window = try request.window()
            // The page is of one day: what was commissioned after it is not yet, as of it.
            if let to = window.to, to > asOf { throw Problem.badRequest("to", "\(to) is after as_of (\(asOf)): the page gives the figures as of that day") }
            if let from = window.from, from > asOf { throw Problem.badRequest("from", "\(from) is after as_of (\(asOf)): the page gives the figures as of that day") }
            let model = try await ReconstructionModel.load(store: stores.reconstruction, asOf: asOf, window: window, demo: configuration.demo)
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
            var model = try await ReadinessModel.load(stores: stores, window: window, level: level, order: order, today: today(),
                                                      demo: configuration.demo)
            model.question = request.uri.queryParameters.filter { $0.key != "lang" }.map { (String($0.key), String($0.value)) }
            return htmlResponse(ReadinessView(model: model, language: language).render(pages), language: language)
        }
    }
}

import HomewardCore
import HomewardStore
import Hummingbird

/// The server-rendered pages: each in the language its `?lang=` asks for (English by default), as HTML.
struct PagesController<Context: RequestContext> {
    let stores: Stores
    let pages: Pages
    let configuration: ServerConfiguration
    let today: @Sendable () -> Day

    func add(to router: Router<Context>) {
        page(.overview, router) { language in
            OverviewView(model: try await OverviewModel.load(store: stores.ledger, today: today(), demo: configuration.demo), language: language)
                .render(pages)
        }
        page(.campsPage, router) { language in
            CampsPageView(model: try await CampsPageModel.load(store: stores.camps, today: today(), demo: configuration.demo), language: language)
                .render(pages)
        }
    }

    private func page(_ route: APIRoute, _ router: Router<Context>, render: @escaping @Sendable (Language) async throws -> String) {
        router.on(RouterPath(route.routerPath), method: route.method) { request, _ in
            let language = try request.query("lang", "one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))") {
                Language(rawValue: $0)
            } ?? .en
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue],
                            body: .init(byteBuffer: ByteBuffer(string: try await render(language))))
        }
    }
}

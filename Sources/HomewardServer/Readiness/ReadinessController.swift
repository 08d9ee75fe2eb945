import HomewardCore
import HomewardStore
import Hummingbird

/// Return readiness over HTTP: per destination area, returns beside facilities and aid.
struct ReadinessController<Context: CallerRequestContext> {
    let stores: Stores
    let today: @Sendable () -> Day

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.readiness.routerPath), method: APIRoute.readiness.method) { request, _ in
            let (window, level, order) = try Self.question(request)
            return try jsonResponse(try await stores.readiness(window, level: level, order: order, today: today()))
        }
    }

    /// The window, the level and the order asked, naming the parameter that is wrong; shared with the page.
    static func question(_ request: Request) throws -> (DateWindow, AdminLevel, ReadinessOrder) {
        let level = try request.oneOf("level", AdminLevel.allCases.map { "adm\($0.rawValue)" }) { text in
            AdminLevel.allCases.first { "adm\($0.rawValue)" == text }
        } ?? .adm1
        let order = try request.query("sort", ReadinessOrder.expected) { ReadinessOrder($0) } ?? .returned
        return (try request.window(), level, order)
    }
}

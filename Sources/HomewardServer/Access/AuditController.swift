import HomewardCore
import HomewardStore
import Hummingbird

/// The audit log over HTTP, for admins and coordinators.
struct AuditController<Context: CallerRequestContext> {
    let access: AccessStore

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.audit.routerPath), method: APIRoute.audit.method) { request, context -> Response in
            let window = try request.window()
            let (from, to) = (window.from, window.to)
            let limit = try request.wholeNumber("limit", 1 ... 10_000) ?? 10_000
            let after: Int? = try request.wholeNumber("after", from: 0)
            let user: String? = request.uri.queryParameters.get("user").map { String($0) }
            let kind: String? = request.uri.queryParameters.get("kind").map { String($0) }
            let entries = try await access.audit(from: from, to: to, login: user, kind: kind, after: after, limit: limit, readBy: context.caller)
            return try jsonResponse(CursorPage("entries", entries, limit: limit, id: \.id))
        }
    }
}


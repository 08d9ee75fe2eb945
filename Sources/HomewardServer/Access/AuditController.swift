import HomewardCore
import HomewardStore
import Hummingbird

/// The audit log over HTTP, for admins and coordinators.
struct AuditController<Context: CallerRequestContext> {
    let access: AccessStore

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.audit.routerPath), method: APIRoute.audit.method) { request, context -> Response in
            let from: Day? = try request.query("from", "a date (YYYY-MM-DD)") { Day($0) }
            let to: Day? = try request.query("to", "a date (YYYY-MM-DD)") { Day($0) }
            let limit: Int? = try request.query("limit", "a whole number from 1 to 10000") { text -> Int? in
                guard let n = Int(text), (1...10_000).contains(n) else { return nil }
                return n
            }
            let user: String? = request.uri.queryParameters.get("user").map { String($0) }
            let kind: String? = request.uri.queryParameters.get("kind").map { String($0) }
            let entries = try await access.audit(from: from, to: to, login: user, kind: kind, limit: limit ?? 10_000, readBy: context.caller)
            return try jsonResponse(["entries": entries])
        }
    }
}

import HomewardCore
import HomewardStore
import HTTPTypes
import Hummingbird

/// Works out who a request is (a bearer token, or a signed-in page session) and turns the public away from
/// everything that is not public: 401 for the API, the sign-in form for a page.
///
/// A session's unsafe requests must carry its CSRF token (the `X-CSRF-Token` header, or a page form's `csrf`
/// field, checked here for every form route so that none can forget it) and must not come from another site; bearer tokens need neither,
/// as no browser sends them on its own. A write whose route needs a role the caller lacks (``APIRoute/writeNeed``) is
/// refused here, audited, before its body is read (a page form's after its CSRF token, which is in the body). It also tells
/// the store where the request came from, for the audit.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = HomewardRequestContext
    static let sessionCookie = "homeward_session"

    let access: AccessStore
    let database: Database
    /// Proxies whose `X-Forwarded-For` names the client (``ClientAddress``).
    var trustedProxies: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request, context = context
        context.clientAddress = ClientAddress.resolve(socket: context.remoteAddress?.ipAddress,
                                                      forwardedFor: request.headers[values: HTTPField.Name("X-Forwarded-For")!], trusted: trustedProxies)
        let route = APIRoute.route(method: request.method, path: request.uri.path)
        context.route = route
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            let refused = Problem(.unauthorized, Message("problem.token.invalid"),
                                  headers: [.wwwAuthenticate: #"Bearer realm="homeward", error="invalid_token""#])
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw refused }
            // Read before the proof, and before the route runs: the answer's tag may use it too.
            let version = try? await database.dataVersion()
            // Where it came from, for the audit of a dead token sent again.
            guard let caller = try await RequestOrigin.$address.withValue(context.clientAddress, operation: {
                try await access.caller(forToken: parts[1].trimmingCharacters(in: .whitespaces), at: version,
                                        attempt: "\(request.method) \(request.uri.path)")
            }) else {
                throw refused
            }
            context.proven = caller
            context.dataVersion = version
        } else if let cookie = request.cookies[Self.sessionCookie], let session = try await access.session(cookie.value) {
            context.proven = session.caller
            context.session = session
            // A public route (sign-in) does not act as the session: posting the sign-in form while signed in is not forged.
            if ![.get, .head, .options].contains(request.method) && route?.access != .everyone {
                do {
                    if request.isFromAnotherSite {
                        throw Problem(.forbidden, Message(Problem.crossSite))
                    }
                    if route?.takesForm ?? false {
                        try await Self.checkForm(&request, of: session)
                    } else {
                        guard let token = request.headers[HTTPField.Name("X-CSRF-Token")!], Secret.equal(token, session.csrf) else {
                            throw Problem.coded(.forbidden, Message("access.csrf.header"), code: Problem.csrf, field: "X-CSRF-Token")
                        }
                    }
                } catch let refusal as Problem where refusal.status == .forbidden {
                    // A forged request riding a signed-in officer's session, or a page left open past its token: audited,
                    // once a minute for the session.
                    if access.auditsRefusal(of: session, reason: refusal.field ?? "another site") {
                        await RequestOrigin.$address.withValue(context.clientAddress) {
                            await database.auditRefusal("\(request.method) \(request.uri.path): \(refusal.detail)",
                                                        kind: route?.writeNeed?.rawValue ?? "session", by: session.caller)
                        }
                    }
                    throw refusal
                }
            }
        }
        if let route, route.access == .signedIn, context.proven == nil {
            if route.isPage && [.get, .head].contains(request.method) {
                return Response(status: .seeOther, headers: [.location: SignInView.location(askedFor: request)])
            }
            throw Problem(.unauthorized, Message("problem.signIn"),
                          headers: [.wwwAuthenticate: #"Bearer realm="homeward""#])
        }
        if let need = route?.writeNeed, let caller = context.proven {
            try await RequestOrigin.$address.withValue(context.clientAddress) { try await database.checkRole(of: caller, for: need, attempt: "\(request.method) \(request.uri.path)") }
        }
        // A page read with a bearer token names its reader too, with no session's token for forms.
        let viewer = context.proven?.login.map { PageViewer(login: $0, csrf: context.session?.csrf) }
        return try await RequestOrigin.$address.withValue(context.clientAddress) {
            try await PageViewer.$current.withValue(viewer) { try await next(request, context) }
        }
    }

    /// A page form's `csrf` field against its session's token; the body is kept for the route to read the form.
    private static func checkForm(_ request: inout Request, of session: PageSession) async throws {
        try request.require(contentType: ["application/x-www-form-urlencoded"])
        _ = try await request.collectBody(upTo: Request.formLimit)
        guard let csrf = try await request.formItems().first(where: { $0.name == "csrf" })?.value, Secret.equal(csrf, session.csrf) else {
            throw Problem(.forbidden, Message(Problem.csrf), field: "csrf")
        }
    }
}

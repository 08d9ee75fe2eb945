import Foundation
import HomewardCore
import HomewardStore
import HTTPTypes
import Hummingbird

/// The server-rendered pages: each in the language its `?lang=` asks for (else the browser's, else English), as HTML,
/// and the sign-in form that opens a page session.
struct PagesController {
    typealias Context = HomewardRequestContext

    let stores: Stores
    let pages: Pages
    let configuration: ServerConfiguration
    let today: @Sendable () -> Day

    func add(to router: Router<Context>) {
        page(.overview, router) { _, language, signedIn in
            let model = try await OverviewModel.load(store: stores.ledger, today: today(), demo: configuration.demo)
            // Internal readers (a session or a token) see exact figures; the public, small counts hidden.
            return OverviewView(model: signedIn ? model : model.forThePublic(SmallCounts(threshold: configuration.minPublicCount),
                                                                                     roundingTo: configuration.publicRounding),
                                language: language).render(pages)
        }
        page(.campsPage, router) { request, language, _ in
            let asOf = try request.asOf(today: today())
            return CampsPageView(model: try await CampsPageModel.load(store: stores.camps, asOf: asOf, demo: configuration.demo),
                                 language: language)
                .render(pages)
        }
        page(.sessionsPage, router) { _, language, _ in
            SessionsView(model: try await SessionsModel.load(stores: stores, demo: configuration.demo), language: language).render(pages)
        }
        router.on(RouterPath(APIRoute.signInPage.routerPath), method: .get) { request, context in
            let language = try request.pageLanguage()
            return htmlResponse(SignInView(language: language, next: SignInView.safeNext(request.uri.queryParameters.get("next")),
                                           asked: request.uri.queryParameters.get("asked") == "1").render(pages),
                                language: language)
        }
        router.on(RouterPath(APIRoute.signIn.routerPath), method: APIRoute.signIn.method) { request, _ in
            try await signIn(request)
        }
        router.on(RouterPath(APIRoute.signOut.routerPath), method: APIRoute.signOut.method) { request, context in
            _ = try await request.form(taking: [])
            // Its token was checked with the session's; a bearer token has no session to end.
            guard let session = context.session else {
                throw Problem(.forbidden, "only a page session signs out; this request has none", field: "csrf")
            }
            try await stores.access.signOut(session)
            var response = Response(status: .seeOther, headers: [.location: "\(APIRoute.overview.path)?lang=\(try request.pageLanguage().rawValue)"])
            response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: false,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// Checks the form's login and password; a session cookie (HttpOnly, SameSite=Strict, Secure behind TLS)
    /// and the page asked for on success, the form again with the reason otherwise.
    private func signIn(_ request: Request) async throws -> Response {
        let language = try request.pageLanguage()
        // A sign-in form posted from another site is refused: no one is signed in on someone else's behalf.
        if request.isFromAnotherSite {
            throw Problem(.forbidden, "a sign-in from another site is refused")
        }
        let form = try await request.form(taking: ["login", "password", "next"])
        let login = form["login"] ?? "", next = SignInView.safeNext(form["next"])
        let catalogue = pages.catalogue(language)
        do {
            let session = try await stores.access.signIn(login: login, password: form["password"] ?? "")
            var response = Response(status: .seeOther, headers: [.location: SignInView.destination(next, in: language)])
            response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: session.id, maxAge: Int(AccessStore.sessionHours * 3_600),
                                      path: "/", secure: request.cameOverTLS, httpOnly: true, sameSite: .strict))
            return response
        } catch let refusal as AccessStore.SignInRefusal {
            return htmlResponse(SignInView(language: language, next: next, login: login, error: catalogue.text(refusal.message)).render(pages),
                                language: language, status: refusal.isThrottled ? .tooManyRequests : .unauthorized, headers: refusal.headers)
        }
    }

    private func page(_ route: APIRoute, _ router: Router<Context>,
                      render: @escaping @Sendable (Request, Language, _ signedIn: Bool) async throws -> String) {
        router.on(RouterPath(route.routerPath), method: route.method) { request, context in
            let language = try request.pageLanguage()
            return htmlResponse(try await render(request, language, context.proven != nil), language: language)
        }
    }
}

import Foundation
import HomewardCore
import HomewardStore
import HTTPTypes
import Hummingbird

/// The account page and its forms: a person changes their own password and makes or revokes their own
/// tokens, without an admin at the command line.
///
/// Every form of a page session carries the session's CSRF token in its `csrf` field (``AuthenticationMiddleware``
/// checks it); a bearer token needs none, but may not change a password or make tokens (the store refuses: a leaked token must not outlive
/// its revocation). Answers are never cached, since one of them shows a new token.
struct AccountController {
    typealias Context = HomewardRequestContext

    let access: AccessStore
    let pages: Pages

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.accountPage.routerPath), method: APIRoute.accountPage.method) { request, context in
            let notice: String? = switch request.uri.queryParameters.get("done") {
            case "password": "account.password.changed"
            case "revoked": "account.tokens.revokedNotice"
            default: nil
            }
            return try await page(request, context, notice: notice)
        }
        router.on(RouterPath(APIRoute.changePassword.routerPath), method: APIRoute.changePassword.method) { request, context in
            // Who may is settled before what was sent: a token is refused as one, whatever its body.
            guard let session = context.session else {
                throw await access.auditedRefusal(Message("account.session_only"), for: .account, by: context.caller, attempt: "\(request.method) \(request.uri.path)")
            }
            let form = try await request.form(taking: ["current", "new", "repeat"])
            let current = form["current"] ?? "", new = form["new"] ?? ""
            let mistake: String? = new != form["repeat"] ? "account.password.mismatch"
                : PasswordRule.mistake(new) ?? (new == current ? "account.password.same" : nil)
            if let mistake { return try await page(request, context, error: Message(mistake), status: .badRequest) }
            do {
                try await access.changePassword(current: current, new: new, in: session)
            } catch let refusal as AccessStore.SignInRefusal {
                return try await page(request, context, error: refusal.isThrottled ? refusal.message : Message("account.password.wrong"),
                                      status: refusal.isThrottled ? .tooManyRequests : .forbidden, headers: refusal.headers)
            }
            return try Self.back(request, done: "password")
        }
        router.on(RouterPath(APIRoute.createAccountToken.routerPath), method: APIRoute.createAccountToken.method) { request, context in
            if case .token = context.caller {
                throw await access.auditedRefusal(Message("access.token.noCredentials"), for: .account, by: context.caller,
                                                  attempt: "\(request.method) \(request.uri.path)")
            }
            let form = try await request.form(taking: ["expires_days"])
            guard let days = form["expires_days"].flatMap({ Int($0) }), (1...3_650).contains(days) else {
                return try await page(request, context, error: Message("account.tokens.daysInvalid"), status: .badRequest)
            }
            guard let login = context.caller.login else { throw StoreError.unauthenticated(Message("access.public")) }
            let issued = try await access.createToken(for: login, expiresInDays: days, by: context.caller)
            return try await page(request, context, issued: issued)
        }
        router.on(RouterPath(APIRoute.revokeAccountToken.routerPath), method: APIRoute.revokeAccountToken.method) { request, context in
            _ = try await request.form(taking: [])
            guard let id = context.parameters.get("id", as: Int.self), id > 0 else {
                throw Problem.badRequest("id", "'\(context.parameters.get("id") ?? "")' is not a token id (a whole number)")
            }
            try await access.revokeTokens(id: id, by: context.caller)
            return try Self.back(request, done: "revoked")
        }
    }

    private func page(_ request: Request, _ context: Context, notice: String? = nil, error: Message? = nil, issued: IssuedToken? = nil,
                      status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) async throws -> Response {
        let language = try request.pageLanguage()
        guard let login = context.caller.login, let person = try await access.person(login) else { throw StoreError.unauthenticated(Message("access.public")) }
        let c = pages.catalogue(language)
        let view = AccountView(person: person, tokens: try await access.tokens(of: login), language: language,
                               issued: issued, notice: notice.map { c.text($0) }, error: error.map(c.text),
                               now: Database.timestamp(Date()))
        var headers = headers
        headers[.cacheControl] = "no-store"
        return htmlResponse(view.render(pages), language: language, status: status, headers: headers)
    }

    /// Back to the account page, in the same language, with what was done.
    private static func back(_ request: Request, done: String) throws -> Response {
        let language = try request.pageLanguage()
        return Response(status: .seeOther, headers: [.location: "\(APIRoute.accountPage.path)?\(language.pageQuery)&done=\(done)",
                                                     .cacheControl: "no-store"])
    }
}

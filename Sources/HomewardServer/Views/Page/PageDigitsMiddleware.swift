import HomewardCore
import Hummingbird

/// Writes a page in the digits its address asks (`?digits=latin`), as a statement is given over the API and the command
/// line: an Arabic reader quoting figures into a document of Latin digits. A value not offered is refused, as a page's
/// other parameters are.
struct PageDigitsMiddleware: RouterMiddleware {
    typealias Context = HomewardRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.route?.isPage == true, let digits = try request.oneOf("digits", Digits.self) else { return try await next(request, context) }
        return try await Pages.$digits.withValue(digits) { try await next(request, context) }
    }
}

extension Language {
    /// A page link's query for this language, keeping Latin digits where the page was asked for them: every link a page
    /// writes to another page (navigation, language, sort, sign-in) starts from it.
    var pageQuery: String { "lang=\(rawValue)" + (Pages.digits == .latin ? "&digits=latin" : "") }
}

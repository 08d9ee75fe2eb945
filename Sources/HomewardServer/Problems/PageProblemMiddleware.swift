import HomewardCore
import Hummingbird

/// A page's error, or a page form's, answered as a page to a browser (which asks for `text/html`): the problem in the page's
/// language, inside the site's navigation, with a way back. Scripts, which do not ask for HTML, keep problem details in JSON.
///
/// Added both outside ``AuthenticationMiddleware`` (for a form's CSRF token refused, a session ended) and inside it (for
/// the routes' own mistakes, the page then naming who reads it). Never kept by a cache: it may name its reader.
struct PageProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Scripts, which ask for no HTML, pass at the cost of a header's look: the route is found for browsers only.
        guard request.headers[values: .accept].contains(where: { $0.contains("text/html") }) else { return try await next(request, context) }
        // An address no route has (a link mistyped or gone) is a page's mistake too, for a browser.
        let route = APIRoute.route(method: request.method, path: request.uri.path)
        guard route?.isPage ?? true else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch {
            // `?lang=fr` is itself a mistake: its page is written in the language the browser asks for.
            let language = (try? request.pageLanguage()) ?? request.language
            // In the digits the page was asked in, its links keeping them: the problem is met outside the page's own scope.
            let digits: Digits = (try? request.oneOf("digits", Digits.self)).flatMap { $0 } ?? .native
            return Pages.$digits.withValue(digits) {
                let problem = ProblemMiddleware<Context>.problem(for: error, request: request, catalogue: pages.catalogue(language), logger: context.logger)
                let view = ProblemPageView(problem: problem, route: route ?? .overview, language: language)
                var headers = problem.headers
                headers[.cacheControl] = "no-store"
                headers[.wwwAuthenticate] = nil
                return htmlResponse(view.render(pages), language: language, status: problem.status, headers: headers)
            }
        }
    }
}

import HTTPTypes
import Hummingbird

/// Headers that keep a browser from misusing an answer: no answer is read as another type than it says, and no page
/// is framed by another site (a signed-in officer's click on a hidden "disable account" button) or names itself, its
/// query with a person's login among it, to the sites its links lead to.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        // Pages, and their 304s (which carry no type): not JSON, which no browser frames.
        if response.headers[.contentType]?.hasPrefix("application/") != true {
            response.headers[.contentSecurityPolicy] = "frame-ancestors 'none'"
            response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
            response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        }
        return response
    }
}

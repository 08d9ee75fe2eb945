import Foundation
import Hummingbird
import Logging

/// One line per request once answered: method, the route's path (`/people/{login}`, not the login in it), the query's keys
/// (their values left out: a person's login, a token a script put in a URL), status and milliseconds.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: started)
            return response
        } catch {
            log(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        // Nothing worked out for a level not logged (a loaded server logs errors alone).
        guard context.logger.logLevel <= level else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = ["hb.request.method": "\(request.method.rawValue)", "hb.request.path": "\(APIRoute.route(method: request.method, path: request.uri.path)?.path ?? request.uri.path)",
                                         "hb.response.status": "\(status)", "hb.request.ms": "\(String(format: "%.1f", milliseconds))"]
        let keys = request.uri.queryParameters.map { String($0.key) }
        if !keys.isEmpty { metadata["hb.request.query"] = "\(keys.joined(separator: ","))" }
        context.logger.log(level: level, "Request", metadata: metadata)
    }
}

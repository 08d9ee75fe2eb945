import HomewardCore
import Hummingbird

/// Refuses a query parameter that the API's contract does not give the route, naming those it takes, and one of a
/// single value given twice.
///
/// A misspelt filter must not pass for an answer: `?org=UNHCR` on `/api/v1/totals` (whose filter is `organisation`)
/// would otherwise give the whole ledger as UNHCR's figure; nor may `?by=adm1&by=crossing` be answered by one of the
/// two. Pages keep their leniency: a browser adds what it likes.
struct UnknownParameterMiddleware: RouterMiddleware {
    typealias Context = HomewardRequestContext
    let documented: DocumentedParameters
    // Runs after AuthenticationMiddleware, which finds the route once for both.

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let parameters = request.uri.queryParameters
        if request.uri.path.hasPrefix("/api/"), !parameters.isEmpty,
           let route = context.route, let known = documented.of(route) {
            // `?&from=…` gives an empty name, which asks for nothing. A name is compared as sent, as the route reads it:
            // `dry%5Frun` is no `dry_run` to the route either.
            let names = parameters.map { String($0.key) }.filter { !$0.isEmpty }
            if let unknown = names.sorted().first(where: { !known.contains($0) }) {
                throw Problem(.badRequest, known.isEmpty ? Message("problem.parameter.none")
                                : Message("problem.parameter.unknown", ["known": .code(known.sorted().joined(separator: ", "))]), field: unknown)
            }
            // Most requests give each name once: the repeats are looked for only when there are some.
            if names.count > 1, Set(names).count < names.count {
                let lists = documented.repeatable(route)
                if let repeated = Dictionary(grouping: names, by: { $0 }).filter({ $0.value.count > 1 && !lists.contains($0.key) }).keys.sorted().first {
                    throw Problem(.badRequest, Message("problem.parameter.repeated"), field: repeated)
                }
            }
        }
        return try await next(request, context)
    }
}

import HomewardCore
import Hummingbird

/// Refuses a query parameter that the API's contract does not give the route, naming those it takes, and one of a
/// single value given twice.
///
/// A misspelt filter must not pass for an answer: `?org=UNHCR` on `/api/v1/totals` (whose filter is `organisation`)
/// would otherwise give the whole ledger as UNHCR's figure; nor may `?by=adm1&by=crossing` be answered by one of the
/// two. Pages keep their leniency, a browser adding what it likes, but say above their content what they do not read
/// (``PageQuery``).
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
            // A value that is not percent-encoded UTF-8 (`%FF`, `%ZZ`, a Latin-1 name) would be read as something else and
            // answer for it (an organisation of no figures, 0) without a word.
            if let raw = request.uri.query, let badly = Self.badlyEncoded(in: raw) {
                throw Problem(.badRequest, Message("problem.parameter.encoding"), field: badly)
            }
            // Most requests give each name once: the repeats are looked for only when there are some.
            if names.count > 1, Set(names).count < names.count {
                let lists = documented.repeatable(route)
                if let repeated = Dictionary(grouping: names, by: { $0 }).filter({ $0.value.count > 1 && !lists.contains($0.key) }).keys.sorted().first {
                    throw Problem(.badRequest, Message("problem.parameter.repeated"), field: repeated)
                }
            }
        }
        if !request.uri.path.hasPrefix("/api/"), request.method == .get, !parameters.isEmpty,
           let route = context.route, let known = documented.of(route) {
            let unread = Set(parameters.map { String($0.key) }.filter { !$0.isEmpty && !known.contains($0) }).sorted()
            if !unread.isEmpty {
                return try await PageQuery.$ignored.withValue(PageQuery(names: unread, known: known.sorted())) { try await next(request, context) }
            }
        }
        return try await next(request, context)
    }

    /// The name of the first parameter whose name or value is not percent-encoded UTF-8: a `%` without two hexadecimal
    /// digits after it, or bytes that decode to no UTF-8 text.
    static func badlyEncoded(in query: String) -> String? {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            var bytes: [UInt8] = []
            var rest = Substring(pair).utf8[...]
            var fine = true
            while let byte = rest.popFirst() {
                guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
                // Two hexadecimal digits: `UInt8(_:radix:)` alone would take a sign (`%+F`).
                guard rest.count >= 2, rest.prefix(2).allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                      let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) else { fine = false; break }
                bytes.append(value)
                rest = rest.dropFirst(2)
            }
            if !fine || String(validating: bytes, as: UTF8.self) == nil { return name.removingPercentEncoding ?? name }
        }
        return nil
    }
}

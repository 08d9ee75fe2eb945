import Foundation
import HomewardCore
import HomewardStore
import Hummingbird
import Logging
import NIOHTTP1

/// Turns every error into problem details, so that no client ever sees a stack trace or an empty body.
///
/// A path that exists under another method answers 405 with `Allow`; bad input never answers 500.
/// A query parameter holding NUL is refused here, for every route: no code or name holds one, and
/// PostgreSQL refuses text with it.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The catalogues the problems of an import are written with, in the language the request asks for.
    let catalogues: [Language: Catalogue]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let (name, _) = request.uri.queryParameters.first(where: { $0.value.utf8.contains(0) }) {
            throw Problem(.badRequest, Message("problem.parameter.nul"), field: String(name))
        }
        do {
            return try await next(request, context)
        } catch {
            throw Self.problem(for: error, request: request, catalogue: catalogues.catalogue(for: request), logger: context.logger)
        }
    }

    /// The problem an error is answered with, its words from `catalogue` where the catalogue has them.
    ///
    /// ``PageProblemMiddleware`` writes a page's in the page's language; this middleware, the rest in `Accept-Language`'s.
    static func problem(for error: any Error, request: Request, catalogue: Catalogue, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem.written(in: catalogue)
        case let error as HTTPError:
            return problem(for: error, request: request).written(in: catalogue)
        case let error as HTTPParserError:
            // A body the client sent malformed (a chunk's size that is no number): its mistake, not the server's.
            return Problem(.badRequest, "the request is not well-formed HTTP: \(error)")
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return Problem(.contentTooLarge, Message("problem.body.tooLarge")).written(in: catalogue)
        case let error as StoreError:
            switch error {
            case .invalid(let field, _, _): return Problem(.badRequest, error.description, field: field, code: Problem.invalidValue)
            case .conflict: return Problem(.conflict, error.description)
            case .forbidden(let message): return Problem(.forbidden, message).written(in: catalogue)
            case .forbiddenRecords(let message, let summary):
                let problems = summary.problems
                // Which rows name another organisation, each as an import's problem: a file of thousands is mended by them.
                var refusal = Problem(.forbidden, message, field: Self.field(of: ImportError(problems))).written(in: catalogue)
                refusal.problems = problems.map { $0.written(in: catalogue) }
                return refusal
            case .unauthenticated(let message):
                return Problem(.unauthorized, message, headers: [.wwwAuthenticate: #"Bearer realm="homeward""#]).written(in: catalogue)
            case .refused(let problem):
                var refusal = problem.isConflict ? Problem(.conflict, catalogue.text(problem.message), field: problem.field)
                    : Problem(.badRequest, problem.written(in: catalogue), field: problem.field)
                refusal.code = problem.message.key
                return refusal
            case .notFound: return Problem(.notFound, error.description)
            case .closed, .database, .storage:
                logger.error("database error: \(error)")
                return Problem(.serviceUnavailable, Message("problem.database.unavailable")).written(in: catalogue)
            case .unavailable(let message, let log):
                logger.error("database error: \(log)")
                return Problem(.serviceUnavailable, message).written(in: catalogue)
            }
        case let error as ImportError:
            return Problem(.badRequest, error.description(in: catalogue), field: Self.field(of: error),
                           problems: error.problems.map { $0.written(in: catalogue) })
        case let error as DecodingError:
            return problem(for: error)
        default:
            logger.error("unexpected error: \(String(reflecting: error))")
            return Problem(.internalServerError, "an unexpected error; it has been logged")
        }
    }

    /// What a refused import names as its `field`, as the other routes' refusals name theirs: the parameter at fault
    /// (`map`, `set`, `delimiter`), else the key or column at fault; none where problems name several (or none).
    static func field(of error: ImportError) -> String? {
        let fields = Set(error.problems.compactMap { problem -> String? in
            if problem.code.hasSuffix("OtherSeparator") || problem.code == "import.layout.otherSeparator" { return "delimiter" }
            if problem.code.hasPrefix("import.layout.map") { return "map" }
            if let option = ["map", "set"].first(where: { problem.column == $0 || problem.column.hasPrefix($0 + " ") }) { return option }
            return problem.column.isEmpty ? nil : problem.column
        })
        return fields.count == 1 ? fields.first : nil
    }

    static func problem(for error: HTTPError, request: Request) -> Problem {
        switch error.status {
        case .notFound:
            let allowed = APIRoute.methods(for: request.uri.path)
            if !allowed.isEmpty && !allowed.contains(request.method) {
                return Problem(.methodNotAllowed, Message("problem.method.notAllowed", ["method": .code(request.method.rawValue),
                                                                                       "allowed": .code(allowed.map(\.rawValue).joined(separator: ", "))]),
                               headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")])
            }
            return Problem(.notFound, Problem.noSuchResource + request.uri.path)
        case .contentTooLarge:
            return Problem(.contentTooLarge, Message("problem.body.tooLarge"))
        default:
            return Problem(error.status, error.body ?? error.status.reasonPhrase)
        }
    }

    static func problem(for error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context) -> String {
            // `participants[0].organisation`, as a JSON path reads.
            context.codingPath.reduce(into: "") { path, key in
                if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return .badRequest(prefix.isEmpty ? key.stringValue : "\(prefix).\(key.stringValue)", "required")
        case .typeMismatch(let type, let context):
            return .badRequest(path(context), "expected \(jsonName(type))")
        case .valueNotFound(let type, let context):
            return .badRequest(path(context), "expected \(jsonName(type)), found null")
        case .dataCorrupted(let context):
            return .badRequest(path(context).isEmpty ? "body" : path(context), context.debugDescription)
        @unknown default:
            return .badRequest("body", "the body could not be read")
        }
    }
}

/// A Swift type a request body was decoded as, in JSON's words: clients write JSON, not `Dictionary<String, Any>`.
func jsonName(_ type: Any.Type) -> String {
    let name = String(describing: type)
    if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
    if name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer") { return "an array" }
    switch name {
    case "String", "Day": return "a string"
    case "Int", "Int64", "Double", "Decimal": return "a number"
    case "Bool": return "true or false"
    default: return name.hasPrefix("Optional") ? "a value" : "a \(name)"
    }
}

extension Problem {
    /// The start of an unknown address's detail, which a page leaves to its heading.
    static var noSuchResource: String { "no such resource: " }
}

import Foundation
import HomewardCore
import HTTPTypes
import Hummingbird

/// An error answered as RFC 9457 problem details (`application/problem+json`), naming the field at fault.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    /// The query parameter, header or body field at fault.
    public var field: String?
    /// Located problems of an import or batch, when there are several, written in the reader's language.
    public var problems: [ImportProblem]?
    public var headers: HTTPFields
    /// The detail as the catalogue words it, written in the request's language (``ProblemMiddleware``); `detail` is its English.
    public var message: Message?
    /// What is wrong, for programs, the same in every language: the catalogue key of ``message``, or one given where the
    /// detail is not in the catalogue yet (an `Idempotency-Key`'s four conflicts, each asking something else of a client).
    public var code: String?

    public init(_ status: HTTPResponse.Status, _ detail: String, field: String? = nil, problems: [ImportProblem]? = nil,
                headers: HTTPFields = [:], code: String? = nil) {
        self.status = status
        self.detail = detail
        self.field = field
        self.problems = problems
        self.headers = headers
        self.code = code
    }

    public init(_ status: HTTPResponse.Status, _ message: Message, field: String? = nil, headers: HTTPFields = [:]) {
        self.init(status, Catalogue.english.text(message), field: field, headers: headers)
        self.message = message
    }

    /// The problem with its detail in `catalogue`'s language, where the catalogue words it.
    func written(in catalogue: Catalogue) -> Problem {
        var written = self
        if let message { written.detail = catalogue.text(message) }
        return written
    }

    /// A value not taken (of a query parameter, header, path, form or body field), said in English: its code says so to
    /// programs, as every other problem's does, and `field` names which.
    public static func badRequest(_ field: String, _ detail: String) -> Problem {
        Problem(.badRequest, detail, field: field, code: invalidValue)
    }

    /// A value not taken, worded by the catalogue in the reader's language; its code is still ``invalidValue``.
    public static func badRequest(_ field: String, _ message: Message) -> Problem {
        var problem = Problem(.badRequest, message, field: field)
        problem.code = invalidValue
        return problem
    }

    /// The code of a value not taken: the code is in the catalogue, the detail's words (in English) are not yet.
    static let invalidValue = "problem.value.invalid"
    /// The code of a 404 whose detail names what was not found in English: scripts tell "no such record" from other
    /// problems by it, in any language.
    static let notFound = "problem.notFound"

    /// A problem worded by the catalogue in the reader's language, under a code of its own (several wordings, one code).
    static func coded(_ status: HTTPResponse.Status, _ message: Message, code: String, field: String? = nil, headers: HTTPFields = [:]) -> Problem {
        var problem = Problem(status, message, field: field, headers: headers)
        problem.code = code
        return problem
    }

    /// The code of a body that could not be read (a JSON key unknown or given twice, a file's layout): its problems' code,
    /// where they share one, so that scripts branch on `code` alone for every 400.
    static func sharedCode(of problems: [ImportProblem]) -> String? {
        Set(problems.map(\.code)).count == 1 ? problems.first?.code : nil
    }

    /// The code of each status that says all there is to tell, where no message gives one (a 404 naming its path, a body's
    /// 413 naming its limit): what it refuses is in its status.
    static let codes: [HTTPResponse.Status: String] = [.notFound: notFound, .contentTooLarge: "problem.body.tooLarge"]
    /// The codes of a session's writes refused before any store is asked: from another site, or without the CSRF token.
    static let crossSite = "access.crossSite"
    static let csrf = "access.csrf"

    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        var instance: String
        var field: String?
        var code: String?
        var problems: [ImportProblem]?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(title: status.reasonPhrase, status: status.code, detail: detail, instance: request.uri.path,
                        field: field, code: code ?? message?.key ?? Self.codes[status] ?? problems.flatMap(Self.sharedCode),
                        problems: problems)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }
}

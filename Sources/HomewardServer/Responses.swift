import HTTPTypes
import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// JSON as the API writes it: stable key order, slashes as they are.
func jsonData(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
}

func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try jsonData(value))))
}

/// A record's history (`{"versions": [...]}`) from the `id` of the route's path: 400 for an id that is no whole number, 404
/// for one that names no record. `noun` names the record as an error says it ("movement", "aid action").
func historyResponse<Version: Encodable>(_ parameters: Parameters, noun: String, _ versions: (Int) async throws -> [Version]) async throws -> Response {
    guard let id = parameters.get("id", as: Int.self), id > 0 else {
        throw Problem.badRequest("id", "'\(parameters.get("id") ?? "")': the number of the \(noun) is a whole number from 1")
    }
    let found = try await versions(id)
    guard !found.isEmpty else { throw Problem(.notFound, "no \(noun) has the number \(id)") }
    return try jsonResponse(["versions": found])
}

/// A page (or a bulletin rendered as HTML) in its language; `headers` adds to the two every page has.
func htmlResponse(_ html: String, language: Language, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
    // A page without `?lang=` is in the browser's language: a cache keeps one copy per language asked for.
    var all: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue, .vary: "Accept-Language"]
    all.append(contentsOf: headers)
    return Response(status: status, headers: all, body: .init(byteBuffer: ByteBuffer(string: html)))
}

extension Request {
    /// Refuses a body of another media type with 415.
    func require(contentType expected: [String]) throws {
        let given = headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let given, expected.contains(given) else {
            let arguments: [String: MessageArgument] = ["expected": .code(expected.joined(separator: ", ")), "given": .code(given ?? "")]
            throw Problem(.unsupportedMediaType, Message(given == nil ? "problem.contentType" : "problem.contentType.other", arguments),
                          field: "Content-Type")
        }
        // Bodies are read as UTF-8: one declared in another encoding would be refused row by row as "not UTF-8", or read
        // wrong where its bytes happen to be UTF-8 too.
        // Every `charset` given is looked at, an empty one too: the first alone would let `charset=utf-8; charset=latin1` by.
        // `charset = latin1` (spaces about the `=`) is read as `charset=latin1`.
        let charsets = headers[.contentType]?.split(separator: ";").dropFirst().compactMap { parameter -> String? in
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
        } ?? []
        if let charset = charsets.first(where: { !["utf-8", "utf8", "us-ascii"].contains($0) }) {
            throw Problem(.unsupportedMediaType, Message("problem.charset", ["given": .code(charset.isEmpty ? "\"\"" : charset)]), field: "Content-Type")
        }
    }

    /// A query parameter read by `parse`; a value it cannot read (an empty one too) is a 400 naming the parameter.
    func query<T>(_ name: String, _ expected: String, _ parse: (String) -> T?) throws -> T? {
        guard let raw = uri.queryParameters.get(name) else { return nil }
        guard let value = parse(raw) else { throw Problem.badRequest(name, "'\(raw)' is not \(expected)") }
        return value
    }

    /// A query parameter read by `parse`, refused with a problem the catalogue words, so that a page in Russian or Arabic
    /// says what is wrong in its language; its code stays ``Problem/invalidValue``, as every refused value's.
    func query<T>(_ name: String, refusing message: (String) -> Message, _ parse: (String) -> T?) throws -> T? {
        guard let raw = uri.queryParameters.get(name) else { return nil }
        guard let value = parse(raw) else { throw Problem.badRequest(name, message(raw)) }
        return value
    }

    /// A whole number of `range` (`?limit=`, `?top=`…), refused in the reader's language; `nil` when absent.
    func wholeNumber(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
        try query(name, refusing: { Message.wholeNumber($0, range) }) { Int($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    /// A whole number, refused in the reader's language as not one of `range`, which a rule after it checks (a plan's cycle,
    /// with its own words for a number out of it); `nil` when absent.
    func integer(_ name: String, said range: ClosedRange<Int>) throws -> Int? {
        try query(name, refusing: { Message.wholeNumber($0, range) }) { Int($0) }
    }

    /// A whole number from `first` up (`?after=`, `?cursor=`), refused in the reader's language; `nil` when absent.
    func wholeNumber(_ name: String, from first: Int) throws -> Int? {
        try query(name, refusing: { Message("problem.value.wholeNumberFrom", ["value": .code($0), "first": .count(first)]) }) {
            Int($0).flatMap { $0 >= first ? $0 : nil }
        }
    }

    /// A page's cursor (`?cursor=`, the `next_cursor` of the page before), refused saying where one comes from.
    func cursor() throws -> Int? {
        // As the contract's pattern says, `^[0-9]{1,18}$`: no sign, and no id a page could end with beyond it.
        try query("cursor", refusing: { Message("problem.value.cursor", ["value": .code($0)]) }) { raw in
            raw.utf8.count <= 18 && raw.utf8.allSatisfy { (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) } ? Int(raw) : nil
        }
    }

    /// One of `choices`, each a code the same in every language, refused naming them in the reader's language.
    func oneOf<T>(_ name: String, _ choices: [String], _ parse: (String) -> T?) throws -> T? {
        try query(name, refusing: { Message("problem.value.oneOf", ["value": .code($0), "choices": .code(choices.joined(separator: ", "))]) }, parse)
    }

    /// A value of a closed set of codes (`?by=`, `?category=`, `?status=`…), refused naming its codes.
    func oneOf<T: CaseIterable & RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        try oneOf(name, T.allCases.map(\.rawValue), T.init(rawValue:))
    }

    /// A day (`?from=`, `?to=`, `?start=`…), `nil` when absent.
    func day(_ name: String) throws -> Day? {
        try query(name, refusing: { Message("problem.value.date", ["value": .code($0)]) }) { Day($0) }
    }

    /// A whole year of ``DateWindow/years`` (`?year=`), `nil` when absent.
    func year() throws -> Int? {
        try query("year", refusing: { Message("problem.value.year", ["value": .code($0), "first": .serial(DateWindow.years.lowerBound),
                                                                     "last": .serial(DateWindow.years.upperBound)]) }) {
            Int($0).flatMap { DateWindow.years.contains($0) ? $0 : nil }
        }
    }

    /// The day `?as_of=` asks for, today when absent: a day after today is a 400, since nothing is known of it yet and a
    /// page or an answer of that day would state a future standing as fact.
    func asOf(today: Day) throws -> Day {
        try query("as_of", refusing: { Message("problem.value.dateUpTo", ["value": .code($0), "today": .day(today)]) }) {
            Day($0).flatMap { $0 <= today ? $0 : nil }
        } ?? today
    }

    /// A text parameter, `nil` when absent or empty. (`ProblemMiddleware` has refused NUL already.)
    func text(_ name: String) throws -> String? {
        guard let raw = uri.queryParameters.get(name), !raw.isEmpty else { return nil }
        guard raw.unicodeScalars.count <= 500 else { throw Problem.badRequest(name, "more than 500 characters") }
        return raw
    }

    /// The language `?lang=` asks for (`ar`, `ar-SY`, `AR`: its primary subtag), else the browser's (`Accept-Language`),
    /// else English: a reader whose browser asks for Arabic gets the first page in Arabic, and every link of a page names
    /// its language, so that a choice made on the page holds. Another value is a 400 naming `lang`.
    func pageLanguage() throws -> Language {
        try query("lang", refusing: { Message("problem.value.lang", ["value": .code($0), "languages": .code(Language.allCases.map(\.rawValue).joined(separator: ", "))]) }) { raw in
            raw.split(separator: "-", maxSplits: 1).first.flatMap { Language(rawValue: $0.lowercased()) }
        } ?? language
    }

    func flag(_ name: String) throws -> Bool {
        try query(name, "true or false") { ["true": true, "1": true, "false": false, "0": false][$0.lowercased()] } ?? false
    }

    /// Whether the body's declared length passes `limit`: refused before a byte of it is read.
    func declaresBody(over limit: Int) -> Bool {
        headers[.contentLength].flatMap { Int($0) }.map { $0 > limit } ?? false
    }

    /// The largest form a page posts.
    static let formLimit = 16 * 1024

    /// Every field of an `application/x-www-form-urlencoded` body of at most ``formLimit`` bytes, in order, a field
    /// given several times (a multiple choice) as often as it is given.
    ///
    /// A form's route reads it after ``AuthenticationMiddleware`` has checked its `csrf` field, from the body the
    /// middleware kept.
    func formItems() async throws -> [(name: String, value: String)] {
        try require(contentType: ["application/x-www-form-urlencoded"])
        // A form declared larger than any page posts is refused at once, not after waiting for a body that may never come.
        if declaresBody(over: Self.formLimit) { throw Problem(.contentTooLarge, "a form of more than \(Self.formLimit) bytes: no page posts one") }
        let text = String(buffer: try await body.collect(upTo: Self.formLimit)).replacingOccurrences(of: "+", with: "%20")
        return (URLComponents(string: "?" + text)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    /// Every field of a form that takes `fields` (and `csrf`); a field it does not take is refused, naming those it takes:
    /// a misspelt one (`members` for `member`) was dropped without a word, and a working group made without its members.
    /// A field given twice is refused unless it is one of `lists` (a multiple choice): which of two logins was meant cannot be told.
    func formItems(taking fields: Set<String>, lists: Set<String> = []) async throws -> [(name: String, value: String)] {
        let items = try await formItems()
        if let unknown = items.map(\.name).first(where: { $0 != "csrf" && !fields.contains($0) }) {
            throw Problem(.badRequest, fields.isEmpty ? Message("problem.form.none")
                            : Message("problem.form.unknownField", ["known": .code(fields.sorted().joined(separator: ", "))]), field: unknown)
        }
        var seen = Set<String>()
        if let repeated = items.map(\.name).first(where: { !lists.contains($0) && !seen.insert($0).inserted }) {
            throw Problem(.badRequest, Message("problem.parameter.repeated"), field: repeated)
        }
        return items
    }

    /// A form's fields, each field's first value, as ``formItems(taking:)`` takes them.
    func form(taking fields: Set<String>) async throws -> [String: String] {
        var form: [String: String] = [:]
        for (name, value) in try await formItems(taking: fields) where form[name] == nil { form[name] = value }
        return form
    }
}

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

extension Request {
    /// Refuses a body of another media type with 415.
    func require(contentType expected: [String]) throws {
        let given = headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let given, expected.contains(given) else {
            throw Problem(.unsupportedMediaType, "send the body as \(expected.joined(separator: " or "))\(given.map { ", not \($0)" } ?? "")",
                          field: "Content-Type")
        }
    }

    /// A query parameter read by `parse`; a value it cannot read (an empty one too) is a 400 naming the parameter.
    func query<T>(_ name: String, _ expected: String, _ parse: (String) -> T?) throws -> T? {
        guard let raw = uri.queryParameters.get(name) else { return nil }
        guard let value = parse(raw) else { throw Problem.badRequest(name, "'\(raw)' is not \(expected)") }
        return value
    }

    /// A text parameter, `nil` when absent or empty. (`ProblemMiddleware` has refused NUL already.)
    func text(_ name: String) throws -> String? {
        guard let raw = uri.queryParameters.get(name), !raw.isEmpty else { return nil }
        guard raw.count <= 500 else { throw Problem.badRequest(name, "more than 500 characters") }
        return raw
    }

    func flag(_ name: String) throws -> Bool {
        try query(name, "true or false") { ["true": true, "1": true, "false": false, "0": false][$0.lowercased()] } ?? false
    }
}

/// Answers a POST once per `Idempotency-Key`: the same key and body get the first answer again; another body, 422.
struct Idempotency {
    let store: IdempotencyStore
    let caller: Caller

    func respond(to request: Request, body: ByteBuffer, produce: () async throws -> (status: HTTPResponse.Status, json: Data)) async throws -> Response {
        guard let key = request.headers[HTTPField.Name("Idempotency-Key")!] else {
            let (status, json) = try await produce()
            return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
        guard (1...255).contains(key.count) else { throw Problem.badRequest("Idempotency-Key", "1 to 255 characters") }
        let digest = StableDigest.hex([request.method.rawValue, request.uri.path, request.uri.query ?? "",
                                       String(decoding: body.readableBytesView, as: UTF8.self)])
        if let stored = try await store.storedResponse(forKey: key) {
            guard stored.requestDigest == digest else {
                throw Problem(.unprocessableContent, "this Idempotency-Key was used with another request; use a new key", field: "Idempotency-Key")
            }
            return Response(status: HTTPResponse.Status(code: stored.status),
                            headers: [.contentType: stored.contentType, HTTPField.Name("Idempotent-Replayed")!: "true"],
                            body: .init(byteBuffer: ByteBuffer(string: stored.body)))
        }
        let (status, json) = try await produce()
        try await store.storeResponse(StoredResponse(requestDigest: digest, status: status.code, contentType: "application/json",
                                                     body: String(decoding: json, as: UTF8.self)), forKey: key, by: caller)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

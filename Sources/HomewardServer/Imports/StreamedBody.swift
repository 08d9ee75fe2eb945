import HomewardCore
import HomewardStore
import Hummingbird

/// A request body read as it arrives, digested on the way for its `Idempotency-Key`, and refused
/// with 413 once it passes the configured size.
final class StreamedBody: @unchecked Sendable {
    /// Read by one task at a time: the import reading it, then the handler draining what is left.
    private var digest = StableDigest()
    private var size = 0
    private let limit: Int
    private(set) var source: ByteSource!

    /// - Parameter limit: the largest body accepted, in bytes.
    /// - Throws: 413 at once for a body whose declared length passes the limit, rather than once that much has streamed in.
    init(_ request: Request, limit: Int) throws {
        if request.declaresBody(over: limit) { throw Self.tooLarge(limit) }
        self.limit = limit
        for part in [request.method.rawValue, request.uri.path, request.uri.query ?? ""] {
            digest.add(part.utf8)
            digest.endPart()
        }
        source = ByteSource.stream(request.body, bytes: { Array($0.readableBytesView) }) { [unowned self] chunk in
            size += chunk.count
            guard size <= limit else { throw Self.tooLarge(limit) }
            digest.add(chunk)
        }
    }

    private static func tooLarge(_ limit: Int) -> Problem {
        Problem(.contentTooLarge, "the body is larger than \(limit) bytes; split the file, or start the server with a larger --max-body-mb")
    }

    /// The digest of method, path, query and the whole body, once the body has been read to its end.
    func finalDigest() async throws -> String {
        try await source.drain()
        var final = digest
        final.endPart()
        return final.hex
    }
}

import HomewardStore
import NIOConcurrencyHelpers
import NIOCore

/// Answers already computed at the current data version, by request: the same totals asked again are
/// served from memory until the next write.
///
/// Only answers of the version the request was read at are kept; a newer version empties the cache, so
/// an answer is never served after a write it does not include. Bounded, since every query string is a key.
final class AnswerCache: Sendable {
    private struct Answers {
        var version: DataVersion?
        var bodies: [String: ByteBuffer] = [:]
    }

    private let answers = NIOLockedValueBox(Answers())
    let limit: Int

    init(limit: Int = 1000) {
        self.limit = limit
    }

    /// The answer to `key` at `version`, or one computed by `compute` and kept.
    func answer(_ key: String, at version: DataVersion?, compute: () async throws -> ByteBuffer) async rethrows -> ByteBuffer {
        guard let version else { return try await compute() }
        if let body = answers.withLockedValue({ $0.version == version ? $0.bodies[key] : nil }) { return body }
        let body = try await compute()
        answers.withLockedValue { answers in
            if answers.version != version || answers.bodies.count >= limit { answers = Answers(version: version) }
            answers.bodies[key] = body
        }
        return body
    }
}

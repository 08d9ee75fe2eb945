import Foundation
import HomewardCore
import SQLKit
import Synchronization

/// Whether a write has appended to the audit log, so that ``Database/write(by:for:rollback:_:)`` can
/// audit a write that said nothing of itself.
final class AuditTrail: Sendable {
    private let entries = Mutex(0)
    private let unchanged = Mutex(false)

    var hasEntries: Bool { entries.withLock { $0 > 0 } }

    func count() { entries.withLock { $0 += 1 } }

    /// Whether the write found everything already as asked (a role given again) and wrote nothing: no entry says it did.
    /// A write that notes it must change nothing else, or audit what it changes itself: the generic entry is not made.
    var changedNothing: Bool { unchanged.withLock { $0 } }

    func noteNothingChanged() { unchanged.withLock { $0 = true } }
}

extension WriteContext {
    /// Appends one entry to the audit log, in this write's transaction: it is kept exactly when the change is. Its time is
    /// when it is written, at the end of an import rather than its start, so that entries of writes that ran side by side
    /// follow the order they were kept in.
    ///
    /// - Parameters:
    ///   - action: `create`, `update`, `import`, `status`, `refused`, `sign-in`, `token-created`, …
    ///   - kind: the kind of record (`site`, `movements`, `person`, …).
    ///   - record: the record's code or id, when one record changed.
    ///   - before, after: the record's values, for a single-record change.
    func audit(_ action: String, kind: String, record: String? = nil, detail: String? = nil,
               before: (any Encodable & Sendable)? = nil, after: (any Encodable & Sendable)? = nil) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let beforeText = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let afterText = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        // What a caller typed can hold NUL, which PostgreSQL takes in no text: the audit keeps it shown, never fails on it.
        func kept(_ text: String?) -> String? { text.map { $0.containsNUL ? $0.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : $0 } }
        try await sql.raw("""
            INSERT INTO audit_log (at, actor, address, action, kind, record, detail, before_value, after_value)
            VALUES (\(bind: Database.timestamp(now())), \(bind: kept(caller.description)), \(bind: RequestOrigin.address), \(bind: action), \(bind: kind),
                    \(bind: kept(record)), \(bind: kept(detail)), \(bind: beforeText), \(bind: afterText))
            """).run()
        trail.count()
    }
}

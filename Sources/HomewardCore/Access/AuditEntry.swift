import Foundation

/// One line of the audit log: when, who, from where, what, and the values before and after.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var id: Int
    public var at: String
    /// The caller as the audit writes it: `person:amal`, `token:3:amal`, `system:root`, `anonymous:…`.
    public var actor: String
    public var address: String?
    public var action: String
    public var kind: String
    public var record: String?
    public var detail: String?
    /// JSON of the record before and after a single-record change.
    public var before: String?
    public var after: String?

    /// The kinds of record entries name, as `audit --kind` takes them: what each kind of write needs, each kind of record
    /// imported, and the records the audit names by their own word.
    public static let kinds: Set<String> = Set(WriteNeed.allCases.map(\.rawValue) + RecordKind.allCases.map(\.rawValue) + [
        "token", "session", "person", "organisation", "site", "crossing", "evacuation", "measure", "facility-kind", "aid-type",
        "bulletin", "coordination-session", "application-role"])

    public init(id: Int, at: String, actor: String, address: String?, action: String, kind: String, record: String?, detail: String?,
                before: String?, after: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.address = address
        self.action = action
        self.kind = kind
        self.record = record
        self.detail = detail
        self.before = before
        self.after = after
    }
}

extension AuditEntry {
    /// What a single-record change changed, field by field, as a reader asks it ("changed from what?"):
    /// `name: Al-Hol → Al Hol camp; operator: – → UNHCR`. `nil` where the entry keeps no before and after.
    public var change: String? {
        guard let before = before.flatMap(Self.object), let after = after.flatMap(Self.object) else { return nil }
        let fields = Set(before.keys).union(after.keys).sorted().filter { Self.text(before[$0]) != Self.text(after[$0]) }
        return fields.isEmpty ? nil : fields.map { "\($0): \(Self.text(before[$0])) → \(Self.text(after[$0]))" }.joined(separator: "; ")
    }

    private static func object(_ json: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
    }

    /// A value as a reader writes it: a dash for none, text as it is, anything else (a number, true) as JSON writes it.
    private static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: "–"
        case let text as String: text
        case let other?:
            (try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys, .fragmentsAllowed]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "\(other)"
        }
    }
}

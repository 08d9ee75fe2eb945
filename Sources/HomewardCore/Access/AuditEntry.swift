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

/// One change of an operation's status: what it was, what it became, when and by whom.
public struct EvacuationStatusChange: Hashable, Sendable, Encodable {
    public var from: EvacuationOperation.Status
    public var to: EvacuationOperation.Status
    /// When the change was recorded (ISO 8601, UTC).
    public var at: String
    /// Who recorded it, as the audit names callers.
    public var by: String

    public init(from: EvacuationOperation.Status, to: EvacuationOperation.Status, at: String, by: String) {
        self.from = from
        self.to = to
        self.at = at
        self.by = by
    }
}

/// A record as a list gives it: its own fields, the number its history is asked by (`record_id`), and who recorded the
/// version in force and when, so that every figure of a list says who reported it and when without asking its history.
public struct StoredRecord<Record: Encodable & Sendable>: Sendable, Encodable {
    public var recordID: Int
    public var record: Record
    public var recordedAt: String
    /// As the audit names callers (`person:amal`, `token:12:amal`).
    public var recordedBy: String

    public init(recordID: Int, record: Record, recordedAt: String, recordedBy: String) {
        self.recordID = recordID
        self.record = record
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case recordID = "record_id", recordedAt = "recorded_at", recordedBy = "recorded_by"
    }

    /// The record's own keys, and these three beside them (a departure's `id` is the reporter's own).
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(recordID, forKey: .recordID)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(recordedBy, forKey: .recordedBy)
    }
}

/// One page of movements in recording order: what `GET /api/v1/movements` and `homeward movements list --format json` answer.
public struct MovementPage: Sendable, Encodable {
    public var movements: [RecordedMovement]
    /// The last id of a full page, to ask for the next; `null` on the last page.
    public var nextCursor: String?

    public init(movements: [RecordedMovement], nextCursor: String?) {
        self.movements = movements
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case movements
        case nextCursor = "next_cursor"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(movements, forKey: .movements)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

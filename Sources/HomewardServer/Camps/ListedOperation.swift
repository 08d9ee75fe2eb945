import HomewardCore

/// An operation as the list gives it: with the later operation of its site that took it over, where one did by the day,
/// since its own status is then history (a script reading "planned" would think it still to run).
struct ListedOperation: Encodable {
    let operation: EvacuationOperation
    let successor: EvacuationOperation?

    enum CodingKeys: String, CodingKey { case takenOver = "taken_over" }
    enum TakenOverKeys: String, CodingKey { case day, by }

    func encode(to encoder: any Encoder) throws {
        try operation.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let successor {
            var taken = c.nestedContainer(keyedBy: TakenOverKeys.self, forKey: .takenOver)
            try taken.encode(successor.baselineDate, forKey: .day)
            try taken.encode(successor.id, forKey: .by)
        } else {
            try c.encodeNil(forKey: .takenOver)
        }
    }
}

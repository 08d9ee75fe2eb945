/// A page of a list read oldest first, under its own key (`entries`, `imports`), and the cursor of the next page: the
/// `after` that asks for what follows, `null` when this page was not full.
struct CursorPage<Item: Encodable>: Encodable {
    let key: String
    var items: [Item]
    var next: Int?

    /// `next` is the last item's id when the page is full: more may be behind it.
    init(_ key: String, _ items: [Item], limit: Int, id: (Item) -> Int) {
        self.key = key
        self.items = items
        next = items.count == limit ? items.last.map(id) : nil
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(items, forKey: Key(stringValue: key))
        try c.encode(next, forKey: Key(stringValue: "next"))
    }
}

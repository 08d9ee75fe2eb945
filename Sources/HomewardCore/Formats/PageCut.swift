/// A page cut from one more row than its limit: the last page says it is the last (no cursor) even when it is full,
/// where a cursor on every full page sent a client on to an empty one.
public struct PageCut<Item> {
    public var items: [Item]
    /// The last item's id when more follow, to pass as the next page's cursor; `nil` on the last page.
    public var nextCursor: String?

    /// - Parameter read: up to `limit + 1` items, in cursor order.
    public init(reading read: [Item], limit: Int, id: (Item) -> Int) {
        items = Array(read.prefix(limit))
        nextCursor = read.count > limit ? items.last.map { String(id($0)) } : nil
    }
}

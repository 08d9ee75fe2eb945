/// The identity of a movement across imports, so that importing a file twice records nothing twice.
///
/// With a `#meta+id`, a movement is known by its organisation, id and category. Without one, it is
/// known by every cell of its row except the counts, so a corrected count updates the movement, and
/// rows that differ only in columns Homeward does not read (a community name, say) stay apart.
public enum MovementKey {
    public static func forExternalId(_ id: String, organisation: String, category: MovementCategory) -> String {
        StableDigest.hex(["id", organisation, id, category.rawValue])
    }

    public static func forContent(_ cells: [String], organisation: String, category: MovementCategory) -> String {
        // Part by part: joining the cells to the head would copy them into a new array for every row.
        var digest = StableDigest()
        for part in ["content", organisation, category.rawValue] { digest.add(part: part) }
        for cell in cells { digest.add(part: cell) }
        return digest.hex
    }
}

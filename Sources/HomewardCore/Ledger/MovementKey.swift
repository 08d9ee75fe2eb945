/// The identity of a movement across imports, so that importing a file twice records nothing twice.
///
/// With a `#meta+id`, a movement is known by its organisation, id and category. Without one, it is
/// known by every cell of its row except the counts, so a corrected count updates the movement, and
/// rows that differ only in columns Homeward does not read (a community name, say) stay apart.
public enum MovementKey {
    public static func forExternalId(_ id: String, organisation: String, category: MovementCategory) -> String {
        digest(["id", organisation, id, category.rawValue])
    }

    public static func forContent(_ cells: [String], organisation: String, category: MovementCategory) -> String {
        digest(["content", organisation, category.rawValue] + cells)
    }

    /// A stable 128-bit FNV-1a digest in hexadecimal; Swift's `Hasher` is seeded per process and cannot be stored.
    public static func digest(_ parts: [String]) -> String {
        var hash: UInt128 = 0x6c62272e07bb014262b821756295c58d
        let prime: UInt128 = 0x0000000001000000000000000000013B
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt128(byte)
                hash &*= prime
            }
            hash ^= 0x1F // unit separator, so that ["ab","c"] and ["a","bc"] differ
            hash &*= prime
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }
}

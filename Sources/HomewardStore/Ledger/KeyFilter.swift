/// Which keys a first load may have written in its earlier segments: a Bloom filter of their hashes, of a fixed size.
///
/// "No" is certain, "maybe" is not: a key it may hold is looked up in the segments' indexes (``FirstLoad``). At
/// 10,000,000 keys about one lookup in 15,000 says "maybe" of a new key. Its size does not grow with the file.
struct KeyFilter: Sendable {
    /// 2^28 bits, 32 MiB.
    private static let wordCount = 1 << 22
    private static let probes = 6
    private var words: [UInt64] = []

    /// Bit positions by double hashing of the key's 64-bit hash (Kirsch and Mitzenmacher).
    private static func positions(_ hash: Int) -> some Sequence<Int> {
        let first = UInt64(bitPattern: Int64(hash))
        var second = first &* 0x9E37_79B9_7F4A_7C15
        second ^= second >> 31
        second |= 1
        return (0 ..< probes).lazy.map { Int(truncatingIfNeeded: (first &+ UInt64($0) &* second) & UInt64(wordCount * 64 - 1)) }
    }

    mutating func insert(_ hash: Int) {
        if words.isEmpty { words = Array(repeating: 0, count: Self.wordCount) }
        for bit in Self.positions(hash) { words[bit >> 6] |= 1 << UInt64(bit & 63) }
    }

    func mayContain(_ hash: Int) -> Bool {
        guard !words.isEmpty else { return false }
        return Self.positions(hash).allSatisfy { words[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
    }
}

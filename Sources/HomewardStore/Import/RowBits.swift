/// A set of row numbers as bits: an eighth of a byte a row, so that an import can remember every row it warned of
/// however long the file, where a `Set<Int>` of a million rows would take tens of megabytes.
struct RowBits: Sendable {
    private var words: [UInt64] = []

    mutating func insert(_ row: Int) {
        precondition(row >= 0)
        let word = row >> 6
        if word >= words.count { words += repeatElement(0, count: word - words.count + 1) }
        words[word] |= 1 << UInt64(row & 63)
    }

    func contains(_ row: Int) -> Bool {
        let word = row >> 6
        return row >= 0 && word < words.count && words[word] & (1 << UInt64(row & 63)) != 0
    }
}

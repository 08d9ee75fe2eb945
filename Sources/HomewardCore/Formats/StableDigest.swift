/// A stable 128-bit FNV-1a digest in hexadecimal, the same in every process and on every machine.
///
/// Swift's `Hasher` is seeded per process, so it cannot name anything that is stored. Not for secrets.
/// It can be fed part by part, so that a request body is digested while it streams into an import.
public struct StableDigest: Sendable {
    private var hash: UInt128 = 0x6c62272e07bb014262b821756295c58d

    public init() {}

    /// Feeds bytes of the current part.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ add(contiguous: $0) }) != nil { return }
        for byte in bytes { add(byte) }
    }

    private mutating func add(contiguous bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    private mutating func add(_ byte: UInt8) {
        hash ^= UInt128(byte)
        // Times the prime, 2^88 + 0x13B, as a shift and a product by a small number instead of a full 128-bit
        // multiply, on every byte of every row an import reads.
        hash = hash << 88 &+ hash &* 0x13B
    }

    /// Ends the current part, so that ["ab", "c"] and ["a", "bc"] differ.
    public mutating func endPart() {
        add(0x1F) // unit separator
    }

    /// Feeds one whole part: callers on an import's path feed their parts one by one rather than build an array.
    public mutating func add(part: String) {
        add(part.utf8)
        endPart()
    }

    public static func hex(_ parts: [String]) -> String {
        var digest = StableDigest()
        for part in parts { digest.add(part: part) }
        return digest.hex
    }

    public var hex: String {
        // Written by hand: the generic `String(_:radix:)` for UInt128 is slow enough to show in imports.
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 32) { buffer in
            var value = hash
            for index in stride(from: 31, through: 0, by: -1) {
                buffer[index] = digits.utf8Start[Int(value & 0xF)]
                value >>= 4
            }
            return 32
        }
    }
}

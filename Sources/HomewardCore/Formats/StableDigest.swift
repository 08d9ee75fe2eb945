/// A stable 128-bit FNV-1a digest in hexadecimal, the same in every process and on every machine.
///
/// Swift's `Hasher` is seeded per process, so it cannot name anything that is stored. Not for secrets.
public enum StableDigest {
    public static func hex(_ parts: [String]) -> String {
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

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
        // Written by hand: the generic `String(_:radix:)` for UInt128 is slow enough to show in imports.
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            var value = hash
            for index in stride(from: 31, through: 0, by: -1) {
                buffer[index] = digits[Int(value & 0xF)]
                value >>= 4
            }
            return 32
        }
    }
}

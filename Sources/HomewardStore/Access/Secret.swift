import Crypto
import Foundation

/// Random secrets and their digests: tokens, session ids and CSRF tokens are 256 random bits, kept in the
/// database only as SHA-256 digests.
public enum Secret {
    /// 32 bytes from the system's cryptographic generator, as 64 hex digits after `prefix`.
    public static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + (0 ..< 4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    public static func digest(_ secret: String) -> String { digest(Data(secret.utf8)) }

    /// HMAC-SHA-256 of `message` under `key`, as its first 32 hex digits: a tag only the holder of the key can make.
    public static func tag(_ message: String, key: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(key.utf8))).prefix(16))
    }

    /// SHA-256 as 64 hex digits: secrets' digests, and a published bulletin's snapshot's.
    public static func digest(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// Bytes as lower-case hex digits, by hand: `String(format:)` per byte showed in the API's profile (every request digests
    /// its token and tags its answer).
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let bytes = Array(bytes)
        return String(unsafeUninitializedCapacity: 2 * bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0xF)]
            }
            return 2 * bytes.count
        }
    }

    /// Equal strings, compared in time that does not depend on where they differ: swift-crypto compares
    /// digests in constant time.
    public static func equal(_ a: String, _ b: String) -> Bool {
        SHA256.hash(data: Data(a.utf8)) == SHA256.hash(data: Data(b.utf8))
    }
}

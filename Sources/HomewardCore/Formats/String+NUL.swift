import Foundation

extension String {
    /// Whether the text holds a NUL character, which no database column takes.
    ///
    /// Asked of every cell of every row of an import, so the bytes are searched in place (`memchr`) rather than
    /// walked through the generic `utf8.contains(0)`, which showed in imports.
    public var containsNUL: Bool { containsByte(0) }

    /// Whether the UTF-8 text holds `byte`, searched in place (`memchr`): the checks every cell of an import passes.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}

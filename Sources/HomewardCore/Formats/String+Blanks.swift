import Foundation

extension String {
    /// The text without surrounding spaces and tabs (and other Unicode blanks).
    ///
    /// Most cells of an import have none, so the ends are looked at before paying for Foundation's trim:
    /// this runs for every cell of every row.
    var trimmingBlanks: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let plain: (UInt8) -> Bool = { $0 != 0x20 && $0 != 0x09 && $0 < 0x80 }
        return plain(first) && plain(last) ? self : trimmingCharacters(in: .whitespaces)
    }
}

extension String {
    /// Whether the text is empty or only blanks: asked of every row of an import, to pass over empty lines,
    /// so it looks at the bytes before asking Foundation.
    public var isBlank: Bool { utf8.isEmpty || trimmingBlanks.isEmpty }
}

import Foundation

extension String {
    /// The text without surrounding spaces and tabs (and other Unicode blanks), nor the marks that show nothing: a
    /// right-to-left mark before a code or a count copied from an Arabic spreadsheet, a zero-width space after one.
    ///
    /// Most cells of an import have none, so the ends are looked at before paying for Foundation's trim:
    /// this runs for every cell of every row.
    var trimmingBlanks: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let plain: (UInt8) -> Bool = { $0 != 0x20 && $0 != 0x09 && $0 < 0x80 }
        return plain(first) && plain(last) ? self : trimmingCharacters(in: Self.blanksAndMarks)
    }

    /// Unicode's blanks, and its format characters (direction marks and embeddings, zero-width spaces and joiners, a
    /// byte-order mark), which no code, count or date holds at its ends.
    private static let blanksAndMarks = [0x200B ... 0x200F, 0x202A ... 0x202E, 0x2060 ... 0x206F].reduce(
        CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{00AD}\u{061C}\u{180E}\u{FEFF}"))
    ) { set, range in set.union(CharacterSet(charactersIn: Unicode.Scalar(UInt32(range.lowerBound))! ... Unicode.Scalar(UInt32(range.upperBound))!)) }
}

extension String {
    /// Whether the text is empty or only blanks: asked of every row of an import, to pass over empty lines,
    /// so it looks at the bytes before asking Foundation.
    public var isBlank: Bool { utf8.isEmpty || trimmingBlanks.isEmpty }
}

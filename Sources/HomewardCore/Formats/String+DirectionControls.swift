extension String {
    /// Whether the text holds a direction embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): in a name, an
    /// override turns round whatever follows it on the line, in a plain-text statement or a spreadsheet the figure
    /// after the name too ("12,345" read as "543,21"). The marks (U+200E, U+200F) change no order and are taken.
    public var containsDirectionControl: Bool {
        // Each is three bytes in UTF-8 starting E2 80 (AA–AE) or E2 81 (A6–A9): most text has no E2 at all.
        guard containsByte(0xE2) else { return false }
        return unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }
}

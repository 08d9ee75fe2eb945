extension String {
    /// The text as one line of a message quotes it: line breaks, tabs and other control characters written as
    /// escapes (`\n`, `\t`, `\u{7}`), so that a value from a quoted CSV cell cannot break a problem over lines
    /// or move a terminal's cursor. JSON keeps the value as it was given.
    public var oneLine: String {
        let breaks: (Unicode.Scalar) -> Bool = { [.control, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }
        guard unicodeScalars.contains(where: breaks) else { return self }
        var written = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": written += "\\n"
            case "\r": written += "\\r"
            case "\t": written += "\\t"
            case _ where breaks(scalar): written += "\\u{\(String(scalar.value, radix: 16))}"
            default: written.unicodeScalars.append(scalar)
            }
        }
        return written
    }
}

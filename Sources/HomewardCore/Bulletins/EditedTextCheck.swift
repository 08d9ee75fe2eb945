/// Numbers in a bulletin's text, as edited by hand before publishing, that the snapshot does not give.
///
/// The centre may reword a draft in any language; a number it types must still be one the generated text of
/// that language writes (a figure, a day of a date, a year), or it is flagged. A decimal is one number, read as its
/// language writes it: "2.6 million" in English is 2.6 (not a 2 and a 6, each a day or a count the text may give), and so
/// are Russian's 2,6 and Arabic's ٢٫٦.
public enum EditedTextCheck {
    /// The numbers written in `text` as `language` writes them, digits of any script, each as its digits in Latin with a
    /// point before any decimals and no zeros that change nothing (`1490739`, `2.6`, `63.8` for 63.80 %).
    ///
    /// A group mark counts as one only before exactly three digits (`1,234,567`; `7, 2018` is two numbers); any other mark
    /// between digits that a decimal may take is the decimal sign, whichever language's it is: "2.6 млн" in Russian and
    /// "1,7 million" in English are 2.6 and 1.7, not a 2 and a 6 or a 17 that the dates or another figure give. A decimal
    /// written without its 0 (`.6`) is 0.6; digits dotted more than once (`12.03.2020`, `39.2.1`) are each a number.
    public static func numbers(in text: String, language: Language) -> [String] {
        let marks = Marks(language)
        let scalars = Array(text.unicodeScalars)
        let isDigit = { (i: Int) in i < scalars.count && digit(scalars[i]) != nil }
        // Exactly three digits after the mark at `i`, then no fourth: a thousands' group.
        let groupFollows = { (i: Int) in (1...3).allSatisfy { isDigit(i + $0) } && !isDigit(i + 4) }
        var numbers: [String] = [], i = 0
        while i < scalars.count {
            // `.6` after a space, a bracket or the text's start; `No.5` is no decimal.
            let leadingDecimal = marks.decimal.contains(scalars[i]) && isDigit(i + 1)
                && (i == 0 || scalars[i - 1].properties.isWhitespace || "([«\"".unicodeScalars.contains(scalars[i - 1]))
            guard isDigit(i) || leadingDecimal else { i += 1; continue }
            var parts = [""], fraction = leadingDecimal, dotted = false
            if leadingDecimal { parts = ["", ""]; i += 1 }
            while i < scalars.count {
                if let value = digit(scalars[i]) {
                    parts[parts.count - 1].append(String(value))
                    i += 1
                } else if isDigit(i + 1), !fraction, marks.group.contains(scalars[i]), groupFollows(i) {
                    i += 1
                } else if isDigit(i + 1), marks.decimal.contains(scalars[i]) {
                    // A second decimal sign: a date or a numbering written with points, not a decimal.
                    if fraction { dotted = true }
                    fraction = true
                    parts.append("")
                    i += 1
                } else {
                    break
                }
            }
            if dotted {
                numbers += parts.map { canonical($0, nil) }
            } else {
                numbers.append(canonical(parts[0], parts.count > 1 ? parts[1] : nil))
            }
        }
        return numbers
    }

    /// The numbers of `edited` that `generated` (the text rendered from the snapshot, in the same language) does not write.
    ///
    /// A SHA-256 in either (a published bulletin's footer) is not read for numbers: its digits would both fail the
    /// edited text and let through any number they happen to hold.
    public static func unmatched(_ edited: String, generated: String, language: Language) -> [String] {
        let known = Set(numbers(in: withoutHashes(generated), language: language))
        return numbers(in: withoutHashes(edited), language: language).filter { !known.contains($0) }
    }

    /// The signs between a number's digits: those that group thousands in the language, and those a decimal may take in
    /// any of them (a point, a comma, Arabic's decimal sign): a Russian text typed with a point is still read as decimals.
    private struct Marks {
        let group: Set<Unicode.Scalar>
        let decimal: Set<Unicode.Scalar> = [".", ",", "\u{066B}"]

        init(_ language: Language) {
            switch language {
            case .en: group = [","]
            case .ru: group = ["\u{00A0}", "\u{202F}", " "]
            // Arabic's own sign, and the one it writes with Latin digits.
            case .ar: group = ["\u{066C}", ","]
            }
        }
    }

    /// Three decimals keep their zeros: `5.000` is five where a point is the decimal sign and five thousand where it groups
    /// thousands, and matches only a text that writes it so (the generated text writes no such zeros), not the 5 of a date.
    private static func canonical(_ whole: String, _ fraction: String?) -> String {
        let integer = whole.drop { $0 == "0" }
        let decimals = fraction?.count == 3 ? Substring(fraction!) : Substring(String((fraction ?? "").reversed().drop { $0 == "0" }.reversed()))
        return (integer.isEmpty ? "0" : String(integer)) + (decimals.isEmpty ? "" : "." + String(decimals))
    }

    static func withoutHashes(_ text: String) -> String {
        text.replacing(/[0-9a-fA-F]{64}/, with: "")
    }

    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0x660...0x669: Int(scalar.value - 0x660)
        case 0x6F0...0x6F9: Int(scalar.value - 0x6F0)
        default: nil
        }
    }
}

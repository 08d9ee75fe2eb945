/// Numbers in a bulletin's text, as edited by hand before publishing, that the snapshot does not give.
///
/// The centre may reword a draft in any language; a number it types must still be one the generated text of
/// that language writes (a figure, a day of a date, a year), or it is flagged. A decimal is one number, read as its
/// language writes it: "2.6 million" in English is 2.6 (not a 2 and a 6, each a day or a count the text may give), and so
/// are Russian's 2,6 and Arabic's ٢٫٦.
public enum EditedTextCheck {
    /// The numbers written in `text` as `language` writes them, digits of any script, each as its digits in Latin with a
    /// point before any decimals and no zeros that change nothing (`1490739`, `2.6`, `63.8` for 63.80 %).
    public static func numbers(in text: String, language: Language) -> [String] {
        let marks = Marks(language)
        var numbers: [String] = [], whole = "", fraction: String?, pending: Unicode.Scalar?
        func end() {
            if !whole.isEmpty { numbers.append(canonical(whole, fraction)) }
            whole = ""; fraction = nil; pending = nil
        }
        for scalar in text.unicodeScalars {
            if let digit = digit(scalar) {
                if let mark = pending, marks.decimal.contains(mark) { fraction = "" }
                if fraction != nil { fraction!.append(String(digit)) } else { whole.append(String(digit)) }
                pending = nil
            } else if !whole.isEmpty, pending == nil, fraction == nil, marks.decimal.contains(scalar) || marks.group.contains(scalar) {
                // A mark counts only between digits: "returned 1,234." ends at its full stop, "7, 2018" is two numbers.
                pending = scalar
            } else {
                end()
            }
        }
        end()
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

    /// The signs between a number's digits: those that group thousands, those before its decimals.
    private struct Marks {
        let group: Set<Unicode.Scalar>
        let decimal: Set<Unicode.Scalar>

        init(_ language: Language) {
            switch language {
            case .en: (group, decimal) = ([","], ["."])
            case .ru: (group, decimal) = (["\u{00A0}", "\u{202F}", " "], [","])
            // Arabic's own signs, and those it writes with Latin digits.
            case .ar: (group, decimal) = (["\u{066C}", ","], ["\u{066B}", "."])
            }
        }
    }

    private static func canonical(_ whole: String, _ fraction: String?) -> String {
        let integer = whole.drop { $0 == "0" }
        let decimals = (fraction ?? "").reversed().drop { $0 == "0" }.reversed()
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

/// Numbers in a bulletin's text, as edited by hand before publishing, that the snapshot does not give.
///
/// The centre may reword a draft in any language; a number it types must still be one the generated text of
/// that language writes (a figure, a day of a date, a year), or it is flagged.
public enum EditedTextCheck {
    /// The numbers written in `text`, digits of any script, groups joined by the separators the three languages use.
    public static func numbers(in text: String) -> [Int] {
        var numbers: [Int] = [], current: Int?, pendingSeparator = false
        for scalar in text.unicodeScalars {
            if let digit = digit(scalar) {
                current = (current ?? 0) * 10 + digit
                pendingSeparator = false
            } else if current != nil, !pendingSeparator, [",", "\u{00A0}", "\u{202F}", "\u{066C}", " "].contains(scalar) {
                pendingSeparator = true
            } else if let value = current {
                numbers.append(value)
                current = nil
                pendingSeparator = false
            }
        }
        if let current { numbers.append(current) }
        return numbers
    }

    /// The numbers of `edited` that `generated` (the text rendered from the snapshot) does not write.
    ///
    /// A SHA-256 in either (a published bulletin's footer) is not read for numbers: its digits would both fail the
    /// edited text and let through any number they happen to hold.
    public static func unmatched(_ edited: String, generated: String) -> [Int] {
        // A separator between two separate numbers ("7, 2018") joins them here in both texts alike.
        let known = Set(numbers(in: withoutHashes(generated)))
        return numbers(in: withoutHashes(edited)).filter { !known.contains($0) }
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

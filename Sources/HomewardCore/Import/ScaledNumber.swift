/// A decimal quantity held exactly as a whole number of its smallest unit: kilometres as tenths,
/// tonnes as kilograms. Sums of such values are integer sums, so 0.1 + 0.2 km is 0.3 km, never 0.30000000000000004.
public enum ScaledNumber {
    /// Reads `12`, `12.5`, `1,234.5` or `1 234.50` with at most `decimals` significant decimal places as
    /// the value times 10^`decimals`; `nil` for anything else (more places, a sign). Arabic digits are read too, with
    /// Arabic's decimal sign (`١٢٫٥`), and a decimal comma that cannot be a thousands' group (`12,5`, `3,25`, `1 234,5`:
    /// not `1,234`, which ``readsEitherWay(_:separator:)`` refuses).
    public static func parse(_ text: String, decimals: Int) -> Int? {
        var latin = text.withLatinDigits
        if let comma = decimalComma(latin) { latin.replaceSubrange(comma...comma, with: ".") }
        let parts = latin.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        // "-0.5" (or "−0.5", folded with the digits) is a sign the whole part's reading would drop with its zero.
        guard !parts[0].contains("-") else { return nil }
        let whole = parts[0].isEmpty && parts.count == 2 ? 0 : MovementRules.wholeNumber(String(parts[0]))
        guard let whole, whole >= 0, whole <= Int.max / 1_000_000_000 else { return nil }
        var fraction = parts.count == 2 ? Substring(parts[1]) : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), !(parts.count == 2 && fraction.isEmpty) else { return nil }
        while fraction.count > decimals, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= decimals else { return nil }
        let padded = fraction + String(repeating: "0", count: decimals - fraction.count)
        return whole * scale(decimals) + (Int(padded) ?? 0)
    }

    /// Whether `text` is a number but for its minus sign (`-1.5`, `−0.5`): refused as negative, not as no number at all.
    public static func isNegative(_ text: String, decimals: Int) -> Bool {
        let trimmed = text.withLatinDigits.trimmingCharacters(in: .whitespaces)
        guard trimmed.first == "-" else { return false }
        return parse(String(trimmed.dropFirst()), decimals: decimals) != nil
    }

    /// Whether `text` is a number in digits, grouped or not, whose whole part has more digits than any quantity a record
    /// holds (ten or more, leading zeros aside), which ``parse(_:decimals:)`` may not read: to be refused as too large, not
    /// as no number at all.
    public static func wholePartTooLarge(_ text: String) -> Bool {
        let whole = text.withLatinDigits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let digits = whole.filter { $0 != "," && !$0.isWhitespace }
        return digits.allSatisfy { $0.isASCII && $0.isNumber } && digits.drop(while: { $0 == "0" }).count > 9
    }

    /// The one comma of a number that can only be its decimal sign: no point beside it, and not three digits after it
    /// (which would group thousands) unless what comes before it cannot be a first group: 0 (`0,500`), more than three
    /// digits, or thousands grouped by spaces (`1 234,567`, Russian Excel's 1234.567).
    private static func decimalComma(_ text: String) -> String.Index? {
        guard !text.contains("."), let comma = text.firstIndex(of: ","), text.lastIndex(of: ",") == comma else { return nil }
        let before = text[..<comma].trimmingCharacters(in: .whitespaces), after = text[text.index(after: comma)...]
        guard !before.isEmpty, !after.isEmpty, after.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let grouped = before.contains { $0.isWhitespace }
        return after.count != 3 || before == "0" || grouped || before.count > 3 ? comma : nil
    }

    /// Whether a number reads a thousand times apart by who wrote it: `1,234` is 1234 where a comma groups thousands
    /// (English) and 1.234 where it is the decimal sign (Russian, most of Europe); `1.000` is a thousand where a point groups
    /// them (German, Turkish) and one where it is the decimal sign. A weight or a length written with a comma so, and a
    /// count with a point and three zeros, are refused rather than guessed. A leading 0 (`0,500`) groups nothing.
    public static func readsEitherWay(_ text: String, separator: Character = ",") -> Bool {
        let latin = text.withLatinDigits.trimmingCharacters(in: .whitespaces)
        let parts = latin.split(separator: separator, omittingEmptySubsequences: false)
        return parts.count == 2 && (1 ... 3).contains(parts[0].count) && parts[0] != "0" && parts[1].count == 3
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// What to say of a number that ``readsEitherWay(_:separator:)``: the two numbers it may be, as the file would write
    /// each (`2.500`: 2500 or 2.5), not an example of other numbers.
    public static func eitherWay(_ text: String, separator: Character = ",") -> Message {
        let latin = text.withLatinDigits.trimmingCharacters(in: .whitespaces)
        let parts = latin.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        var fraction = parts.count == 2 ? parts[1] : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = parts.first ?? latin
        return Message(separator == "." ? "import.number.pointEitherWay" : "import.number.commaEitherWay",
                       ["value": .code(latin), "grouped": .code(parts.joined()), "decimal": .code(fraction.isEmpty ? whole : "\(whole).\(fraction)")])
    }

    /// The value as a program reads it: `12.5`, `3`, `0.125`; trailing zeros dropped, no groups unless `grouped`
    /// (`1,354.5`, for a reader).
    public static func string(_ value: Int, decimals: Int, grouped: Bool = false) -> String {
        let unit = scale(decimals)
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let whole = magnitude / UInt(unit), rest = magnitude % UInt(unit)
        let wholeText = grouped ? Int(whole).grouped : String(whole)
        guard rest > 0 else { return sign + wholeText }
        var fraction = String(rest)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return "\(sign)\(wholeText).\(fraction)"
    }

    /// The value as a JSON number: the nearest `Double`, which prints as the decimal it came from.
    public static func double(_ value: Int, decimals: Int) -> Double { Double(value) / Double(scale(decimals)) }

    static func scale(_ decimals: Int) -> Int { (0..<decimals).reduce(1) { r, _ in r * 10 } }
}

extension String {
    /// The text with the digits of any script (Arabic-Indic ٠–٩, Eastern Arabic-Indic ۰–۹…) written 0–9, and Arabic's
    /// decimal and group separators (٫ ٬) as `.` and `,`: how dates and numbers are read, since field teams write
    /// them in their own script. The same string when it is all ASCII, as nearly every cell is.
    public var withLatinDigits: String {
        guard !utf8.allSatisfy({ $0 < 0x80 }) else { return self }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "\u{066B}": scalars.append(".")
            case "\u{066C}": scalars.append(",")
            default:
                // Decimal digits only (Unicode's `Nd`): not superscripts, fractions or circled numbers.
                if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                    scalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(value)))
                } else {
                    scalars.append(scalar)
                }
            }
        }
        return String(scalars)
    }

    /// Whether an argument is a number or a date written with digits of another script (`٣`, `٢٠٢٠-٠٦-٠١`), and no letters:
    /// the command line reads it with Latin digits.
    public var isNumberInAnotherScript: Bool {
        withLatinDigits != self && !contains(where: \.isLetter)
    }
}

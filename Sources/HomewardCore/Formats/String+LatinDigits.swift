extension String {
    /// The text with Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits written 0–9, and Arabic's decimal and
    /// group separators (٫ ٬) as `.` and `,`, and the typographic minus (−, as word processors write it) as `-`: how dates
    /// and numbers are read, since field teams write them in their own script, as the Arabic pages do. Other scripts' digits (fullwidth, Thai…) stay as they are, and are refused where a
    /// number is read. The same string when it is all ASCII, as nearly every cell is.
    public var withLatinDigits: String {
        guard !utf8.allSatisfy({ $0 < 0x80 }) else { return self }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x2212: scalars.append("-")
            case 0x066B: scalars.append(".")
            case 0x066C: scalars.append(",")
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(UInt8(scalar.value - 0x0660) + UInt8(ascii: "0")))
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(UInt8(scalar.value - 0x06F0) + UInt8(ascii: "0")))
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether an argument is a number or a date written in Arabic digits (`٣`, `٢٠٢٠-٠٦-٠١`), with nothing but digits and
    /// the signs of numbers and dates: the command line reads it with Latin digits. A code or a name holds other characters.
    public var isNumberInAnotherScript: Bool {
        let folded = withLatinDigits
        return folded != self && folded.allSatisfy { $0.isASCII && ($0.isNumber || "-.,:/".contains($0)) }
    }
}

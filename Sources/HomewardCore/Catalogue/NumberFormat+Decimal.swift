import Foundation

extension NumberFormat {
    /// An exact decimal held as a whole number of its smallest unit (km in tenths, tonnes in kilograms), written
    /// as the language writes decimals: 12.5 in English, 12,5 in Russian, ١٢٫٥ in Arabic; trailing zeros dropped, or kept
    /// where figures stand in a column (`fixed`), so that 5.440 and 26.308 line up.
    ///
    /// Only the writing goes through `Double`; the value was summed as an integer.
    public func decimal(_ scaled: Int, decimals: Int, fixed: Bool = false) -> String {
        let style = FloatingPointFormatStyle<Double>.number.locale(language.locale(digits: digits))
            .precision(.fractionLength((fixed ? decimals : 0)...decimals))
        return ScaledNumber.double(scaled, decimals: decimals).formatted(style)
    }
}

import Foundation

extension NumberFormat {
    /// An exact decimal held as a whole number of its smallest unit (km in tenths, tonnes in kilograms), written
    /// as the language writes decimals: 12.5 in English, 12,5 in Russian, ١٢٫٥ in Arabic; trailing zeros dropped, or kept
    /// where figures of one decimal stand side by side (`fixed`: 865.0 km beside 790.7 km). Not for three decimals: a
    /// column's 1.500 t reads as 1,500 to many readers.
    ///
    /// Only the writing goes through `Double`; the value was summed as an integer.
    public func decimal(_ scaled: Int, decimals: Int, fixed: Bool = false) -> String {
        let style = FloatingPointFormatStyle<Double>.number.locale(language.locale(digits: digits))
            .precision(.fractionLength((fixed ? decimals : 0)...decimals))
        return ScaledNumber.double(scaled, decimals: decimals).formatted(style)
    }
}

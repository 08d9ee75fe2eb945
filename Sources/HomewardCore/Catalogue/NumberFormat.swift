import Foundation

/// Counts written as a language writes them: 1,234,567 in English, 1 234 567 in Russian (U+00A0 between
/// groups), ١٬٢٣٤٬٥٦٧ in Arabic.
///
/// Built on ICU's locale data through Foundation's format styles, which are `Sendable` and cached, so one
/// value serves every request.
public struct NumberFormat: Sendable {
    public let language: Language
    public let digits: Digits
    private let plain: IntegerFormatStyle<Int>
    private let ungrouped: IntegerFormatStyle<Int>
    private let signed: IntegerFormatStyle<Int>
    private let share: Decimal.FormatStyle.Percent

    public init(_ language: Language, digits: Digits = .native) {
        self.language = language
        self.digits = digits
        let locale = language.locale(digits: digits)
        plain = IntegerFormatStyle<Int>.number.locale(locale)
        ungrouped = plain.grouping(.never)
        signed = plain.sign(strategy: .always(includingZero: false))
        share = Decimal.FormatStyle.Percent.percent.precision(.fractionLength(2)).locale(locale)
    }

    /// The count with the language's digits and group separators.
    public func string(_ n: Int) -> String { n.formatted(plain) }

    /// A number that names something (bulletin 1234): the language's digits, no groups.
    public func serial(_ n: Int) -> String { n.formatted(ungrouped) }

    /// A change, with its sign always written (+900, −900 as the locale writes it, and 0 without a sign).
    ///
    /// - Important: the Arabic forms begin with a direction mark (U+061C or U+200E) that keeps the sign
    ///   on the number's side in right-to-left text; compare exact characters.
    public func change(_ n: Int) -> String {
        let written = n.formatted(signed)
        // Russian typesetting writes a change's minus as the minus sign (−5 184), where the locale's data give a hyphen.
        return language == .ru ? written.replacingOccurrences(of: "-", with: "\u{2212}") : written
    }

    /// A share given in hundredths of a percent, with exactly two decimals: 12.34% in English, 12,34 % in
    /// Russian, ١٢٫٣٤٪ in Arabic. Decimal, so the digits are the ones computed, never a binary fraction's.
    public func percent(hundredths: Int) -> String { (Decimal(hundredths) / 10_000).formatted(share) }
}

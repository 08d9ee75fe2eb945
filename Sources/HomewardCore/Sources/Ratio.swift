import Foundation

/// How many times larger one whole number is than another, to two decimals, rounded half up: the same on
/// every machine, and written as a JSON number with exactly those decimals.
public struct Ratio: Hashable, Sendable, Encodable, CustomStringConvertible {
    public let hundredths: Int

    /// `larger ÷ smaller`; `nil` when `smaller` is zero.
    public init?(_ larger: Int, over smaller: Int) {
        guard smaller > 0 else { return nil }
        hundredths = (larger * 200 + smaller) / (2 * smaller)
    }

    public var description: String {
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(Decimal(hundredths) / 100)
    }
}

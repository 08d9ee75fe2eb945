import Foundation

/// A share to two decimals, computed from whole numbers and rounded half up, so that the same counts
/// give the same percentage on every machine and in every language.
public struct Percent: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// The share in hundredths of a percent: 1234 is 12.34 %.
    public let hundredths: Int

    /// `part` of `whole`; `nil` when `whole` is zero.
    public init?(_ part: Int, of whole: Int) {
        guard whole > 0 else { return nil }
        hundredths = (part * 20_000 + whole) / (2 * whole)
    }

    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// A JSON number with exactly the two decimals (`12.34`), never a binary fraction.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(Decimal(hundredths) / 100)
    }
}

extension Percent {
    /// The share as a catalogue argument, written in the reader's language.
    public var argument: MessageArgument { .percent(hundredths: hundredths) }
}

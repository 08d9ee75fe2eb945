/// How a source qualified its figure: "about 300,000", "more than 1,490,739", "at least 1,241,212".
///
/// Kept beside the value, never folded into it: "more than 249,527" is not 249,527.
public enum Qualifier: String, CaseIterable, Sendable, Codable {
    case exact, about
    case moreThan = "more-than"
    case atLeast = "at-least"
    case upTo = "up-to"
    case lessThan = "less-than"

    /// The whole numbers a figure so qualified may stand for: "more than 150,000" is 150,001 and up, without end.
    /// An exact figure, and one "about" a number, stand for that number: "about" gives no margin to hold it to.
    public func bounds(_ value: Int) -> (low: Int, high: Int?) {
        switch self {
        case .exact, .about: (value, value)
        case .moreThan: (value + 1, nil)
        case .atLeast: (value, nil)
        case .upTo: (0, value)
        case .lessThan: (0, max(0, value - 1))
        }
    }
}

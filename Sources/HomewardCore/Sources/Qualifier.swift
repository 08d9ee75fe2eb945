/// How a source qualified its figure: "about 300,000", "more than 1,490,739", "at least 1,241,212".
///
/// Kept beside the value, never folded into it: "more than 249,527" is not 249,527.
public enum Qualifier: String, CaseIterable, Sendable, Codable {
    case exact, about
    case moreThan = "more-than"
    case atLeast = "at-least"
    case upTo = "up-to"
    case lessThan = "less-than"
}

/// A catalogue entry with its arguments filled in, kept in segments so that a page can mark each argument
/// (an HTML `<bdi>`), and escape every segment, without parsing the text again.
public struct Phrase: Hashable, Sendable {
    public enum Segment: Hashable, Sendable {
        /// Words of the catalogue entry itself.
        case text(String)
        /// An argument's value as the language writes it.
        case argument(name: String, text: String, leftToRight: Bool)
    }

    public var segments: [Segment]

    public init(_ segments: [Segment]) { self.segments = segments }

    /// The phrase as plain text, for places that cannot mark arguments (the command line, a CSV cell).
    public var text: String {
        segments.map {
            switch $0 {
            case .text(let text), .argument(_, let text, _): text
            }
        }.joined()
    }
}

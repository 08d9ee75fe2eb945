import HomewardCore

/// A catalogue ``Phrase`` as the `phrase` partial renders it: each argument in its own `<bdi>`, numbers
/// and codes with `dir="ltr"`, so that in Arabic text "+900" keeps its sign and `SY03` reads as written.
struct PhraseContext {
    struct Segment {
        let text: String
        let isArgument: Bool
        let leftToRight: Bool
    }

    let segments: [Segment]

    init(_ phrase: Phrase) {
        segments = phrase.segments.map {
            switch $0 {
            case .text(let text): Segment(text: text, isArgument: false, leftToRight: false)
            case .argument(_, let text, let leftToRight): Segment(text: text, isArgument: true, leftToRight: leftToRight)
            }
        }
    }
}

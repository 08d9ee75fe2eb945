/// Something to tell people, as a catalogue key and its arguments, not yet in any language.
///
/// Whatever produces text for people (a page, a statement, an import problem) can hold a `Message`
/// and leave the wording to the ``Catalogue`` of the reader's language.
public struct Message: Hashable, Sendable {
    public var key: String
    public var arguments: [String: MessageArgument]

    public init(_ key: String, _ arguments: [String: MessageArgument] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}

extension Message {
    /// A value refused as not a whole number of `range` (a query's `limit`, `last`…), in the reader's language.
    public static func wholeNumber(_ value: String, _ range: ClosedRange<Int>) -> Message {
        Message("problem.value.wholeNumber", ["value": .code(value), "first": .count(range.lowerBound), "last": .count(range.upperBound)])
    }
}

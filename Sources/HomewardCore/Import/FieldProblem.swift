/// What is wrong with one record given whole (a crossing point, a site, an operation): the field as the API
/// names it, the value, and why, as a catalogue message; the command line and the API both answer with it,
/// each in its reader's language.
public struct FieldProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var value: String
    public var message: Message
    /// Another record has the code: a conflict (409), not a mistake in the record itself (400).
    public var isConflict = false

    public init(field: String, value: String, _ message: Message, isConflict: Bool = false) {
        self.field = field
        self.value = value
        self.message = message
        self.isConflict = isConflict
    }

    /// Why, in English.
    public var reason: String { Catalogue.english.text(message) }

    /// The field, the value and why, in the catalogue's language: "capacity '-5': …", or "capacity: …" when there is no value to quote (one missing, or a password never echoed).
    public func written(in catalogue: Catalogue) -> String { "\(Self.label(field, value)): \(catalogue.text(message))" }

    /// The field and its value as every refusal names them: `capacity '-5'`, or `password` with nothing to quote.
    /// A value past 80 characters is quoted by its start and its length: a pasted report echoed whole buries the reason.
    public static func label(_ field: String, _ value: String) -> String {
        value.isEmpty ? field : "\(field) '\(shown(value))'"
    }

    /// A value as a message quotes it: on one line, and past 80 characters by its start and its length.
    public static func shown(_ value: String) -> String {
        let count = value.count
        return count > 80 ? "\(String(value.prefix(60)).oneLine)… (\(count) characters)" : value.oneLine
    }

    /// The value and why, for a form on a page: the form's own label stands beside the field, so the API's name for it
    /// (`org`, `login`) is left out; the value is isolated, so that Latin text keeps its order in an Arabic sentence.
    public func writtenForAForm(in catalogue: Catalogue) -> String {
        value.isEmpty ? catalogue.text(message) : "\u{2068}\(value.oneLine)\u{2069}: \(catalogue.text(message))"
    }

    public var description: String { written(in: .english) }
}

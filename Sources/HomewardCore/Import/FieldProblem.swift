/// What is wrong with one record given whole (a crossing point, a site, an operation): the field as the API
/// names it, the value, and why; the command line and the API both answer with it.
public struct FieldProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var value: String
    public var reason: String
    /// Another record has the code: a conflict (409), not a mistake in the record itself (400).
    public var isConflict = false

    public init(field: String, value: String, reason: String, isConflict: Bool = false) {
        self.field = field
        self.value = value
        self.reason = reason
        self.isConflict = isConflict
    }

    public var description: String { "\(field) '\(value)': \(reason)" }
}

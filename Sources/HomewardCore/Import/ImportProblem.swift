/// One thing wrong with an import, located so that its author can find and mend it.
public struct ImportProblem: Hashable, Sendable, Codable {
    public enum Severity: String, Codable, Sendable {
        /// The row is rejected.
        case error
        /// The row is kept, at a coarser place or with a value left out, and the author should know.
        case warning
    }

    /// The row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole.
    public var row: Int
    /// The column's header (or `--set TAG` for a constant); empty for the row as a whole.
    public var column: String
    public var value: String
    public var reason: String
    public var severity: Severity

    public init(row: Int, column: String, value: String, reason: String, severity: Severity = .error) {
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
        self.severity = severity
    }
}

extension ImportProblem: CustomStringConvertible {
    public var description: String {
        var text = row > 0 ? "row \(row)" : "file"
        if !column.isEmpty { text += ", column '\(column)'" }
        if !value.isEmpty { text += ", value '\(value)'" }
        return "\(text): \(reason)"
    }
}

/// An import that cannot start: the file as a whole is unreadable or its columns cannot be understood.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) { self.problems = problems }

    public init(_ reason: String, column: String = "", value: String = "") {
        self.problems = [ImportProblem(row: 0, column: column, value: value, reason: reason)]
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One thing wrong with an import, located so that its author can find and mend it.
///
/// What is wrong is a ``Message`` (a catalogue key, the problem's `code`, and typed arguments), not
/// words: the API, the command line and the pages write it in their reader's language from one catalogue.
public struct ImportProblem: Hashable, Sendable {
    public enum Severity: String, Codable, Sendable {
        /// The row is rejected.
        case error
        /// The row is kept, at a coarser place or with a value left out, and the author should know.
        case warning
    }

    /// The row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole.
    public var row: Int
    /// The column's header (or `--set TAG` for a constant, `set TAG` through the API); empty for the row as a whole.
    public var column: String
    public var value: String
    public var message: Message
    public var severity: Severity
    /// The reason as already written in one language: by ``written(in:)``, or as read back from JSON.
    var writtenReason: String?

    public init(row: Int, column: String, value: String, _ message: Message, severity: Severity = .error) {
        self.row = row
        self.column = column
        self.value = value
        self.message = message
        self.severity = severity
    }

    /// A problem whose text is not in the catalogue yet; it reads the same in every language.
    ///
    /// - Important: only for messages the catalogue lacks (those of the reference files, which only the
    ///   operator loading them sees); an import's rules give a ``Message``.
    public init(row: Int, column: String, value: String, reason: String, severity: Severity = .error) {
        self.init(row: row, column: column, value: value, Message("import.untranslated", ["text": .text(reason)]), severity: severity)
    }

    /// The catalogue key: what a program reading problems compares, whatever the language of `reason`.
    public var code: String { message.key }

    /// The reason in the language it was written in, English unless ``written(in:)`` chose another.
    public var reason: String { writtenReason ?? reason(in: .english) }

    public func reason(in catalogue: Catalogue) -> String { catalogue.text(message) }

    /// The problem with its reason written in the catalogue's language, for JSON that carries the text.
    public func written(in catalogue: Catalogue) -> ImportProblem {
        var problem = self
        problem.writtenReason = reason(in: catalogue)
        return problem
    }

    /// Where and what, for a reader of that language: "row 3, column 'Date', value '2019-02-30': not a real date …".
    /// - Parameter file: the file's name, where the problem is the file's as a whole (no row): named, not "file".
    public func description(in catalogue: Catalogue, file: String? = nil) -> String {
        var place = [row > 0 ? catalogue.text("import.at.row", ["row": .serial(row)]) : file ?? catalogue.text("import.at.file")]
        // A column without a header is named by its place ("column 8"): written in the reader's words and digits.
        if column.hasPrefix("column "), let position = Int(column.dropFirst("column ".count)) {
            place.append(catalogue.text("import.at.columnNumber", ["position": .serial(position)]))
        } else if !column.isEmpty {
            place.append(catalogue.text("import.at.column", ["column": .text(column.oneLine)]))
        }
        if !value.isEmpty { place.append(catalogue.text("import.at.value", ["value": .text(value.oneLine)])) }
        return catalogue.text("import.problem", ["place": catalogue.list(place),
                                                 "reason": .text(reason(in: catalogue))])
    }
}

extension ImportProblem: CustomStringConvertible {
    public var description: String { description(in: .english) }
}

/// An import that cannot start: the file as a whole is unreadable or its columns cannot be understood.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) { self.problems = problems }

    public init(_ message: Message, column: String = "", value: String = "") {
        self.problems = [ImportProblem(row: 0, column: column, value: value, message)]
    }

    /// An error whose text is not in the catalogue yet (see ``ImportProblem/init(row:column:value:reason:severity:)``).
    public init(_ reason: String, column: String = "", value: String = "") {
        self.problems = [ImportProblem(row: 0, column: column, value: value, reason: reason)]
    }

    public var description: String { description(in: .english) }

    public func description(in catalogue: Catalogue) -> String {
        problems.map { $0.description(in: catalogue) }.joined(separator: "\n")
    }
}

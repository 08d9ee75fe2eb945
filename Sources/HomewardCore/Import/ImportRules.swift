/// The rules one kind of record must pass, turning a draft into records or into located problems.
///
/// Rules are pure: what they need from the database (the gazetteer, the sites, the kinds of facility)
/// is read before the import starts and handed to them, so that they can be tested without one. A rule
/// that depends on the rows before it (departures never overdraw a site) keeps its running state in the
/// rules value, which the import holds for the length of one file.
public protocol ImportRules: Sendable {
    associatedtype Field: ImportField
    associatedtype Record: Sendable

    mutating func check(_ draft: ImportDraft<Field>) -> ImportOutcome<Record>
}

/// What a kind's rules made of one row.
public struct ImportOutcome<Record: Sendable>: Sendable {
    /// The records to write; one row may carry several (a row's refugees and its IDPs).
    public var records: [Record] = []
    public var problems: [ImportProblem] = []
    /// Values that record nothing (a count of zero): not an error, and counted as ignored.
    public var ignored = 0

    public init(records: [Record] = [], problems: [ImportProblem] = [], ignored: Int = 0) {
        self.records = records
        self.problems = problems
        self.ignored = ignored
    }

    public var isRejected: Bool { problems.contains { $0.severity == .error } }
    public var hasWarnings: Bool { problems.contains { $0.severity == .warning } }
}

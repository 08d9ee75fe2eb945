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

    /// The organisation a row reports for, known before its checks, so that the import can refuse a row for it
    /// (another's, or another spelling of a known name) before the rules count the row.
    func organisation(of draft: ImportDraft<Field>) -> String?

    /// The row checked with the running state left as it was, for a row the import will refuse for its organisation
    /// if the rules accept it: a row not written must not count against those after it (a site's departures against
    /// its baseline). Rules without running state give ``check(_:)``; those with it add nothing to it, and leave out
    /// the checks that only the count makes.
    mutating func checkWithoutCounting(_ draft: ImportDraft<Field>) -> ImportOutcome<Record>

    /// Warnings that need the whole file: checks against what the rows give by a date, whichever order they come in
    /// (a commissioning above a start the file gives further down). Called once, after the last row.
    mutating func finish() -> [ImportProblem]
}

extension ImportRules {
    public mutating func finish() -> [ImportProblem] { [] }
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

/// What an import did, after DHIS2's import summary: a status, the counts, and every problem located.
///
/// `imported`, `updated` and `ignored` count movements (a row with both refugees and IDPs carries two);
/// `rejected` and `warnings` count rows.
public struct ImportSummary: Hashable, Sendable, Codable {
    public enum Status: String, Codable, Sendable {
        /// Everything was read and nothing needs attention.
        case success = "SUCCESS"
        /// Written, but rows were kept at a coarser place, or rejected rows were skipped on request.
        case warning = "WARNING"
        /// Nothing was written.
        case error = "ERROR"
    }

    public var status: Status
    public var dryRun: Bool
    public var rows: Int
    public var imported: Int
    public var updated: Int
    public var ignored: Int
    public var rejected: Int
    public var warnings: Int
    public var problems: [ImportProblem]
    /// Columns whose header or tag Homeward does not read.
    public var ignoredColumns: [String]

    public init(status: Status = .success, dryRun: Bool = false, rows: Int = 0, imported: Int = 0, updated: Int = 0,
                ignored: Int = 0, rejected: Int = 0, warnings: Int = 0, problems: [ImportProblem] = [],
                ignoredColumns: [String] = []) {
        self.status = status
        self.dryRun = dryRun
        self.rows = rows
        self.imported = imported
        self.updated = updated
        self.ignored = ignored
        self.rejected = rejected
        self.warnings = warnings
        self.problems = problems
        self.ignoredColumns = ignoredColumns
    }

    enum CodingKeys: String, CodingKey {
        case status, rows, imported, updated, ignored, rejected, warnings, problems
        case dryRun = "dry_run"
        case ignoredColumns = "ignored_columns"
    }

    /// A report for people, one problem a line.
    public var text: String {
        var lines = ["Import \(dryRun ? "(dry run, nothing written) " : "")status: \(status.rawValue)",
                     "rows read: \(rows)", "imported: \(imported)", "updated: \(updated)", "ignored: \(ignored)",
                     "rejected: \(rejected)", "warnings: \(warnings)"]
        if !ignoredColumns.isEmpty { lines.append("columns not read: \(ignoredColumns.joined(separator: ", "))") }
        if !problems.isEmpty { lines.append("problems:") }
        lines += problems.map { "  \($0.severity.rawValue): \($0)" }
        return lines.joined(separator: "\n")
    }
}

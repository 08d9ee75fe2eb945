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

    /// A report for people, one problem a line, in English.
    public var text: String { text(in: .english) }

    /// A report for people in the catalogue's language; the status stays its code (SUCCESS, WARNING, ERROR).
    /// - Parameter file: the file imported, named on a line of its own and in place of "file" in its problems.
    public func text(in catalogue: Catalogue, file: String? = nil) -> String {
        let c = catalogue
        // The status as scripts compare it; a language that words it otherwise gives its word beside it.
        var lines = [c.text(dryRun ? "import.summary.status.dryRun" : "import.summary.status", ["status": .code(status.rawValue)])]
        if let file { lines.append(c.text("import.summary.file", ["file": .text(file)])) }
        for (key, count) in [("rows", rows), ("imported", imported), ("updated", updated), ("ignored", ignored),
                             ("rejected", rejected), ("warnings", warnings)] {
            lines.append(c.text("import.summary.\(key)", ["count": .count(count)]))
        }
        if !ignoredColumns.isEmpty {
            lines.append(c.text("import.summary.ignoredColumns", ["columns": .text(ignoredColumns.joined(separator: ", "))]))
        }
        if !problems.isEmpty { lines.append(c.text("import.summary.problems")) }
        lines += problems.map { "  \(c.text("import.severity.\($0.severity.rawValue)")): \($0.description(in: c, file: file))" }
        return lines.joined(separator: "\n")
    }

    /// The summary with every problem's reason written in the catalogue's language, for JSON.
    public func written(in catalogue: Catalogue) -> ImportSummary {
        var summary = self
        summary.problems = problems.map { $0.written(in: catalogue) }
        return summary
    }
}

import HomewardCore

/// A record's history for a terminal: its own columns, then who recorded each version, when, in which import, and what
/// replaced it; or the JSON its route answers.
enum VersionCells {
    static let header = ["RECORDED", "BY", "IMPORT", "REPLACED", "BY"]

    static func cells<Record>(_ v: RecordVersion<Record>) -> [String] {
        [v.recordedAt, v.recordedBy ?? "", v.importID.map(String.init) ?? "", v.supersededAt ?? "in force", v.supersededBy ?? ""]
    }
}

extension VersionCells {
    /// Prints every version of a record, or says that there is none under that number.
    static func print<Record>(_ versions: [RecordVersion<Record>], format: TableOrJSON, missing: String, header: [String],
                              numeric: Set<Int>, cells: (Record) -> [String]) throws {
        guard !versions.isEmpty else { throw CommandFailure(missing) }
        switch format {
        case .json: try printJSON(["versions": versions])
        case .table:
            Swift.print(TextTable(header: header + Self.header, rows: versions.map { cells($0.record) + Self.cells($0) }, numeric: numeric).rendered)
        }
    }
}

import HomewardCore

/// The columns a record's history adds to its own: who recorded the version, when, in which import, and what replaced it.
enum VersionCells {
    static let header = ["RECORDED", "BY", "IMPORT", "REPLACED", "BY"]

    static func cells<Record>(_ v: RecordVersion<Record>) -> [String] {
        [v.recordedAt, v.recordedBy ?? "", v.importID.map(String.init) ?? "", v.supersededAt ?? "in force", v.supersededBy ?? ""]
    }
}

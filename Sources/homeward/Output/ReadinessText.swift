import Foundation
import HomewardCore

/// The readiness table for a terminal and for spreadsheets: one row per area, one column per figure.
enum ReadinessText {
    static func header(_ r: ReadinessReport) -> [String] {
        ["AREA", "NAME", "RETURNED", "REFUGEES", "IDPS"] + r.kinds.map { "COMMISSIONED \($0.code)" } + r.kinds.map { "RESTORING \($0.code)" }
            + ["AID ACTIONS", "TONNES", "PARCELS", "REACHED", "TREATED"]
    }

    static func cells(_ row: ReadinessReport.Row, kinds: [FacilityKind]) -> [String] {
        [row.area, row.name, String(row.returned), String(row.refugees), String(row.idps)]
            + kinds.map { ScaledNumber.string(row.commissioned.tenths(of: $0.code), decimals: 1) }
            + kinds.map { ScaledNumber.string(row.underRestoration.tenths(of: $0.code), decimals: 1) }
            + [String(row.aid.actions), row.aid.tonnes, String(row.aid.parcels), String(row.aid.reached), String(row.aid.treated)]
    }

    static func table(_ r: ReadinessReport) -> String {
        let title = "Returns beside facilities and aid by adm\(r.level.rawValue), \(r.from.map { "from \($0) " } ?? "")to \(r.to); sorted by \(r.order)"
        let head = header(r)
        return [title, "", TextTable(header: head, rows: r.rows.map { cells($0, kinds: r.kinds) }, numeric: Set(2..<head.count)).rendered]
            .joined(separator: "\n")
    }

    static func csv(_ r: ReadinessReport) -> String {
        let head = header(r).map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
        return ([head.joined(separator: ",")] + r.rows.map { cells($0, kinds: r.kinds).map(CSVWriter.field).joined(separator: ",") }).joined(separator: "\n")
    }
}

import Foundation
import HomewardCore

/// The readiness table for a terminal and for spreadsheets: one row per area, one column per figure.
enum ReadinessText {
    static func header(_ r: ReadinessReport) -> [String] {
        ["AREA", "NAME", "RETURNED", "REFUGEES", "IDPS"] + r.kinds.map { "COMMISSIONED \($0.code)" } + r.kinds.map { "RESTORING \($0.code)" }
            + ["AID ACTIONS", "TONNES", "PARCELS", "REACHED", "TREATED"]
    }

    /// A row's cells, numbers grouped in thousands for a reader or bare for a spreadsheet.
    static func cells(_ row: ReadinessReport.Row, kinds: [FacilityKind], grouped: Bool) -> [String] {
        let count = { (n: Int) in grouped ? n.grouped : String(n) }
        let quantity = { (tenths: Int) in ScaledNumber.string(tenths, decimals: 1, grouped: grouped) }
        let tonnes = { (kilograms: Int) in ScaledNumber.string(kilograms, decimals: 3, grouped: grouped) }
        // For a reader, a figure none of the area's actions gave (or of an area without any) is `-`; a spreadsheet keeps the sum.
        let given = { (value: String, figure: KeyPath<AidReporting, Int>) in
            grouped ? row.aid.actions == 0 ? "-" : row.aid.shown(value, figure, unreported: "-") : value
        }
        return [row.area, row.name, count(row.returned), count(row.refugees), count(row.idps)]
            + kinds.map { quantity(row.commissioned.tenths(of: $0.code)) }
            + kinds.map { quantity(row.underRestoration.tenths(of: $0.code)) }
            + [count(row.aid.actions), given(tonnes(row.aid.kilograms), \.kilograms), given(count(row.aid.parcels), \.parcels),
               grouped && row.aid.actions > 0 ? AssistanceText.reached(row.aid) : given(count(row.aid.reached), \.reached),
               given(count(row.aid.treated), \.treated)]
    }

    static func table(_ r: ReadinessReport) -> String {
        let title = "Returns beside facilities and aid by adm\(r.level.rawValue), \(r.from.map { "from \($0) " } ?? "")to \(r.to); sorted by \(r.order)"
        let head = header(r)
        var lines = [title, "", TextTable(header: head, rows: r.rows.map { cells($0, kinds: r.kinds, grouped: true) }, numeric: Set(2..<head.count)).rendered]
        if r.rows.contains(where: { $0.aid.hasUnreported || $0.aid.actions == 0 }) {
            lines += ["", "- : given by none of the area's aid actions, or the area has none (the CSV keeps 0)."]
        }
        if r.rows.contains(where: { if case .partly = $0.aid.reporting(\.reached) { true } else { false } }) {
            if lines.last?.hasPrefix("- :") != true { lines.append("") }
            lines += ["REACHED with (n/m): people reached given by n of the area's m aid actions."]
        }
        return lines.joined(separator: "\n")
    }

    static func csv(_ r: ReadinessReport) -> String {
        let head = header(r).map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
        return ([head.joined(separator: ",")] + r.rows.map { cells($0, kinds: r.kinds, grouped: false).map(CSVWriter.field).joined(separator: ",") }).joined(separator: "\n")
    }
}

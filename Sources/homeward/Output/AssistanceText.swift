import HomewardCore

/// Aid figures for a terminal and for spreadsheets.
enum AssistanceText {
    static let header = ["ACTIONS", "LOCALITIES", "TONNES", "PARCELS", "REACHED", "TREATED"]

    /// The whole and each type, then the breakdown asked for, unless that is by type again.
    /// - Parameter only: what the summary was narrowed to (`organisation SARC`), said in its heading.
    static func table(_ s: AidSummary, grouping: AidGrouping? = nil, only: [String] = []) -> String {
        let window = [s.from.map { "from \($0)" }, s.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        var lines = ["Aid, \(window.isEmpty ? "all dates" : window)" + (only.isEmpty ? "" : "; only \(only.joined(separator: ", "))"), ""]
        lines.append(TextTable(header: ["TYPE"] + header, rows: [["all"] + cells(s.figures)] + s.byType.map { [$0.name] + cells($0.figures) },
                               numeric: Set(1...6)).rendered)
        if !s.groups.isEmpty && grouping == .organisation {
            // An organisation is its own name: one column, not the same name twice.
            lines += ["", TextTable(header: ["ORGANISATION"] + header, rows: s.groups.map { [$0.name] + cells($0.figures) },
                                    numeric: Set(1...6)).rendered]
        } else if !s.groups.isEmpty && grouping != .type {
            lines += ["", TextTable(header: ["GROUP", "NAME"] + header, rows: s.groups.map { [$0.key ?? "-", $0.name] + cells($0.figures) },
                                    numeric: Set(2...7)).rendered]
        }
        if let reporting = reporting(s.figures) { lines += ["", reporting] }
        return lines.joined(separator: "\n")
    }

    /// Below the tables, where some figure is not given by every action: how many gave each, and what a dash and a pair mean.
    static func reporting(_ f: AidFigures) -> String? {
        let fields: [(String, KeyPath<AidReporting, Int>)] = [("tonnes", \.kilograms), ("parcels", \.parcels), ("reached", \.reached), ("treated", \.treated)]
        guard fields.contains(where: { f.reporting($0.1) != .complete }) else { return nil }
        let given = fields.map { "\($0.0) \(f.reportedBy[keyPath: $0.1].grouped)" }.joined(separator: ", ")
        var partly = ""
        if case .partly(let count) = f.reporting(\.reached) {
            partly = " People reached with (\(count.grouped)/\(f.actions.grouped)): given by \(count.grouped) of the line's \(f.actions.grouped) actions."
        }
        return "Actions that gave each figure, of \(f.actions.grouped): \(given). A figure no action gave is shown as -, not 0." + partly
    }

    /// One line per group (per type when not grouped), after the whole: `group,name,actions,…`.
    static func csv(_ s: AidSummary) -> String {
        let all = AidSummary.Group(key: nil, name: "all", figures: s.figures)
        let lines = ([all] + (s.groups.isEmpty ? s.byType : s.groups)).map { g in
            let f = g.figures, r = f.reportedBy
            let counts: [Int] = [f.parcels, f.reached, f.treated, r.kilograms, r.parcels, r.reached, r.treated]
            let cells: [String] = [g.key ?? "", g.name, String(f.actions), String(f.localities), f.tonnes] + counts.map { String($0) }
            return cells.map(CSVWriter.field).joined(separator: ",")
        }
        return (["group,name,actions,localities,tonnes,parcels,people_reached,medical_treated,"
                 + "tonnes_reported_by,parcels_reported_by,people_reached_reported_by,medical_treated_reported_by"] + lines).joined(separator: "\n")
    }

    /// A figure that no action of the line gave is `-`: not known, where 0 would say none. People reached, the one figure
    /// every kind of aid may give, says how many of the line's actions gave it where not all did, as the aid page does.
    static func cells(_ f: AidFigures) -> [String] {
        let given = { (value: String, figure: KeyPath<AidReporting, Int>) in f.shown(value, figure, unreported: "-") }
        return [f.actions.grouped, f.localities.grouped, given(ScaledNumber.string(f.kilograms, decimals: 3, grouped: true), \.kilograms),
                given(f.parcels.grouped, \.parcels), reached(f), given(f.treated.grouped, \.treated)]
    }

    /// People reached for a reader: `-` where no action gave them, `1,400 (1/2)` where only some did.
    static func reached(_ f: AidFigures) -> String {
        let value = f.shown(f.reached.grouped, \.reached, unreported: "-")
        guard case .partly(let count) = f.reporting(\.reached) else { return value }
        return value + " (\(count.grouped)/\(f.actions.grouped))"
    }
}

import HomewardCore

/// Aid figures for a terminal and for spreadsheets.
enum AssistanceText {
    static let header = ["ACTIONS", "LOCALITIES", "TONNES", "PARCELS", "REACHED", "TREATED"]

    /// The whole and each type, then the breakdown asked for, unless that is by type again.
    static func table(_ s: AidSummary, grouping: AidGrouping? = nil) -> String {
        let window = [s.from.map { "from \($0)" }, s.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        var lines = ["Aid, \(window.isEmpty ? "all dates" : window)", ""]
        lines.append(TextTable(header: ["TYPE"] + header, rows: [["all"] + cells(s.figures)] + s.byType.map { [$0.name] + cells($0.figures) },
                               numeric: Set(1...6)).rendered)
        if !s.groups.isEmpty && grouping != .type {
            lines += ["", TextTable(header: ["GROUP", "NAME"] + header, rows: s.groups.map { [$0.key ?? "-", $0.name] + cells($0.figures) },
                                    numeric: Set(2...7)).rendered]
        }
        return lines.joined(separator: "\n")
    }

    /// One line per group (per type when not grouped), after the whole: `group,name,actions,…`.
    static func csv(_ s: AidSummary) -> String {
        let all = AidSummary.Group(key: nil, name: "all", figures: s.figures)
        let lines = ([all] + (s.groups.isEmpty ? s.byType : s.groups)).map { g in
            ([g.key ?? "", g.name] + [String(g.figures.actions), String(g.figures.localities), g.figures.tonnes, String(g.figures.parcels),
                                      String(g.figures.reached), String(g.figures.treated)]).map(CSVWriter.field).joined(separator: ",")
        }
        return (["group,name,actions,localities,tonnes,parcels,people_reached,medical_treated"] + lines).joined(separator: "\n")
    }

    static func cells(_ f: AidFigures) -> [String] {
        [f.actions.grouped, f.localities.grouped, ScaledNumber.string(f.kilograms, decimals: 3, grouped: true), f.parcels.grouped, f.reached.grouped, f.treated.grouped]
    }
}

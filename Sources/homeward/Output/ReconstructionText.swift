import HomewardCore

/// Reconstruction figures for a terminal and for spreadsheets.
enum ReconstructionText {
    static func table(_ s: ReconstructionSummary) -> String {
        var lines = ["Under restoration on \(s.asOf): in \(settlements(s.underRestoration.settlements))"]
        lines += ["", byKind(s.underRestoration), ""]
        lines.append("Commissioned \(s.from.map { "from \($0) " } ?? "")to \(s.to): in \(settlements(s.commissioned.settlements))")
        lines += ["", byKind(s.commissioned)]
        if !s.damaged.byKind.isEmpty {
            lines += ["", "Reported damaged by \(s.asOf): in \(settlements(s.damaged.settlements))", "", byKind(s.damaged)]
        }
        if !s.groups.isEmpty {
            // Groups that are their own names (organisations) take one column, not the same name twice.
            let named = s.groups.contains { $0.key != $0.name }
            lines += ["", TextTable(header: (named ? ["GROUP", "NAME"] : ["GROUP"]) + ["KIND", "UNDER RESTORATION", "COMMISSIONED", "DAMAGED", "UNIT"],
                                    rows: s.groups.flatMap(rows).map { named ? $0 : Array($0.dropFirst()) }, numeric: named ? [3, 4, 5] : [2, 3, 4]).rendered]
        }
        return lines.joined(separator: "\n")
    }

    /// One line per kind and group (the whole when not grouped): `group,name,kind,unit,under_restoration,commissioned,damaged`.
    static func csv(_ s: ReconstructionSummary) -> String {
        let whole = ReconstructionSummary.Group(key: nil, name: "all", underRestoration: s.underRestoration, commissioned: s.commissioned,
                                                damaged: s.damaged)
        let lines = (s.groups.isEmpty ? [whole] : s.groups).flatMap { group in
            kinds(group).map { kind in
                [group.key ?? "", group.name, kind.code, kind.unit.rawValue, quantity(group.underRestoration, kind), quantity(group.commissioned, kind),
                 quantity(group.damaged, kind)]
                    .map(CSVWriter.field).joined(separator: ",")
            }
        }
        return (["group,name,kind,unit,under_restoration,commissioned,damaged"] + lines).joined(separator: "\n")
    }

    private static func settlements(_ n: Int) -> String { n == 1 ? "1 settlement" : "\(n.grouped) settlements" }

    private static func byKind(_ figures: FacilityFigures) -> String {
        guard !figures.byKind.isEmpty else { return "  none" }
        return TextTable(header: ["KIND", "QUANTITY", "UNIT"], rows: figures.byKind.map { [$0.kind.nameEn, ScaledNumber.string($0.tenths, decimals: 1, grouped: true), $0.kind.unit.rawValue] },
                         numeric: [1]).rendered
    }

    private static func rows(_ group: ReconstructionSummary.Group) -> [[String]] {
        kinds(group).map { [group.key ?? "-", group.name, $0.code, quantity(group.underRestoration, $0, grouped: true),
                            // None reported is not "0 damaged": a dash, as on the page (the CSV keeps 0).
                            quantity(group.commissioned, $0, grouped: true), group.damaged.tenths(of: $0.code) == 0 ? "-" : quantity(group.damaged, $0, grouped: true),
                            // A length beside counts of items says so (road 1,247 beside school 8).
                            $0.unit.rawValue] }
    }

    private static func kinds(_ group: ReconstructionSummary.Group) -> [FacilityKind] {
        var seen = Set<String>()
        return (group.underRestoration.byKind + group.commissioned.byKind + group.damaged.byKind).map(\.kind).filter { seen.insert($0.code).inserted }
    }

    private static func quantity(_ figures: FacilityFigures, _ kind: FacilityKind, grouped: Bool = false) -> String {
        ScaledNumber.string(figures.tenths(of: kind.code), decimals: 1, grouped: grouped)
    }
}

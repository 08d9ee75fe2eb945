/// The reconstruction block of a bulletin: for each kind of facility, what is under restoration on the session's
/// day and what was commissioned in the 7 days up to it, and in how many settlements.
///
/// Quantities stay in the kind's own unit (items, or km to 0.1); kinds are never added together.
public enum ReconstructionBlock {
    /// - Parameters:
    ///   - stock: under restoration on `date`.
    ///   - flow: commissioned over ``ReturnsBlock/lastWeek(to:)``.
    ///   - reporters: the organisations whose records the stock and the flow sum, named last.
    /// - Returns: `nil` when nothing is under restoration and nothing was commissioned.
    ///   - overlaps: the works up to the day (alike in day, settlement, kind and status) that more than one organisation reported.
    public static func make(date: Day, stock: FacilityFigures, flow: FacilityFigures, reporters: [String] = [], overlaps: Int = 0) -> BulletinBlock? {
        guard !stock.byKind.isEmpty || !flow.byKind.isEmpty else { return nil }
        let week = ReturnsBlock.lastWeek(to: date)
        let query = "homeward facilities summary --as-of \(date) --from \(week.from!) --to \(date) --by kind"
        var lines: [BulletinLine] = [], entries: [SnapshotEntry] = []
        var kinds = stock.byKind.map(\.kind)
        kinds += flow.byKind.map(\.kind).filter { kind in !kinds.contains(kind) }
        for kind in kinds {
            let prefix = "reconstruction.\(kind.code)"
            entries.append(SnapshotEntry(id: "\(prefix).underRestoration", value: stock.tenths(of: kind.code), unit: .tenths, query: query))
            entries.append(SnapshotEntry(id: "\(prefix).commissioned", value: flow.tenths(of: kind.code), unit: .tenths, query: query))
            // Nothing under restoration or commissioned is said in words ("none commissioned"): "0 commissioned" reads badly in
            // Arabic above all. A kind is listed only where one of the two is not nothing.
            lines.append(BulletinLine("bulletin.reconstruction.kind", [
                "kind": .name(en: kind.nameEn, ru: kind.nameRu, ar: kind.nameAr), "unit": .code(kind.unit.rawValue),
                "flow": .code(flow.tenths(of: kind.code) == 0 ? "none" : "some"), "stocked": .code(stock.tenths(of: kind.code) == 0 ? "none" : "some"),
                "stock": .entry("\(prefix).underRestoration"), "commissioned": .entry("\(prefix).commissioned"),
                "date": .day(date), "from": .day(week.from!), "to": .day(date),
            ]))
        }
        if stock.settlements > 0 {
            entries.append(SnapshotEntry(id: "reconstruction.settlements.underRestoration", value: stock.settlements, query: query))
            lines.append(BulletinLine("bulletin.reconstruction.settlements.underRestoration",
                                      ["count": .entry("reconstruction.settlements.underRestoration"), "date": .day(date)]))
        }
        if flow.settlements > 0 {
            entries.append(SnapshotEntry(id: "reconstruction.settlements.commissioned", value: flow.settlements, query: query))
            lines.append(BulletinLine("bulletin.reconstruction.settlements.commissioned",
                                      ["count": .entry("reconstruction.settlements.commissioned"), "from": .day(week.from!), "to": .day(date)]))
        }
        if overlaps > 0 {
            entries.append(SnapshotEntry(id: "overlaps.reconstruction", value: overlaps, query: "homeward facilities list --to \(date) --reported-by-several"))
            lines.append(BulletinLine("bulletin.reconstruction.overlaps", ["count": .entry("overlaps.reconstruction")]))
        }
        if !reporters.isEmpty { lines.append(BulletinLine("bulletin.reconstruction.reporters", ["organisations": .names(reporters)])) }
        return BulletinBlock(kind: "reconstruction", heading: "bulletin.reconstruction.heading", lines: lines, entries: entries)
    }
}

/// Which numbers of a bulletin the public does not see: counts of people from 1 to k−1 (shown as "<k"), and a
/// second number wherever a hidden one could be worked out by subtraction from a shown total (shown as withheld:
/// "<k" would be false of it, as it may be large).
///
/// The snapshot is never changed (its hash is what was published); this is worked out each time the bulletin is
/// rendered for the public, from the snapshot alone, with ``SmallCounts``. The tables a reader could subtract in:
/// refugees + IDPs = all returns (since records began, and since the chosen date); the week's crossing points plus
/// the movements that name none (not printed, so protected only when it is itself small) = the week's returns; and,
/// per camp, those who left + those who remain = the residents counted, the percentage left going with those who
/// left. Counts of people with no total beside them (people reached by aid or treated, figures organisations stated) are hidden
/// when small. Quantities of facilities, actions, localities and the plan's pace count no one and stay as they are.
public enum BulletinSuppression {
    public enum Reason: Hashable, Sendable {
        /// From 1 to k−1.
        case small
        /// Hidden so that a small one cannot be worked out from a total.
        case recoverable
    }

    public static func hidden(in snapshot: BulletinSnapshot, smallCounts: SmallCounts) -> [String: Reason] {
        let values = Dictionary(snapshot.entries.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let isSmall = { (value: Int) in (1..<smallCounts.threshold).contains(value) }
        var hidden: [String: Reason] = [:]
        /// One row of cells and its total; a cell without an id is a value the text does not print.
        func suppress(_ cells: [(id: String?, value: Int?)], total: String) {
            guard let totalValue = values[total] else { return }
            let shown = smallCounts.suppress([cells.map(\.value) + [totalValue]])[0]
            for (index, id) in (cells.map(\.id) + [total]).enumerated() {
                guard let id, shown[index]?.isHidden == true else { continue }
                hidden[id] = isSmall(values[id] ?? 0) ? .small : .recoverable
            }
        }
        for prefix in ["returns.start", "returns.since"] {
            guard let refugees = values["\(prefix).refugees"], let idps = values["\(prefix).idps"] else { continue }
            suppress([("\(prefix).refugees", refugees), ("\(prefix).idps", idps)], total: "\(prefix).total")
        }
        if let week = values["returns.week.total"] {
            let crossings = snapshot.entries.filter { $0.id.hasPrefix("returns.week.crossing.") }
            let unnamed = week - crossings.map(\.value).reduce(0, +)
            // Not printed: a cell only when small, so that it is never the one picked to protect another.
            suppress(crossings.map { ($0.id, $0.value) } + [(nil, isSmall(unnamed) ? unnamed : nil)], total: "returns.week.total")
        }
        for left in snapshot.entries where left.id.hasPrefix("camps.") && left.id.hasSuffix(".left") {
            let site = String(left.id.dropLast(".left".count))
            guard let remaining = values["\(site).remaining"] else { continue }
            suppress([(left.id, left.value), ("\(site).remaining", remaining)], total: "\(site).residents")
            if hidden[left.id] != nil || hidden["\(site).remaining"] != nil, values["\(site).leftPercent"] != nil {
                hidden["\(site).leftPercent"] = .recoverable
            }
        }
        for entry in snapshot.entries where (["aid.week.reached", "aid.week.treated"].contains(entry.id) || entry.id.hasPrefix("sources.")) && isSmall(entry.value) {
            hidden[entry.id] = .small
        }
        return hidden
    }
}

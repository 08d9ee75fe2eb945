/// The aid block of a bulletin: the actions of the 7 days up to the session, the localities they reached (each
/// once), the tonnes and parcels delivered, the people reached and those given medical treatment.
///
/// People reached are as the organisations reported them per action; one person reached twice counts twice, so
/// the sentence says "reached", never "people helped". Where only some actions gave the people reached, the
/// sentence says how many of them did: the sum is theirs alone. Weight, parcels and treatment are given only by
/// the kinds of aid that deliver them, so a count of the week's actions beside them would say little.
public enum AidBlock {
    /// The entry that counts the week's actions that gave the people reached, when not all did.
    public static let reachedReportedBy = "aid.week.reached.reported_by"

    /// - Parameters:
    ///   - figures: the actions of ``ReturnsBlock/lastWeek(to:)``.
    ///   - reporters: the organisations that reported those actions, named last: every figure of a statement names its source.
    ///   - overlaps: the deliveries (actions alike in day, locality and type) that more than one organisation reported.
    /// - Returns: `nil` when no action was recorded in those days.
    public static func make(date: Day, figures: AidFigures, reporters: [String] = [], overlaps: Int = 0) -> BulletinBlock? {
        guard figures.actions > 0 else { return nil }
        let week = ReturnsBlock.lastWeek(to: date)
        let query = "homeward aid summary --from \(week.from!) --to \(date)"
        var entries = [
            SnapshotEntry(id: "aid.week.actions", value: figures.actions, query: query, records: figures.actions),
            SnapshotEntry(id: "aid.week.localities", value: figures.localities, query: query, records: figures.actions),
        ]
        var lines = [BulletinLine("bulletin.aid.actions", ["count": .entry("aid.week.actions"), "from": .day(week.from!), "to": .day(date)])]
        // Aid recorded only for whole districts or governorates reached no locality the statement can count: no sentence
        // says "0 localities" (nor, in Arabic, that it reached no area).
        if figures.localities > 0 { lines.append(BulletinLine("bulletin.aid.localities", ["count": .entry("aid.week.localities")])) }
        if figures.kilograms > 0 {
            entries.append(SnapshotEntry(id: "aid.week.tonnes", value: figures.kilograms, unit: .thousandths, query: query,
                                         records: figures.reportedBy.kilograms))
            lines.append(BulletinLine("bulletin.aid.tonnes", ["tonnes": .entry("aid.week.tonnes")]))
        }
        if figures.parcels > 0 {
            entries.append(SnapshotEntry(id: "aid.week.parcels", value: figures.parcels, query: query, records: figures.reportedBy.parcels))
            lines.append(BulletinLine("bulletin.aid.parcels", ["count": .entry("aid.week.parcels")]))
        }
        if figures.reached > 0 {
            entries.append(SnapshotEntry(id: "aid.week.reached", value: figures.reached, query: query, records: figures.reportedBy.reached))
            if case .partly(let given) = figures.reporting(\.reached) {
                entries.append(SnapshotEntry(id: reachedReportedBy, value: given, query: query, records: given))
                lines.append(BulletinLine("bulletin.aid.reached.partly", ["count": .entry("aid.week.reached"), "reporting": .entry(reachedReportedBy),
                                                                          "actions": .entry("aid.week.actions")]))
            } else {
                lines.append(BulletinLine("bulletin.aid.reached", ["count": .entry("aid.week.reached")]))
            }
        }
        if figures.treated > 0 {
            entries.append(SnapshotEntry(id: "aid.week.treated", value: figures.treated, query: query, records: figures.reportedBy.treated))
            lines.append(BulletinLine("bulletin.aid.treated", ["count": .entry("aid.week.treated")]))
        }
        if overlaps > 0 {
            entries.append(SnapshotEntry(id: "overlaps.aid.week", value: overlaps, query: "homeward aid list --from \(week.from!) --to \(date) --reported-by-several"))
            lines.append(BulletinLine("bulletin.aid.overlaps", ["count": .entry("overlaps.aid.week")]))
        }
        if !reporters.isEmpty { lines.append(BulletinLine("bulletin.aid.reporters", ["organisations": .names(reporters)])) }
        return BulletinBlock(kind: "aid", heading: "bulletin.aid.heading", lines: lines, entries: entries)
    }
}

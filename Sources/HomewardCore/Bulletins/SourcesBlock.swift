/// The source-figures block of a bulletin: the figures organisations stated in the 7 days up to the session,
/// each as stated, side by side; projections after them, marked. Nothing is added up.
public enum SourcesBlock {
    public static func make(date: Day, figures: [SourceFigure], measures: [Measure]) -> BulletinBlock? {
        let week = ReturnsBlock.lastWeek(to: date)
        let named = Dictionary(uniqueKeysWithValues: measures.map { ($0.code, $0) })
        let stated = figures.filter { $0.date >= week.from! && $0.date <= date && $0.id != nil }
            .sorted { ($0.kind == .projection ? 1 : 0, $0.measure, $0.organisation, $0.id!) < ($1.kind == .projection ? 1 : 0, $1.measure, $1.organisation, $1.id!) }
        guard !stated.isEmpty else { return nil }
        var lines: [BulletinLine] = [], entries: [SnapshotEntry] = []
        for figure in stated {
            let id = "sources.\(figure.id!)"
            entries.append(SnapshotEntry(id: id, value: figure.value, query: "homeward sources list --id \(figure.id!)", ids: [figure.id!]))
            let measure = named[figure.measure]
            lines.append(BulletinLine(figure.kind == .projection ? "bulletin.sources.projection" : "bulletin.sources.figure", [
                "organisation": .name(en: figure.organisation, ru: nil, ar: nil),
                "date": .day(figure.date),
                "qualifier": .code(figure.qualifier.rawValue),
                "count": .entry(id),
                "measure": .name(en: measure?.nameEn ?? figure.measure, ru: measure?.nameRu, ar: measure?.nameAr),
            ]))
        }
        return BulletinBlock(kind: "sources", heading: "bulletin.sources.heading", lines: lines, entries: entries)
    }
}

/// The source-figures block of a bulletin: the figures organisations stated in the 7 days up to the session,
/// each as stated, side by side; projections after them, marked. Nothing is added up.
public enum SourcesBlock {
    /// - Parameter areas: the gazetteer's areas, to name the area a figure is of: a governorate's figure read as the
    ///   country's would seem to disagree with every national one.
    public static func make(date: Day, figures: [SourceFigure], measures: [Measure], areas: [String: AdminArea] = [:]) -> BulletinBlock? {
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
            var arguments: [String: BulletinValue] = [
                "organisation": .name(en: figure.organisation, ru: nil, ar: nil),
                "date": .day(figure.date),
                "qualifier": .code(figure.qualifier.rawValue),
                "count": .entry(id),
                "measure": .name(en: measure?.nameEn ?? figure.measure, ru: measure?.nameRu, ar: measure?.nameAr),
            ]
            // Where it counts, when not the whole country; and an estimate said to be one, as a projection is.
            if let code = figure.area {
                let area = areas[code]
                arguments["scope"] = .code("area")
                arguments["area"] = .name(en: area.map { "\($0.nameEn) (\(code))" } ?? code, ru: area?.nameRu.map { "\($0) (\(code))" },
                                          ar: area.map { "\($0.nameAr) (\(code))" })
            }
            if figure.kind == .estimate { arguments["kind"] = .code("estimate") }
            // What the figure covers, beside it: a year's registered returns set under a cumulative total is not like for like.
            switch figure.coverage {
            case .cumulative(nil): arguments["coverage"] = .code("start")
            case .cumulative(let since?): arguments["coverage"] = .code("since"); arguments["since"] = .day(since)
            case .period(let period): arguments["coverage"] = .code("period"); arguments["from"] = .day(period.start); arguments["to"] = .day(period.end)
            }
            lines.append(BulletinLine(figure.kind == .projection ? "bulletin.sources.projection" : "bulletin.sources.figure", arguments))
        }
        return BulletinBlock(kind: "sources", heading: "bulletin.sources.heading", lines: lines, entries: entries)
    }
}

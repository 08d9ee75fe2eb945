/// The source-figures block of a bulletin: the figures organisations stated in the 7 days up to the session,
/// each as stated, side by side; where figures of one measure, place and days disagree, a line says so, naming
/// everyone at either end; projections after them, marked. Nothing is added up.
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
        func areaName(_ code: String) -> BulletinValue {
            let area = areas[code]
            return .name(en: area.map { "\($0.nameEn) (\(code))" } ?? code, ru: area?.nameRu.map { "\($0) (\(code))" }, ar: area.map { "\($0.nameAr) (\(code))" })
        }
        func measureName(_ code: String) -> BulletinValue {
            let measure = named[code]
            return .name(en: measure?.nameEn ?? code, ru: measure?.nameRu, ar: measure?.nameAr)
        }
        // A disagreement by the figures' own entries: its ends are numbers the statement already gives, hidden where they are.
        func disagreement(_ d: SourceDisagreement) -> BulletinLine {
            var arguments: [String: BulletinValue] = [
                "measure": measureName(d.measure),
                "min": .entry("sources.\(d.lowest[0].id!)"), "max": .entry("sources.\(d.highest[0].id!)"),
                "minOrganisations": .names(d.lowest.map(\.organisation)), "maxOrganisations": .names(d.highest.map(\.organisation)),
                "minQualifier": .code(d.lowest[0].qualifier.rawValue), "maxQualifier": .code(d.highest[0].qualifier.rawValue),
                "to": .day(d.to),
            ]
            if let area = d.area { arguments["scope"] = .code("area"); arguments["area"] = areaName(area) }
            switch d.from {
            case nil: arguments["coverage"] = .code("through")
            case d.to: arguments["coverage"] = .code("day")
            case let from?: arguments["coverage"] = .code("period"); arguments["from"] = .day(from)
            }
            return BulletinLine("bulletin.sources.disagreement", arguments)
        }
        var projections: [BulletinLine] = []
        for figure in stated {
            let id = "sources.\(figure.id!)"
            entries.append(SnapshotEntry(id: id, value: figure.value, query: "homeward sources list --id \(figure.id!)", ids: [figure.id!]))
            var arguments: [String: BulletinValue] = [
                "organisation": .name(en: figure.organisation, ru: nil, ar: nil),
                "date": .day(figure.date),
                "qualifier": .code(figure.qualifier.rawValue),
                "count": .entry(id),
                "measure": measureName(figure.measure),
            ]
            // Where it counts, when not the whole country; and an estimate said to be one, as a projection is.
            if let code = figure.area {
                arguments["scope"] = .code("area")
                arguments["area"] = areaName(code)
            }
            if figure.kind == .estimate { arguments["kind"] = .code("estimate") }
            // What the figure covers, beside it: a year's registered returns set under a cumulative total is not like for like.
            switch figure.coverage {
            case .cumulative(nil): arguments["coverage"] = .code("start")
            case .cumulative(let since?): arguments["coverage"] = .code("since"); arguments["since"] = .day(since)
            case .period(let period) where period.start == period.end: arguments["coverage"] = .code("day"); arguments["from"] = .day(period.start)
            case .period(let period): arguments["coverage"] = .code("period"); arguments["from"] = .day(period.start); arguments["to"] = .day(period.end)
            }
            if figure.kind == .projection {
                projections.append(BulletinLine("bulletin.sources.projection", arguments))
            } else {
                lines.append(BulletinLine("bulletin.sources.figure", arguments))
            }
        }
        lines += SourceDisagreement.find(in: stated).map(disagreement) + projections
        return BulletinBlock(kind: "sources", heading: "bulletin.sources.heading", lines: lines, entries: entries)
    }
}

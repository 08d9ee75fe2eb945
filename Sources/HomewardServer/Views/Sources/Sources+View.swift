import HomewardCore

/// The sources page: each organisation's figures as stated, a small SVG chart of them over time, the ledger's
/// own figure and the spread; projections apart. Nothing is added up.
struct SourcesView {
    var model: SourcesModel
    var language: Language

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "sources")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language), comparison = model.comparison
        let named = Dictionary(uniqueKeysWithValues: model.measures.map { ($0.code, $0) })
        let measureName = { (code: String) in named[code]?.name(in: language) ?? code }
        // An area by its name in the page's language and its P-code, as the statement names it.
        let areaName = { (code: String) in model.areas[code].map { "\($0.name(in: language)) (\(code))" } ?? code }
        let chart = SourcesChart(rows: comparison.figures, catalogue: c, measureName: measureName, areaName: areaName)
        func covers(_ figure: SourceFigure) -> String {
            switch figure.coverage {
            case .cumulative(let since): since.map { c.text("sources.covers.since", ["since": .day($0)]) } ?? c.text("sources.covers.start")
            case .period(let period) where period.start == period.end: c.text("sources.covers.day", ["day": .day(period.start)])
            case .period(let period): c.text("sources.covers.period", ["from": .day(period.start), "to": .day(period.end)])
            }
        }
        // A figure is of another period only where a window was asked: over all time, every figure is in it.
        let windowAsked = comparison.window.from != nil || comparison.window.to != nil
        // A disagreement by its measure, place and days, everyone at either end, how far apart: as the command line and the API say it.
        func disagreement(_ d: SourceDisagreement) -> PhraseContext {
            let separator = c.text("bulletin.listSeparator")
            let days = d.from == d.to ? c.text("sources.covers.day", ["day": .day(d.to)])
                : d.from.map { c.text("sources.covers.period", ["from": .day($0), "to": .day(d.to)]) }
                ?? c.text("sources.covers.through", ["to": .day(d.to)])
            return PhraseContext(c.phrase("sources.page.disagreement", [
                "measure": .text(measureName(d.measure)), "place": .text(d.area.map(areaName) ?? c.text("sources.page.country")),
                "days": .text(days), "min": .count(d.min), "max": .count(d.max), "gap": .count(d.gap),
                "minQualifier": .code(d.lowest[0].qualifier.rawValue), "maxQualifier": .code(d.highest[0].qualifier.rawValue),
                "minOrganisations": .text(d.lowest.map(\.organisation).joined(separator: separator)),
                "maxOrganisations": .text(d.highest.map(\.organisation).joined(separator: separator)),
                "ratio": .code(d.ratio.map { BulletinText.decimal($0.hundredths, in: c) } ?? "—")]))
        }
        func row(_ row: SourceComparison.Row) -> Row {
            Row(organisation: row.figure.organisation, measure: measureName(row.figure.measure), date: c.days.string(row.figure.date),
                qualifier: row.figure.qualifier == .exact ? "" : c.text("sources.qualifier.\(row.figure.qualifier.rawValue)"),
                value: c.numbers.string(row.figure.value),
                // Where it counts when not the whole country, and an estimate as one: neither reads as a national count.
                covers: ([covers(row.figure)] + [row.figure.area.map { c.text("sources.page.area", ["area": .text(areaName($0))]) },
                                                  row.figure.kind == .estimate ? c.text("sources.kind.estimate") : nil].compactMap { $0 })
                    .joined(separator: c.text("bulletin.listSeparator")),
                other: row.matchesWindow || !windowAsked ? nil : c.text("sources.page.otherPeriod"))
        }
        return Context(
            page: PageContext(language: language, title: c.text("page.title", ["heading": .text(c.text("sources.page.title"))]), path: APIRoute.sourcesPage.path, pages: pages, current: .sourcesPage),
            demo: model.demo ? PageChrome.Demo(title: c.text("demo.title"), body: c.text("demo.body")) : nil,
            heading: c.text("sources.page.title"), intro: c.text("sources.page.intro"),
            measure: PhraseContext(c.phrase("sources.page.measure", ["measure": .text(measureName(comparison.measure))])),
            window: windowAsked ? PhraseContext(c.phrase("sources.page.window", [
                "from": comparison.window.from.map { .day($0) } ?? .text(c.text("sources.page.window.start")),
                "to": comparison.window.to.map { .day($0) } ?? .text(c.text("sources.page.window.now"))])) : nil,
            area: model.area.map { PhraseContext(c.phrase("sources.page.area", ["area": .text(areaName($0))])) },
            hasFigures: !comparison.figures.isEmpty || !comparison.projections.isEmpty,
            chartTitle: c.text("sources.page.chart"), chart: chart.svg,
            legend: chart.series.map { Legend(name: $0.name, colour: $0.colour) },
            organisationHeader: c.text("sources.page.organisation"), countsHeader: c.text("sources.page.counts"),
            dateHeader: c.text("sources.page.date"), valueHeader: c.text("sources.page.value"), coversHeader: c.text("sources.page.covers"),
            rows: comparison.figures.map(row),
            ledger: comparison.ledger.map { PhraseContext(c.phrase("sources.page.ledger", [
                "scope": .text(comparison.area.map(areaName) ?? c.text("sources.page.ledger.country")), "value": .count($0.value), "records": .count($0.records),
                                                                                          "organisations": .count($0.organisations)])) },
            hasDisagreements: !comparison.disagreements.isEmpty, disagreementsTitle: c.text("sources.page.disagreements"), disagreements: comparison.disagreements.map(disagreement),
            spread: comparison.spread.map { spread in
                PhraseContext(c.phrase("sources.page.spread", ["min": .count(spread.min), "max": .count(spread.max),
                                                               "ratio": .code(spread.ratio.map { BulletinText.decimal($0.hundredths, in: c) } ?? "—")]))
            },
            hasProjections: !comparison.projections.isEmpty, projectionsTitle: c.text("sources.page.projections"),
            projections: comparison.projections.map { row in
                PhraseContext(c.phrase("bulletin.sources.figure", [
                    "organisation": .text(row.figure.organisation), "date": .day(row.figure.date),
                    "qualifier": .code(row.figure.qualifier.rawValue), "count": .count(row.figure.value), "measure": .text(measureName(row.figure.measure)),
                ]))
            },
            none: c.text("sources.page.none"))
    }

    struct Context {
        let page: PageContext
        let demo: PageChrome.Demo?
        let heading: String
        let intro: String
        let measure: PhraseContext
        let window: PhraseContext?
        let area: PhraseContext?
        let hasFigures: Bool
        let chartTitle: String
        /// Built and escaped by ``SourcesChart``.
        let chart: String
        let legend: [Legend]
        let organisationHeader: String
        let countsHeader: String
        let dateHeader: String
        let valueHeader: String
        let coversHeader: String
        let rows: [Row]
        let ledger: PhraseContext?
        /// Figures of one measure, place and days that cannot all be right: disagreements, where ``spread`` is not necessarily one.
        let hasDisagreements: Bool
        let disagreementsTitle: String
        let disagreements: [PhraseContext]
        let spread: PhraseContext?
        let hasProjections: Bool
        let projectionsTitle: String
        let projections: [PhraseContext]
        let none: String
    }

    struct Row {
        let organisation: String
        let measure: String
        let date: String
        let qualifier: String
        let value: String
        let covers: String
        let other: String?
    }

    struct Legend {
        let name: String
        let colour: String
    }
}

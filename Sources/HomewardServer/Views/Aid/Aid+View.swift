import HomewardCore

/// The aid page: actions, localities, tonnes, parcels, people reached and treated in a period, by type and
/// governorate; plain HTML, readable on a phone, in the reader's language.
struct AidView {
    var model: AidModel
    var language: Language

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "aid")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        let s = model.summary
        let f = s.figures
        var unreported = false, partly = false
        func row(_ group: AidSummary.Group, name: String) -> Row {
            let g = group.figures
            // A figure no action of the row gave is a dash, explained once below the tables.
            unreported = unreported || g.hasUnreported
            let cell = { (value: String, figure: KeyPath<AidReporting, Int>) in g.shown(value, figure, unreported: "—") }
            // People reached that only some of the row's actions gave: how many of them, as "20/24", explained below too.
            var reachedGivenBy: String?
            if case .partly(let given) = g.reporting(\.reached) {
                partly = true
                reachedGivenBy = c.numbers.serial(given) + "/" + c.numbers.serial(g.actions)
            }
            // A code that only repeats its name ("Humanitarian", humanitarian) is not shown again under it.
            let code = group.key.flatMap { Gazetteer.fold($0) == Gazetteer.fold(name) ? nil : $0 }
            return Row(name: name, code: code, actions: c.numbers.string(g.actions), localities: c.numbers.string(g.localities),
                       tonnes: cell(c.numbers.decimal(g.kilograms, decimals: 3), \.kilograms), parcels: cell(c.numbers.string(g.parcels), \.parcels),
                       reached: cell(c.numbers.string(g.reached), \.reached), reachedGivenBy: reachedGivenBy, treated: cell(c.numbers.string(g.treated), \.treated))
        }
        let byType = s.byType.map { row($0, name: $0.name(in: language)) }
        let byGovernorate = s.groups.map { row($0, name: $0.key == nil ? c.text("area.notKnown") : $0.name(in: language)) }
        let byOrganisation = model.byOrganisation.groups.map { row($0, name: $0.name) }
        // A label takes the form its count asks for ("50 акций помощи", "٥٠ عملية مساعدة"); tonnes, a decimal, take one form.
        let label = { (key: String, count: Int?) in PhraseContext(c.phrase(key, count.map { ["count": .count($0)] } ?? [:])) }
        let figure = { (value: String, key: String, count: Int?) in OverviewView.Figure(value: value, label: label(key, count), note: nil) }
        // People reached, which any kind of aid may give, says how many actions gave it when not all did (weight, parcels
        // and treatment come only from the kinds that deliver them, so such a count would read as a gap); a figure that no
        // action gave is not 0 but unknown.
        func reported(_ value: String, _ key: String, _ field: KeyPath<AidReporting, Int>, count: Int?) -> OverviewView.Figure {
            switch f.reporting(field) {
            case .complete: figure(value, key, count)
            case .partly where field != \AidReporting.reached: figure(value, key, count)
            case .partly(let given):
                OverviewView.Figure(value: value, label: label(key, count),
                                    note: PhraseContext(c.phrase("aid.reported.partly", ["count": .count(given), "of": .count(f.actions)])))
            case .unreported:
                // The label's form for no number ("человек получили", not "человека получили" beside a dash).
                OverviewView.Figure(value: "—", label: label(key, 0), note: PhraseContext(c.phrase("aid.reported.none")))
            }
        }
        return Context(
            page: PageContext(language: language, title: c.text("aid.title"), path: APIRoute.aidPage.path, pages: pages, current: .aidPage),
            chrome: PageChrome(api: .aidSummary, query: [("from", model.from.description), ("to", model.to.description), ("by", "adm1")],
                               demo: model.demo, catalogue: c),
            heading: c.text("aid.heading"),
            period: PhraseContext(c.phrase("aid.period", ["from": .day(model.from), "to": .day(model.to)])),
            figures: [
                figure(c.numbers.string(f.actions), "aid.figure.actions", f.actions),
                figure(c.numbers.string(f.localities), "aid.figure.localities", f.localities),
                reported(c.numbers.decimal(f.kilograms, decimals: 3), "aid.figure.tonnes", \.kilograms, count: nil),
                reported(c.numbers.string(f.parcels), "aid.figure.parcels", \.parcels, count: f.parcels),
                reported(c.numbers.string(f.reached), "aid.figure.reached", \.reached, count: f.reached),
                reported(c.numbers.string(f.treated), "aid.figure.treated", \.treated, count: f.treated),
            ],
            headers: Headers(actions: c.text("aid.column.actions"), localities: c.text("aid.column.localities"), tonnes: c.text("aid.column.tonnes"),
                             parcels: c.text("aid.column.parcels"), reached: c.text("aid.column.reached"), treated: c.text("aid.column.treated")),
            tables: [
                Table(title: c.text("aid.byType"), nameHeader: c.text("aid.column.type"), rows: byType, hasRows: !byType.isEmpty),
                Table(title: c.text("aid.byGovernorate"), nameHeader: c.text("level.adm1.name"), rows: byGovernorate, hasRows: !byGovernorate.isEmpty),
                Table(title: c.text("aid.byOrganisation"), nameHeader: c.text("aid.column.organisation"), rows: byOrganisation, hasRows: !byOrganisation.isEmpty),
            ],
            none: c.text("aid.none"),
            legends: (unreported ? [c.text("aid.reported.legend")] : []) + (partly ? [c.text("aid.reported.partlyLegend")] : [])
        )
    }

    /// What the `aid` template reads: strings only, every one already in the page's language.
    struct Context {
        let page: PageContext
        let chrome: PageChrome
        let heading: String
        let period: PhraseContext
        let figures: [OverviewView.Figure]
        let headers: Headers
        let tables: [Table]
        let none: String
        /// What a dash, or a pair under people reached, in the tables stands for, when there is one.
        let legends: [String]
    }

    struct Headers {
        let actions: String
        let localities: String
        let tonnes: String
        let parcels: String
        let reached: String
        let treated: String
    }

    struct Table {
        let title: String
        let nameHeader: String
        let rows: [Row]
        let hasRows: Bool
    }

    struct Row {
        let name: String
        let code: String?
        let actions: String
        let localities: String
        let tonnes: String
        let parcels: String
        let reached: String
        /// "20/24" where only some of the row's actions gave the people reached.
        let reachedGivenBy: String?
        let treated: String
    }
}

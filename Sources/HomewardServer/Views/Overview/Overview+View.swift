import HomewardCore

/// The overview page: plain HTML from the `overview` template, no JavaScript, readable on a phone, in the
/// reader's language.
///
/// The view decides what each figure says and formats every number and day for the language; the template
/// only places the strings, escaped.
struct OverviewView {
    var model: OverviewModel
    var language: Language

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "overview")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        let m = model
        let days = m.weekTo.number - m.weekFrom.number + 1
        return Context(
            page: PageContext(language: language, title: c.text("overview.title"), path: APIRoute.overview.path, pages: pages),
            chrome: PageChrome(api: .openapi, demo: m.demo, catalogue: c),
            heading: c.text("overview.heading"),
            latest: PhraseContext(m.latest.map { c.phrase("overview.latest", ["day": .day($0)]) } ?? c.phrase("overview.latest.none")),
            movements: PhraseContext(c.phrase("overview.movements", ["count": .count(m.movements)])),
            totalsLabel: c.text("overview.totals"),
            publicNote: m.suppression.map {
                c.text($0.roundedTo > 1 ? "overview.public.rounded" : "overview.public",
                       ["first": .count(1), "k": .count($0.threshold - 1), "limit": .count($0.threshold), "base": .count($0.roundedTo)])
            },
            figures: [
                Figure(value: shown(c, m.total, m.suppression?.headline[2]), label: PhraseContext(c.phrase("overview.returnedInAll")), note: nil),
                Figure(value: shown(c, m.refugees, m.suppression?.headline[0]), label: PhraseContext(c.phrase("category.refugee")), note: nil),
                Figure(value: shown(c, m.idps, m.suppression?.headline[1]), label: PhraseContext(c.phrase("category.idp")), note: nil),
                Figure(value: shown(c, m.lastWeek, m.suppression?.lastWeek),
                       label: PhraseContext(c.phrase("overview.lastDays", ["days": .count(days), "from": .day(m.weekFrom), "to": .day(m.weekTo)])),
                       // A change between two counts, one of them hidden, would give it away: no note then; the public's from
                       // the rounded counts it is shown.
                       note: change(c, days: days),
                       more: [partial(c, "bulletin.returns.partial.week", m.lastWeekPartial, m.suppression?.lastWeekPartial),
                              partial(c, "overview.partial.before", m.weekBeforePartial, m.suppression?.weekBeforePartial)].compactMap { $0 }),
            ],
            tables: [
                table(c, title: "overview.byCrossing", empty: "overview.byCrossing.none", place: "place.crossing.name",
                      unnamed: "overview.byCrossing.notGiven", groups: m.crossings,
                      shown: m.suppression?.crossings),
                table(c, title: "overview.topGovernorates", empty: "overview.topGovernorates.none", place: "level.adm1.name",
                      groups: m.governorates, shown: m.suppression?.governorates),
            ],
        )
    }

    /// A count as this reader may see it: exact, or rounded, "<k" or withheld for the public.
    private func shown(_ c: Catalogue, _ n: Int, _ publicCount: PublicCount?) -> String {
        switch publicCount {
        case .fewerThan(let k): c.text("count.fewerThan", ["k": .count(k)])
        case .withheld: c.text("bulletin.withheld")
        case .exact(let shown): c.numbers.string(shown)
        case nil: c.numbers.string(n)
        }
    }

    /// People reported for periods across a week's first or last day, as this reader sees the count; none where there are none.
    private func partial(_ c: Catalogue, _ key: String, _ count: Int, _ publicCount: PublicCount?) -> PhraseContext? {
        guard count > 0 else { return nil }
        let argument: MessageArgument = switch publicCount {
        case nil: .count(count)
        case .exact(let shown)?: .count(shown)
        case .fewerThan?, .withheld?: .hidden(shown: shown(c, count, publicCount), threshold: model.suppression!.threshold)
        }
        return PhraseContext(c.phrase(key, ["count": argument, "from": .day(model.weekFrom)]))
    }

    /// The last days against the days before, as this reader sees both counts; none where either is hidden.
    private func change(_ c: Catalogue, days: Int) -> PhraseContext? {
        var (last, before) = (model.lastWeek, model.weekBefore)
        if let suppression = model.suppression {
            guard case .exact(let shownLast) = suppression.lastWeek, case .exact(let shownBefore) = suppression.weekBefore else { return nil }
            (last, before) = (shownLast, shownBefore)
        }
        return PhraseContext(c.phrase("overview.change", ["change": .change(last - before), "days": .count(days), "before": .count(before)]))
    }

    private func table(_ c: Catalogue, title: String, empty: String, place: String, unnamed: String = "totals.notReported",
                       groups: [TotalsGroup], shown cells: [[PublicCount]]?) -> Table {
        Table(title: c.text(title), empty: c.text(empty), hasRows: !groups.isEmpty,
              placeHeader: c.text(place), personsHeader: c.text("table.persons"),
              refugeesHeader: c.text("category.refugee.short"), idpsHeader: c.text("category.idp.short"),
              rows: groups.enumerated().map { index, group in
                  let cell = cells?[index]
                  return Row(name: group.key == nil ? c.text(unnamed) : group.name(in: language), code: group.key, persons: shown(c, group.persons, cell?[2]),
                             refugees: shown(c, group.refugees, cell?[0]), idps: shown(c, group.idps, cell?[1]))
              })
    }

    /// What the `overview` template reads: strings only, every one already in the page's language.
    struct Context {
        let page: PageContext
        let chrome: PageChrome
        let heading: String
        let latest: PhraseContext
        let movements: PhraseContext
        let totalsLabel: String
        let publicNote: String?
        let figures: [Figure]
        let tables: [Table]
    }


    /// A headline figure: the number, what it counts, and a comparison where there is one.
    struct Figure {
        let value: String
        let label: PhraseContext
        let note: PhraseContext?
        /// Further notes under it: what its count leaves out.
        var more: [PhraseContext] = []
    }

    struct Table {
        let title: String
        let empty: String
        let hasRows: Bool
        let placeHeader: String
        let personsHeader: String
        let refugeesHeader: String
        let idpsHeader: String
        let rows: [Row]
    }

    struct Row {
        let name: String
        let code: String?
        let persons: String
        let refugees: String
        let idps: String
    }
}

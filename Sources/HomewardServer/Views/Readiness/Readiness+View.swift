import HomewardCore

/// The readiness page: for each area, the people who returned beside the facilities commissioned and under
/// restoration and the aid delivered; factual columns, sorted by the reader's choice, no index.
struct ReadinessView {
    var model: ReadinessModel
    var language: Language

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "readiness")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        let r = model.report
        let path = APIRoute.readinessPage.path
        func href(level: AdminLevel, order: ReadinessOrder) -> String {
            var query = ["\(language.pageQuery)", "level=adm\(level.rawValue)", "sort=\(order)"]
            if let from = r.from { query.append("from=\(from)") }
            query.append("to=\(r.to)")
            return path + "?" + query.joined(separator: "&")
        }
        var orders: [(ReadinessOrder, String)] = [(.returned, c.text("readiness.sort.returned")), (.area, c.text("readiness.sort.area")),
                                                  (.actions, c.text("readiness.sort.actions")), (.kilograms, c.text("readiness.sort.tonnes"))]
        for kind in r.kinds {
            orders.append((.commissioned(kind.code), c.text("readiness.sort.commissioned", ["kind": .text(kind.name(in: language))])))
            orders.append((.restoring(kind.code), c.text("readiness.sort.restoring", ["kind": .text(kind.name(in: language))])))
        }
        var hidden = [Field(name: "lang", value: language.rawValue), Field(name: "level", value: "adm\(r.level.rawValue)")]
        if Pages.digits == .latin { hidden.append(Field(name: "digits", value: Digits.latin.rawValue)) }
        if let from = r.from { hidden.append(Field(name: "from", value: from.description)) }
        hidden.append(Field(name: "to", value: r.to.description))
        let window: Phrase = r.from.map { c.phrase("readiness.window", ["from": .day($0), "to": .day(r.to)]) }
            ?? c.phrase("readiness.window.upTo", ["to": .day(r.to)])
        // People reached that only some actions gave say how many of them, as the aid page does.
        func reached(_ aid: AidFigures) -> String {
            let value = aid.shown(c.numbers.string(aid.reached), \.reached, unreported: c.text("aid.reported.none"))
            guard case .partly(let given) = aid.reporting(\.reached) else { return value }
            return value + " (" + c.text("aid.reported.partly", ["count": .count(given), "of": .count(aid.actions)]) + ")"
        }
        let rows = r.rows.map { row in
            Row(name: row.name(in: language), code: row.area, returned: c.numbers.string(row.returned),
                commissioned: c.quantities(row.commissioned, in: language), underRestoration: c.quantities(row.underRestoration, in: language),
                aid: row.aid.actions == 0 ? [] : [
                    LabelledValue(label: c.text("aid.column.actions"), value: c.numbers.string(row.aid.actions)),
                    LabelledValue(label: c.text("aid.column.tonnes"),
                                  value: row.aid.shown(c.numbers.decimal(row.aid.kilograms, decimals: 3), \.kilograms, unreported: c.text("aid.reported.none"))),
                    LabelledValue(label: c.text("aid.column.parcels"),
                                  value: row.aid.shown(c.numbers.string(row.aid.parcels), \.parcels, unreported: c.text("aid.reported.none"))),
                    LabelledValue(label: c.text("aid.column.reached"), value: reached(row.aid)),
                    LabelledValue(label: c.text("aid.column.treated"),
                                  value: row.aid.shown(c.numbers.string(row.aid.treated), \.treated, unreported: c.text("aid.reported.none"))),
                ])
        }
        return Context(
            page: PageContext(language: language, title: c.text("readiness.title"), path: path, pages: pages, current: .readinessPage),
            chrome: PageChrome(api: .readiness, query: model.question, demo: model.demo, catalogue: c),
            heading: c.text("readiness.heading"),
            intro: c.text("readiness.intro"),
            window: PhraseContext(window),
            levelLabel: c.text("readiness.level"),
            levels: model.levels.map { SortLink(label: c.text("level.adm\($0.rawValue).plural"), href: href(level: $0, order: r.order),
                                                      current: $0 == r.level) },
            action: path,
            hidden: hidden,
            sortLabel: c.text("readiness.sortBy"),
            sorts: orders.map { SortOption(label: $1, value: $0.description, current: $0 == r.order) },
            sortButton: c.text("readiness.sort.apply"),
            areaHeader: c.text("level.adm\(r.level.rawValue).name"),
            returnedHeader: c.text("readiness.column.returned"),
            commissionedHeader: c.text("readiness.column.commissioned"),
            underRestorationHeader: c.text("readiness.column.underRestoration"),
            aidHeader: c.text("readiness.column.aid"),
            rows: rows,
            hasRows: !rows.isEmpty,
            none: c.text("readiness.none")
        )
    }

    /// What the `readiness` template reads: strings only, every one already in the page's language.
    struct Context {
        let page: PageContext
        let chrome: PageChrome
        let heading: String
        let intro: String
        let window: PhraseContext
        let levelLabel: String
        let levels: [SortLink]
        /// The sort form keeps the language, level and window as hidden fields.
        let action: String
        let hidden: [Field]
        let sortLabel: String
        let sorts: [SortOption]
        let sortButton: String
        let areaHeader: String
        let returnedHeader: String
        let commissionedHeader: String
        let underRestorationHeader: String
        let aidHeader: String
        let rows: [Row]
        let hasRows: Bool
        let none: String
    }

    struct SortLink {
        let label: String
        let href: String
        let current: Bool
    }

    struct SortOption {
        let label: String
        let value: String
        let current: Bool
    }

    struct Field {
        let name: String
        let value: String
    }

    struct Row {
        let name: String
        let code: String
        let returned: String
        let commissioned: [LabelledValue]
        let underRestoration: [LabelledValue]
        let aid: [LabelledValue]
    }
}

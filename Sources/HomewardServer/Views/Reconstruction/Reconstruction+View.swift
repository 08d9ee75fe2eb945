import HomewardCore

/// The reconstruction page: what is under restoration and reported damaged on a day and what was commissioned in the
/// week before (or the period asked), by kind and governorate; plain HTML, readable on a phone, in the reader's language.
struct ReconstructionView {
    var model: ReconstructionModel
    var language: Language

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "reconstruction")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        let s = model.summary
        let kinds = (s.underRestoration.byKind + s.commissioned.byKind + s.damaged.byKind).map(\.kind).reduce(into: [FacilityKind]()) { kinds, kind in
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        let kindRows = kinds.map { kind in
            KindRow(name: kind.name(in: language),
                    underRestoration: c.quantity(KindQuantity(kind: kind, tenths: s.underRestoration.tenths(of: kind.code))),
                    commissioned: c.quantity(KindQuantity(kind: kind, tenths: s.commissioned.tenths(of: kind.code))),
                    // None reported is not "0 damaged": a dash, as for any figure no report gave.
                    damaged: s.damaged.tenths(of: kind.code) == 0 ? Self.noneReported : c.quantity(KindQuantity(kind: kind, tenths: s.damaged.tenths(of: kind.code))))
        }
        let governorates = s.groups.map { group in
            GovernorateRow(name: group.key == nil ? c.text("area.notKnown") : group.name(in: language), code: group.key,
                           settlements: c.numbers.string(group.underRestoration.settlements),
                           underRestoration: c.quantities(group.underRestoration, in: language),
                           commissioned: c.quantities(group.commissioned, in: language),
                           damaged: c.quantities(group.damaged, in: language))
        }
        let organisations = model.byOrganisation.groups.map { group in
            GovernorateRow(name: group.name, code: nil, settlements: c.numbers.string(group.underRestoration.settlements),
                           underRestoration: c.quantities(group.underRestoration, in: language),
                           commissioned: c.quantities(group.commissioned, in: language),
                           damaged: c.quantities(group.damaged, in: language))
        }
        let week: [String: MessageArgument] = ["from": .day(s.from ?? s.to), "to": .day(s.to)]
        return Context(
            page: PageContext(language: language, title: c.text("reconstruction.title"), path: APIRoute.reconstructionPage.path, pages: pages, current: .reconstructionPage),
            chrome: PageChrome(api: .facilitiesSummary, query: [("as_of", s.asOf.description)] + (s.from.map { [("from", $0.description)] } ?? [])
                                   + [("to", s.to.description), ("by", "adm1")], demo: model.demo, catalogue: c),
            heading: c.text("reconstruction.heading"),
            asOf: PhraseContext(c.phrase("reconstruction.asOf", ["day": .day(s.asOf)])),
            reportersLabel: c.text("reconstruction.reporters"),
            reporters: model.reporters.enumerated().map { index, name in
                Reporter(name: name, separator: index == model.reporters.count - 1 ? "" : c.text("bulletin.listSeparator"))
            },
            hasReporters: !model.reporters.isEmpty,
            figures: [
                OverviewView.Figure(value: c.numbers.string(s.underRestoration.settlements),
                                    label: PhraseContext(c.phrase("reconstruction.settlements.underRestoration",
                                                                  ["day": .day(s.asOf), "count": .count(s.underRestoration.settlements)])), note: nil),
                OverviewView.Figure(value: c.numbers.string(s.commissioned.settlements),
                                    label: PhraseContext(c.phrase("reconstruction.settlements.commissioned",
                                                                  week.merging(["count": .count(s.commissioned.settlements)]) { $1 })), note: nil),
            ],
            byKindTitle: c.text("reconstruction.byKind"),
            kindHeader: c.text("reconstruction.column.kind"),
            underRestorationHeader: c.text("reconstruction.column.underRestoration"),
            commissionedHeader: model.isLastWeek ? c.text("reconstruction.column.commissioned")
                : c.text("reconstruction.column.commissionedBetween", week),
            damagedHeader: c.text("reconstruction.column.damaged"),
            zero: c.numbers.string(0), noneReported: Self.noneReported,
            kinds: kindRows,
            hasKinds: !kindRows.isEmpty,
            none: c.text("reconstruction.none"),
            byGovernorateTitle: c.text("reconstruction.byGovernorate"),
            governorateHeader: c.text("level.adm1.name"),
            settlementsHeader: c.text("reconstruction.column.settlements"),
            governorates: governorates,
            hasGovernorates: !governorates.isEmpty,
            byOrganisationTitle: c.text("reconstruction.byOrganisation"),
            organisationHeader: c.text("aid.column.organisation"),
            organisations: organisations,
            hasOrganisations: !organisations.isEmpty
        )
    }

    /// What the `reconstruction` template reads: strings only, every one already in the page's language.
    struct Context {
        let page: PageContext
        let chrome: PageChrome
        let heading: String
        let asOf: PhraseContext
        /// Whose records the figures count, each name isolated (Latin names in an Arabic list ran together).
        let reportersLabel: String
        let reporters: [Reporter]
        let hasReporters: Bool
        let figures: [OverviewView.Figure]
        let byKindTitle: String
        let kindHeader: String
        let underRestorationHeader: String
        let commissionedHeader: String
        let damagedHeader: String
        /// A governorate's cell of no facilities under restoration or commissioned; none reported damaged is a dash, as by kind.
        let zero: String
        let noneReported: String
        let kinds: [KindRow]
        let hasKinds: Bool
        let none: String
        let byGovernorateTitle: String
        let governorateHeader: String
        let settlementsHeader: String
        let governorates: [GovernorateRow]
        let hasGovernorates: Bool
        /// Each organisation's figures from its own records, in the governorates' columns.
        let byOrganisationTitle: String
        let organisationHeader: String
        let organisations: [GovernorateRow]
        let hasOrganisations: Bool
    }

    struct Reporter {
        let name: String
        /// The list's separator after the name; none after the last.
        let separator: String
    }

    /// A figure no report gave, in either table.
    static let noneReported = "—"

    struct KindRow {
        let name: String
        let underRestoration: String
        let commissioned: String
        let damaged: String
    }

    struct GovernorateRow {
        let name: String
        let code: String?
        let settlements: String
        let underRestoration: [LabelledValue]
        let commissioned: [LabelledValue]
        let damaged: [LabelledValue]
    }
}

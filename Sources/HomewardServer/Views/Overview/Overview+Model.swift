import HomewardCore
import HomewardStore

/// What the overview page shows: the headline figures the centre's weekly questions start from.
struct OverviewModel: Sendable {
    var total: Int
    var refugees: Int
    var idps: Int
    var lastWeek: Int
    var weekBefore: Int
    /// People reported for periods across the first or last day of each of the two weeks: in neither week's count, and
    /// said beside it, as the command line and the statement say them.
    var lastWeekPartial = 0
    var weekBeforePartial = 0
    var weekFrom: Day
    var weekTo: Day
    var latest: Day?
    var movements: Int
    /// Every crossing point, then the movements that name none, last: the rows add up to the totals above them.
    var crossings: [TotalsGroup]
    var governorates: [TotalsGroup]
    var demo: Bool
    /// Set for the public: which counts show only as "<k".
    var suppression: Suppression?

    /// What the public sees of each count, beside the exact figures internal readers see.
    struct Suppression: Sendable {
        var threshold: Int
        /// The multiple every count shown is rounded to, as `/api/v1/public/totals` rounds it; 1 leaves them exact.
        var roundedTo: Int
        /// Total, refugees, IDPs.
        var headline: [PublicCount]
        var lastWeek: PublicCount
        var weekBefore: PublicCount
        var lastWeekPartial: PublicCount
        var weekBeforePartial: PublicCount
        /// Per row: refugees, IDPs, persons.
        var crossings: [[PublicCount]]
        var governorates: [[PublicCount]]
    }

    /// The page as the public sees it: small counts hidden, and the cells that would give them away; every count rounded
    /// as the open totals round it, so that the two public views of one figure agree (and two days' pages, set side by
    /// side, give no small count away by subtraction).
    /// - Parameter base: ``ServerConfiguration/publicRounding``.
    func forThePublic(_ smallCounts: SmallCounts, roundingTo base: Int) -> OverviewModel {
        var model = self
        // Each table hidden as /api/v1/public/totals hides it, against the headline totals (rows and columns, what the
        // table leaves out included); a headline figure hidden in either table is hidden at the head too.
        func table(_ groups: [TotalsGroup]) -> PublicTotals {
            PublicTotals(TotalsReport(from: nil, to: nil, total: total, refugees: refugees, idps: idps, partial: 0, groups: groups),
                         smallCounts: smallCounts, roundingTo: base)
        }
        let byCrossing = table(crossings), byGovernorate = table(governorates)
        func head(_ cell: (PublicTotals) -> PublicCount) -> PublicCount {
            cell(byCrossing).isHidden ? cell(byCrossing) : cell(byGovernorate)
        }
        func rows(_ shown: PublicTotals) -> [[PublicCount]] { shown.groups.map { [$0.refugees, $0.idps, $0.persons] } }
        model.suppression = Suppression(threshold: smallCounts.threshold, roundedTo: base,
                                        headline: [head(\.refugees), head(\.idps), head(\.total)],
                                        lastWeek: smallCounts.suppress([[lastWeek]])[0][0]!.rounded(to: base),
                                        weekBefore: smallCounts.suppress([[weekBefore]])[0][0]!.rounded(to: base),
                                        lastWeekPartial: smallCounts.suppress([[lastWeekPartial]])[0][0]!.rounded(to: base),
                                        weekBeforePartial: smallCounts.suppress([[weekBeforePartial]])[0][0]!.rounded(to: base),
                                        crossings: rows(byCrossing), governorates: rows(byGovernorate))
        return model
    }

    static func load(store: LedgerStore, today: Day, demo: Bool) async throws -> OverviewModel {
        async let all = store.totals(TotalsQuery())
        async let week = store.totals(TotalsQuery(window: DateWindow(from: today.adding(days: -6), to: today)))
        async let before = store.totals(TotalsQuery(window: DateWindow(from: today.adding(days: -13), to: today.adding(days: -7))))
        async let crossings = store.totals(TotalsQuery(grouping: .crossing))
        async let governorates = store.totals(TotalsQuery(grouping: .adm1, top: 5))
        async let extent = store.ledgerExtent()
        let (a, w, b, c, g, e) = try await (all, week, before, crossings, governorates, extent)
        return OverviewModel(total: a.total, refugees: a.refugees, idps: a.idps, lastWeek: w.total, weekBefore: b.total,
                             lastWeekPartial: w.partial, weekBeforePartial: b.partial,
                             weekFrom: today.adding(days: -6), weekTo: today, latest: e.latest, movements: e.movements,
                             crossings: c.groups.filter { $0.key != nil } + c.groups.filter { $0.key == nil },
                             governorates: g.groups.filter { $0.key != nil }, demo: demo)
    }
}

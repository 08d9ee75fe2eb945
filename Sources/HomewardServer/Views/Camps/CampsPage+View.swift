import HomewardCore

/// The camps page: each site's residents, departures and remaining people, and each evacuation operation
/// against its plan, with warnings where a deadline or the transit places will not hold. Plain HTML from the
/// `camps` template, no JavaScript, in the reader's language.
struct CampsPageView {
    var model: CampsPageModel
    var language: Language

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "camps")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        let m = model
        return Context(
            page: PageContext(language: language, title: c.text("camps.title"), path: APIRoute.campsPage.path, pages: pages, current: .campsPage),
            chrome: PageChrome(api: .openapi, demo: m.demo, catalogue: c),
            heading: c.text("camps.heading"),
            asOf: PhraseContext(c.phrase("camps.asOf", ["day": .day(m.asOf)])),
            sites: SitesTable(c, m.standing, language: language),
            transit: TransitTable(c, m.transitCentres, occupancies: m.occupancies, asOf: m.asOf, language: language),
            operationsTitle: c.text("camps.operations"),
            operationsEmpty: c.text("camps.operations.none"),
            hasOperations: !m.operations.isEmpty,
            operations: m.operations.map { Operation(c, $0, sites: m.sitesByCode, language: language) },
        )
    }

    /// What the `camps` template reads: strings only, every one already in the page's language.
    struct Context {
        let page: PageContext
        let chrome: PageChrome
        let heading: String
        let asOf: PhraseContext
        let sites: SitesTable
        let transit: TransitTable
        let operationsTitle: String
        let operationsEmpty: String
        let hasOperations: Bool
        let operations: [Operation]
    }


    struct SitesTable {
        struct Row {
            let name: String
            let code: String
            let kind: String
            let residents: String?
            let baseline: PhraseContext
            /// Censuses of the baseline's day that now say otherwise (another organisation's, a correction the operation could
            /// not follow): the operation keeps its baseline, and says so.
            let unlikeBaseline: [PhraseContext]
            let left: String
            let leftPercent: String?
            let remaining: String?
            /// More reported leaving than were counted: said beside the figures, which it makes doubtful.
            let beyond: PhraseContext?
            /// Each organisation's latest census, shown when more than one organisation counted the site.
            let censuses: [PhraseContext]
            let censusesLabel: String
            let hasCensuses: Bool
        }

        let title: String
        let empty: String
        let hasRows: Bool
        let siteHeader, residentsHeader, leftHeader, leftPercentHeader, remainingHeader: String
        let rows: [Row]
        /// The sites with one count to go by, summed; the others are named beside it, not folded in.
        let totalLabel, totalSites, totalResidents, totalLeft, totalRemaining: String
        let totalLeftPercent: String?
        let leftOut: [String]

        init(_ c: Catalogue, _ standing: CampsStanding, language: Language) {
            let standings = standing.sites, total = standing.total
            title = c.text("camps.sites")
            empty = c.text("camps.sites.none")
            hasRows = !standings.isEmpty
            siteHeader = c.text("camps.column.site")
            residentsHeader = c.text("camps.column.residents")
            leftHeader = c.text("camps.column.left")
            leftPercentHeader = c.text("camps.column.leftPercent")
            remainingHeader = c.text("camps.column.remaining")
            let names = Dictionary(standings.map { ($0.site.code, $0.site.name(in: language)) }, uniquingKeysWith: { a, _ in a })
            let list = { (codes: [String]) in c.list(codes.map { names[$0] ?? $0 }) }
            totalLabel = c.text("camps.total")
            totalSites = c.text("camps.total.sites", ["counted": .count(total.counted.count), "sites": .count(standings.count)])
            totalResidents = c.numbers.string(total.residents)
            totalLeft = c.numbers.string(total.left)
            totalLeftPercent = total.leftPercent.map { c.string($0.argument) }
            totalRemaining = c.numbers.string(total.remaining)
            leftOut = (total.beyondCount == 0 ? [] : [c.text("camps.total.beyondCount", ["count": .count(total.beyondCount)])])
                + (total.countsDiffer.isEmpty ? [] : [c.text("camps.total.countsDiffer", ["sites": list(total.countsDiffer)])])
                + (total.notCounted.isEmpty ? [] : [c.text("camps.total.notCounted", ["sites": list(total.notCounted)])])
            rows = standings.map { s in
                let organisations = Set(s.censuses.map(\.organisation))
                return Row(
                    name: s.site.name(in: language), code: s.site.code, kind: c.text("camps.kind.\(s.site.kind.rawValue)"),
                    residents: s.residents.map(c.numbers.string), baseline: PhraseContext(s.censusDate.map {
                        c.phrase(s.residentsDiffer ? "camps.baseline.differ" : s.isOperationBaseline ? "camps.baseline.operation" : "camps.baseline",
                                 ["day": .day($0)]) } ?? c.phrase("camps.census.none")),
                    unlikeBaseline: s.censusesUnlikeBaseline.map {
                        PhraseContext(c.phrase(s.residentsDiffer ? "camps.census.ofDay" : "camps.baseline.unlike",
                                               ["organisation": .text($0.organisation), "residents": .count($0.residents)]))
                    } + s.censusesAfterBaseline.map {
                        PhraseContext(c.phrase("camps.census.afterBaseline", ["organisation": .text($0.organisation), "residents": .count($0.residents),
                                                                              "day": .day($0.date)]))
                    },
                    left: c.numbers.string(s.left), leftPercent: s.leftPercent.map { c.string($0.argument) },
                    remaining: s.remaining.map(c.numbers.string),
                    beyond: s.beyondCount > 0 ? PhraseContext(c.phrase(s.residentsDiffer ? "camps.site.beyondCountLargest" : "camps.site.beyondCount", ["count": .count(s.beyondCount),
                                                                                                 "residents": .count(s.countLeftAgainst ?? 0)])) : nil,
                    censuses: organisations.count > 1 ? s.censuses.map {
                        PhraseContext(c.phrase("camps.census.by", ["organisation": .text($0.organisation), "residents": .count($0.residents), "day": .day($0.date)]))
                    } : [],
                    censusesLabel: c.text("camps.censuses.differ"), hasCensuses: organisations.count > 1)
            }
        }
    }

    /// The transit centres, each with how full it is estimated to be today, its busiest day, and the days it was
    /// estimated above its capacity.
    struct TransitTable {
        struct Row {
            let name: String
            let code: String
            let capacity: String
            let stay: String
            let estimated: String
            /// `nil` when nobody was recorded leaving for the centre.
            let peak: PhraseContext?
            /// Said beside the figures when the estimate went above the capacity.
            let over: PhraseContext?
        }

        let title: String
        let hasRows: Bool
        let siteHeader, capacityHeader, stayHeader, estimatedHeader, peakHeader: String
        let estimateNote: String
        let rows: [Row]

        init(_ c: Catalogue, _ centres: [Site], occupancies: [String: TransitCentreOccupancy], asOf: Day, language: Language) {
            title = c.text("camps.transit")
            hasRows = !centres.isEmpty
            siteHeader = c.text("camps.column.site")
            capacityHeader = c.text("camps.column.capacity")
            stayHeader = c.text("camps.column.stay")
            estimatedHeader = c.text("camps.column.estimated")
            peakHeader = c.text("camps.column.peak")
            estimateNote = c.text("camps.transit.estimate")
            rows = centres.map { centre in
                let occupancy = occupancies[centre.code]
                let spells = occupancy?.spellsOverCapacity(through: asOf) ?? []
                let peak = occupancy?.peak(through: asOf)
                return Row(name: centre.name(in: language), code: centre.code, capacity: c.numbers.string(centre.capacity ?? 0),
                           stay: c.numbers.string(centre.stayHours ?? Site.defaultStayHours),
                           estimated: peak == nil ? "–" : c.numbers.string(occupancy?.persons(on: asOf) ?? 0),
                           peak: peak.map { PhraseContext(c.phrase("camps.transit.peak", ["persons": .count($0.persons), "day": .day($0.day)])) },
                           over: spells.first.flatMap { first in peak.map { peak in
                               PhraseContext(c.phrase("camps.transit.over", [
                                   "capacity": .count(centre.capacity ?? 0), "days": .count(spells.reduce(0) { $0 + $1.days }),
                                   "first": .day(first.first), "peak": .count(peak.persons), "day": .day(peak.day)]))
                           } })
            }
        }
    }

    /// One operation: where it stands, its pace, its ends, its warnings and its cycles.
    struct Operation {
        struct Cycle {
            let cycle: String
            let dates: PhraseContext
            let planned: String
            /// "not begun", or "so far" for a cycle under way.
            let actual: PhraseContext
        }

        struct Chart {
            let label: String
            /// How to read it, in words: the cycles' order and the scale; the table of every cycle's figures follows it.
            let scale: PhraseContext
            /// The table's id, which the chart names as its description.
            let table: String
            let width: Int
            let height: Int
            let bars: [CycleChart.Bar]
            let plannedLabel: String
            let actualLabel: String
        }

        let heading: PhraseContext
        let status: String
        let statusKey: String
        let pace: PhraseContext
        let viaLabel: String
        let via: [String]
        let hasVia: Bool
        let left: Int
        let baseline: Int
        let progress: PhraseContext
        /// The progress bar's name for a screen reader: the sentence it draws, as plain text.
        let progressLabel: String
        /// Between two clauses: `; `, or Arabic's `؛ `.
        let clauseSeparator: String
        let remaining: PhraseContext
        let standing: PhraseContext
        let plannedByNow: PhraseContext?
        let plannedEnd: PhraseContext?
        let forecast: PhraseContext
        let deadline: PhraseContext?
        let warningLabel: String
        let warnings: [PhraseContext]
        let chart: Chart
        let detailsLabel: String
        let cycleHeader, datesHeader, plannedHeader, actualHeader: String
        let cycles: [Cycle]

        init(_ c: Catalogue, _ p: EvacuationProgress, sites: [String: Site], language: Language) {
            let o = p.operation
            let window = p.paceDays
            heading = PhraseContext(c.phrase("camps.operation.heading", ["site": .text(sites[o.site]?.name(in: language) ?? o.site),
                                                                         "id": .serial(o.id)]))
            // Taken over by the site's next operation, its own status is no longer what the page must say first.
            status = p.takenOver.map { c.text("camps.status.takenOver", ["day": .day($0)]) } ?? c.text("camps.status.\(o.status.rawValue)")
            statusKey = p.takenOver == nil ? o.status.rawValue : "taken-over"
            pace = PhraseContext(c.phrase("camps.operation.pace", ["persons": .count(o.perCycle), "days": .count(o.cycleDays), "start": .day(o.start)]))
            viaLabel = c.text("camps.operation.via")
            via = o.via.map { sites[$0]?.name(in: language) ?? $0 }
            hasVia = !o.via.isEmpty
            left = max(0, min(p.left, o.baselineResidents))
            baseline = o.baselineResidents
            let progressPhrase = c.phrase("camps.operation.progress", ["left": .count(p.left), "baseline": .count(o.baselineResidents),
                                                                      "percent": (p.leftPercent ?? Percent(0, of: 1)!).argument])
            progress = PhraseContext(progressPhrase)
            progressLabel = progressPhrase.text
            clauseSeparator = c.text("clause.separator")
            remaining = PhraseContext(c.phrase("camps.operation.remaining", ["remaining": .count(p.remaining)]))
            // Before a cycle has ended there is nothing to be ahead or behind of (not "on plan" against the plan's 0).
            standing = PhraseContext(p.plannedThrough == nil ? c.phrase("camps.operation.noCycleEnded")
                : p.ahead > 0 ? c.phrase("camps.operation.ahead", ["count": .count(p.ahead)])
                : p.ahead < 0 ? c.phrase("camps.operation.behind", ["count": .count(-p.ahead)]) : c.phrase("camps.operation.onPlan"))
            // While a cycle is under way, the standing is of the last cycle's end: what had left by then, not the figure above.
            let allEnded = p.plan.end.map { $0 <= p.lastCountedDay } ?? false
            plannedByNow = p.plannedThrough.map { through in
                PhraseContext(allEnded ? c.phrase("camps.operation.plannedByNow", ["planned": .count(p.plannedByNow)])
                    : c.phrase("camps.operation.plannedByNow.then", ["planned": .count(p.plannedByNow), "day": .day(through),
                                                                     "left": .count(p.plannedByNow + p.ahead)]))
            }
            plannedEnd = p.plan.end.map { PhraseContext(c.phrase("camps.operation.plannedEnd", ["day": .day($0)])) }
            forecast = PhraseContext(p.remaining == 0 ? c.phrase("camps.operation.allLeft", ["day": .day(p.forecastEnd ?? o.baselineDate)])
                : o.status == .completed ? c.phrase("camps.operation.completed")
                : p.takenOver != nil ? c.phrase("camps.operation.takenOverForecast")
                : o.status == .suspended ? c.phrase("camps.operation.suspended")
                : window == 0 ? c.phrase("camps.operation.notStarted")
                : p.forecastEnd.map { c.phrase("camps.operation.forecastEnd", ["days": .count(window), "day": .day($0)]) }
                ?? c.phrase("camps.operation.forecastNone", ["days": .count(window)]))
            deadline = o.deadline.map { PhraseContext(c.phrase("camps.operation.deadline", ["day": .day($0)])) }
            warningLabel = c.text("camps.warning.label")
            warnings = (Self.warnings(p) + Self.centresOverCapacity(p, sites: sites, language: language))
                .map { PhraseContext(c.phrase($0)) }
            // A cycle not begun has no actual figure yet, and one under way only what has left so far: neither is "actual 0".
            let drawn = CycleChart(cycles: p.cycles, asOf: p.asOf) {
                c.text($0.state == .notBegun ? "camps.chart.cycle.notBegun"
                       : $0.state == .underWay ? (o.status == .suspended ? "camps.chart.cycle.suspended" : "camps.chart.cycle.underWay") : "camps.chart.cycle",
                       ["cycle": .count($0.cycle), "start": .day($0.start), "end": .day($0.end), "planned": .count($0.planned), "actual": .count($0.actual)])
            }
            chart = Chart(label: c.text("camps.chart.label"),
                          scale: PhraseContext(c.phrase("camps.chart.scale", ["first": .count(1), "cycles": .count(p.cycles.count), "top": .count(drawn.top)])),
                          table: "cycles-\(o.id)", width: drawn.width, height: CycleChart.height, bars: drawn.bars,
                          plannedLabel: c.text("camps.column.planned"), actualLabel: c.text("camps.column.actual"))
            detailsLabel = c.text("camps.cycles.details")
            cycleHeader = c.text("camps.column.cycle")
            datesHeader = c.text("camps.column.dates")
            plannedHeader = c.text("camps.column.planned")
            actualHeader = c.text("camps.column.actual")
            let suspended = o.status == .suspended
            var rows = p.cycles.map { cycle in
                // A cycle the site's next operation took over, whole or in part, is not this one's to run.
                let actual = p.takenOver.flatMap { day in cycle.end >= day ? c.phrase("camps.cycles.takenOver", ["count": .count(cycle.actual), "day": .day(day)]) : nil }
                    ?? c.phrase(suspended && cycle.state == .underWay ? "camps.cycles.soFarSuspended" : Self.actualKey(cycle.state), ["count": .count(cycle.actual)])
                return Cycle(cycle: c.numbers.string(cycle.cycle),
                             dates: PhraseContext(c.phrase("camps.cycles.dates", ["start": .day(cycle.start), "end": .day(cycle.end)])),
                             planned: c.numbers.string(cycle.planned), actual: PhraseContext(actual))
            }
            // Those who left outside every cycle's days: rows of their own, not in the first or last cycle.
            let outside = { (key: String, day: Day, count: Int) in
                Cycle(cycle: "", dates: PhraseContext(c.phrase(key, ["day": .day(day)])), planned: "—",
                      actual: PhraseContext(c.phrase("camps.cycles.actual", ["count": .count(count)])))
            }
            if p.beforePlan > 0, let first = p.cycles.first { rows.insert(outside("camps.cycles.beforePlan", first.start, p.beforePlan), at: 0) }
            if p.afterPlan > 0, let last = p.cycles.last { rows.append(outside("camps.cycles.afterPlan", last.end, p.afterPlan)) }
            cycles = rows
        }

        /// How a cycle's actual figure reads: none yet, so far, or what left.
        static func actualKey(_ state: EvacuationProgress.CycleProgress.State) -> String {
            switch state {
            case .notBegun: "camps.cycles.notBegun"
            case .underWay: "camps.cycles.soFar"
            case .ended: "camps.cycles.actual"
            }
        }

        /// What cannot hold, while the operation still runs: a deadline the plan or the recent pace misses,
        /// and transit places fewer than the plan's busiest moment; and an operation completed with people still counted.
        static func warnings(_ p: EvacuationProgress) -> [Message] {
            guard p.takenOver == nil, p.remaining > 0 else { return [] }
            // Completed while people are still counted as there: the status or the departures need a look; nothing else to miss.
            if p.completedWithRemaining { return [Message("camps.warning.completedRemaining", ["remaining": .count(p.remaining)])] }
            var warnings: [Message] = []
            let window = MessageArgument.count(p.paceDays)
            if let deadline = p.operation.deadline {
                if p.plan.feasible == false, let end = p.plan.end {
                    warnings.append(p.plan.neededPerCycle.map {
                        Message("camps.warning.deadlinePlan", ["end": .day(end), "deadline": .day(deadline), "needed": .count($0)])
                    } ?? Message("camps.warning.deadlinePlan.noCycle", ["end": .day(end), "deadline": .day(deadline)]))
                }
                // Planned as well as under way, as `evacuations show` says it: the pace seen, set against the deadline; not once
                // suspended, when nobody is moved and the pace before says nothing.
                if p.paceDays > 0, p.operation.status != .suspended {
                    if let forecast = p.forecastEnd, forecast > deadline {
                        warnings.append(Message("camps.warning.deadlineForecast", ["days": window, "end": .day(forecast), "deadline": .day(deadline)]))
                    } else if p.forecastEnd == nil {
                        warnings.append(Message("camps.warning.deadlineForecastNone", ["days": window, "deadline": .day(deadline)]))
                    }
                }
            }
            if p.plan.transitPlacesSuffice == false, let available = p.plan.question.transitPlaces {
                warnings.append(Message("camps.warning.transit", ["available": .count(available), "needed": .count(p.plan.transitPlacesNeeded)]))
            }
            return warnings
        }

        static func centresOverCapacity(_ p: EvacuationProgress, sites: [String: Site], language: Language) -> [Message] {
            p.centresOverCapacity.map { over in
                Message("camps.warning.transitActual", ["centre": .text(sites[over.centre]?.name(in: language) ?? over.centre),
                                                         "capacity": .count(over.capacity), "peak": .count(over.persons), "day": .day(over.day)])
            }
        }
    }
}

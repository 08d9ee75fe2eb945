import HomewardCore

/// Where a site stands, for a terminal.
struct SiteStandingText {
    let standing: SiteStanding

    init(_ standing: SiteStanding) { self.standing = standing }

    var rendered: String {
        let s = standing
        var lines = ["\(s.site.name) (\(s.site.code), \(s.site.kind.rawValue), \(s.site.admin)), as of \(s.asOf)"]
        if let residents = s.residents, let date = s.censusDate {
            lines.append("  residents   \(residents.grouped)  (\(s.isOperationBaseline ? "the operation's baseline" : "census") of \(date))")
            // With a figure for the site, only an operation's baseline has censuses that differ from it.
            for census in s.censusesUnlikeBaseline {
                lines.append("  NOTE        \(census.organisation)'s census of \(date) reads \(census.residents.grouped), not the figure the operation counts from")
            }
            // No share of none: a site counted at 0 residents has no percentage to give.
            lines.append("  left        \(s.left.grouped)" + (s.leftPercent.map { "  (\($0) %)" } ?? ""))
            lines.append("  remaining   \((s.remaining ?? 0).grouped)")
            for census in s.censusesAfterBaseline {
                lines.append("  NOTE        \(census.organisation) counted \(census.residents.grouped) on \(census.date), after the baseline: "
                             + "the figures here count from the baseline")
            }
            if s.beyondCount > 0 {
                lines.append("  WARNING     \(s.beyondCount.grouped) more reported leaving than the \(residents.grouped) counted: the census or the departures need checking")
            }
        } else if s.residentsDiffer, let date = s.censusDate {
            // No figure is the site's while its counters disagree: each is given, and the plan asks which to count from.
            lines.append("  residents   the censuses of \(date) differ: "
                         + s.censusesUnlikeBaseline.map { "\($0.organisation) \($0.residents.grouped)" }.joined(separator: "; "))
            lines.append("  left        \(s.left.grouped)  (since \(date))")
            if s.beyondCount > 0, let largest = s.countLeftAgainst {
                lines.append("  WARNING     \(s.beyondCount.grouped) more reported leaving than the largest count, \(largest.grouped): the censuses or the departures need checking")
            }
        } else if s.site.kind != .transitCentre || s.left > 0 {
            // A transit centre is passed through, not counted: its occupancy follows instead.
            lines.append("  no census yet; left: \(s.left.grouped)")
        }
        if !s.censuses.isEmpty {
            lines += ["", TextTable(header: ["CENSUS", "RESIDENTS", "HOUSEHOLDS", "ORGANISATION"], rows: s.censuses.map { [$0.date.description, $0.residents.grouped, $0.households?.grouped ?? "", $0.organisation] }, numeric: [1, 2]).rendered]
        }
        if let occupancy = s.occupancy { lines += Self.lines(occupancy, asOf: s.asOf) }
        if !s.departuresByWeek.isEmpty {
            lines += ["", TextTable(header: ["WEEK OF", "LEFT"], rows: s.departuresByWeek.map { [$0.key, $0.persons.grouped] }, numeric: [1]).rendered]
            lines += ["", TextTable(header: ["TO", "LEFT"], rows: s.departuresByDestination.map { [$0.key.isEmpty ? "not known" : $0.key, $0.persons.grouped] }, numeric: [1]).rendered]
        }
        return lines.joined(separator: "\n")
    }

    /// A transit centre's estimated occupancy: today's, the busiest day, each spell above capacity, and who sent people.
    private static func lines(_ o: TransitCentreOccupancy, asOf: Day) -> [String] {
        var lines = ["  capacity    \(o.capacity.grouped) places, usual stay \(o.centre.stayHours ?? Site.defaultStayHours) h",
                     "  estimated   \(o.persons(on: asOf).grouped) in the centre on \(asOf) (from the departures recorded to it; \(o.arrived(through: asOf).grouped) arrived in all)"]
        if let peak = o.peak(through: asOf) { lines.append("  busiest     \(peak.persons.grouped) on \(peak.day)") }
        for spell in o.spellsOverCapacity(through: asOf) {
            let days = spell.days == 1 ? "\(spell.first)" : "\(spell.first) to \(spell.last)"
            lines.append("  OVER        \(days): up to \(spell.peak.grouped) on \(spell.peakDay), above the \(o.capacity.grouped) places")
        }
        let bySite = o.arrivedBySite(through: asOf)
        if !bySite.isEmpty {
            lines += ["", TextTable(header: ["FROM", "ARRIVED"], rows: bySite.map { [$0.key, $0.persons.grouped] }, numeric: [1]).rendered]
        }
        return lines
    }
}

/// A plan's figures and schedule, for a terminal.
struct EvacuationPlanText {
    let site: String
    let plan: EvacuationPlan

    var rendered: String {
        let q = plan.question
        var lines = ["Evacuation of \(site): \(q.remaining.grouped) people, \(q.perCycle.grouped) \(every(q.cycleDays)) from \(q.start)"]
        // "1 cycle of 1 day", "3 cycles over 15 days": two counts side by side read as one list ("cycles 1, 1 days").
        let cycles = plan.cycleCount == 1 ? "1 cycle" : "\(plan.cycleCount.grouped) cycles"
        let days = plan.days == 1 ? "1 day" : "\(plan.days.grouped) days"
        lines.append("  cycles      \(cycles) over \(days), ending \(plan.end?.description ?? "-")")
        if let deadline = q.deadline {
            let needed = plan.neededPerCycle.map { "\($0.grouped) per cycle would meet it" } ?? "not even one whole cycle fits before it"
            lines.append("  deadline    \(deadline): \(plan.feasible == true ? "met" : "NOT met at this pace"); \(needed)")
        }
        let available = q.transitPlaces.map { " of \($0.grouped) available\(plan.transitPlacesSuffice == false ? ": NOT ENOUGH" : "")" } ?? ""
        lines.append("  transit     \(plan.transitPlacesNeeded.grouped) places at the peak (\(q.arrivals.rawValue), \(q.stayHours) h)\(available)")
        lines += ["", TextTable(header: ["CYCLE", "FROM", "TO", "PERSONS"], rows: plan.schedule.map { [String($0.cycle), $0.start.description, $0.end.description, $0.persons.grouped] }, numeric: [0, 3]).rendered]
        return lines.joined(separator: "\n")
    }
}

/// An operation's progress, for a terminal.
///
/// The status is the operation's on the day shown, from the days its changes took effect.
struct EvacuationProgressText {
    let progress: EvacuationProgress

    /// Whether the deadline is met: by the day the last left, or at the pace seen; none before there is a pace.
    static func verdict(_ p: EvacuationProgress, deadline: Day) -> String {
        if p.remaining == 0 { return p.forecastEnd.map { $0 <= deadline ? ": met" : ": NOT met" } ?? "" }
        if p.paceDays == 0 { return "" }
        if p.operation.status == .suspended { return ": suspended, no forecast" }
        return p.forecastEnd.map { $0 > deadline ? ": NOT met at the pace seen" : ": met at the pace seen" } ?? ": NOT met at the pace seen"
    }

    var rendered: String {
        let p = progress
        let o = p.operation
        var lines = ["Operation \(o.id): \(o.site), \(p.takenOver == nil ? o.status.rawValue : "taken over"); baseline \(o.baselineResidents.grouped) on \(o.baselineDate), "
                     + "\(o.perCycle.grouped) \(every(o.cycleDays)) from \(o.start)\(o.via.isEmpty ? "" : " via \(o.via.joined(separator: ", "))")"]
        lines.append("  as of       \(p.asOf): left \(p.left.grouped) (\(p.leftPercent.map { "\($0) %" } ?? "-")), remaining \(p.remaining.grouped)")
        if let day = p.takenOver {
            lines.append("  TAKEN OVER  from \(day) by the site's next operation, counting from its census of that day: the figures below stand as on \(day)")
        }
        let standing = p.ahead > 0 ? "ahead by \(p.ahead.grouped)" : p.ahead < 0 ? "behind by \((-p.ahead).grouped)" : "on plan"
        // Once every cycle has ended, the standing is measured on the day asked, which is no cycle's end.
        let allEnded = p.plan.end.map { $0 <= p.lastCountedDay } ?? false
        lines.append("  plan        " + (p.plannedThrough.map { through in
            allEnded ? "\(p.plannedByNow.grouped) by \(p.plan.end!), its last cycle's end; \(standing) on \(through)"
                : "\(p.plannedByNow.grouped) by \(through), the end of the last finished cycle, when \((p.plannedByNow + p.ahead).grouped) had left; \(standing) then"
        } ?? "no cycle finished yet"))
        let pace = p.completedWithRemaining ? "completed with \(p.remaining.grouped) still counted as there: no forecast; check the status or the departures"
            : o.status == .completed ? "completed: no forecast"
            : p.takenOver != nil ? "taken over: no forecast of its own"
            : o.status == .suspended ? "suspended: no forecast while nobody is moved"
            : p.remaining == 0 ? "everyone counted had left by \(p.forecastEnd?.description ?? "-")"
            : p.paceDays == 0 ? "not started: no pace yet"
            : "at the pace of the last \(p.paceDays == 1 ? "day" : "\(p.paceDays) days"): " + (p.forecastEnd?.description ?? "never (nobody left in that time)")
        lines.append("  end         planned \(p.plan.end?.description ?? "-"); " + pace)
        if let deadline = o.deadline, p.takenOver == nil {
            // The plan's own verdict beside the pace's: a plan that cannot meet its deadline is said whatever the pace.
            let planned = p.plan.feasible == false ? "; the plan's own last cycle ends \(p.plan.end?.description ?? "-"), after it" : ""
            lines.append("  deadline    \(deadline)" + (o.status == .completed ? "" : Self.verdict(p, deadline: deadline)) + planned)
        }
        if p.plan.transitPlacesSuffice == false {
            lines.append("  transit     \(p.plan.transitPlacesNeeded.grouped) places needed, \(p.plan.question.transitPlaces?.grouped ?? "0") available: NOT ENOUGH")
        }
        for over in p.centresOverCapacity {
            lines.append("  OVER        \(over.centre) estimated above its \(over.capacity.grouped) places since the operation began: up to "
                         + "\(over.persons.grouped) on \(over.day) (every site's departures to it counted)")
        }
        for change in p.statusChanges {
            lines.append("  status      \(change.from.rawValue) → \(change.to.rawValue) from \(change.day) (recorded \(change.at) by \(change.by))")
        }
        var rows = p.cycles.map { [String($0.cycle), $0.start.description, $0.end.description, $0.planned.grouped, $0.actual.grouped] }
        // Those who left outside every cycle's days, in rows of their own rather than in the first or last cycle.
        if p.beforePlan > 0, let first = p.cycles.first { rows.insert(["before", "", first.start.adding(days: -1).description, "", p.beforePlan.grouped], at: 0) }
        if p.afterPlan > 0, let last = p.cycles.last { rows.append(["after", last.end.adding(days: 1).description, "", "", p.afterPlan.grouped]) }
        lines += ["", TextTable(header: ["CYCLE", "FROM", "TO", "PLANNED", "ACTUAL"], rows: rows, numeric: [0, 3, 4]).rendered]
        return lines.joined(separator: "\n")
    }
}

/// A cycle's length as the plan's header says it: "every day", "every 5 days".
private func every(_ days: Int) -> String { days == 1 ? "every day" : "every \(days) days" }

/// Every site where it stands and the sites together, for a terminal or a spreadsheet.
struct CampsStandingText {
    let standing: CampsStanding

    init(_ standing: CampsStanding) { self.standing = standing }

    /// One row per site, then the total of the sites it sums; the sites left out of it are said below.
    var rendered: String {
        let s = standing, total = s.total
        var rows = s.sites.map { site in
            [site.site.code, site.site.name, site.site.kind.rawValue, site.residents?.grouped ?? (site.residentsDiffer ? "differ" : ""),
             site.censusDate?.description ?? "", site.left.grouped, site.leftPercent.map { "\($0)" } ?? "", site.remaining?.grouped ?? ""]
        }
        rows.append(["TOTAL", "\(total.counted.count) of \(s.sites.count) sites", "", total.residents.grouped, "", total.left.grouped,
                     total.leftPercent.map { "\($0)" } ?? "", total.remaining.grouped])
        var lines = ["Sites as of \(s.asOf)",
                     TextTable(header: ["CODE", "NAME", "KIND", "RESIDENTS", "COUNTED ON", "LEFT", "% LEFT", "REMAINING"], rows: rows,
                               numeric: [3, 5, 6, 7]).rendered]
        if total.beyondCount > 0 {
            lines.append("Of those who left, \(total.beyondCount.grouped) left beyond their site's count: taken from no one remaining, and not in the share; the censuses or departures need checking")
        }
        if !total.countsDiffer.isEmpty {
            lines.append("Not in the total, as their organisations' counts of the latest census day differ: \(total.countsDiffer.joined(separator: ", "))")
        }
        if !total.notCounted.isEmpty { lines.append("Not in the total, as nobody has counted them yet: \(total.notCounted.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    /// The sites' rows and a last `total` row, whose `code` column is empty; `in_total` says which rows it sums.
    var csv: String {
        let s = standing, total = s.total
        var lines = ["code,name,kind,residents,census_date,left,left_percent,remaining,residents_differ,in_total,as_of,beyond_count"]
        for site in s.sites {
            lines.append([site.site.code, site.site.name, site.site.kind.rawValue, site.residents.map(String.init) ?? "", site.censusDate?.description ?? "",
                          String(site.left), site.leftPercent?.description ?? "", site.remaining.map(String.init) ?? "", String(site.residentsDiffer),
                          String(total.counted.contains(site.site.code)), s.asOf.description, String(site.beyondCount)].map(CSVWriter.field).joined(separator: ","))
        }
        lines.append(["", "total", "", String(total.residents), "", String(total.left), total.leftPercent?.description ?? "", String(total.remaining), "",
                      "", s.asOf.description, String(total.beyondCount)].joined(separator: ","))
        return lines.joined(separator: "\n")
    }
}

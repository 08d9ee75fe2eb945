/// The camps block of a bulletin: for each site under evacuation, how many have left (count and share of the
/// baseline), how many remain, the plan's pace and end (or since when the operation is suspended, or when it was
/// completed), and for an operation under way how far ahead or behind the plan it is and when the last would leave
/// at the pace seen, and on which side of its deadline (if it has one) that falls. Then each transit centre the operations
/// still running go through that was estimated above its capacity since its operation began, once however many go
/// through it, with its fullest day. Last, whose censuses and departures the figures come from.
public enum CampsBlock {
    /// - Parameters:
    ///   - reporters: the organisations whose censuses (the baselines) and departures the figures count.
    ///   - overlaps: by site, the departures (alike in days and destination) that more than one organisation reported.
    public static func make(date: Day, progress: [EvacuationProgress], sites: [String: Site], reporters: [String] = [],
                            overlaps: [String: Int] = [:]) -> BulletinBlock? {
        guard !progress.isEmpty else { return nil }
        var lines: [BulletinLine] = [], entries: [SnapshotEntry] = []
        for item in progress {
            let code = item.operation.site, site = sites[code]
            let query = "homeward evacuations show \(item.operation.id) --as-of \(date)"
            let prefix = "camps.\(code)"
            entries.append(SnapshotEntry(id: "\(prefix).left", value: item.left, query: query))
            entries.append(SnapshotEntry(id: "\(prefix).residents", value: item.operation.baselineResidents, query: query))
            entries.append(SnapshotEntry(id: "\(prefix).remaining", value: item.remaining, query: query))
            var arguments: [String: BulletinValue] = [
                "site": .name(en: site?.name ?? code, ru: site?.nameRu, ar: site?.nameAr), "code": .code(code),
                "count": .entry("\(prefix).left"), "residents": .entry("\(prefix).residents"), "remaining": .entry("\(prefix).remaining"),
                "baseline": .day(item.operation.baselineDate),
            ]
            if let percent = item.leftPercent {
                entries.append(SnapshotEntry(id: "\(prefix).leftPercent", value: percent.hundredths, unit: .hundredths, query: query))
                arguments["percent"] = .entry("\(prefix).leftPercent")
            }
            lines.append(BulletinLine(item.leftPercent == nil ? "bulletin.camps.left.noPercent" : "bulletin.camps.left", arguments))
            // The baseline is the operation's, fixed when it was planned but for its organisation's corrections: a census of its
            // day that reads otherwise (a correction it could not follow, another organisation's) is named beside it, as the
            // page and the command line name it.
            for (index, census) in item.censusesUnlikeBaseline.enumerated() {
                let id = "\(prefix).baselineCensus.\(index + 1)"
                entries.append(SnapshotEntry(id: id, value: census.residents, query: "homeward sites show \(code) --as-of \(date)"))
                lines.append(BulletinLine("bulletin.camps.baselineUnlike", ["site": arguments["site"]!, "organisation": .names([census.organisation]),
                                                                           "baseline": .day(census.date), "count": .entry(id),
                                                                           "residents": .entry("\(prefix).residents")]))
            }
            // A census taken since the baseline: the figures above count from the baseline, and the newer count may say
            // otherwise (4,200 counted where 3,500 remain by the departures). Both are read, neither chosen.
            for (index, census) in item.censusesAfterBaseline.enumerated() {
                let id = "\(prefix).laterCensus.\(index + 1)"
                entries.append(SnapshotEntry(id: id, value: census.residents, query: "homeward sites show \(code) --as-of \(date)"))
                lines.append(BulletinLine("bulletin.camps.laterCensus", ["site": arguments["site"]!, "organisation": .names([census.organisation]),
                                                                        "day": .day(census.date), "count": .entry(id), "baseline": .day(item.operation.baselineDate)]))
            }
            // One convoy that two organisations reported is in those who left twice: said beside the figure (a count of reports,
            // not of people, named apart from the camp's figures that small counts hide).
            if let reported = overlaps[code], reported > 0 {
                entries.append(SnapshotEntry(id: "overlaps.camps.\(code)", value: reported, query: "homeward sites records \(code)"))
                lines.append(BulletinLine("bulletin.camps.overlaps", ["site": arguments["site"]!, "count": .entry("overlaps.camps.\(code)")]))
            }
            entries.append(SnapshotEntry(id: "\(prefix).perCycle", value: item.operation.perCycle, query: query))
            entries.append(SnapshotEntry(id: "\(prefix).cycleDays", value: item.operation.cycleDays, query: query))
            // A suspended or completed operation's plan would give readers an end the operation no longer moves towards.
            if let stopped = Self.stopped(item, on: date, site: arguments["site"]!) {
                lines.append(stopped)
                // The site's own figures count those who left after the operation ended; its line above does not.
                if item.leftAfterCompletion > 0 {
                    entries.append(SnapshotEntry(id: "\(prefix).leftAfterCompletion", value: item.leftAfterCompletion, query: "homeward sites show \(code) --as-of \(date)"))
                    lines.append(BulletinLine("bulletin.camps.afterCompletion", ["site": arguments["site"]!, "count": .entry("\(prefix).leftAfterCompletion")]))
                }
                continue
            }
            var plan: [String: BulletinValue] = ["site": arguments["site"]!, "count": .entry("\(prefix).perCycle"), "days": .entry("\(prefix).cycleDays")]
            if let end = item.plan.end { plan["end"] = .day(end) }
            lines.append(BulletinLine(item.plan.end == nil ? "bulletin.camps.plan.noEnd" : "bulletin.camps.plan", plan))
            // Where the operation stands against its plan, and when the last would leave at the pace seen: the plan's end
            // alone would tell readers a date the figures no longer expect.
            guard item.operation.status == .underWay, item.remaining > 0, item.plannedByNow > 0 || item.left > 0 else { continue }
            if item.ahead != 0 {
                entries.append(SnapshotEntry(id: "\(prefix).\(item.ahead < 0 ? "behind" : "ahead")", value: abs(item.ahead), query: query))
                // Both sides counted to the end of the last finished cycle: the day the sentence names.
                lines.append(BulletinLine(item.ahead < 0 ? "bulletin.camps.behind" : "bulletin.camps.ahead", [
                    "site": arguments["site"]!, "count": .entry("\(prefix).\(item.ahead < 0 ? "behind" : "ahead")"),
                    "date": .day(item.plannedThrough ?? date)]))
            }
            guard item.paceDays > 0 else { continue }
            entries.append(SnapshotEntry(id: "\(prefix).paceDays", value: item.paceDays, query: query))
            // Those who left in the pace's days: the forecast is taken from them, so the public must not read them back from it.
            entries.append(SnapshotEntry(id: "\(prefix).recentPersons", value: item.recentPersons, query: query))
            var pace: [String: BulletinValue] = ["site": arguments["site"]!, "days": .entry("\(prefix).paceDays")]
            if let end = item.forecastEnd { pace["end"] = .day(end) }
            lines.append(BulletinLine(item.forecastEnd == nil ? "bulletin.camps.forecast.none" : "bulletin.camps.forecast", pace))
            // The deadline the operation was given, and which side of it the pace seen falls: the plan's own end may meet it
            // while the departures do not.
            if let deadline = item.operation.deadline {
                let side = item.forecastEnd.map { $0 > deadline ? "after" : "by" } ?? "only"
                lines.append(BulletinLine("bulletin.camps.deadline.\(side)", ["site": arguments["site"]!, "deadline": .day(deadline)]))
            }
        }
        centresOverCapacity(progress, date: date, sites: sites, lines: &lines, entries: &entries)
        if !reporters.isEmpty { lines.append(BulletinLine("bulletin.camps.reporters", ["organisations": .names(reporters)])) }
        return BulletinBlock(kind: "camps", heading: "bulletin.camps.heading", lines: lines, entries: entries)
    }

    /// The line of an operation suspended or completed on `date`, with the day its status took effect where a change gave it.
    private static func stopped(_ item: EvacuationProgress, on date: Day, site: BulletinValue) -> BulletinLine? {
        let status = item.operation.status
        guard status == .suspended || status == .completed else { return nil }
        let key = status == .suspended ? "bulletin.camps.suspended" : "bulletin.camps.completed"
        guard let change = item.statusChanges.last(where: { $0.day <= date && $0.to == status }) else { return BulletinLine(key + ".noDay", ["site": site]) }
        return BulletinLine(key, ["site": site, "day": .day(change.day)])
    }

    /// An estimate from the departures sent to the centre, which the sentence says. Each operation sees the centre from
    /// its own start, so a centre that several go through is named with the busiest day any of them saw (the earlier
    /// on a tie), in the order centres first appear.
    private static func centresOverCapacity(_ progress: [EvacuationProgress], date: Day, sites: [String: Site],
                                            lines: inout [BulletinLine], entries: inout [SnapshotEntry]) {
        var busiest: [String: (over: EvacuationProgress.CentreOverCapacity, operation: Int)] = [:], order: [String] = []
        // Of operations still running: a completed one's overload is its record, not the session's news.
        for item in progress where item.operation.status != .completed {
            for over in item.centresOverCapacity {
                guard let seen = busiest[over.centre] else {
                    busiest[over.centre] = (over, item.operation.id)
                    order.append(over.centre)
                    continue
                }
                if (over.persons, -over.day.number) > (seen.over.persons, -seen.over.day.number) { busiest[over.centre] = (over, item.operation.id) }
            }
        }
        for code in order {
            let (over, operation) = busiest[code]!
            let query = "homeward evacuations show \(operation) --as-of \(date)", prefix = "camps.transit.\(code)"
            let centre = sites[code]
            entries.append(SnapshotEntry(id: "\(prefix).persons", value: over.persons, query: query))
            entries.append(SnapshotEntry(id: "\(prefix).capacity", value: over.capacity, query: query))
            lines.append(BulletinLine("bulletin.camps.centreOverCapacity", [
                "centre": .name(en: centre?.name ?? code, ru: centre?.nameRu, ar: centre?.nameAr), "persons": .entry("\(prefix).persons"),
                "capacity": .entry("\(prefix).capacity"), "day": .day(over.day)]))
        }
    }
}

/// The rules an evacuation operation (or a plan asked of one) must pass, with the field at fault.
public struct EvacuationRules: Sendable {
    public let sites: [String: Site]
    public let today: Day

    public init(sites: [String: Site], today: Day) {
        self.sites = sites
        self.today = today
    }

    /// The site a code names, in any letter case: a second site may not differ from one only in case, so a script that
    /// writes codes in lower case means that one.
    public func site(_ code: String) -> Site? {
        sites[code] ?? RecordCode.taken(code, among: sites.keys).flatMap { sites[$0] }
    }

    /// The transit centres named by `via`, each a known transit centre, each once: a centre given twice (`TC-1`, `tc-1`) is
    /// one centre's places, not twice them.
    public func transitCentres(_ via: [String]) throws(FieldProblem) -> [Site] {
        var centres: [Site] = []
        for code in via {
            guard let centre = site(code) else { throw FieldProblem(field: "via", value: code, Message("evacuation.via.unknown")) }
            guard centre.kind == .transitCentre else {
                throw FieldProblem(field: "via", value: code, Message("evacuation.via.notTransit", ["kind": .code(centre.kind.rawValue)]))
            }
            if !centres.contains(where: { $0.code == centre.code }) { centres.append(centre) }
        }
        return centres
    }

    /// A pace: whole positive persons and days per cycle, moving `residents` in at most ``EvacuationPlan/maximumCycles`` cycles.
    public static func checkPace(perCycle: Int, cycleDays: Int, residents: Int) throws(FieldProblem) {
        guard (1...10_000_000).contains(perCycle) else {
            throw FieldProblem(field: "per_cycle", value: String(perCycle), Message("evacuation.perCycle.invalid", ["maximum": .count(10_000_000)]))
        }
        guard (1...366).contains(cycleDays) else {
            throw FieldProblem(field: "cycle_days", value: String(cycleDays), Message("evacuation.cycleDays.invalid", ["maximum": .count(366)]))
        }
        let cycles = (residents + perCycle - 1) / perCycle, maximum = EvacuationPlan.maximumCycles
        guard cycles <= maximum else {
            throw FieldProblem(field: "per_cycle", value: String(perCycle), Message("evacuation.cycles.tooMany", [
                "residents": .count(residents), "cycles": .count(cycles), "maximum": .count(maximum),
                "needed": .count((residents + maximum - 1) / maximum)]))
        }
    }

    /// The operation as it will be stored, or the first problem.
    public func check(_ operation: EvacuationOperation) throws(FieldProblem) -> EvacuationOperation {
        guard let site = site(operation.site) else {
            throw FieldProblem(field: "site", value: operation.site, Message("evacuation.site.unknown"))
        }
        guard site.kind != .transitCentre else {
            throw FieldProblem(field: "site", value: operation.site, Message("evacuation.site.transit"))
        }
        guard operation.baselineDate <= today else {
            throw FieldProblem(field: "baseline_date", value: operation.baselineDate.description,
                               Message("evacuation.baseline.future", ["today": .day(today)]))
        }
        guard (1...10_000_000).contains(operation.baselineResidents) else {
            throw FieldProblem(field: "baseline_residents", value: String(operation.baselineResidents),
                               Message("evacuation.residents.invalid"))
        }
        guard operation.start > operation.baselineDate else {
            throw FieldProblem(field: "start", value: operation.start.description,
                               Message("evacuation.start.beforeBaseline", ["baseline": .day(operation.baselineDate)]))
        }
        try Self.checkPace(perCycle: operation.perCycle, cycleDays: operation.cycleDays, residents: operation.baselineResidents)
        if let deadline = operation.deadline, deadline < operation.start {
            throw FieldProblem(field: "deadline", value: deadline.description, Message("evacuation.deadline.beforeStart", ["start": .day(operation.start)]))
        }
        // An operation not yet begun cannot be completed: that could not be put right (a completed one stays so).
        if operation.status == .completed, operation.start > today {
            throw FieldProblem(field: "status", value: operation.status.rawValue,
                               Message("evacuation.status.beforeStart", ["start": .day(operation.start), "today": .day(today)]))
        }
        var checked = operation
        checked.site = site.code
        checked.via = try transitCentres(operation.via).map(\.code)
        return checked
    }

    /// An operation counts from one of its baseline day's counts, where the site was counted that day (another
    /// organisation's count beside it is noted, not refused); a later one takes its site over from such a count: a figure
    /// typed for a day nobody counted, or unlike every count of it, would become the site's residents, and the earlier
    /// operation's progress would stop on it. (A site's first operation may count from an agreed figure of a day nobody counted.)
    /// - Parameters:
    ///   - earlier: the site's operation before it, if any, and its baseline day.
    ///   - counts: each organisation's count of the site on the new operation's baseline day.
    public static func checkBaseline(of operation: EvacuationOperation, after earlier: (id: Int, baseline: Day)?,
                                     counts: [(organisation: String, residents: Int)]) throws(FieldProblem) {
        if counts.isEmpty, let earlier {
            throw FieldProblem(field: "baseline_date", value: operation.baselineDate.description, Message("evacuation.laterWithoutCensus", [
                "id": .serial(earlier.id), "date": .day(earlier.baseline), "baseline": .day(operation.baselineDate)]))
        }
        guard !counts.isEmpty else { return }
        guard counts.contains(where: { $0.residents == operation.baselineResidents }) else {
            throw FieldProblem(field: "baseline_residents", value: String(operation.baselineResidents), Message("evacuation.laterUnlikeCensus", [
                "baseline": .day(operation.baselineDate), "counts": .text(counts.map { "\($0.organisation): \($0.residents.grouped)" }.joined(separator: "; "))]))
        }
    }

    /// A change of an operation's status, taking effect on `day`. Any status may follow any other but for a completed
    /// operation, which stays completed: a new phase is a new operation with its own baseline.
    public static func checkChange(of operation: EvacuationOperation, to status: EvacuationOperation.Status, on day: Day,
                                   after last: EvacuationStatusChange?, today: Day) throws(FieldProblem) {
        guard operation.status != status else {
            throw FieldProblem(field: "status", value: status.rawValue, Message("evacuation.status.same", ["status": .code(status.rawValue)]))
        }
        guard operation.status != .completed else {
            throw FieldProblem(field: "status", value: status.rawValue, Message("evacuation.status.final"))
        }
        if status == .completed, day < operation.start {
            throw FieldProblem(field: "status", value: status.rawValue, Message("evacuation.status.completedBeforeStart", [
                "day": .day(day), "start": .day(operation.start)]))
        }
        try checkDay(day, of: operation, after: last, today: today)
    }

    /// A new day for the latest change, the one that made the operation what it is now: a change recorded without its
    /// day, or with a wrong one, is put right rather than stacked with another.
    public static func checkRedating(of operation: EvacuationOperation, latest: EvacuationStatusChange?, to day: Day,
                                     after previous: EvacuationStatusChange?, today: Day) throws(FieldProblem) {
        guard let latest, latest.to == operation.status else {
            throw FieldProblem(field: "date", value: day.description,
                               Message("evacuation.status.nothingToRedate", ["status": .code(operation.status.rawValue)]))
        }
        try checkDay(day, of: operation, after: previous, today: today)
    }

    /// Not after today, not before the baseline the operation counts from, and not before the change before it, so that
    /// changes take effect in the order they were recorded.
    private static func checkDay(_ day: Day, of operation: EvacuationOperation, after last: EvacuationStatusChange?,
                                 today: Day) throws(FieldProblem) {
        if day > today {
            throw FieldProblem(field: "date", value: day.description, Message("evacuation.status.future", ["today": .day(today)]))
        }
        if day < operation.baselineDate {
            throw FieldProblem(field: "date", value: day.description, Message("evacuation.status.beforeBaseline", ["baseline": .day(operation.baselineDate)]))
        }
        if let last, day < last.day {
            throw FieldProblem(field: "date", value: day.description,
                               Message("evacuation.status.beforeLast", ["status": .code(last.to.rawValue), "day": .day(last.day)]))
        }
    }
}

/// The rules an evacuation operation (or a plan asked of one) must pass, with the field at fault.
public struct EvacuationRules: Sendable {
    public let sites: [String: Site]
    public let today: Day

    public init(sites: [String: Site], today: Day) {
        self.sites = sites
        self.today = today
    }

    /// The transit centres named by `via`, each a known transit centre.
    public func transitCentres(_ via: [String]) throws(FieldProblem) -> [Site] {
        var centres: [Site] = []
        for code in via {
            guard let centre = sites[code] else { throw FieldProblem(field: "via", value: code, reason: "no site has this code") }
            guard centre.kind == .transitCentre else {
                throw FieldProblem(field: "via", value: code, reason: "not a transit centre but a \(centre.kind.rawValue)")
            }
            centres.append(centre)
        }
        return centres
    }

    /// A pace: whole positive persons and days per cycle.
    public func checkPace(perCycle: Int, cycleDays: Int) throws(FieldProblem) {
        guard (1...10_000_000).contains(perCycle) else {
            throw FieldProblem(field: "per_cycle", value: String(perCycle), reason: "persons per cycle is a whole number from 1")
        }
        guard (1...366).contains(cycleDays) else {
            throw FieldProblem(field: "cycle_days", value: String(cycleDays), reason: "days per cycle is a whole number from 1 to 366")
        }
    }

    /// The operation as it will be stored, or the first problem.
    public func check(_ operation: EvacuationOperation) throws(FieldProblem) -> EvacuationOperation {
        guard let site = sites[operation.site] else {
            throw FieldProblem(field: "site", value: operation.site, reason: "no site has this code; add it first")
        }
        guard site.kind != .transitCentre else {
            throw FieldProblem(field: "site", value: operation.site, reason: "a transit centre is passed through, not evacuated: name the camp")
        }
        guard operation.baselineDate <= today else {
            throw FieldProblem(field: "baseline_date", value: operation.baselineDate.description,
                               reason: "the baseline census is in the future (today is \(today))")
        }
        guard (1...10_000_000).contains(operation.baselineResidents) else {
            throw FieldProblem(field: "baseline_residents", value: String(operation.baselineResidents),
                               reason: "the residents at the baseline are a whole number from 1")
        }
        guard operation.start > operation.baselineDate else {
            throw FieldProblem(field: "start", value: operation.start.description,
                               reason: "the operation starts after its baseline census (\(operation.baselineDate))")
        }
        try checkPace(perCycle: operation.perCycle, cycleDays: operation.cycleDays)
        if let deadline = operation.deadline, deadline < operation.start {
            throw FieldProblem(field: "deadline", value: deadline.description, reason: "the deadline is before the start (\(operation.start))")
        }
        _ = try transitCentres(operation.via)
        return operation
    }
}

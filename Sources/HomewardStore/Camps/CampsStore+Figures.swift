import HomewardCore

extension CampsStore {
    /// Where a site stands on a day: its baseline (its latest operation's, else its latest census), left, remaining.
    public func standing(of code: String, asOf: Day) async throws -> SiteStanding {
        guard let site = try await site(code) else { throw StoreError.notFound("site \(code)") }
        let censuses = try await censuses(of: site.code)
        var standing = SiteStanding(site: site, asOf: asOf, censuses: censuses, departures: try await departures(from: site.code),
                                    operation: Self.operation(of: site.code, in: try await operations(), asOf: asOf, censuses: censuses,
                                                              changes: try await statusChanges(where: nil)))
        standing.occupancy = try await occupancies(of: [site]).values.first
        return standing
    }

    /// Each transit centre among `sites` with the departures recorded to it, by code; other sites are left out, and
    /// so is a centre without a capacity (stored before one was required), which nothing could be held to.
    public func occupancies(of sites: [Site]) async throws -> [String: TransitCentreOccupancy] {
        let centres = sites.filter { $0.kind == .transitCentre && $0.capacity != nil }
        guard !centres.isEmpty else { return [:] }
        let departures = Dictionary(grouping: try await departures(where: "d.destination IN (\(binds: centres.map(\.code)))"),
                                    by: { $0.destination ?? "" })
        return Dictionary(uniqueKeysWithValues: centres.map { ($0.code, TransitCentreOccupancy(centre: $0, departures: departures[$0.code] ?? [])) })
    }

    /// Where every site people live in (every site but transit centres) stands on a day, by code, as
    /// ``standing(of:asOf:)`` says of one: sites, operations, censuses and departures each read once, whatever the
    /// number of sites.
    public func standings(asOf: Day) async throws -> [SiteStanding] {
        let operations = try await operations(), changes = try await statusChanges(where: nil)
        let censuses = Dictionary(grouping: try await censuses(where: nil), by: \.site)
        let departures = Dictionary(grouping: try await departures(where: nil), by: \.site)
        return try await sites().filter { $0.kind != .transitCentre }.map { site in
            SiteStanding(site: site, asOf: asOf, censuses: censuses[site.code] ?? [], departures: departures[site.code] ?? [],
                         operation: Self.operation(of: site.code, in: operations, asOf: asOf, censuses: censuses[site.code] ?? [], changes: changes))
        }
    }

    /// The operation a site stands against on a day: its latest whose baseline is not after the day, unless it was completed
    /// by then and the site counted since, when the site counts from that census, as its departures are held to it.
    private static func operation(of site: String, in operations: [EvacuationOperation], asOf: Day, censuses: [Census],
                                  changes: [Int: [EvacuationStatusChange]]) -> EvacuationOperation? {
        guard let operation = operations.last(where: { $0.site == site && $0.baselineDate <= asOf }) else { return nil }
        return operation.isHandedBack(asOf, changes: changes[operation.id] ?? [], censusDays: censuses.map(\.date)) ? nil : operation
    }

    /// A stored operation against the departures reported, on a day.
    public func progress(ofOperation id: Int, asOf: Day) async throws -> EvacuationProgress {
        guard let operation = try await operation(id) else { throw StoreError.notFound("evacuation operation \(id)") }
        let centres = try await transitCentres(operation.via, today: asOf)
        return try Self.progress(of: operation, departures: try await departures(from: operation.site), censuses: try await censuses(of: operation.site),
                                 centres: centres, occupancies: try await occupancies(of: centres), statusChanges: try await statusChanges(ofOperation: id),
                                 nextBaseline: Self.nextBaseline(after: operation, in: try await operations()), asOf: asOf)
    }

    /// Every operation, oldest first, as ``progress(ofOperation:asOf:)`` says of one: sites, operations, departures
    /// and status changes each read once, whatever the number of operations.
    /// - Parameter known: centres' estimates the caller has already (``occupancies(of:)``), not worked out again.
    public func progress(asOf: Day, occupancies known: [String: TransitCentreOccupancy] = [:]) async throws -> [EvacuationProgress] {
        let operations = try await operations()
        guard !operations.isEmpty else { return [] }
        let rules = try await evacuationRules(today: asOf)
        let all = try await departures(where: nil)
        let departures = Dictionary(grouping: all, by: \.site)
        let arrivals = Dictionary(grouping: all.filter { $0.destination != nil }, by: { $0.destination ?? "" })
        let changes = try await statusChanges(where: nil)
        let censuses = Dictionary(grouping: try await censuses(where: nil), by: \.site)
        // Each centre's estimate worked out once, however many operations go through it.
        var occupancies = known
        return try operations.map { operation in
            let centres = try Self.transitCentres(operation.via, rules: rules)
            for centre in centres where occupancies[centre.code] == nil && centre.capacity != nil {
                occupancies[centre.code] = TransitCentreOccupancy(centre: centre, departures: arrivals[centre.code] ?? [])
            }
            return try Self.progress(of: operation, departures: departures[operation.site] ?? [], censuses: censuses[operation.site] ?? [],
                                     centres: centres, occupancies: occupancies,
                                     statusChanges: changes[operation.id] ?? [], nextBaseline: Self.nextBaseline(after: operation, in: operations),
                                     asOf: asOf)
        }
    }

    /// The baseline date of the operation that followed this one on its site, if any: departures after it are that one's.
    private static func nextBaseline(after operation: EvacuationOperation, in operations: [EvacuationOperation]) -> Day? {
        operations.filter { $0.site == operation.site && $0.baselineDate > operation.baselineDate }.map(\.baselineDate).min()
    }

    private static func progress(of operation: EvacuationOperation, departures: [Departure], censuses: [Census], centres: [Site],
                                 occupancies: [String: TransitCentreOccupancy], statusChanges: [EvacuationStatusChange],
                                 nextBaseline: Day?, asOf: Day) throws -> EvacuationProgress {
        // The operation as it stood on the day: its status then, which the forecast and the centres' warnings go by.
        var operation = operation
        operation.status = operation.status(on: asOf, changes: statusChanges)
        // Completed by the day asked: departures after the day it took effect count in no progress of it.
        let completedOn = operation.completedOn(asOf, changes: statusChanges)
        var progress = EvacuationProgress(operation: operation, departures: departures, asOf: asOf, nextBaseline: nextBaseline, completedOn: completedOn,
                                          transitPlaces: centres.isEmpty ? nil : centres.reduce(0) { $0 + ($1.capacity ?? 0) },
                                          stayHours: centres.compactMap(\.stayHours).max() ?? Site.defaultStayHours)
        // What was known on the day: a suspension taking effect later is not yet one of its changes.
        progress.statusChanges = statusChanges.filter { $0.day <= asOf }
        progress.centresOverCapacity = progress.centres(overCapacityIn: occupancies)
        progress.censusesUnlikeBaseline = operation.censusesUnlikeBaseline(among: censuses)
        let later = censuses.filter { census in
            census.date > operation.baselineDate && census.date <= progress.lastCountedDay && nextBaseline.map { census.date < $0 } ?? true
        }
        progress.censusesAfterBaseline = Census.latestByOrganisation(later)
        return progress
    }

    /// A plan for a site from where it stands today, or on the day before a start in the past: its remaining people at the
    /// pace asked.
    ///
    /// - Parameter start: the first day of the first cycle; by default today, or the day after the last departure (or
    ///   after the census when none is recorded) if that is later: a plan started in the past would judge its deadline by
    ///   days already gone. A start in the past counts from the residents as they stood the day before it (a plan
    ///   started on 5 March counted from today's remainder, less the departures of its own cycles).
    /// - Parameter residents: the residents to count from at the latest census, where organisations counted that day and disagree.
    public func plan(site code: String, perCycle: Int, cycleDays: Int, start: Day?, deadline: Day?, via: [String],
                     arrivals: EvacuationPlan.Arrivals = .spread, residents: Int? = nil, today: Day,
                     vocabulary: Vocabulary = .commandLine) async throws -> SitePlan {
        let now = try await standing(of: code, asOf: today)
        guard now.censusDate != nil else {
            throw StoreError.refused(FieldProblem(field: "site", value: code, Message("site.census.none", ["code": .code(code), "via": vocabulary.argument])))
        }
        let standing = if let start, start < today { try await standing(of: code, asOf: start.adding(days: -1)) } else { now }
        guard let date = standing.censusDate else {
            let first = try await censuses(of: now.site.code).map(\.date).min() ?? today
            throw StoreError.refused(FieldProblem(field: "start", value: start?.description ?? "", Message("evacuation.plan.startBeforeCensus", [
                "census": .day(first)])))
        }
        let remaining: Int
        if let residents {
            // Residents at the census fewer than those recorded leaving since: an empty plan would hide a typing slip.
            guard residents >= standing.left else {
                throw StoreError.refused(FieldProblem(field: "residents", value: String(residents), Message("evacuation.plan.residentsBelowLeft", [
                    "left": .count(standing.left), "date": .day(date)])))
            }
            remaining = residents - standing.left
        } else if let standingRemaining = standing.remaining {
            remaining = standingRemaining
        } else {
            // Which organisation's count the plan starts from is the centre's call, not the order of their names.
            let day = standing.censusesUnlikeBaseline
            guard let first = day.first, let other = day.first(where: { $0.residents != first.residents }) else {
                throw StoreError.refused(FieldProblem(field: "site", value: code, Message("site.census.none", ["code": .code(code), "via": vocabulary.argument])))
            }
            throw StoreError.refused(FieldProblem(field: "residents", value: "", Message("evacuation.plan.censusesDiffer", [
                "date": .day(date), "organisation": .text(first.organisation), "residents": .count(first.residents),
                "other": .text(other.organisation), "otherResidents": .count(other.residents), "via": vocabulary.argument])))
        }
        // Nobody left to plan for: "0 cycles, deadline met" would read as a plan; the figures (or the camp's end) are the news.
        guard remaining > 0 else {
            throw StoreError.refused(FieldProblem(field: "site", value: code, Message("evacuation.plan.nobodyRemains", [
                "code": .code(standing.site.code), "date": .day(date), "left": .count(standing.left)])))
        }
        try StoreError.refusing { () throws(FieldProblem) in try EvacuationRules.checkPace(perCycle: perCycle, cycleDays: cycleDays, residents: remaining) }
        let centres = try await transitCentres(via, today: today)
        let lastDeparture = try await departures(from: standing.site.code).last?.day
        let first = start ?? max(today, (lastDeparture ?? standing.censusDate ?? today).adding(days: 1))
        if let deadline, deadline < first {
            throw StoreError.refused(FieldProblem(field: "deadline", value: deadline.description, Message("evacuation.deadline.beforeStart", ["start": .day(first)])))
        }
        let plan = EvacuationPlan(.init(remaining: remaining, perCycle: perCycle, cycleDays: cycleDays, start: first, deadline: deadline,
                                        transitPlaces: centres.isEmpty ? nil : centres.reduce(0) { $0 + ($1.capacity ?? 0) },
                                        stayHours: centres.compactMap(\.stayHours).max() ?? Site.defaultStayHours, arrivals: arrivals))
        // Other sites' operations through the same centres, not completed on the day nor taken over by a later one: the places
        // above are not all this plan's.
        let changes = try await statusChanges(where: nil)
        let all = try await operations()
        let others = all.filter {
            $0.site != standing.site.code && $0.status(on: today, changes: changes[$0.id] ?? []) != .completed && $0.successor(among: all, by: today) == nil
        }
        let shared = centres.compactMap { centre in
            let through = others.filter { $0.via.contains(centre.code) }.map(\.id)
            return through.isEmpty ? nil : SitePlan.SharedCentre(centre: centre.code, operations: through)
        }
        return SitePlan(site: standing.site.code, plan: plan, sharedCentres: shared)
    }

    private func evacuationRules(today: Day) async throws -> EvacuationRules {
        EvacuationRules(sites: Dictionary(uniqueKeysWithValues: try await sites().map { ($0.code, $0) }), today: today)
    }

    private func transitCentres(_ via: [String], today: Day) async throws -> [Site] {
        guard !via.isEmpty else { return [] }
        return try Self.transitCentres(via, rules: try await evacuationRules(today: today))
    }

    private static func transitCentres(_ via: [String], rules: EvacuationRules) throws -> [Site] {
        try StoreError.refusing { () throws(FieldProblem) in try rules.transitCentres(via) }
    }
}

/// The rules a departure must pass, including those that need the running count: departures never take a site
/// below zero against its evacuation operation's baseline, and are warned of when they outnumber a site's latest
/// census where no operation gives one, or take a transit centre above its capacity.
public struct DepartureRules: ImportRules {
    /// What a site under evacuation counts from, and the departures already counted against it.
    public struct Baseline: Sendable {
        public var date: Day
        public var residents: Int
        /// Persons per departure key, of the departures after the baseline date already recorded.
        public private(set) var counted: [String: Int]
        /// Their sum, kept as rows are accepted.
        public private(set) var left: Int

        public init(date: Day, residents: Int, counted: [String: Int]) {
            self.date = date
            self.residents = residents
            self.counted = counted
            left = counted.values.reduce(0, +)
        }

        /// Counts a departure, replacing an earlier version of it.
        mutating func count(_ key: String, persons: Int) {
            left += persons - (counted[key] ?? 0)
            counted[key] = persons
        }
    }

    public let sites: Set<String>
    /// The sites people live in (camps, settlements, collective centres): a departure to one is people moved to another
    /// camp, which none of that camp's figures counts as arrived.
    public let livedIn: Set<String>
    private let siteCodes: RecordCodes
    public let gazetteer: Gazetteer
    public let today: Day
    public let defaultOrganisation: String?
    /// Whose words messages use for options: the command line's flags or the API's parameters.
    public let vocabulary: Vocabulary
    /// Per site with an operation; updated as rows are accepted, so that a file cannot overdraw a site either.
    public private(set) var baselines: [String: Baseline]
    /// Per site with a census and no baseline; updated as rows are accepted, as baselines are.
    public private(set) var censuses: [String: DeparturesSinceCensus]
    /// Per transit centre, with the departures already recorded to it; updated as rows are accepted.
    public private(set) var transitCentres: [String: TransitCentreOccupancy]
    /// The centre each departure counted in a centre went to, by key: a correction sent elsewhere leaves it.
    private var transitCentreOf: [String: String] = [:]

    /// The sites by name, for files that name a site rather than give its code.
    public let siteNames: SiteNames
    /// The day each site's latest operation was completed, where no census was taken since: a departure after it is said.
    public let completedOn: [String: Day]
    /// Each site's latest operation with its status changes: a departure on a day it stood suspended is said.
    public let operations: [String: (operation: EvacuationOperation, changes: [EvacuationStatusChange])]
    /// How many days before the day a site counts from a departure is taken for a typing slip rather than history.
    static let slipDays = 31

    public init(sites: Set<String>, livedIn: Set<String> = [], gazetteer: Gazetteer, today: Day, defaultOrganisation: String? = nil,
                baselines: [String: Baseline] = [:],
                censuses: [String: DeparturesSinceCensus] = [:], transitCentres: [String: TransitCentreOccupancy] = [:],
                siteNames: SiteNames = SiteNames(), completedOn: [String: Day] = [:],
                operations: [String: (operation: EvacuationOperation, changes: [EvacuationStatusChange])] = [:], vocabulary: Vocabulary = .commandLine) {
        self.vocabulary = vocabulary
        self.operations = operations
        self.completedOn = completedOn
        self.siteNames = siteNames
        self.sites = sites
        self.livedIn = livedIn
        siteCodes = RecordCodes(sites)
        self.gazetteer = gazetteer
        self.today = today
        self.defaultOrganisation = defaultOrganisation
        self.baselines = baselines
        self.censuses = censuses
        self.transitCentres = transitCentres
        for (code, occupancy) in transitCentres {
            for key in occupancy.keys { transitCentreOf[key] = code }
        }
    }

    /// The row's organisation, or the default given (not the site's operator: ``CensusRules/organisation(of:)``).
    public func organisation(of draft: ImportDraft<DepartureField>) -> String? {
        draft[.organisation] ?? defaultOrganisation
    }

    public mutating func check(_ draft: ImportDraft<DepartureField>) -> ImportOutcome<Departure> { check(draft, counting: true) }

    /// Without the running counts: neither the baseline, the census nor the transit centre reads or counts the row.
    public mutating func checkWithoutCounting(_ draft: ImportDraft<DepartureField>) -> ImportOutcome<Departure> { check(draft, counting: false) }

    private mutating func check(_ draft: ImportDraft<DepartureField>, counting: Bool) -> ImportOutcome<Departure> {
        var checks = DraftChecks(draft, today: today)
        let period = checks.period(date: .date, start: .dateStart, end: .dateEnd)
        let site = checks.site(code: .site, name: .siteName, known: siteCodes, names: siteNames)
        // A count of 0 takes back the departure its key finds, and records nothing where none is stored (the writer's part).
        let persons = checks.wholeNumber(.persons)
        let destination = readDestination(draft, &checks)
        if let site, destination == site {
            checks.fail(draft[.destinationSite] != nil ? .destinationSite : .destination, Message("import.destination.sameSite"))
        }
        let organisation = organisation(of: draft)
        // Of an unknown site the operator is unknown too: the site is what to mend, not the organisation.
        if organisation == nil, site != nil {
            checks.fail(.organisation, Message("import.organisation.missing", ["via": vocabulary.argument]))
        }
        guard !checks.isRejected, let period, let site, let organisation, let persons else { return ImportOutcome(problems: checks.problems) }
        // To another camp: its people left this one, but no figure of the other counts arrivals (its censuses do). A 0 moves no one.
        if let destination, livedIn.contains(destination), persons > 0 {
            checks.fail(draft[.destinationSite] != nil ? .destinationSite : .destination,
                        Message("import.departures.notToTransitCentre", ["destination": .code(destination)]), warning: true)
        }
        let departure = Departure(site: site, period: period, persons: persons, destination: destination, organisation: organisation,
                                  externalId: draft[.externalId])
        guard counting else { return ImportOutcome(records: [departure], problems: checks.problems) }
        // A digest: worked out once for every count below.
        let key = departure.key
        // Dated on or shortly before what the site counts from (a typing slip, 09-30 for 10-30): kept, but not counted among
        // those who left since. Older rows are history (a file of past departures), not slips.
        if let countsFrom = baselines[site]?.date ?? censuses[site]?.census.date, departure.day <= countsFrom,
           departure.day > countsFrom.adding(days: -Self.slipDays), persons > 0 {
            checks.fail(draft[.date] != nil ? .date : .dateEnd, Message("import.departures.beforeBaseline", ["date": .day(countsFrom)]), warning: true)
        }
        // Days on both sides of it: counted whole as having left since, though its people who left by then were not among those counted.
        if let countsFrom = baselines[site]?.date ?? censuses[site]?.census.date, period.start <= countsFrom, departure.day > countsFrom, persons > 0 {
            checks.fail(draft[.date] != nil ? .date : .dateStart, Message("import.departures.spansBaseline", ["date": .day(countsFrom)]), warning: true)
        }
        if var baseline = baselines[site], departure.day > baseline.date {
            let total = baseline.left + persons - (baseline.counted[key] ?? 0)
            guard total <= baseline.residents else {
                // Of a completed operation, a census alone gives the site a new count to go by; a running one needs a new operation.
                checks.fail(.persons, Message(completedOn[site] != nil ? "import.departures.overdrawnCompleted" : "import.departures.overdrawn", [
                                                                               "site": .code(site), "date": .day(baseline.date),
                                                                               "total": .count(total), "residents": .count(baseline.residents)]))
                return ImportOutcome(problems: checks.problems)
            }
            baseline.count(key, persons: persons)
            baselines[site] = baseline
        }
        // Said of a row that is recorded: one refused above is not.
        if let completed = completedOn[site], departure.day > completed, persons > 0 {
            checks.fail(draft[.date] != nil ? .date : .dateEnd, Message("import.departures.afterCompletion", ["date": .day(completed)]), warning: true)
        }
        // Nobody is moved under a suspended operation: a departure dated inside a suspension is a date or a status to check.
        if let (operation, changes) = operations[site], departure.day > operation.baselineDate, persons > 0,
           operation.status(on: departure.day, changes: changes) == .suspended,
           let since = changes.last(where: { $0.to == .suspended && $0.day <= departure.day })?.day {
            checks.fail(draft[.date] != nil ? .date : .dateEnd, Message("import.departures.whileSuspended", ["date": .day(since)]), warning: true)
        }
        if baselines[site] == nil, var since = censuses[site] {
            if let warning = since.count(departure, key: key) { checks.fail(.persons, warning, warning: true) }
            censuses[site] = since
        }
        countInTransitCentre(departure, key: key, &checks)
        return ImportOutcome(records: [departure], problems: checks.problems)
    }

    /// Counts a departure in the transit centre it goes to (and out of one an earlier version went to), warning when
    /// it takes the centre above its capacity, or further above, on a day its people stay: not when the same row comes
    /// again, or a correction brings the estimate down.
    private mutating func countInTransitCentre(_ departure: Departure, key: String, _ checks: inout DraftChecks<DepartureField>) {
        guard !transitCentres.isEmpty else { return }
        if let earlier = transitCentreOf[key], earlier != departure.destination {
            transitCentres[earlier]?.remove(key: key)
            transitCentreOf[key] = nil
        }
        guard let code = departure.destination, transitCentres[code] != nil else { return }
        transitCentreOf[key] = code
        guard let over = transitCentres[code]?.count(departure, key: key), let centre = transitCentres[code] else { return }
        checks.fail(checks.draft[.destinationSite] != nil ? .destinationSite : .destination, Message("import.departures.transitOverCapacity", [
            "centre": .code(code), "persons": .count(over.persons), "day": .day(over.day), "capacity": .count(centre.capacity),
            "hours": .count(centre.centre.stayHours ?? Site.defaultStayHours)]), warning: true)
    }

    /// A site's code, or the finest area P-code the row gives. `#loc+dest+code` takes either, as JSON's `destination` and
    /// `sites departures --to` do, and as a movement's `#loc+dest+code` is a place of any level.
    private func readDestination(_ draft: ImportDraft<DepartureField>, _ checks: inout DraftChecks<DepartureField>) -> String? {
        for field in [DepartureField.destinationSite, .destination] {
            guard let code = draft[field] else { continue }
            if let site = siteCodes.stored(code) { return site }
            guard gazetteer.area(code) != nil else {
                checks.fail(field, Message("import.destination.unknown"))
                return nil
            }
            return code
        }
        for field in [DepartureField.destAdm4, .destAdm3, .destAdm2, .destAdm1] {
            guard let code = draft[field] else { continue }
            guard gazetteer.area(code) != nil else { checks.fail(field, Message("import.area.unknown")); return nil }
            return code
        }
        return nil
    }
}

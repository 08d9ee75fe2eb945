/// Where a site stands on a date: the residents it counts from, how many have left since, and how many remain.
public struct SiteStanding: Sendable {
    public struct Group: Hashable, Sendable, Encodable {
        public var key: String
        public var persons: Int
    }

    public var site: Site
    public var asOf: Day
    /// The baseline of the site's latest operation if it has one, else its latest census; `nil` with neither, and where
    /// organisations' censuses of the latest day disagree: which of them to count from is the centre's call, not an order.
    public var residents: Int?
    public var censusDate: Day?
    /// Whether ``residents`` is an operation's baseline, fixed when the operation was planned, rather than a census.
    public var isOperationBaseline = false
    /// Censuses of the baseline's day that say otherwise than the baseline: for an operation's baseline, one corrected
    /// since the operation was planned, or another organisation's count of that day (the baseline stays, and readers see
    /// that they differ); without an operation, every census of the latest day where they disagree (``residentsDiffer``).
    public var censusesUnlikeBaseline: [Census] = []
    /// Whether organisations counted the site on its latest census day and disagree, with no operation's baseline to
    /// count from: ``residents``, ``remaining`` and ``leftPercent`` are then not given.
    public var residentsDiffer: Bool { !isOperationBaseline && censusDate != nil && residents == nil }
    /// Persons who left after the census date, up to the day asked.
    public var left: Int
    /// Never below zero: more departures than residents counted leave none, and ``beyondCount`` says by how much.
    public var remaining: Int?
    /// Persons reported leaving beyond the residents counted (the largest count, where the day's differ): the count and
    /// the departures disagree, and a reader
    /// must see it where the figures are, rather than a negative remainder or a share above 100 % unexplained.
    public var beyondCount: Int { countLeftAgainst.map { max(0, left - $0) } ?? 0 }
    /// The residents, or, where the latest census day's counts differ, the largest of them: more left than any organisation
    /// counted is wrong whichever count is right.
    public var countLeftAgainst: Int? { residents ?? censusesUnlikeBaseline.map(\.residents).max() }
    /// The share of the residents counted who left: 100 % at most.
    public var leftPercent: Percent?
    /// Each organisation's latest census by the day asked, beside the baseline: they may disagree.
    public var censuses: [Census]
    /// Organisations' latest censuses taken after an operation's baseline: the figures here still count from the baseline,
    /// and a reader must see that a newer count (60,000 where 62,800 remain by the baseline) says otherwise.
    public var censusesAfterBaseline: [Census] {
        guard isOperationBaseline, let censusDate else { return [] }
        return censuses.filter { $0.date > censusDate }
    }
    /// By the Monday that starts each ISO week.
    public var departuresByWeek: [Group]
    public var departuresByDestination: [Group]
    /// A transit centre's estimated occupancy, from the departures recorded to it; `nil` for other sites. The store
    /// fills it in, as it alone reads departures by destination.
    public var occupancy: TransitCentreOccupancy?

    /// - Parameters:
    ///   - operation: the site's latest operation by the day asked, whose baseline is the count to start from.
    public init(site: Site, asOf: Day, censuses: [Census], departures: [Departure], operation: EvacuationOperation? = nil) {
        self.site = site
        self.asOf = asOf
        let known = censuses.filter { $0.date <= asOf }
        let latest = Census.latest(known)
        if let operation, operation.baselineDate <= asOf {
            residents = operation.baselineResidents
            censusDate = operation.baselineDate
            isOperationBaseline = true
            censusesUnlikeBaseline = operation.censusesUnlikeBaseline(among: known)
        } else {
            let ofDay = known.filter { $0.date == latest?.date }.sorted { $0.organisation < $1.organisation }
            let differ = Set(ofDay.map(\.residents)).count > 1
            residents = differ ? nil : latest?.residents
            censusDate = latest?.date
            censusesUnlikeBaseline = differ ? ofDay : []
        }
        let since = censusDate
        let counted = departures.filter { departure in departure.day <= asOf && since.map { departure.day > $0 } ?? true }
        let left = counted.reduce(0) { $0 + $1.persons }
        self.left = left
        remaining = residents.map { max(0, $0 - left) }
        // Of the residents counted, never above all of them: those beyond the count are said apart (``beyondCount``), as
        // the sites' total counts them out of its share.
        leftPercent = residents.flatMap { Percent(min(left, $0), of: $0) }
        self.censuses = Census.latestByOrganisation(known)
        departuresByWeek = Dictionary(grouping: counted) { $0.day.weekStart }
            .map { Group(key: $0.key.description, persons: $0.value.reduce(0) { $0 + $1.persons }) }
            .sorted { $0.key < $1.key }
        departuresByDestination = Dictionary(grouping: counted) { $0.destination ?? "" }
            .map { Group(key: $0.key, persons: $0.value.reduce(0) { $0 + $1.persons }) }
            .sorted { ($0.persons, $1.key) > ($1.persons, $0.key) }
    }
}

extension SiteStanding: Encodable {
    enum CodingKeys: String, CodingKey {
        case code, name, kind, admin, residents, left, remaining, censuses
        case asOf = "as_of"
        case censusDate = "census_date"
        case beyondCount = "beyond_count"
        case isOperationBaseline = "baseline_from_operation"
        case censusesUnlikeBaseline = "censuses_unlike_baseline"
        case residentsDiffer = "residents_differ"
        case censusesAfterBaseline = "censuses_after_baseline"
        case leftPercent = "left_percent"
        case departuresByWeek = "departures_by_week"
        case departuresByDestination = "departures_by_destination"
        case occupancy
    }

    /// A transit centre's occupancy up to the day asked, as the API gives it.
    private struct Occupancy: Encodable {
        struct Peak: Encodable { var day: Day; var persons: Int }
        struct Arrivals: Encodable { var site: String; var persons: Int }
        var capacity: Int
        var stayHours: Int
        var arrived: Int
        var estimatedPersons: Int
        var peak: Peak?
        var overCapacity: [TransitCentreOccupancy.Spell]
        var arrivalsBySite: [Arrivals]

        init(_ o: TransitCentreOccupancy, asOf: Day) {
            capacity = o.capacity
            stayHours = o.centre.stayHours ?? Site.defaultStayHours
            arrived = o.arrived(through: asOf)
            estimatedPersons = o.persons(on: asOf)
            peak = o.peak(through: asOf).map { Peak(day: $0.day, persons: $0.persons) }
            overCapacity = o.spellsOverCapacity(through: asOf)
            arrivalsBySite = o.arrivedBySite(through: asOf).map { Arrivals(site: $0.key, persons: $0.persons) }
        }

        enum CodingKeys: String, CodingKey {
            case capacity, arrived, peak
            case stayHours = "stay_hours", estimatedPersons = "estimated_persons", overCapacity = "over_capacity", arrivalsBySite = "arrivals_by_site"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(capacity, forKey: .capacity)
            try c.encode(stayHours, forKey: .stayHours)
            try c.encode(arrived, forKey: .arrived)
            try c.encode(estimatedPersons, forKey: .estimatedPersons)
            try c.encode(peak, forKey: .peak)
            try c.encode(overCapacity, forKey: .overCapacity)
            try c.encode(arrivalsBySite, forKey: .arrivalsBySite)
        }
    }

    private struct Week: Encodable { var week: String; var persons: Int }
    /// Where people went; `null`, not left out, where departures gave no destination (the contract's key is always there).
    private struct Destination: Encodable {
        var destination: String?
        var persons: Int

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(destination, forKey: .destination)
            try c.encode(persons, forKey: .persons)
        }

        enum CodingKeys: String, CodingKey { case destination, persons }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(site.code, forKey: .code)
        try c.encode(site.name, forKey: .name)
        try c.encode(site.kind, forKey: .kind)
        try c.encode(site.admin, forKey: .admin)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(residents, forKey: .residents)
        try c.encode(censusDate, forKey: .censusDate)
        try c.encode(left, forKey: .left)
        try c.encode(remaining, forKey: .remaining)
        try c.encode(beyondCount, forKey: .beyondCount)
        try c.encode(isOperationBaseline, forKey: .isOperationBaseline)
        try c.encode(censusesUnlikeBaseline, forKey: .censusesUnlikeBaseline)
        try c.encode(residentsDiffer, forKey: .residentsDiffer)
        try c.encode(leftPercent, forKey: .leftPercent)
        try c.encode(censuses, forKey: .censuses)
        try c.encode(censusesAfterBaseline, forKey: .censusesAfterBaseline)
        try c.encode(departuresByWeek.map { Week(week: $0.key, persons: $0.persons) }, forKey: .departuresByWeek)
        try c.encode(departuresByDestination.map { Destination(destination: $0.key.isEmpty ? nil : $0.key, persons: $0.persons) },
                     forKey: .departuresByDestination)
        try c.encode(occupancy.map { Occupancy($0, asOf: asOf) }, forKey: .occupancy)
    }
}

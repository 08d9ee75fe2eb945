/// An evacuation of one site, planned in cycles from a baseline census: what the centre committed to.
public struct EvacuationOperation: Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Sendable, Codable, ClosedSet {
        case planned
        case underWay = "under-way"
        case completed
        case suspended
    }

    /// `0` until stored.
    public var id: Int
    public var site: String
    /// The census the operation counts from: its date and residents.
    public var baselineDate: Day
    public var baselineResidents: Int
    public var start: Day
    public var perCycle: Int
    public var cycleDays: Int
    /// Transit centres' codes.
    public var via: [String]

    /// The censuses of its baseline's day that read otherwise than the baseline (a correction it could not follow, another
    /// organisation's count), by organisation: the site's standing and the operation's progress both name them.
    public func censusesUnlikeBaseline(among censuses: [Census]) -> [Census] {
        censuses.filter { $0.date == baselineDate && $0.residents != baselineResidents }.sorted { $0.organisation < $1.organisation }
    }
    public var deadline: Day?
    public var status: Status

    /// The site's later operation that took it over by `day` (from its own baseline): this one's status is then history,
    /// and it moves no one through its centres. The earliest such, where several followed.
    public func successor(among operations: [EvacuationOperation], by day: Day) -> EvacuationOperation? {
        operations.filter { $0.site == site && $0.baselineDate > baselineDate && $0.baselineDate <= day }.min { $0.baselineDate < $1.baselineDate }
    }

    public init(id: Int = 0, site: String, baselineDate: Day, baselineResidents: Int, start: Day, perCycle: Int, cycleDays: Int,
                via: [String] = [], deadline: Day? = nil, status: Status = .planned) {
        self.id = id
        self.site = site
        self.baselineDate = baselineDate
        self.baselineResidents = baselineResidents
        self.start = start
        self.perCycle = perCycle
        self.cycleDays = cycleDays
        self.via = via
        self.deadline = deadline
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, site, start, via, deadline, status
        case baselineDate = "baseline_date"
        case baselineResidents = "baseline_residents"
        case perCycle = "per_cycle"
        case cycleDays = "cycle_days"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(site, forKey: .site)
        try c.encode(baselineDate, forKey: .baselineDate)
        try c.encode(baselineResidents, forKey: .baselineResidents)
        try c.encode(start, forKey: .start)
        try c.encode(perCycle, forKey: .perCycle)
        try c.encode(cycleDays, forKey: .cycleDays)
        try c.encode(via, forKey: .via)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(status, forKey: .status)
    }
}

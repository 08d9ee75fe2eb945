extension EvacuationPlan: Encodable {
    enum CodingKeys: String, CodingKey {
        case site, remaining, start, cycles, end, days, deadline, feasible, arrivals, schedule
        case perCycle = "per_cycle"
        case cycleDays = "cycle_days"
        case stayHours = "stay_hours"
        case neededPerCycle = "needed_per_cycle"
        case transitPlacesNeeded = "transit_places_needed"
        case transitPlacesAvailable = "transit_places_available"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(question.remaining, forKey: .remaining)
        try c.encode(question.perCycle, forKey: .perCycle)
        try c.encode(question.cycleDays, forKey: .cycleDays)
        try c.encode(question.start, forKey: .start)
        try c.encode(cycleCount, forKey: .cycles)
        try c.encode(end, forKey: .end)
        try c.encode(days, forKey: .days)
        try c.encode(question.deadline, forKey: .deadline)
        try c.encode(feasible, forKey: .feasible)
        try c.encode(neededPerCycle, forKey: .neededPerCycle)
        try c.encode(question.arrivals, forKey: .arrivals)
        try c.encode(question.stayHours, forKey: .stayHours)
        try c.encode(transitPlacesNeeded, forKey: .transitPlacesNeeded)
        try c.encode(question.transitPlaces, forKey: .transitPlacesAvailable)
        try c.encode(schedule, forKey: .schedule)
    }
}

/// A plan for one site, as `homeward evacuations plan` and `GET /api/v1/evacuations/plan` answer it.
public struct SitePlan: Encodable, Sendable {
    public var site: String
    public var plan: EvacuationPlan
    /// The plan's transit centres that other sites' operations, not completed, go through too: the places the plan counts
    /// are each centre's whole capacity, not what those operations leave free.
    public var sharedCentres: [SharedCentre]

    /// A transit centre, and the operations of other sites that go through it.
    public struct SharedCentre: Encodable, Sendable, Equatable {
        public var centre: String
        public var operations: [Int]

        public init(centre: String, operations: [Int]) {
            self.centre = centre
            self.operations = operations
        }
    }

    public init(site: String, plan: EvacuationPlan, sharedCentres: [SharedCentre] = []) {
        self.site = site
        self.plan = plan
        self.sharedCentres = sharedCentres
    }

    enum CodingKeys: String, CodingKey { case site, sharedCentres = "centres_shared" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(site, forKey: .site)
        try c.encode(sharedCentres, forKey: .sharedCentres)
        try plan.encode(to: encoder)
    }
}

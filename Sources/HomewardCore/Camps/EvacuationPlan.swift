/// How an evacuation at a steady pace unfolds: its cycles, its end, whether it meets a deadline, and the
/// transit places it needs. A pure function of the numbers, so that a plan can be argued over before it is stored.
public struct EvacuationPlan: Hashable, Sendable {
    /// How arrivals reach the transit centres within a cycle.
    public enum Arrivals: String, CaseIterable, Sendable, Codable {
        /// The cycle's persons arrive in equal daily groups.
        case spread
        /// The whole cycle arrives on its first day, in one convoy.
        case convoy
    }

    /// One cycle: from `start` to `end`, inclusive, moving `persons`.
    public struct Cycle: Hashable, Sendable, Codable {
        public var cycle: Int
        public var start: Day
        public var end: Day
        public var persons: Int
    }

    /// What a plan is asked.
    public struct Question: Hashable, Sendable {
        public var remaining: Int
        public var perCycle: Int
        public var cycleDays: Int
        /// The first day of the first cycle.
        public var start: Day
        /// The last day on which people may still leave, inclusive.
        public var deadline: Day?
        /// The summed capacity of the transit centres used, `nil` when none is named.
        public var transitPlaces: Int?
        /// The longest usual stay among those centres, in hours.
        public var stayHours: Int
        public var arrivals: Arrivals

        public init(remaining: Int, perCycle: Int, cycleDays: Int, start: Day, deadline: Day? = nil, transitPlaces: Int? = nil,
                    stayHours: Int = Site.defaultStayHours, arrivals: Arrivals = .spread) {
            self.remaining = remaining
            self.perCycle = perCycle
            self.cycleDays = cycleDays
            self.start = start
            self.deadline = deadline
            self.transitPlaces = transitPlaces
            self.stayHours = stayHours
            self.arrivals = arrivals
        }
    }

    /// The most cycles a plan lists: a real operation moves its camp in tens of cycles, and a plan of a million cycles
    /// (ten million residents at one a day) would take a server's memory to write out. ``EvacuationRules`` refuses more.
    public static let maximumCycles = 1_000

    public let question: Question
    /// How many cycles the plan takes.
    public let cycleCount: Int
    /// The cycles, the first ``maximumCycles`` of them at most.
    public let schedule: [Cycle]
    /// The last day of the last cycle; `nil` when nobody remains.
    public let end: Day?
    /// Cycles × days per cycle.
    public let days: Int
    /// Whether the last cycle ends by the deadline; `nil` without one.
    public let feasible: Bool?
    /// The smallest whole number of persons per cycle whose cycles all end by the deadline; `nil` without a
    /// deadline, or when not even one whole cycle fits before it.
    public let neededPerCycle: Int?
    /// Persons in the transit centres at the busiest moment.
    public let transitPlacesNeeded: Int

    /// - Precondition: `perCycle` and `cycleDays` are positive and `remaining` is not negative (``EvacuationRules`` checks input).
    public init(_ question: Question) {
        precondition(question.perCycle > 0 && question.cycleDays > 0 && question.remaining >= 0)
        self.question = question
        let q = question
        let count = (q.remaining + q.perCycle - 1) / q.perCycle
        cycleCount = count
        schedule = (0 ..< min(count, Self.maximumCycles)).map { index in
            Cycle(cycle: index + 1, start: q.start.adding(days: index * q.cycleDays), end: q.start.adding(days: (index + 1) * q.cycleDays - 1),
                  persons: index == count - 1 ? q.remaining - index * q.perCycle : q.perCycle)
        }
        end = count == 0 ? nil : q.start.adding(days: count * q.cycleDays - 1)
        days = count * q.cycleDays
        if let deadline = q.deadline {
            feasible = end.map { $0 <= deadline } ?? true
            let wholeCycles = (deadline.number - q.start.number + 1) / q.cycleDays
            neededPerCycle = wholeCycles > 0 ? (q.remaining + wholeCycles - 1) / wholeCycles : (q.remaining == 0 ? 0 : nil)
        } else {
            feasible = nil
            neededPerCycle = nil
        }
        // Never more than there are people to move: a stay longer than the whole plan holds everyone, no more.
        transitPlacesNeeded = min(max(q.remaining, 0), Self.peak(perCycle: min(q.perCycle, max(q.remaining, 0)), cycleDays: q.cycleDays,
                                                                 stayHours: q.stayHours, arrivals: q.arrivals))
    }

    /// Whether the named centres hold the peak; `nil` when no centre is named.
    public var transitPlacesSuffice: Bool? { question.transitPlaces.map { $0 >= transitPlacesNeeded } }

    /// Persons present at once: each day's (or each convoy's) arrivals times the days they stay, where stays overlap.
    static func peak(perCycle: Int, cycleDays: Int, stayHours: Int, arrivals: Arrivals) -> Int {
        let stayDays = max(1, (stayHours + 23) / 24)
        switch arrivals {
        case .spread:
            // Arrivals run on from one cycle into the next, so each day's group overlaps the stays of the days before. A cycle's
            // persons split as evenly as whole persons go (1,000 in 3 days: 334, 333, 333), the larger days together at worst:
            // a stay as long as a cycle holds one cycle's persons, not three days of the largest (1,002).
            let (each, larger) = perCycle.quotientAndRemainder(dividingBy: cycleDays)
            let (cycles, days) = stayDays.quotientAndRemainder(dividingBy: cycleDays)
            return cycles * perCycle + min(days, larger) * (each + 1) + max(0, days - larger) * each
        case .convoy:
            // Convoys arrive every cycle; a stay longer than a cycle keeps earlier convoys in.
            return perCycle * ((stayDays + cycleDays - 1) / cycleDays)
        }
    }
}

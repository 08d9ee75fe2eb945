/// A stored operation against what happened: planned and actual departures per cycle, ahead or behind,
/// and the end forecast at the pace actually seen beside the planned end.
public struct EvacuationProgress: Sendable {
    /// One cycle of the plan with the departures that fell in it.
    public struct CycleProgress: Hashable, Sendable, Encodable {
        public var cycle: Int
        public var start: Day
        public var end: Day
        public var planned: Int
        public var actual: Int
        /// Whether the cycle had begun or ended by the day asked: a cycle not begun has no actual figure yet, one under way
        /// only what has left so far, and neither's 0 reads as "nobody left".
        public var state: State

        public enum State: String, Sendable, Encodable {
            case notBegun = "not-begun", underWay = "under-way", ended
        }
    }

    /// How many days of departures the forecast pace is taken from, at most: fewer in an operation's first days.
    public static let paceWindowDays = 14

    public let operation: EvacuationOperation
    public let asOf: Day
    public let plan: EvacuationPlan
    public let cycles: [CycleProgress]
    /// Persons who left after the baseline and before the first cycle began, and after the last one ended: in no cycle,
    /// whose dates would say otherwise, and said apart.
    public let beforePlan: Int, afterPlan: Int
    /// Persons who left after the baseline, up to the day asked (and up to the next operation's baseline on the site, or
    /// the day the operation was completed).
    public let left: Int
    /// The baseline less those who left; never below zero.
    public let remaining: Int
    public let leftPercent: Percent?
    /// Persons the plan had moved in the cycles that ended by the day asked (no cycle counts in part).
    public let plannedByNow: Int
    /// The day ``ahead`` is measured at: the end of the last cycle that ended by the day asked while a cycle is under way
    /// (the plan counts a cycle only once it ends), the day asked once every cycle has; `nil` before the first ends.
    public let plannedThrough: Day?
    /// Those who had left by ``plannedThrough`` less ``plannedByNow``: ahead when positive, behind when negative, both
    /// sides counted to the same day (a cycle under way counts on neither); 0 before the first cycle ends.
    public let ahead: Int
    /// The last day whose departures count for the operation: the day asked, or the next operation's baseline or the day
    /// it was completed if earlier.
    public let lastCountedDay: Day
    /// The day the site's next operation took it over (its baseline), when that was by the day asked: the plan, the pace and
    /// the forecast then stand as they were on that day, and nothing after it is this operation's, nor behind it.
    public var takenOver: Day? { Self.takenOver(nextBaseline, asOf: asOf) }
    private static func takenOver(_ nextBaseline: Day?, asOf: Day) -> Day? { nextBaseline.flatMap { $0 <= asOf ? $0 : nil } }
    /// The baseline of the site's next operation, if one followed.
    public let nextBaseline: Day?
    /// Persons who left in the last ``paceDays`` days up to the day asked.
    public let recentPersons: Int
    /// The days the pace is taken from: the last ``paceWindowDays`` up to the day asked, but none before the
    /// operation's start, whose days before it would slow the pace of an operation only days old; 0 before the start.
    public let paceDays: Int
    /// When the last person would leave at the recent pace; `nil` when nobody left recently (never, at that pace), for an
    /// operation completed or suspended (nobody is moved under it, whatever the count says), and for one taken over (the
    /// later operation moves the rest). When nobody remains, the day the last left.
    public let forecastEnd: Day?
    /// Persons recorded leaving the site after the day the operation was completed, up to the day asked: the site's own
    /// figures count them, the operation's do not, and a reader of both must be told. 0 once a later operation took the site
    /// over: the site counts from that one's baseline then, and neither counts them.
    public let leftAfterCompletion: Int
    /// Marked completed while people are still counted as there: the status or the departures recorded need a look.
    public var completedWithRemaining: Bool { operation.status == .completed && remaining > 0 && takenOver == nil }
    /// How the operation's status changed, oldest first; the store fills it in.
    public var statusChanges: [EvacuationStatusChange] = []
    /// Censuses of the baseline's day, as they stand now, that read otherwise than the baseline (one corrected since the
    /// operation was planned that it could not follow, another organisation's count): the operation keeps its baseline, and a reader of its figures
    /// must see that a count of that day says otherwise. The store fills it in.
    public var censusesUnlikeBaseline: [Census] = []
    /// Each organisation's latest census taken after the baseline, up to the last day that counts for the operation: its
    /// figures still count from the baseline, and a newer count may say otherwise (4,200 counted where 3,500 remain by the
    /// departures). The store fills it in.
    public var censusesAfterBaseline: [Census] = []
    /// Its centres estimated above their capacity since it began (``centres(overCapacityIn:)``); the store fills it in.
    public var centresOverCapacity: [CentreOverCapacity] = []
    /// The last day a centre's overload is this operation's: the last counted day; for one recorded completed without the
    /// day it ended, the day its last departure left, not every later day of another site's departures.
    let lastDayOfCentres: Day

    /// - Parameters:
    ///   - departures: the site's departures; those on or before the baseline date are not counted.
    ///   - nextBaseline: the baseline date of the site's next operation, if one followed: departures after it are the
    ///     next operation's, counted against its baseline, not this one's.
    ///   - completedOn: the day the operation was marked completed, where it was by the day asked: departures recorded
    ///     after it are kept, with a warning when they come in, and count in no progress of it (nobody leaves under an
    ///     operation that has ended).
    public init(operation: EvacuationOperation, departures: [Departure], asOf: Day, nextBaseline: Day? = nil, completedOn: Day? = nil,
                transitPlaces: Int? = nil, stayHours: Int = Site.defaultStayHours) {
        self.operation = operation
        self.asOf = asOf
        self.nextBaseline = nextBaseline
        let plan = EvacuationPlan(.init(remaining: operation.baselineResidents, perCycle: operation.perCycle, cycleDays: operation.cycleDays,
                                    start: operation.start, deadline: operation.deadline, transitPlaces: transitPlaces, stayHours: stayHours))
        self.plan = plan
        let lastDay = min(asOf, nextBaseline ?? asOf, completedOn ?? asOf)
        lastCountedDay = lastDay
        let counted = departures.filter { $0.day > operation.baselineDate && $0.day <= lastDay }
        // Each in the cycle of its day; those before the first or after the last apart.
        var actual = [Int](repeating: 0, count: plan.schedule.count), before = 0, after = 0
        for departure in counted {
            let index = (departure.day.number - operation.start.number).quotientRoundingDown(by: operation.cycleDays)
            if index < 0 { before += departure.persons } else if index >= actual.count { after += departure.persons } else { actual[index] += departure.persons }
        }
        (beforePlan, afterPlan) = (before, after)
        // Completed, no cycle is under way or yet to begin: what its cycles hold is all they will.
        cycles = zip(plan.schedule, actual).map { cycle, actual in
            CycleProgress(cycle: cycle.cycle, start: cycle.start, end: cycle.end, planned: cycle.persons, actual: actual,
                          state: completedOn != nil ? .ended : cycle.start > asOf ? .notBegun : cycle.end >= asOf ? .underWay : .ended)
        }
        let left = counted.reduce(0) { $0 + $1.persons }
        self.left = left
        leftAfterCompletion = Self.takenOver(nextBaseline, asOf: asOf) != nil ? 0 : completedOn.map { ended in
            departures.filter { $0.day > max(ended, operation.baselineDate) && $0.day <= asOf }.reduce(0) { $0 + $1.persons }
        } ?? 0
        lastDayOfCentres = operation.status == .completed && completedOn == nil ? min(lastDay, counted.map(\.day).max() ?? operation.start) : lastDay
        let remaining = max(0, operation.baselineResidents - left)
        self.remaining = remaining
        leftPercent = Percent(left, of: operation.baselineResidents)
        // Taken over by a later operation, it is measured as it stood that day.
        let ended = plan.schedule.filter { $0.end <= lastDay }
        let planned = ended.reduce(0) { $0 + $1.persons }
        let through = ended.count == plan.cycleCount && !ended.isEmpty ? lastDay : ended.last?.end
        plannedByNow = planned
        plannedThrough = through
        ahead = through.map { day in counted.filter { $0.day <= day }.reduce(0) { $0 + $1.persons } - planned } ?? 0
        let windowStart = max(lastDay.adding(days: 1 - Self.paceWindowDays), operation.start)
        let paceDays = max(0, lastDay.number - windowStart.number + 1)
        self.paceDays = paceDays
        let recentPersons = paceDays == 0 ? 0 : counted.filter { $0.day >= windowStart }.reduce(0) { $0 + $1.persons }
        self.recentPersons = recentPersons
        if remaining == 0 {
            forecastEnd = counted.map(\.day).max() ?? operation.baselineDate
        } else if operation.status == .completed || operation.status == .suspended || Self.takenOver(nextBaseline, asOf: asOf) != nil {
            // Nobody is moved while suspended, and a later operation carries the rest: a pace from before says nothing.
            forecastEnd = nil
        } else if recentPersons > 0 {
            let days = (remaining * paceDays + recentPersons - 1) / recentPersons
            forecastEnd = lastDay.adding(days: days)
        } else {
            forecastEnd = nil
        }
    }
}

extension Int {
    /// Division that rounds towards minus infinity, so that a day before the start falls in cycle -1, not 0.
    func quotientRoundingDown(by divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}

/// How many people a transit centre has held, day by day, estimated from the departures recorded to it and its
/// usual stay: nobody reports who sleeps in a centre each night, but the sites that send people there report their
/// departures, and a centre over its capacity must be seen while an evacuation runs, not only in its plan.
///
/// An estimate, and every reader is told so. A departure over several days is spread evenly over them; everyone
/// stays the centre's usual stay rounded up to whole days, as ``EvacuationPlan`` assumes. Departures from every site
/// and organisation are summed, as a site's own standing sums them.
public struct TransitCentreOccupancy: Sendable {
    /// Days in a row on which the estimate was above the centre's capacity.
    public struct Spell: Hashable, Sendable, Encodable {
        public var first: Day
        public var last: Day
        public var peak: Int
        public var peakDay: Day

        public var days: Int { last.number - first.number + 1 }

        enum CodingKeys: String, CodingKey { case first, last, days, peak, peakDay = "peak_day" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(first, forKey: .first)
            try c.encode(last, forKey: .last)
            try c.encode(days, forKey: .days)
            try c.encode(peak, forKey: .peak)
            try c.encode(peakDay, forKey: .peakDay)
        }
    }

    public let centre: Site
    public let capacity: Int
    /// The usual stay in whole days, at least one.
    public let stayDays: Int
    /// Persons arriving, by day number.
    private var arrivals: [Int: Int] = [:]
    /// The departures counted, by key, so that a corrected one replaces its earlier version.
    private var counted: [String: Departure] = [:]

    /// - Parameter departures: any departures; those whose destination is the centre are counted.
    public init(centre: Site, departures: some Sequence<Departure>) {
        self.centre = centre
        capacity = centre.capacity ?? 0
        stayDays = Self.stayDays(hours: centre.stayHours ?? Site.defaultStayHours)
        for departure in departures where departure.destination == centre.code { count(departure, key: departure.key) }
    }

    /// Whole days of a stay in hours, as a plan counts them: 48 hours are 2 days, 50 are 3.
    static func stayDays(hours: Int) -> Int { max(1, (hours + 23) / 24) }

    /// The keys of the departures counted.
    public var keys: Dictionary<String, Departure>.Keys { counted.keys }

    /// Counts a departure to the centre, replacing an earlier version of it (one with the same `key`, its
    /// ``Departure/key``, worked out once by the caller).
    ///
    /// - Returns: the busiest day, among those the departure's arrivals stay on, that it takes above the centre's
    ///   capacity or further above it; `nil` when it does not (an unchanged row again, a correction down, a day with room).
    @discardableResult
    public mutating func count(_ departure: Departure, key: String) -> (day: Day, persons: Int)? {
        precondition(departure.destination == centre.code)
        let days = departure.period.start.number ... departure.period.end.number + stayDays - 1
        let before = persons(over: days)
        if let earlier = counted.removeValue(forKey: key) { add(earlier, sign: -1) }
        counted[key] = departure
        add(departure, sign: 1)
        var busiest: (day: Day, persons: Int)?
        for (offset, persons) in persons(over: days).enumerated() where persons > capacity && persons > before[offset] {
            if persons > busiest?.persons ?? 0 { busiest = (Day(number: days.lowerBound + offset), persons) }
        }
        return busiest
    }

    /// Takes out a departure counted before, whose correction now goes elsewhere.
    public mutating func remove(key: String) {
        if let earlier = counted.removeValue(forKey: key) { add(earlier, sign: -1) }
    }

    private mutating func add(_ departure: Departure, sign: Int) {
        let first = departure.period.start.number, days = departure.period.end.number - first + 1
        let each = departure.persons / days, extra = departure.persons % days
        for offset in 0 ..< days {
            let total = arrivals[first + offset, default: 0] + sign * (each + (offset < extra ? 1 : 0))
            arrivals[first + offset] = total == 0 ? nil : total
        }
    }

    /// Of a departure's persons, those arrived by a day, spread as ``add(_:sign:)`` spreads them.
    private static func arrived(_ departure: Departure, through day: Day) -> Int {
        let days = departure.period.end.number - departure.period.start.number + 1
        let within = min(max(day.number - departure.period.start.number + 1, 0), days)
        return departure.persons / days * within + min(departure.persons % days, within)
    }

    /// Persons estimated in the centre on a day: those who arrived on it and on the days before it within a stay.
    public func persons(on day: Day) -> Int { persons(over: day.number ... day.number)[0] }

    /// Persons in the centre on each of the days, by a sum over the stay that slides from one day to the next: a
    /// long stay costs one step a day, not one per day of it.
    private func persons(over days: ClosedRange<Int>) -> [Int] {
        var sum = (days.lowerBound - stayDays + 1 ... days.lowerBound).reduce(0) { $0 + (arrivals[$1] ?? 0) }
        var persons = [sum]
        persons.reserveCapacity(days.count)
        for day in days.dropFirst() {
            sum += (arrivals[day] ?? 0) - (arrivals[day - stayDays] ?? 0)
            persons.append(sum)
        }
        return persons
    }

    /// Persons who arrived up to a day.
    public func arrived(through day: Day) -> Int {
        arrivals.reduce(0) { $0 + ($1.key <= day.number ? $1.value : 0) }
    }

    /// Persons who arrived up to a day, by the site they left, the most first.
    public func arrivedBySite(through day: Day) -> [SiteStanding.Group] {
        var persons: [String: Int] = [:]
        for departure in counted.values where departure.period.start <= day {
            persons[departure.site, default: 0] += Self.arrived(departure, through: day)
        }
        return persons.map { SiteStanding.Group(key: $0.key, persons: $0.value) }.sorted { ($0.persons, $1.key) > ($1.persons, $0.key) }
    }

    /// The days people were in the centre up to a day, first to last; `nil` when nobody arrived by then.
    private func occupiedDays(through day: Day) -> ClosedRange<Int>? {
        guard let first = arrivals.keys.min(), first <= day.number, let lastArrival = arrivals.keys.max() else { return nil }
        return first ... min(day.number, lastArrival + stayDays - 1)
    }

    /// The busiest day up to a day, the earliest of equals; `nil` when nobody arrived by then.
    public func peak(through day: Day) -> (day: Day, persons: Int)? {
        guard let days = occupiedDays(through: day) else { return nil }
        var best: (day: Day, persons: Int)?
        for (offset, persons) in persons(over: days).enumerated() where persons > best?.persons ?? 0 {
            best = (Day(number: days.lowerBound + offset), persons)
        }
        return best
    }

    /// The spells above capacity up to a day, oldest first.
    public func spellsOverCapacity(through day: Day) -> [Spell] {
        guard let days = occupiedDays(through: day) else { return [] }
        return spells(in: days)
    }

    /// The busiest day above capacity among the days given, the earliest of equals; `nil` when the centre held its
    /// capacity on all of them.
    public func overCapacity(on days: ClosedRange<Day>) -> (day: Day, persons: Int)? {
        spells(in: days.lowerBound.number ... days.upperBound.number)
            .reduce(nil) { best, spell in spell.peak > best?.persons ?? 0 ? (spell.peakDay, spell.peak) : best }
    }

    private func spells(in days: ClosedRange<Int>) -> [Spell] {
        var spells: [Spell] = []
        var open: Spell?
        for (offset, persons) in persons(over: days).enumerated() {
            let day = Day(number: days.lowerBound + offset)
            guard persons > capacity else {
                if let spell = open { spells.append(spell); open = nil }
                continue
            }
            if var spell = open {
                spell.last = day
                if persons > spell.peak { spell.peak = persons; spell.peakDay = day }
                open = spell
            } else {
                open = Spell(first: day, last: day, peak: persons, peakDay: day)
            }
        }
        if let spell = open { spells.append(spell) }
        return spells
    }
}

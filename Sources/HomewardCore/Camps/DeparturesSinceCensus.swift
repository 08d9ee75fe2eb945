/// A site's departures since its latest census, each reporting organisation's apart, against the residents that
/// census counted: the check of departures from a site that no evacuation operation gives a baseline.
///
/// A warning, not a refusal as against a baseline: a census is one organisation's count on one day, and people
/// arrive after it. Organisations are not summed together (two may report the same people leaving), so each
/// one's departures are held to the census on their own, whoever took it.
public struct DeparturesSinceCensus: Sendable {
    /// The census departures since are held to: the largest of the latest day's (``Census/largestOfLatestDay(_:)``).
    public let census: Census
    /// Persons per departure key, per reporting organisation, of the departures after the census date.
    public private(set) var counted: [String: [String: Int]] = [:]
    /// The organisations already warned of in this import: the rows after the first beyond say nothing new.
    private var warned: Set<String> = []

    /// - Parameter departures: those already recorded from the census's site; the ones after its date are counted.
    public init(census: Census, departures: some Sequence<Departure>) {
        self.census = census
        for departure in departures where departure.site == census.site && departure.day > census.date {
            counted[departure.organisation, default: [:]][departure.key] = departure.persons
        }
    }

    /// Counts a departure from the census's site, replacing an earlier version of it (the same `key`, its
    /// ``Departure/key``); the warning when its organisation's departures since the census then come to more than the
    /// census counted, once per organisation (an import's later rows would each repeat it with a larger total), and never
    /// for a 0, which takes a departure back.
    public mutating func count(_ departure: Departure, key: String) -> Message? {
        guard departure.day > census.date else { return nil }
        counted[departure.organisation, default: [:]][key] = departure.persons
        let total = counted[departure.organisation, default: [:]].values.reduce(0, +)
        guard departure.persons > 0, total > census.residents, warned.insert(departure.organisation).inserted else { return nil }
        return Message("import.departures.beyondCensus", [
            "site": .code(census.site), "organisation": .text(departure.organisation), "total": .count(total),
            "counter": .text(census.organisation), "date": .day(census.date), "residents": .count(census.residents)])
    }
}

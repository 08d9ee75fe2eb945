/// People who left a site on a day, or over a period, with where they went when known.
///
/// A departure is not a return: people often go to a transit centre first, and the return is recorded
/// when it is reported, in the returns ledger.
public struct Departure: Hashable, Sendable, Codable {
    public var site: String
    public var period: Period
    public var persons: Int
    /// A site's code (a transit centre) or an area's P-code; `nil` when not known.
    public var destination: String?
    public var organisation: String
    /// The reporter's own id (`#meta+id`): the same id again corrects the departure instead of adding one.
    public var externalId: String?

    public init(site: String, period: Period, persons: Int, destination: String? = nil, organisation: String, externalId: String? = nil) {
        self.site = site
        self.period = period
        self.persons = persons
        self.destination = destination
        self.organisation = organisation
        self.externalId = externalId
    }

    /// Who a departure is to the ledger: the reporter's id when it has one, else everything but its count,
    /// so that the same row imported again corrects it instead of adding to it.
    public var key: String {
        if let externalId { return StableDigest.hex(["departure-id", organisation, site, externalId]) }
        return StableDigest.hex(["departure", organisation, site, period.start.description, period.end.description, destination ?? ""])
    }

    /// The day a departure counts on: the last of its period, when everyone in it had left.
    public var day: Day { period.end }

    enum CodingKeys: String, CodingKey {
        case site, start, end, persons, destination, organisation
        case externalId = "id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        site = try c.decode(String.self, forKey: .site)
        period = Period(start: try c.decode(Day.self, forKey: .start), end: try c.decode(Day.self, forKey: .end))
        persons = try c.decode(Int.self, forKey: .persons)
        destination = try c.decodeIfPresent(String.self, forKey: .destination)
        organisation = try c.decode(String.self, forKey: .organisation)
        externalId = try c.decodeIfPresent(String.self, forKey: .externalId)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(site, forKey: .site)
        try c.encode(period.start, forKey: .start)
        try c.encode(period.end, forKey: .end)
        try c.encode(persons, forKey: .persons)
        try c.encode(destination, forKey: .destination)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(externalId, forKey: .externalId)
    }
}

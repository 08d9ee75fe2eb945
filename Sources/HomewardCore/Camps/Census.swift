/// A site's residents on a date as one organisation counted them. Censuses of different organisations
/// are kept side by side, never merged: they disagree, and the difference is information.
public struct Census: Hashable, Sendable, Codable {
    public var site: String
    public var date: Day
    public var residents: Int
    public var households: Int?
    public var organisation: String

    public init(site: String, date: Day, residents: Int, households: Int? = nil, organisation: String) {
        self.site = site
        self.date = date
        self.residents = residents
        self.households = households
        self.organisation = organisation
    }

    /// Each organisation's latest census among `censuses`, newest first: side by side, never merged.
    public static func latestByOrganisation(_ censuses: [Census]) -> [Census] {
        Dictionary(grouping: censuses, by: \.organisation).values.compactMap { $0.max { $0.date < $1.date } }
            .sorted { ($0.date, $0.organisation) > ($1.date, $1.organisation) }
    }

    /// The latest of a site's censuses, whoever took it; of two on the same day, the organisation last by name, so
    /// that a site's standing and the checks of its departures count from the same one.
    /// Of the latest day's counts, the largest: what departures since are held to, so that two organisations that
    /// disagree warn of none against the larger, whoever's name sorts last.
    public static func largestOfLatestDay(_ censuses: some Sequence<Census>) -> Census? {
        let all = Array(censuses)
        guard let day = all.map(\.date).max() else { return nil }
        return all.filter { $0.date == day }.max { ($0.residents, $1.organisation) < ($1.residents, $0.organisation) }
    }

    public static func latest(_ censuses: some Sequence<Census>) -> Census? {
        censuses.max { ($0.date, $0.organisation) < ($1.date, $1.organisation) }
    }

    enum CodingKeys: String, CodingKey {
        case site, date, residents, households, organisation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(site, forKey: .site)
        try c.encode(date, forKey: .date)
        try c.encode(residents, forKey: .residents)
        try c.encode(households, forKey: .households)
        try c.encode(organisation, forKey: .organisation)
    }
}

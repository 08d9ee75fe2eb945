/// Generated facility records and aid actions for `homeward serve --demo`: plausible in shape, invented in every
/// figure, reported by an organisation whose name says so.
///
/// The same seed gives the same rows. Facilities enter restoration and some are commissioned weeks later, so
/// the stock rises and falls; roads and lines are in km to 0.1; a few commissionings have no reported start.
public struct ReconstructionGenerator: Sendable {
    /// The reporting organisation of every generated row: no real organisation's name.
    public static let organisation = "Demo data (generated, not real)"
    public static let facilityTags = ["#date", "#adm4+code", "#loc+type", "#status", "#indicator+num", "#org", "#meta+id"]
    public static let aidTags = ["#date", "#adm4+code", "#org", "#activity+type", "#indicator+tonnes+num", "#indicator+parcels+num",
                                 "#reached+ind+num", "#reached+medical+num", "#description", "#meta+id"]

    let communities: [String]
    let lastDay: Day
    let days: Int
    private var random: SplitMix64

    public init(gazetteer: Gazetteer, seed: UInt64, lastDay: Day, days: Int) {
        communities = gazetteer.areas.values.filter { $0.level == .adm4 }.map(\.pcode).sorted()
        self.lastDay = lastDay
        self.days = max(days, 30)
        random = SplitMix64(seed: seed)
    }

    /// `count` facilities, each under restoration from a day and, for about two in three, commissioned 2 to 20 weeks later
    /// (not after `lastDay`); one in twenty is commissioned with no start reported.
    public mutating func facilities(count: Int, kinds: [FacilityKind]) -> [[String]] {
        guard !communities.isEmpty, !kinds.isEmpty else { return [] }
        var rows: [[String]] = []
        for index in 0..<count {
            let place = communities[random.below(communities.count)]
            let kind = kinds[random.below(kinds.count)]
            let quantity = kind.unit == .km ? ScaledNumber.string(1 + random.below(250), decimals: 1) : String(1 + random.below(kind.code == "residential-building" ? 40 : 3))
            let start = lastDay.adding(days: -random.below(days))
            let id = "demo-f\(index)"
            if random.below(20) != 0 {
                rows.append([start.description, place, kind.code, "under-restoration", quantity, Self.organisation, id])
            }
            let done = start.adding(days: 14 + random.below(126))
            if random.below(3) != 0, done <= lastDay {
                rows.append([done.description, place, kind.code, "commissioned", quantity, Self.organisation, id])
            }
        }
        return rows
    }

    /// `count` aid actions: parcels and tonnes for humanitarian deliveries, people treated for medical ones.
    public mutating func aid(count: Int) -> [[String]] {
        guard !communities.isEmpty else { return [] }
        return (0..<count).map { index in
            let place = communities[random.below(communities.count)]
            let date = lastDay.adding(days: -random.below(days)).description
            if random.below(4) == 0 {
                return [date, place, Self.organisation, "medical", "", "", "", String(20 + random.below(400)), "Mobile clinic (demo)", "demo-a\(index)"]
            }
            let parcels = 50 + random.below(900)
            // A parcel of about 4.7 kg, as in "750 food parcels, 3.5 t".
            let kilograms = parcels * (40 + random.below(15)) / 10
            return [date, place, Self.organisation, random.below(3) == 0 ? "charitable" : "humanitarian", ScaledNumber.string(kilograms, decimals: 3),
                    String(parcels), String(parcels * (3 + random.below(4))), "", "Food parcels (demo)", "demo-a\(index)"]
        }
    }
}

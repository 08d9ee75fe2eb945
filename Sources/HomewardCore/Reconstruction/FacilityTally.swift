/// Facility quantities summed by settlement, kind, status and day: what the store reads for every figure
/// of reconstruction, so that stocks and flows are computed once, here, for both databases.
public struct FacilityTally: Hashable, Sendable {
    public var place: Lineage
    public var kind: String
    public var status: FacilityStatus
    public var day: Day
    public var tenths: Int
    /// Who reported it: the figures by organisation keep each one's records apart.
    public var organisation: String

    /// The gazetteer's finest level, whose places are settlements: work recorded for a whole district is in no settlement.
    public var settlementLevel: AdminLevel

    public init(place: Lineage, kind: String, status: FacilityStatus, day: Day, tenths: Int, organisation: String = "",
                settlementLevel: AdminLevel = .adm4) {
        self.organisation = organisation
        self.place = place
        self.kind = kind
        self.status = status
        self.day = day
        self.tenths = tenths
        self.settlementLevel = settlementLevel
    }

    /// The finest P-code given: the settlement.
    public var settlement: String { place.finest ?? "" }

    /// The places of `tallies` that are settlements (of the gazetteer's finest level), where a district or governorate is not.
    static func settlementCodes(_ tallies: [FacilityTally]) -> Set<String> {
        Set(tallies.compactMap { $0.place.level == $0.settlementLevel ? $0.place.finest : nil })
    }
}

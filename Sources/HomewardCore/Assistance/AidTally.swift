/// Aid actions summed by locality, type and organisation: what the store reads for every figure of assistance.
public struct AidTally: Hashable, Sendable {
    public var place: Lineage
    public var type: String
    public var organisation: String
    public var figures: AidFigures
    /// The gazetteer's finest level, whose places are the localities: a whole district's or governorate's aid is none.
    public var settlementLevel: AdminLevel

    public init(place: Lineage, type: String, organisation: String, figures: AidFigures, settlementLevel: AdminLevel = .adm4) {
        self.place = place
        self.type = type
        self.organisation = organisation
        self.figures = figures
        self.settlementLevel = settlementLevel
    }

    /// The locality the aid went to, `nil` when it went to a coarser area.
    public var locality: String? { place.level == settlementLevel ? place.finest : nil }
}

/// What aid actions delivered, summed: actions, distinct localities, weight, parcels, people reached and treated,
/// and how many actions gave each figure.
public struct AidFigures: Hashable, Sendable, Encodable {
    public var actions = 0
    /// Distinct localities (places of the gazetteer's finest level) among the actions summed.
    public var localities = 0
    public var kilograms = 0
    public var parcels = 0
    public var reached = 0
    public var treated = 0
    public var reportedBy = AidReporting()

    /// None: no action, every figure 0 and complete.
    public init() {}

    /// - Parameter reportedBy: how many of the actions gave each figure; a sum is only known with it.
    public init(actions: Int, localities: Int = 0, kilograms: Int = 0, parcels: Int = 0, reached: Int = 0, treated: Int = 0,
                reportedBy: AidReporting) {
        self.actions = actions
        self.localities = localities
        self.kilograms = kilograms
        self.parcels = parcels
        self.reached = reached
        self.treated = treated
        self.reportedBy = reportedBy
    }

    /// Sums tallies, counting each locality once.
    public init(_ tallies: [AidTally]) {
        for t in tallies {
            actions += t.figures.actions
            kilograms += t.figures.kilograms
            parcels += t.figures.parcels
            reached += t.figures.reached
            treated += t.figures.treated
            reportedBy = reportedBy + t.figures.reportedBy
        }
        // Aid given to a whole district or governorate is in the sums, but is no locality.
        localities = Set(tallies.compactMap(\.locality)).count
    }

    /// Tonnes as people write them: `3.5`.
    public var tonnes: String { ScaledNumber.string(kilograms, decimals: 3) }

    /// Whether the actions gave `figure` (`\.reached`, say): with no action, every figure is complete at 0.
    public func reporting(_ figure: KeyPath<AidReporting, Int>) -> AidFigureReporting {
        let given = reportedBy[keyPath: figure]
        return given >= actions ? .complete : given == 0 ? .unreported : .partly(given)
    }

    /// `value` as a table shows it, or `placeholder` (a dash, "not reported") where no action gave the figure: 0 would say none.
    public func shown(_ value: String, _ figure: KeyPath<AidReporting, Int>, unreported placeholder: String) -> String {
        reporting(figure) == .unreported ? placeholder : value
    }

    /// Whether some figure was given by none of the actions, so that a table explains its placeholder.
    public var hasUnreported: Bool {
        AidReporting.figures.contains { reporting($0) == .unreported }
    }

    enum CodingKeys: String, CodingKey {
        case actions, localities, kilograms, tonnes, parcels, reached = "people_reached", treated = "medical_treated", reportedBy = "reported_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(actions, forKey: .actions)
        try c.encode(localities, forKey: .localities)
        try c.encode(kilograms, forKey: .kilograms)
        try c.encode(ScaledNumber.double(kilograms, decimals: 3), forKey: .tonnes)
        try c.encode(parcels, forKey: .parcels)
        try c.encode(reached, forKey: .reached)
        try c.encode(treated, forKey: .treated)
        try c.encode(reportedBy, forKey: .reportedBy)
    }
}

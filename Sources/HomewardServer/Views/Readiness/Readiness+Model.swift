import HomewardCore
import HomewardStore

/// What the readiness page shows: per destination area, returns beside facilities and aid, sorted as asked.
struct ReadinessModel: Sendable {
    var report: ReadinessReport
    var demo: Bool
    /// The levels the gazetteer has areas of: a deployment whose reference data stops at districts offers no empty
    /// table of communities.
    var levels: [AdminLevel]
    /// The page's question but for its language (window, level, order), which the API route takes as the page does.
    var question: [(name: String, value: String)] = []

    static func load(stores: Stores, window: DateWindow, level: AdminLevel, order: ReadinessOrder, today: Day, demo: Bool) async throws -> ReadinessModel {
        let areas = try await stores.places.gazetteer().areas.values
        // A level the gazetteer does not have is refused by the report, so the page offers those it has.
        return ReadinessModel(report: try await stores.readiness(window, level: level, order: order, today: today), demo: demo,
                              levels: AdminLevel.allCases.filter { level in areas.contains { $0.level == level } })
    }
}

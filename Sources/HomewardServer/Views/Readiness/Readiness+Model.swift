import HomewardCore
import HomewardStore

/// What the readiness page shows: per destination area, returns beside facilities and aid, sorted as asked.
struct ReadinessModel: Sendable {
    var report: ReadinessReport
    var demo: Bool
    /// The levels the gazetteer has areas of: a deployment whose reference data stops at districts offers no empty
    /// table of communities.
    var levels: [AdminLevel]

    static func load(stores: Stores, window: DateWindow, level: AdminLevel, order: ReadinessOrder, today: Day, demo: Bool) async throws -> ReadinessModel {
        let areas = try await stores.places.gazetteer().areas.values
        let levels = AdminLevel.allCases.filter { level in areas.contains { $0.level == level } }
        return ReadinessModel(report: try await stores.readiness(window, level: level, order: order, today: today), demo: demo,
                              levels: levels.contains(level) ? levels : (levels + [level]).sorted { $0.rawValue < $1.rawValue })
    }
}

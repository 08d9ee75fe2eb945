import HomewardCore
import HomewardStore

/// What the readiness page shows: per destination area, returns beside facilities and aid, sorted as asked.
struct ReadinessModel: Sendable {
    var report: ReadinessReport
    var demo: Bool

    static func load(stores: Stores, window: DateWindow, level: AdminLevel, order: ReadinessOrder, today: Day, demo: Bool) async throws -> ReadinessModel {
        ReadinessModel(report: try await stores.readiness(window, level: level, order: order, today: today), demo: demo)
    }
}

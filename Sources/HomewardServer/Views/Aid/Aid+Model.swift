import HomewardCore
import HomewardStore

/// What the aid page shows: the aid delivered in a period, by type and by governorate.
struct AidModel: Sendable {
    var summary: AidSummary
    var demo: Bool

    /// - Parameter window: by default the 30 days up to today.
    static func load(store: AssistanceStore, window: DateWindow, today: Day, demo: Bool) async throws -> AidModel {
        let to = window.to ?? today
        let asked = DateWindow(from: window.from ?? to.adding(days: -29), to: to)
        return AidModel(summary: try await store.summary(asked, grouping: .adm1), demo: demo)
    }
}

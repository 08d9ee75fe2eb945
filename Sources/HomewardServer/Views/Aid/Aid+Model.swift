import HomewardCore
import HomewardStore

/// What the aid page shows: the aid delivered in a period, by type and by governorate.
struct AidModel: Sendable {
    var summary: AidSummary
    /// The period shown: always both ends, which the summary may leave open.
    var from: Day
    var to: Day
    var demo: Bool

    /// - Parameter window: by default the 30 days up to today.
    static func load(store: AssistanceStore, window: DateWindow, today: Day, demo: Bool) async throws -> AidModel {
        let to = window.to ?? today
        let from = window.from ?? to.adding(days: -29)
        return AidModel(summary: try await store.summary(DateWindow(from: from, to: to), grouping: .adm1), from: from, to: to, demo: demo)
    }
}

import HomewardCore
import HomewardStore

/// What the aid page shows: the aid delivered in a period, by type and by governorate.
struct AidModel: Sendable {
    var summary: AidSummary
    /// The same period by reporting organisation: who says so, each organisation's figures side by side.
    var byOrganisation: AidSummary
    /// The period shown: always both ends, which the summary may leave open.
    var from: Day
    var to: Day
    var demo: Bool

    /// - Parameter window: by default the 30 days up to today.
    static func load(store: AssistanceStore, window: DateWindow, today: Day, demo: Bool) async throws -> AidModel {
        let to = window.to ?? today
        let from = window.from ?? to.adding(days: -29)
        let window = DateWindow(from: from, to: to)
        return AidModel(summary: try await store.summary(window, grouping: .adm1), byOrganisation: try await store.summary(window, grouping: .organisation),
                        from: from, to: to, demo: demo)
    }
}

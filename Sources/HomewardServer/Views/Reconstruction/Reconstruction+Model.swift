import HomewardCore
import HomewardStore

/// What the reconstruction page shows: the stock under restoration on a day and the week's commissioning before it,
/// by kind and by governorate, as coordination statements give them.
struct ReconstructionModel: Sendable {
    var summary: ReconstructionSummary
    var demo: Bool

    /// The seven days up to `asOf` are "last week".
    static func load(store: ReconstructionStore, asOf: Day, demo: Bool) async throws -> ReconstructionModel {
        ReconstructionModel(summary: try await store.summary(asOf: asOf, from: asOf.adding(days: -6), to: asOf, grouping: .adm1), demo: demo)
    }
}

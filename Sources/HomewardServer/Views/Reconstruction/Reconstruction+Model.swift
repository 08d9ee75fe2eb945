import HomewardCore
import HomewardStore

/// What the reconstruction page shows: the stock under restoration on a day and the week's commissioning before it,
/// by kind and by governorate, as coordination statements give them.
struct ReconstructionModel: Sendable {
    var summary: ReconstructionSummary
    /// The same figures by reporting organisation, each from its own records: who says so, side by side, never merged.
    var byOrganisation: ReconstructionSummary
    /// The organisations whose records the figures count: who says so.
    var reporters: [String] = []
    var demo: Bool
    /// Whether the commissioned figures are of the seven days up to `asOf`, as by default, rather than of a period asked.
    var isLastWeek = true

    /// Commissioned in `window` where one is asked (`from`, and `to`, by default `asOf`; `to` alone, the seven days up to it),
    /// else in the seven days up to `asOf`.
    static func load(store: ReconstructionStore, asOf: Day, window: DateWindow = DateWindow(), demo: Bool) async throws -> ReconstructionModel {
        let asked = window.from != nil || window.to != nil
        let to = window.to ?? asOf, from = window.from ?? to.adding(days: -6)
        let summaries = try await store.summaries(asOf: asOf, from: from, to: to, groupings: [.adm1, .organisation])
        return ReconstructionModel(summary: summaries[0], byOrganisation: summaries[1],
                                   reporters: try await store.reporters(through: max(asOf, to)), demo: demo, isLastWeek: !asked)
    }
}

import HomewardCore
import HomewardStore

/// What the sources page shows: one measure's figures (and its narrower measures') over all time, side by
/// side, with the ledger's own figure, and the catalogue to name the measures.
struct SourcesModel {
    var comparison: SourceComparison
    var measures: [Measure]
    var demo: Bool

    static func load(stores: Stores, measure: String, demo: Bool) async throws -> SourcesModel {
        SourcesModel(comparison: try await stores.sources.compare(measure: measure, window: DateWindow()),
                     measures: try await stores.sources.measures(), demo: demo)
    }
}

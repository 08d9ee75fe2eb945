import HomewardCore
import HomewardStore

/// What the sources page shows: one measure's figures (and its narrower measures') over all time or the window
/// asked, side by side, with the ledger's own figure, and the catalogue to name the measures.
struct SourcesModel {
    var comparison: SourceComparison
    /// The area asked, whose figures alone are shown.
    var area: String?
    var measures: [Measure]
    /// The gazetteer's areas, to name the area a figure is of where it is not the whole country.
    var areas: [String: AdminArea]
    var demo: Bool

    static func load(stores: Stores, measure: String, window: DateWindow = DateWindow(), area: String? = nil, demo: Bool) async throws -> SourcesModel {
        SourcesModel(comparison: try await stores.sources.compare(measure: measure, window: window, area: area), area: area,
                     measures: try await stores.sources.measures(),
                     areas: try await stores.places.gazetteer().areas, demo: demo)
    }
}

import HomewardCore
import HomewardStore

/// What the camps page shows: where every site stands on a day (today unless `?as_of=` asks for another), the
/// transit centres, and each evacuation operation against its plan.
struct CampsPageModel: Sendable {
    var asOf: Day
    /// Sites people live in (camps, settlements, collective centres), by name.
    var sites: [SiteStanding]
    /// The sites and their total, as `GET /api/v1/camps` gives them.
    var standing: CampsStanding { CampsStanding(sites, asOf: asOf) }
    var transitCentres: [Site]
    /// Each transit centre's estimated occupancy, by code.
    var occupancies: [String: TransitCentreOccupancy]
    /// Operations under way first, then planned, suspended and completed; the newest first within each.
    var operations: [EvacuationProgress]
    /// Every site by its code, to name an operation's site and centres.
    var sitesByCode: [String: Site]
    var demo: Bool

    /// Operations whose baseline comes after `asOf` are left out, as a site's standing leaves them out; each
    /// operation's status is its status on `asOf`.
    static func load(store: CampsStore, asOf: Day, demo: Bool) async throws -> CampsPageModel {
        // Each table read once for the whole page, not once per site and operation.
        let all = try await store.sites()
        let centres = all.filter { $0.kind == .transitCentre }
        let occupancies = try await store.occupancies(of: centres)
        let operations = try await store.progress(asOf: asOf, occupancies: occupancies).filter { $0.operation.baselineDate <= asOf }
        return CampsPageModel(asOf: asOf, sites: try await store.standings(asOf: asOf), transitCentres: centres, occupancies: occupancies,
                              operations: sortedForReading(operations), sitesByCode: Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) }),
                              demo: demo)
    }

    static func sortedForReading(_ operations: [EvacuationProgress]) -> [EvacuationProgress] {
        let order: [EvacuationOperation.Status] = [.underWay, .planned, .suspended, .completed]
        return operations.sorted {
            let a = order.firstIndex(of: $0.operation.status) ?? 0, b = order.firstIndex(of: $1.operation.status) ?? 0
            return a != b ? a < b : $0.operation.id > $1.operation.id
        }
    }
}

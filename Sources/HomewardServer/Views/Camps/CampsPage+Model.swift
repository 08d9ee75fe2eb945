import HomewardCore
import HomewardStore

/// What the camps page shows: where every site stands today, the transit centres, and each evacuation
/// operation against its plan.
struct CampsPageModel: Sendable {
    var asOf: Day
    /// Sites people live in (camps, settlements, collective centres), by name.
    var sites: [SiteStanding]
    var transitCentres: [Site]
    /// Operations under way first, then planned, suspended and completed; the newest first within each.
    var operations: [EvacuationProgress]
    /// Every site by its code, to name an operation's site and centres.
    var sitesByCode: [String: Site]
    var demo: Bool

    static func load(store: CampsStore, today: Day, demo: Bool) async throws -> CampsPageModel {
        let all = try await store.sites()
        var standings: [SiteStanding] = []
        for site in all where site.kind != .transitCentre {
            standings.append(try await store.standing(of: site.code, asOf: today))
        }
        var operations: [EvacuationProgress] = []
        for operation in try await store.operations() {
            operations.append(try await store.progress(ofOperation: operation.id, asOf: today))
        }
        return CampsPageModel(asOf: today, sites: standings, transitCentres: all.filter { $0.kind == .transitCentre },
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

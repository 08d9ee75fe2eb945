import HomewardCore
import SQLKit

extension CampsStore {
    /// Imports censuses through the one importer (`homeward import FILE --records censuses`).
    public func importCensuses(_ request: ImportRequest, from source: ByteSource, by caller: Caller,
                               progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        let sites = try await sites()
        let rules = CensusRules(sites: Set(sites.map(\.code)), today: request.today,
                                defaultOrganisation: request.organisation?.trimmingCharacters(in: .whitespaces),
                                siteNames: SiteNames(sites), vocabulary: request.vocabulary)
        // A census of an operation's baseline day may move the operation (``CensusWriter``): the departures counted against it
        // are held still meanwhile, and two census imports settle one after the other (PostgreSQL; SQLite's writers take
        // turns already).
        return try await database.runImport(.censuses, request, from: source, by: caller, lockingFirst: "site_departures", rules: { rules },
                                            progress: progress) {
            CensusWriter(write: $0, importID: $1)
        }
    }

    /// Imports departures through the one importer (`homeward import FILE --records departures`); a file that
    /// would take a site under evacuation below zero against its baseline is refused at the row that does; at a site
    /// without one, a row that takes an organisation's departures beyond the latest census is kept with a warning, as
    /// is a row that takes a transit centre above its capacity.
    public func importDepartures(_ request: ImportRequest, from source: ByteSource, by caller: Caller,
                                 progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        let gazetteer = try await places.gazetteer()
        // The departures counted so far are read once the import holds the table: two imports at once must not both
        // take 600 from a baseline of 1,000.
        return try await database.runImport(.departures, request, from: source, by: caller, lockingFirst: "site_departures", rules: {
            let sites = try await sites()
            let latest = try await latestOperationsWithChanges()
            let completedOn = try await completionDays(of: latest)
            let baselines = try await baselines(completedOn: completedOn)
            return DepartureRules(sites: Set(sites.map(\.code)), livedIn: Set(sites.filter { $0.kind != .transitCentre }.map(\.code)),
                                  gazetteer: gazetteer, today: request.today,
                                  defaultOrganisation: request.organisation?.trimmingCharacters(in: .whitespaces),
                                  baselines: baselines,
                                  censuses: try await departuresSinceCensuses(except: Set(baselines.keys)),
                                  transitCentres: try await occupancies(of: sites.filter { $0.kind == .transitCentre }), siteNames: SiteNames(sites),
                                  completedOn: completedOn, operations: latest, vocabulary: request.vocabulary)
        }, progress: progress) {
            DepartureWriter(write: $0, importID: $1)
        }
    }

    /// The day each site's latest operation was completed, for the sites whose latest operation is and that no census
    /// was taken of since (departures then count from it).
    /// - Parameter latest: each site's latest operation with its changes, as read already (``latestOperationsWithChanges()``).
    func completionDays(of latest: [String: (operation: EvacuationOperation, changes: [EvacuationStatusChange])]? = nil) async throws -> [String: Day] {
        let latest = if let latest { latest } else { try await latestOperationsWithChanges() }
        let counted = Dictionary(grouping: try await censuses(where: nil), by: \.site).compactMapValues { $0.map(\.date).max() }
        return latest.compactMapValues { operation, changes in
            operation.isHandedBack(changes: changes, censusDays: counted[operation.site].map { [$0] } ?? []) ? nil : operation.completedOn(changes: changes)
        }
    }

    /// Each site's latest operation with its status changes, oldest first.
    func latestOperationsWithChanges() async throws -> [String: (operation: EvacuationOperation, changes: [EvacuationStatusChange])] {
        let changes = try await statusChanges(where: nil)
        return try await latestOperations().mapValues { ($0, changes[$0.id] ?? []) }
    }

    /// Each site's operation with the latest baseline: the one its departures count against.
    func latestOperations() async throws -> [String: EvacuationOperation] {
        var latest: [String: EvacuationOperation] = [:]
        for operation in try await operations() where latest[operation.site].map({ $0.baselineDate <= operation.baselineDate }) ?? true {
            latest[operation.site] = operation
        }
        return latest
    }

    /// Each site's latest census, with the departures recorded since, for the sites not in `underOperation`.
    func departuresSinceCensuses(except underOperation: Set<String>) async throws -> [String: DeparturesSinceCensus] {
        let departures = Dictionary(grouping: try await departures(where: nil), by: \.site)
        var found: [String: DeparturesSinceCensus] = [:]
        for (site, censuses) in Dictionary(grouping: try await censuses(where: nil), by: \.site) where !underOperation.contains(site) {
            guard let largest = Census.largestOfLatestDay(censuses) else { continue }
            found[site] = DeparturesSinceCensus(census: largest, departures: departures[site] ?? [])
        }
        return found
    }

    /// Each site's latest operation's baseline, with the departures already counted against it: a completed one's too, until
    /// a census taken after its completion gives the site a new count, since the site's standing still counts from it (a
    /// departure beyond it, refused while the operation ran, made 21,200 of 21,000 leave once it was completed).
    func baselines(completedOn: [String: Day]) async throws -> [String: DepartureRules.Baseline] {
        var baselines: [String: DepartureRules.Baseline] = [:]
        for operation in try await latestOperations().values where operation.status != .completed || completedOn[operation.site] != nil {
            let counted = try await database.read { db in
                try await db.raw("""
                    SELECT row_key, persons FROM site_departures WHERE site_code = \(bind: operation.site) AND end_day > \(bind: operation.baselineDate.number)
                    """).all().map { (try $0.decode(column: "row_key", as: String.self), try $0.decode(column: "persons", as: Int.self)) }
            }
            baselines[operation.site] = .init(date: operation.baselineDate, residents: operation.baselineResidents,
                                              counted: Dictionary(counted, uniquingKeysWith: { $1 }))
        }
        return baselines
    }
}

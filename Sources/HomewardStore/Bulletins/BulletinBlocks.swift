import HomewardCore

/// The blocks of a bulletin, in the order they are printed.
///
/// A part that lands later (reconstruction, aid) adds its block here: one function that reads what the block
/// needs from its store as of the bulletin's date and hands it to a pure builder in Core
/// (`Sources/HomewardCore/Bulletins/…Block.swift`), returning `nil` when it has nothing to report.
extension Stores {
    /// `session`: the session the statement follows, where it follows one.
    typealias BlockSource = @Sendable (Stores, _ date: Day, _ since: Day?, _ session: Int?) async throws -> BulletinBlock?

    static let bulletinBlocks: [BlockSource] = [returnsBlock, campsBlock, reconstructionBlock, aidBlock, sourcesBlock]

    static func returnsBlock(_ stores: Stores, date: Day, since: Day?, session: Int?) async throws -> BulletinBlock? {
        let week = ReturnsBlock.lastWeek(to: date)
        let revision = try await Self.revision(stores, before: date, session: session)
        let publicRevision = try await Self.revision(stores, before: date, session: session, publicOnly: true)
        let crossings = try await stores.places.gazetteer().crossings
        let sums = try await stores.sources.ledgerSumsByCrossing(window: week)
        let reportedBySeveral = try await stores.ledger.groupsReportedBySeveral(in: week)
        let overlaps = ReturnsBlock.Overlaps(groups: reportedBySeveral.map(\.groups).reduce(0, +), crossings: reportedBySeveral.compactMap(\.crossing),
                                             withoutCrossing: reportedBySeveral.contains { $0.crossing == nil })
        let byCrossing = sums.compactMap { item -> ReturnsBlock.Crossing? in
            guard let code = item.crossing else { return nil }
            let crossing = crossings[code]
            return ReturnsBlock.Crossing(code: code, name: crossing?.nameEn ?? code, nameRu: crossing?.nameRu,
                                         nameAr: crossing.flatMap { $0.nameAr.isEmpty ? nil : $0.nameAr }, sum: item.sum)
        }
        return ReturnsBlock.make(date: date, sinceStart: try await stores.sources.ledgerSums(window: DateWindow(to: date)), since: since,
                                 sinceDate: try await since.asyncMap { try await stores.sources.ledgerSums(window: DateWindow(from: $0, to: date)) },
                                 lastWeek: try await stores.sources.ledgerSum(window: week), byCrossing: byCrossing,
                                 withoutCrossing: sums.first { $0.crossing == nil }?.sum, revision: revision,
                                 publicRevision: publicRevision?.bulletin == revision?.bulletin ? nil : publicRevision,
                                 partial: ReturnsBlock.Partial(
                                    pastDate: try await stores.ledger.totals(TotalsQuery(window: DateWindow(to: date))).partial,
                                    since: try await since.asyncMap { try await stores.ledger.totals(TotalsQuery(window: DateWindow(from: $0, to: date))).partial } ?? 0,
                                    week: try await stores.ledger.totals(TotalsQuery(window: week)).partial),
                                 reporters: try await stores.ledger.totals(TotalsQuery(window: DateWindow(to: date), grouping: .organisation))
                                    .groups.filter { $0.persons > 0 }.map(\.name).sorted(),
                                 overlaps: overlaps)
    }

    /// The last statement published for a day up to `date`, that day's too where it follows the same session (a statement
    /// published again after corrections, which this one replaces; another session's of the day is not this one's): its
    /// total since records began, then and now.
    /// - Parameter publicOnly: the last made public, of which the public is told.
    private static func revision(_ stores: Stores, before date: Day, session: Int?, publicOnly: Bool = false) async throws -> ReturnsBlock.Revision? {
        guard let earlier = try await stores.bulletinList(publicOnly: publicOnly).filter({ $0.date < date || $0.date == date && $0.session == session })
            .max(by: { ($0.date, $0.id) < ($1.date, $1.id) }),
              let published = try await stores.bulletin(earlier.id),
              let then = published.snapshot.entries.first(where: { $0.id == "returns.start.total" })?.value else { return nil }
        return ReturnsBlock.Revision(date: earlier.date, bulletin: earlier.id, published: then,
                                     now: try await stores.sources.ledgerSum(window: DateWindow(to: earlier.date)))
    }

    static func campsBlock(_ stores: Stores, date: Day, since: Day?, session _: Int?) async throws -> BulletinBlock? {
        // A site's latest operation by the date speaks for it, as it does on the site's own page (one not begun yet says its plan).
        let operations = try await stores.camps.operations().filter { $0.baselineDate <= date }
        let latest = Dictionary(operations.map { ($0.site, $0) }, uniquingKeysWith: { $1 }).values.sorted { $0.site < $1.site }
        var progress: [EvacuationProgress] = []
        for operation in latest {
            let item = try await stores.camps.progress(ofOperation: operation.id, asOf: date)
            // Completed, and the site counted since: that census is the site's figure now, not what the operation left.
            if item.operation.isHandedBack(date, changes: item.statusChanges, censusDays: try await stores.camps.censuses(of: operation.site).map(\.date)) { continue }
            progress.append(item)
        }
        let sites = Dictionary(uniqueKeysWithValues: try await stores.camps.sites().map { ($0.code, $0) })
        // Those who left, and so those who remain and the share left, sum the site's departures since the baseline, up to the
        // last day that counts for the operation.
        var departures: [String: [Int]] = [:], overlaps: [String: Int] = [:]
        var reporters: Set<String> = []
        for item in progress {
            let operation = item.operation
            departures[operation.site] = try await stores.departureIDs(site: operation.site, after: operation.baselineDate, upTo: item.lastCountedDay)
            overlaps[operation.site] = try await stores.groupsReportedBySeveral(
                Self.departures(site: operation.site, after: operation.baselineDate, upTo: item.lastCountedDay), alike: ["start_day", "end_day", "destination"])
            reporters.formUnion(try await stores.censusReporters(site: operation.site, on: operation.baselineDate))
        }
        reporters.formUnion(try await stores.reporters(of: progress.map {
            Self.departures(site: $0.operation.site, after: $0.operation.baselineDate, upTo: $0.lastCountedDay)
        }))
        return await CampsBlock.make(date: date, progress: progress, sites: sites, reporters: reporters.sorted(), overlaps: overlaps)?.withRecords { entry in
            // camps.CODE.left, .remaining, .leftPercent: a site's code may hold dots of its own.
            guard let (code, _) = Self.entryParts(entry.id, prefix: "camps.", suffixes: [".left", ".remaining", ".leftPercent"]) else { return nil }
            return departures[code]
        }
    }

    static func reconstructionBlock(_ stores: Stores, date: Day, since: Day?, session _: Int?) async throws -> BulletinBlock? {
        let week = ReturnsBlock.lastWeek(to: date)
        let summary = try await stores.reconstruction.summary(asOf: date, from: week.from, to: date)
        let works = Self.facilityWorks(kind: nil, statuses: [.underRestoration, .commissioned], from: nil, to: date)
        let reporters = try await stores.reporters(of: [works])
        let overlaps = try await stores.groupsReportedBySeveral(works, alike: Self.worksAlike)
        let overlapping = overlaps > 0 ? try await stores.idsReportedBySeveral(works, alike: Self.worksAlike) : []
        return try await ReconstructionBlock.make(date: date, stock: summary.underRestoration, flow: summary.commissioned, reporters: reporters,
                                                  overlaps: overlaps)?.withRecords { entry in
            // The works of the groups more than one organisation reported: each group counted once in the figure, every record listed.
            if entry.id.hasPrefix("overlaps.") { return overlapping }
            // reconstruction.KIND.underRestoration / .commissioned; reconstruction.settlements.… for every kind.
            guard let (middle, suffix) = Self.entryParts(entry.id, prefix: "reconstruction.", suffixes: [".underRestoration", ".commissioned"]) else {
                return nil
            }
            let kind = middle == "settlements" ? nil : middle
            return suffix == ".commissioned"
                ? try await stores.facilityWorkIDs(kind: kind, statuses: [.commissioned], from: week.from, to: date)
                : try await stores.facilityWorkIDs(kind: kind, statuses: [.underRestoration, .commissioned], from: nil, to: date)
        }
    }

    static func aidBlock(_ stores: Stores, date: Day, since: Day?, session _: Int?) async throws -> BulletinBlock? {
        let week = ReturnsBlock.lastWeek(to: date)
        let ids = try await stores.aidActionIDs(week)
        guard let block = AidBlock.make(date: date, figures: AidFigures(try await stores.assistance.tallies(week)),
                                        reporters: try await stores.reporters(of: [Self.aidActions(week)]),
                                        overlaps: try await stores.groupsReportedBySeveral(Self.aidActions(week), alike: Self.aidAlike))
        else { return nil }
        let overlapping = block.entries.contains { $0.id.hasPrefix("overlaps.") } ? try await stores.idsReportedBySeveral(Self.aidActions(week), alike: Self.aidAlike) : []
        // A figure that only some actions give names those actions, not the whole week's: tonnes are no medical action's.
        var giving: [String: [Int]] = [:]
        for column in Set(block.entries.compactMap { Self.aidFigureColumns[$0.id] }) { giving[column] = try await stores.aidActionIDs(week, giving: column) }
        // The deliveries more than one organisation reported: each counted once in the figure, every action of them listed.
        return await block.withRecords { entry in entry.id.hasPrefix("overlaps.") ? overlapping : Self.aidFigureColumns[entry.id].flatMap { giving[$0] } ?? ids }
    }

    /// The aid block's entries of figures that only some kinds of action give, with the column of the actions each sums: its
    /// records are those that gave it (a medical action summed into no tonnes), not the week's.
    static let aidFigureColumns = ["aid.week.tonnes": "kilograms", "aid.week.parcels": "parcels", "aid.week.reached": "reached",
                                   AidBlock.reachedReportedBy: "reached", "aid.week.treated": "treated"]

    /// An entry's id split into the code between `prefix` and one of `suffixes`, and that suffix: codes may hold dots.
    static func entryParts(_ id: String, prefix: String, suffixes: [String]) -> (code: String, suffix: String)? {
        guard id.hasPrefix(prefix), let suffix = suffixes.first(where: { id.hasSuffix($0) && id.count > prefix.count + $0.count }) else { return nil }
        return (String(id.dropFirst(prefix.count).dropLast(suffix.count)), suffix)
    }

    static func sourcesBlock(_ stores: Stores, date: Day, since: Day?, session _: Int?) async throws -> BulletinBlock? {
        SourcesBlock.make(date: date, figures: try await stores.sources.figures(), measures: try await stores.sources.measures(),
                          areas: try await stores.places.gazetteer().areas)
    }
}

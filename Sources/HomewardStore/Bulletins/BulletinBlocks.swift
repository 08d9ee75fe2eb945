import HomewardCore

/// The blocks of a bulletin, in the order they are printed.
///
/// A part that lands later (reconstruction, aid) adds its block here: one function that reads what the block
/// needs from its store as of the bulletin's date and hands it to a pure builder in Core
/// (`Sources/HomewardCore/Bulletins/…Block.swift`), returning `nil` when it has nothing to report.
extension Stores {
    typealias BlockSource = @Sendable (Stores, _ date: Day, _ since: Day?) async throws -> BulletinBlock?

    static let bulletinBlocks: [BlockSource] = [returnsBlock, campsBlock, sourcesBlock]

    static func returnsBlock(_ stores: Stores, date: Day, since: Day?) async throws -> BulletinBlock? {
        func sums(_ window: DateWindow) async throws -> ReturnsBlock.Sums {
            ReturnsBlock.Sums(total: try await stores.sources.ledgerSum(window: window),
                              refugees: try await stores.sources.ledgerSum(window: window, category: .refugee),
                              idps: try await stores.sources.ledgerSum(window: window, category: .idp))
        }
        let week = ReturnsBlock.lastWeek(to: date)
        let crossings = try await stores.places.crossings()
        let byCrossing = try await stores.sources.ledgerSumsByCrossing(window: week).map { item in
            let crossing = crossings.first { $0.code == item.crossing }
            return ReturnsBlock.Crossing(code: item.crossing, name: crossing?.nameEn ?? item.crossing, nameRu: crossing?.nameRu,
                                         nameAr: crossing.flatMap { $0.nameAr.isEmpty ? nil : $0.nameAr }, sum: item.sum)
        }
        return ReturnsBlock.make(date: date, sinceStart: try await sums(DateWindow(to: date)), since: since,
                                 sinceDate: try await since.asyncMap { try await sums(DateWindow(from: $0, to: date)) },
                                 lastWeek: try await stores.sources.ledgerSum(window: week), byCrossing: byCrossing)
    }

    static func campsBlock(_ stores: Stores, date: Day, since: Day?) async throws -> BulletinBlock? {
        let operations = try await stores.camps.operations().filter { $0.start <= date && $0.baselineDate <= date }
        // A site's latest operation by the date speaks for it.
        let latest = Dictionary(operations.map { ($0.site, $0) }, uniquingKeysWith: { $1 }).values.sorted { $0.site < $1.site }
        var progress: [EvacuationProgress] = []
        for operation in latest { progress.append(try await stores.camps.progress(ofOperation: operation.id, asOf: date)) }
        let sites = Dictionary(uniqueKeysWithValues: try await stores.camps.sites().map { ($0.code, $0) })
        return CampsBlock.make(date: date, progress: progress, sites: sites)
    }

    static func sourcesBlock(_ stores: Stores, date: Day, since: Day?) async throws -> BulletinBlock? {
        SourcesBlock.make(date: date, figures: try await stores.sources.figures(), measures: try await stores.sources.measures())
    }
}

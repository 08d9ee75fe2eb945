import HomewardCore
@testable import HomewardServer
import HomewardStore

extension SourcesModel {
    /// A ministry's cumulative returns against a refugee agency's registered returns, a projection, and the ledger.
    static var mock: SourcesModel {
        let figures = [
            SourceFigure(id: 1, organisation: "Ministry", date: Day("2018-07-15")!, measure: "returns", value: 1_200_000, qualifier: .moreThan),
            SourceFigure(id: 2, organisation: "Ministry", date: Day("2018-08-15")!, measure: "returns", value: 1_490_739, qualifier: .moreThan),
            SourceFigure(id: 3, organisation: "UNHCR", date: Day("2018-08-10")!, measure: "returns-refugees-registered", value: 13_000,
                         coverage: .year(2018)!),
            SourceFigure(id: 4, organisation: "Ministry", date: Day("2018-08-15")!, measure: "returns", value: 1_700_000, qualifier: .moreThan,
                         kind: .projection),
        ]
        let window = DateWindow(from: Day("2018-01-01")!, to: Day("2018-08-15")!)
        return SourcesModel(comparison: SourceComparison(measure: "returns", window: window, figures: figures, measures: Measure.builtIn,
                                                         ledger: .init(value: 2_609, records: 3, organisations: 2)),
                            measures: Measure.builtIn, areas: [:], demo: false)
    }
}

extension PublishedBulletin {
    static var mock: PublishedBulletin {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 3, organisations: 2) }
        let date = Day("2018-08-15")!
        let snapshot = BulletinSnapshot(date: date, since: nil, participants: ["Ministry", "UNHCR"], blocks: [
            ReturnsBlock.make(date: date, sinceStart: .init(total: sum(1_490_739), refugees: sum(249_527), idps: sum(1_241_212)), since: nil,
                              sinceDate: nil, lastWeek: sum(2_659),
                              byCrossing: [.init(code: "LBN-01", name: "Jdeidet Yabous", nameRu: "Дждейдет-Ябус", nameAr: "جديدة يابوس", sum: sum(2_659))]),
        ])
        return PublishedBulletin(id: 1, sha256: Secret.digest(snapshot.canonicalJSON), publishedAt: "2018-08-15T18:00:00Z", publishedBy: "system:test", snapshot: snapshot)
    }
}

import HomewardCore
@testable import HomewardServer

extension OverviewModel {
    /// A week of returns with figures large enough to show every language's group separators, and places
    /// named in each language as the bundled reference data names them, but for one crossing without a
    /// Russian name, which Russian pages show in English.
    static var mock: OverviewModel {
        OverviewModel(
            total: 1_234_567, refugees: 1_000_021, idps: 234_546, lastWeek: 1_500, weekBefore: 600,
            weekFrom: Day("2020-06-24")!, weekTo: Day("2020-06-30")!, latest: Day("2020-06-29")!, movements: 21,
            crossings: [
                TotalsGroup(key: "LBN-01", name: "Jdeidet Yabous", nameAr: "جديدة يابوس", nameRu: "Дждейдет-Ябус",
                            persons: 12_000, refugees: 12_000, idps: 0),
                TotalsGroup(key: "JOR-01", name: "Nasib", nameAr: "نصيب", persons: 3_000, refugees: 3_000, idps: 0),
            ],
            governorates: [
                TotalsGroup(key: "SY03", name: "Rural Damascus", nameAr: "ريف دمشق", nameRu: "Риф-Димашк",
                            persons: 1_000_000, refugees: 800_000, idps: 200_000),
                TotalsGroup(key: "SY12", name: "Dar'a", nameAr: "درعا", nameRu: "Дараа", persons: 234_567, refugees: 200_021, idps: 34_546),
            ],
            demo: false)
    }

    /// A new, empty database run with `--demo`: the banner and every "none yet".
    static var emptyDemo: OverviewModel {
        OverviewModel(total: 0, refugees: 0, idps: 0, lastWeek: 0, weekBefore: 0, weekFrom: Day("2020-06-24")!,
                      weekTo: Day("2020-06-30")!, latest: nil, movements: 0, crossings: [], governorates: [], demo: true)
    }
}

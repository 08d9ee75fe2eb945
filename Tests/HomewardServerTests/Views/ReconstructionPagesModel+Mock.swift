import HomewardCore
@testable import HomewardServer

private let school = FacilityKind(code: "school", unit: .items, nameEn: "Schools", nameRu: "Школы", nameAr: "مدارس")
private let road = FacilityKind(code: "road", unit: .km, nameEn: "Roads", nameRu: "Дороги", nameAr: "طرق")
private let rural = Lineage([.adm1: "SY03", .adm2: "SY0301", .adm3: "SY030101", .adm4: "C2269"])
private let daraa = Lineage([.adm1: "SY12", .adm2: "SY1200", .adm3: "SY120000", .adm4: "C5992"])
private func names(_ code: String) -> AdminArea? {
    [AdminArea(pcode: "SY03", level: .adm1, nameEn: "Rural Damascus", nameAr: "ريف دمشق", nameRu: "Риф-Димашк", parent: nil),
     AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", nameRu: "Дараа", parent: nil)].first { $0.pcode == code }
}
private let today = Day("2020-06-30")!

extension ReconstructionModel {
    /// Schools and a road under way in two governorates, some commissioned in the last week.
    static var mock: ReconstructionModel {
        let tallies = [
            FacilityTally(place: rural, kind: "school", status: .underRestoration, day: Day("2020-01-10")!, tenths: 1_800, organisation: "UNDP"),
            FacilityTally(place: rural, kind: "school", status: .commissioned, day: Day("2020-06-28")!, tenths: 10, organisation: "Ministry"),
            FacilityTally(place: daraa, kind: "road", status: .underRestoration, day: Day("2020-02-10")!, tenths: 125, organisation: "UNDP"),
        ]
        let summary = { (grouping: ReconstructionGrouping) in
            ReconstructionSummary(tallies: tallies, kinds: [school, road], asOf: today, from: today.adding(days: -6), to: today, grouping: grouping, names: names)
        }
        return ReconstructionModel(summary: summary(.adm1), byOrganisation: summary(.organisation), reporters: ["Ministry", "UNDP"], demo: false)
    }

    static var empty: ReconstructionModel {
        let summary = { (grouping: ReconstructionGrouping) in
            ReconstructionSummary(tallies: [], kinds: [school], asOf: today, from: today.adding(days: -6), to: today, grouping: grouping)
        }
        return ReconstructionModel(summary: summary(.adm1), byOrganisation: summary(.organisation), demo: true)
    }
}

extension AidModel {
    static var mock: AidModel {
        let tallies = [
            // Food actions give no treatment, nine of them the people reached; the clinic gives no parcels nor people reached.
            AidTally(place: rural, type: "humanitarian", organisation: "SARC",
                     figures: AidFigures(actions: 12, kilograms: 3_500, parcels: 750, reached: 3_000, reportedBy: AidReporting(kilograms: 12, parcels: 12, reached: 9))),
            AidTally(place: daraa, type: "medical", organisation: "WHO",
                     figures: AidFigures(actions: 1, kilograms: 125, treated: 1_250, reportedBy: AidReporting(kilograms: 1, treated: 1))),
        ]
        let types = [AidType(code: "humanitarian", nameEn: "Humanitarian", nameRu: "Гуманитарная", nameAr: "إنسانية"),
                     AidType(code: "medical", nameEn: "Medical", nameRu: "Медицинская", nameAr: "طبية")]
        return AidModel(summary: AidSummary(tallies: tallies, types: types, from: Day("2020-06-01")!, to: today, grouping: .adm1, names: names),
                        byOrganisation: AidSummary(tallies: tallies, types: types, from: Day("2020-06-01")!, to: today, grouping: .organisation),
                        from: Day("2020-06-01")!, to: today, demo: false)
    }

    static var empty: AidModel {
        AidModel(summary: AidSummary(tallies: [], types: [], from: Day("2020-06-01")!, to: today, grouping: .adm1),
                 byOrganisation: AidSummary(tallies: [], types: [], from: Day("2020-06-01")!, to: today, grouping: .organisation),
                 from: Day("2020-06-01")!, to: today, demo: true)
    }
}

extension ReadinessModel {
    static var mock: ReadinessModel {
        let report = ReadinessReport(
            returns: [TotalsGroup(key: "SY03", name: "Rural Damascus", nameAr: "ريف دمشق", nameRu: "Риф-Димашк", persons: 12_400, refugees: 10_000, idps: 2_400),
                      TotalsGroup(key: "SY12", name: "Dar'a", nameAr: "درعا", nameRu: "Дараа", persons: 950, refugees: 950, idps: 0)],
            facilities: ReconstructionModel.mockTallies, aid: [AidTally(place: daraa, type: "humanitarian", organisation: "SARC",
                                                                        figures: AidFigures(actions: 2, kilograms: 3_500, parcels: 750,
                                                                                            reportedBy: AidReporting(kilograms: 2, parcels: 2)))],
            kinds: [school, road], from: Day("2020-06-01")!, to: today, level: .adm1, names: names)
        return ReadinessModel(report: report, demo: false, levels: AdminLevel.allCases)
    }

    static var empty: ReadinessModel {
        ReadinessModel(report: ReadinessReport(returns: [], facilities: [], aid: [], kinds: [], from: nil, to: today, level: .adm1, names: { _ in nil }),
                       demo: true, levels: [.adm1, .adm2])
    }
}

extension ReconstructionModel {
    static var mockTallies: [FacilityTally] {
        [FacilityTally(place: rural, kind: "school", status: .underRestoration, day: Day("2020-01-10")!, tenths: 30),
         FacilityTally(place: rural, kind: "school", status: .commissioned, day: Day("2020-06-10")!, tenths: 10),
         FacilityTally(place: daraa, kind: "road", status: .underRestoration, day: Day("2020-02-10")!, tenths: 125)]
    }
}

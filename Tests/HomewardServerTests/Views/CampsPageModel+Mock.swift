import HomewardCore
@testable import HomewardServer

extension CampsPageModel {
    static let asOf = Day("2020-06-30")!
    static let camp = Site(code: "HOL", name: "Al-Hol", nameAr: "الهول", kind: .camp, admin: "SY080006", operatorName: "UNHCR")
    static let settlement = Site(code: "SET-1", name: "East settlement", kind: .informalSettlement, admin: "SY02")
    static let centre = Site(code: "TC-1", name: "Hasakeh transit centre", nameAr: "مركز عبور الحسكة", kind: .transitCentre, admin: "SY08",
                             capacity: 1_000, stayHours: 48)

    /// A camp under evacuation, behind its plan, with a deadline the plan misses and a transit centre too
    /// small for its pace, estimated above its capacity from the departures sent to it; a settlement two organisations count differently; a transit centre.
    static var mock: CampsPageModel {
        let departures = (0 ..< 20).map { Departure(site: "HOL", period: Period(day: Day("2020-06-02")!.adding(days: $0)), persons: 450 + $0 * 10,
                                                   destination: "TC-1", organisation: "UNHCR") }
        let censuses = [Census(site: "HOL", date: Day("2020-06-01")!, residents: 73_000, organisation: "UNHCR")]
        let operation = EvacuationOperation(id: 3, site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 73_000,
                                            start: Day("2020-06-02")!, perCycle: 3_500, cycleDays: 5, via: ["TC-1"],
                                            deadline: Day("2020-07-31")!, status: .underWay)
        let occupancies = ["TC-1": TransitCentreOccupancy(centre: centre, departures: departures)]
        var progress = EvacuationProgress(operation: operation, departures: departures, asOf: asOf, transitPlaces: 1_000, stayHours: 48)
        progress.centresOverCapacity = progress.centres(overCapacityIn: occupancies)
        let done = EvacuationProgress(operation: EvacuationOperation(id: 1, site: "SET-1", baselineDate: Day("2020-05-01")!, baselineResidents: 400,
                                                                     start: Day("2020-05-02")!, perCycle: 200, cycleDays: 2, status: .completed),
                                      departures: [Departure(site: "SET-1", period: Period(day: Day("2020-05-02")!), persons: 400, organisation: "IOM")], asOf: asOf)
        return CampsPageModel(
            asOf: asOf,
            sites: [
                SiteStanding(site: camp, asOf: asOf, censuses: censuses, departures: departures, operation: progress.operation),
                SiteStanding(site: settlement, asOf: asOf, censuses: [
                    Census(site: "SET-1", date: Day("2020-06-10")!, residents: 3_150, organisation: "IOM"),
                    Census(site: "SET-1", date: Day("2020-06-12")!, residents: 4_020, organisation: "Governorate of Aleppo"),
                ], departures: []),
            ],
            transitCentres: [centre], occupancies: occupancies, operations: CampsPageModel.sortedForReading([done, progress]),
            sitesByCode: ["HOL": camp, "SET-1": settlement, "TC-1": centre], demo: false)
    }

    static var emptyDemo: CampsPageModel {
        CampsPageModel(asOf: asOf, sites: [], transitCentres: [], occupancies: [:], operations: [], sitesByCode: [:], demo: true)
    }
}

import Foundation
import HomewardCore
import HomewardStore
import HomewardTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CampsAPITests {
    @Test(arguments: Backend.available)
    func aCampIsFollowedFromItsCensusesToAnOperationsProgress(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a camp and a transit centre
            let camp = try await client.post("/api/v1/sites", #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006"}"#)
            #expect(camp.status == .created)
            let noCapacity = try await client.post("/api/v1/sites", #"{"code": "TC-1", "name": "Transit", "kind": "transit-centre", "admin": "SY08"}"#)
            #expect(noCapacity.status == .badRequest)
            #expect(try noCapacity.json["field"] as? String == "capacity")
            #expect(try await client.post("/api/v1/sites", #"{"code": "TC-1", "name": "Transit", "kind": "transit-centre", "admin": "SY08", "capacity": 2000}"#).status == .created)
            // act: two organisations' censuses, departures, an operation
            let censuses = try await client.post("/api/v1/sites/HOL/censuses",
                #"[{"date": "2020-06-01", "residents": 10000, "organisation": "UNHCR"}, {"date": "2020-06-01", "residents": 11000, "organisation": "WHO"}]"#)
            #expect(try censuses.decode(ImportSummary.self).imported == 2)
            let departures = try await client.post("/api/v1/sites/HOL/departures", #"{"date": "2020-06-03", "persons": 2500, "destination": "TC-1", "organisation": "CCCM"}"#)
            #expect(try departures.decode(ImportSummary.self).imported == 1)
            let otherSite = try await client.post("/api/v1/sites/HOL/departures", #"{"site": "TC-1", "date": "2020-06-03", "persons": 5, "organisation": "CCCM"}"#)
            #expect(otherSite.status == .badRequest)
            let operation = try await client.post("/api/v1/evacuations",
                #"{"site": "HOL", "baseline_date": "2020-06-01", "baseline_residents": 10000, "start": "2020-06-02", "per_cycle": 3500, "cycle_days": 5, "via": ["TC-1"]}"#)
            #expect(operation.status == .created)
            let id = try #require(try operation.json["id"] as? Int)
            let overdrawn = try await client.post("/api/v1/sites/HOL/departures", #"{"date": "2020-06-10", "persons": 8000, "organisation": "CCCM"}"#)
            #expect(overdrawn.status == .unprocessableContent)
            // check
            let standing = try await client.get("/api/v1/sites/HOL?as_of=2020-06-30")
            #expect(try standing.json["left"] as? Int == 2_500)
            #expect(try standing.json["remaining"] as? Int == 7_500)
            #expect((try standing.json["censuses"] as? [[String: Any]])?.count == 2)
            let progress = try await client.get("/api/v1/evacuations/\(id)?as_of=2020-06-30")
            #expect(try progress.json["ahead"] as? Int == -7_500)
            let plan = try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=1000&cycle_days=5&deadline=2020-07-10&via=TC-1")
            #expect(plan.status == .ok)
            #expect(try plan.json["feasible"] as? Bool == false)
            // From 2020-06-04 (after the last departure) seven whole cycles end by the 10th of July: 7,500 ÷ 7, rounded up
            #expect(try plan.json["needed_per_cycle"] as? Int == 1_072)
            #expect(try await client.get("/api/v1/sites/NOPE").status == .notFound)
            #expect(try await client.get("/api/v1/evacuations/plan?site=HOL&per_cycle=0&cycle_days=5").status == .badRequest)
        }
    }
}

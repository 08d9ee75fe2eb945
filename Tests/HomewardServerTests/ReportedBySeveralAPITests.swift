import Foundation
import HomewardTestSupport
import HummingbirdTesting
import Testing

/// A partner's script finds the records two organisations reported alike over the API, as `--reported-by-several` does on
/// the command line: the records behind the joint statement's counts of them, so that one of each pair can be withdrawn.
@Suite struct ReportedBySeveralAPITests {
    @Test(arguments: Backend.available)
    func theListsGiveOnlyRecordsAnotherOrganisationReportedAlike(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: one group, one delivery and one work reported by two organisations; one of each by one alone
            let movements = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+id\n"
                + "2020-06-10,JOR-01,SY12,1250,UNHCR,u1\n2020-06-11,JOR-01,SY12,300,UNHCR,u2\n2020-06-10,JOR-01,SY12,1190,IOM,i1\n"
            let aid = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#meta+id\n"
                + "2020-06-24,C2269,WFP,humanitarian,3.5,w1\n2020-06-24,C2269,SARC,humanitarian,3.5,s1\n2020-06-24,C2269,SARC,medical,1,s2\n"
            let facilities = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"
                + "2020-06-20,C2269,bakery,under-restoration,1,UNDP,u1\n2020-06-20,C2269,bakery,under-restoration,1,Ministry,m1\n"
                + "2020-06-20,C2269,school,under-restoration,1,UNDP,u2\n"
            for (records, file) in [("movements", movements), ("aid", aid), ("facilities", facilities)] {
                let posted = try await client.post("/api/v1/imports?records=\(records)", file, contentType: "text/csv")
                #expect(posted.status == .ok, "\(records): \(posted.text)")
            }
            // act
            let groups = try await client.get("/api/v1/movements?reported_by_several=true").json["movements"] as? [[String: Any]]
            let deliveries = try await client.get("/api/v1/aid?reported_by_several=true").json["actions"] as? [[String: Any]]
            let works = try await client.get("/api/v1/facilities?reported_by_several=true").json["facilities"] as? [[String: Any]]
            // check: each pair, and not the record one organisation alone reported
            #expect(groups?.map { $0["external_id"] as? String } == ["u1", "i1"], "\(groups ?? [])")
            #expect(deliveries?.map { $0["external_id"] as? String } == ["w1", "s1"], "\(deliveries ?? [])")
            #expect(works?.map { $0["external_id"] as? String } == ["u1", "m1"], "\(works ?? [])")
            // It narrows as the other parameters do, and without it every record is listed.
            let sarc = try await client.get("/api/v1/aid?reported_by_several=true&organisation=SARC").json["actions"] as? [[String: Any]]
            #expect(sarc?.map { $0["external_id"] as? String } == ["s1"])
            #expect((try await client.get("/api/v1/aid?reported_by_several=false").json["actions"] as? [[String: Any]])?.count == 3)
            // A value that is no truth value is refused, naming the parameter.
            let refused = try await client.get("/api/v1/facilities?reported_by_several=yes")
            let field = try refused.json["field"] as? String
            #expect(refused.status == .badRequest && field == "reported_by_several", "\(refused.text)")
        }
    }
}

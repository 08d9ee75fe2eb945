import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route of the API × every kind of caller, with the status each must get, and the database unchanged
/// after every refusal.
@Suite struct AccessMatrixTests {
    /// Who calls: the public, each role, and an editor of another organisation than the records'.
    enum Who: String, CaseIterable, Sendable {
        case anonymous, viewer, editorOfTheRecords, editorOfAnother, coordinator, admin

        var role: Role? {
            switch self {
            case .anonymous: nil
            case .viewer: .viewer
            case .editorOfTheRecords, .editorOfAnother: .editor
            case .coordinator: .coordinator
            case .admin: .admin
            }
        }

        var organisation: String { self == .editorOfAnother ? "WFP" : "UNHCR" }
    }

    enum Expected: Equatable { case allowed, unauthenticated, forbidden, signInPage }

    /// What each caller may do with each route: the rule the matrix holds the server to.
    static func expected(_ route: APIRoute, _ who: Who) -> Expected {
        // The matrix's bulletin is not public: to the public it is as if the route needed signing in
        // (a public bulletin, small counts hidden, is PublicBulletinTests' part).
        let internalBulletin: Set<APIRoute> = [.showBulletin, .bulletinPage]
        if route.access == .everyone && !(who.role == nil && internalBulletin.contains(route)) { return .allowed }
        guard let role = who.role else { return route.isPage && route.method == .get ? .signInPage : .unauthenticated }
        switch route {
        case .changePassword:
            // Only in a page session, never with a token, whatever the role.
            return .forbidden
        case .createAccountToken:
            // A token makes no tokens, whatever its role: a leaked one would keep a way in after its revocation.
            return .forbidden
        case .addPerson, .enablePerson, .setPersonRole:
            // An account, a role or an account brought back is given by a person, never by a token: a leaked admin token would
            // otherwise make its holder's own account an admin's, for good.
            return .forbidden
        case .disablePerson, .addOrganisation:
            return role == .admin ? .allowed : .forbidden
        case .erasePerson:
            // Nothing brings an erased account back: a person erases, never a token.
            return .forbidden
        case .resetPersonPassword:
            // A password is set by a person, never by a token, whatever its role.
            return .forbidden
        case .revokeAccountToken:
            // The request revokes another person's token: an admin's right over people.
            return role == .admin ? .allowed : .forbidden
        case .postMovements, .postImports, .postCensuses, .postDepartures, .postFacilities, .postAid, .postSources:
            return role >= .coordinator || who == .editorOfTheRecords ? .allowed : .forbidden
        case .postSites, .patchSite, .postEvacuations, .patchEvacuation, .audit, .postSessions, .postBulletins, .patchBulletin:
            return role >= .coordinator ? .allowed : .forbidden
        case .postCrossings, .postFacilityKinds, .postAidTypes:
            return role == .admin ? .allowed : .forbidden
        default:
            return .allowed
        }
    }

    /// A request that would succeed for an allowed caller: valid, and new for each caller (`n`).
    static func request(_ route: APIRoute, _ n: Int) -> (uri: String, body: String?, contentType: String) {
        let json = "application/json"
        switch route {
        case .movementHistory: return ("/api/v1/movements/1/history", nil, json)
        // Written by the callers allowed to post records, whose routes come first.
        case .facilityHistory: return ("/api/v1/facilities/1/history", nil, json)
        case .aidHistory: return ("/api/v1/aid/1/history", nil, json)
        case .censusHistory: return ("/api/v1/censuses/1/history", nil, json)
        case .patchSite: return ("/api/v1/sites/HOL", #"{"name_ru": "Аль-Хол \#(n)"}"#, json)
        case .departureHistory: return ("/api/v1/departures/1/history", nil, json)
        case .showSite: return ("/api/v1/sites/HOL", nil, json)
        case .listCensuses: return ("/api/v1/sites/HOL/censuses", nil, json)
        case .listDepartures: return ("/api/v1/sites/HOL/departures", nil, json)
        case .showEvacuation: return ("/api/v1/evacuations/1", nil, json)
        case .planEvacuation: return ("/api/v1/evacuations/plan?site=HOL&per_cycle=100&cycle_days=5", nil, json)
        case .postMovements:
            return (route.path, #"[{"date": "2020-06-01", "crossing": "LBN-01", "category": "refugee", "origin": "LBN", "persons": 5, "organisation": "UNHCR", "id": "m-\#(n)"}]"#, json)
        case .postImports:
            return ("/api/v1/imports?records=movements", "#date,#meta+id,#org,#adm1+dest+code,#affected+returnees+idps+num\n2020-06-02,i-\(n),UNHCR,SY01,4\n", "text/csv")
        case .postCensuses:
            return ("/api/v1/sites/HOL/censuses", #"{"date": "2020-06-0\#(n + 2)", "residents": \#(1000 + n), "organisation": "UNHCR"}"#, json)
        case .postDepartures:
            return ("/api/v1/sites/HOL/departures", #"{"date": "2020-06-1\#(n)", "persons": 1, "organisation": "UNHCR"}"#, json)
        case .postSites: return (route.path, #"{"code": "S-\#(n)", "name": "Site \#(n)", "kind": "camp", "admin": "SY08"}"#, json)
        case .postEvacuations:
            // Each after the set-up's operations' census days (05-20 to 05-25), and after the one before: a later plan takes over.
            return (route.path, #"{"site": "HOL", "baseline_date": "\#(Day("2020-05-26")!.adding(days: n))", "baseline_residents": 1000, "start": "2020-06-02", "per_cycle": \#(200 + n), "cycle_days": 5}"#, json)
        case .patchEvacuation: return ("/api/v1/evacuations/\(n + 1)", #"{"status": "under-way"}"#, json)
        case .postCrossings: return (route.path, #"{"code": "X-\#(n)", "name_en": "Crossing \#(n)", "country": "LBN"}"#, json)
        case .postFacilities:
            return (route.path, #"{"date": "2020-06-01", "settlement": "C2269", "kind": "school", "status": "under-restoration", "organisation": "UNHCR", "id": "f-\#(n)"}"#, json)
        case .postAid:
            return (route.path, #"{"date": "2020-06-01", "locality": "C2269", "organisation": "UNHCR", "type": "humanitarian", "parcels": \#(10 + n), "id": "a-\#(n)"}"#, json)
        case .postSources:
            return (route.path, #"{"organisation": "UNHCR", "date": "2020-06-2\#(n)", "measure": "returns", "value": \#(1000 + n)}"#, json)
        case .postSessions: return (route.path, #"{"date": "2020-06-2\#(n)", "participants": [{"organisation": "UNHCR"}]}"#, json)
        case .postBulletins: return (route.path, #"{"date": "2020-06-2\#(n)"}"#, json)
        case .showBulletin: return ("/api/v1/bulletins/1", nil, json)
        case .draftBulletin: return ("/api/v1/bulletins/draft?date=2020-06-30", nil, json)
        case .changePassword:
            return (route.path, "current=any+password+at+all&new=a+new+long+passphrase&repeat=a+new+long+passphrase", "application/x-www-form-urlencoded")
        case .createAccountToken: return (route.path, "expires_days=30", "application/x-www-form-urlencoded")
        case .addPerson: return (route.path, "login=matrix-new-\(n)&name=New&organisation=UNHCR&role=viewer", "application/x-www-form-urlencoded")
        case .disablePerson: return ("/people/matrix-other/disable", "", "application/x-www-form-urlencoded")
        case .enablePerson: return ("/people/matrix-other/enable", "", "application/x-www-form-urlencoded")
        case .setPersonRole: return ("/people/matrix-other/role", "role=editor", "application/x-www-form-urlencoded")
        case .resetPersonPassword: return ("/people/matrix-other/password", "password=a+new+long+passphrase", "application/x-www-form-urlencoded")
        case .erasePerson: return ("/people/matrix-other/erase", "confirm=true", "application/x-www-form-urlencoded")
        case .addOrganisation: return (route.path, "name=Organisation+\(n)", "application/x-www-form-urlencoded")
        case .revokeAccountToken: return ("/account/tokens/\(Who.allCases.count)/revoke", "", "application/x-www-form-urlencoded")
        case .patchBulletin: return ("/api/v1/bulletins/1", #"{"public": false}"#, json)
        case .bulletinRecords: return ("/api/v1/bulletins/1/records?entry=returns.start.total", nil, json)
        case .bulletinPage: return ("/bulletins/1", nil, json)
        case .compareSources: return ("/api/v1/sources/compare?measure=returns", nil, json)
        case .sourceHistory: return ("/api/v1/sources/1/history", nil, json)
        case .postFacilityKinds: return (route.path, #"{"code": "kind-\#(n)", "unit": "items", "name": "Kind \#(n)"}"#, json)
        case .postAidTypes: return (route.path, #"{"code": "type-\#(n)", "name": "Type \#(n)"}"#, json)
        default: return (route.path, nil, json)
        }
    }

    /// What a refused write must leave as it was.
    static func fingerprint(_ store: Stores) async throws -> [Int] {
        try await store.database.read { db in
            var counts: [Int] = []
            for table in ["movements", "sites", "site_censuses", "site_departures", "evacuation_operations", "evacuation_status_changes",
                          "crossing_points", "persons", "organisations", "api_tokens", "imports", "facility_works", "aid_actions", "facility_kinds", "aid_types", "source_figures", "coordination_sessions", "bulletins"] {
                counts.append(try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decodingColumn: "n", as: Int.self) ?? -1)
            }
            return counts
        }
    }

    @Test(arguments: Backend.available)
    func everyRouteAnswersEachCallerAsItsRoleAllows(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: a camp counted by UNHCR, one operation per caller to change, a movement; a token per caller
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006", operatorName: "UNHCR"), by: .test)
            _ = try await store.importRecords(.censuses, ImportRequest(sourceName: "c", today: TestStores.today),
                                              from: .bytes(Array("#date,#loc+site+code,#population+ind+num,#org\n2020-06-01,HOL,1000,UNHCR\n".utf8)), by: .test)
            _ = try await store.importRecords(.departures, ImportRequest(sourceName: "d", today: TestStores.today),
                                              from: .bytes(Array("#date,#loc+site+code,#affected+departed+num,#org\n2020-06-03,HOL,10,UNHCR\n".utf8)), by: .test)
            // Each from a census day of its own: two operations from one baseline are refused, and a later one takes the site over
            // from a count of its day (the set-up's days, then those of the operations each caller posts).
            let counts = (20...31).map { "2020-05-\($0),HOL,1000,UNHCR\n" }.joined()
            _ = try await store.importRecords(.censuses, ImportRequest(sourceName: "c2", today: TestStores.today),
                                              from: .bytes(Array(("#date,#loc+site+code,#population+ind+num,#org\n" + counts).utf8)), by: .test)
            for n in Who.allCases.indices {
                _ = try await store.camps.addOperation(EvacuationOperation(site: "HOL", baselineDate: Day("2020-05-2\(n)")!, baselineResidents: 1000,
                                                                           start: Day("2020-06-02")!, perCycle: 100 + n, cycleDays: 5),
                                                       today: TestStores.today, by: .test)
            }
            _ = try await store.importCSV("#date,#meta+id,#org,#adm1+dest+code,#affected+returnees+idps+num\n2020-06-01,seed,UNHCR,SY01,3\n")
            _ = try await store.publishBulletin(date: TestStores.today, since: nil, today: TestStores.today, by: .test)
            var tokens: [Who: String] = [:]
            for (n, who) in Who.allCases.enumerated() {
                guard let role = who.role else { continue }
                let login = "matrix-\(n)"
                try await store.access.addPerson(Person(login: login, name: who.rawValue, organisation: who.organisation, role: role), password: nil, by: .test)
                tokens[who] = try await store.access.createToken(for: login, by: .test).token
            }
            // Someone else's token, for the callers to try to revoke (id: one more than the callers with a role).
            try await store.access.addPerson(Person(login: "matrix-other", name: "other", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            _ = try await store.access.createToken(for: "matrix-other", by: .test)
            // act and check: every route, every caller
            for route in APIRoute.allCases where route != .signIn && route != .signOut {
                for (n, who) in Who.allCases.enumerated() {
                    let (uri, body, contentType) = Self.request(route, n)
                    var headers: HTTPFields = [.contentType: contentType]
                    headers[.authorization] = tokens[who].map { "Bearer \($0)" } ?? "none"
                    if tokens[who] == nil { headers[.authorization] = nil }
                    let before = try await Self.fingerprint(store)
                    let response = try await client.executeRequest(uri: uri, method: route.method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                    let expected = Self.expected(route, who)
                    let label = "\(route.method) \(uri) as \(who.rawValue)"
                    switch expected {
                    case .allowed: #expect((200..<300).contains(response.status.code) || (route.takesForm && response.status == .seeOther), "\(label): \(response.status) \(String(buffer: response.body).prefix(300))")
                    case .unauthenticated: #expect(response.status == .unauthorized, "\(label): \(response.status)")
                    case .forbidden:
                        #expect(response.status == .forbidden, "\(label): \(response.status) \(String(buffer: response.body).prefix(300))")
                        // A script tells the rule that refused from its code, in any language; an import's refusal names the row.
                        let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        #expect((problem?["code"] as? String)?.isEmpty == false, "\(label): \(String(buffer: response.body).prefix(300))")
                        if who == .editorOfAnother, [.postMovements, .postImports, .postFacilities, .postAid, .postSources].contains(route) {
                            #expect(problem?["code"] as? String == "access.organisation", "\(label)")
                            // JSON's record 1 by its key, a CSV's row 2 by its column
                            let rows = (problem?["problems"] as? [[String: Any]])?.map { "\($0["row"] ?? "") \($0["column"] ?? "") \($0["code"] ?? "")" }
                            #expect(rows == ["1 organisation access.organisation"] || rows == ["2 #org access.organisation"], "\(label): \(rows ?? [])")
                            #expect(["organisation", "#org"].contains(problem?["field"] as? String), "\(label)")
                        }
                    case .signInPage: #expect(response.status == .seeOther && response.headers[.location]?.hasPrefix("/signin") == true, "\(label)")
                    }
                    if expected != .allowed {
                        #expect(try await Self.fingerprint(store) == before, "\(label) changed the database")
                        #expect(response.headers[.contentType] == "application/problem+json" || expected == .signInPage, "\(label)")
                    }
                }
            }
            // Every refused write is in the audit, with who was refused.
            let refusals = try await store.access.audit().filter { $0.action == "refused" }
            #expect(refusals.count >= 10 && refusals.allSatisfy { $0.actor.hasPrefix("token:") })
            // A role that may never make a write is refused before the body is read, a malformed one too (not 400, as if
            // only the body stood in the way), and each refusal is audited.
            var refused = 0
            for route in APIRoute.allCases where route.method != .get && Self.expected(route, .viewer) == .forbidden
                && ![.createAccountToken, .revokeAccountToken].contains(route) {
                let (uri, _, contentType) = Self.request(route, 0)
                let headers: HTTPFields = [.contentType: contentType, .authorization: "Bearer \(tokens[.viewer]!)"]
                let response = try await client.executeRequest(uri: uri, method: route.method, headers: headers, body: ByteBuffer(string: "{"))
                #expect(response.status == .forbidden, "\(route.method) \(uri) as a viewer, malformed: \(response.status)")
                refused += 1
            }
            #expect(refused >= 15)
            // What no token may do (grant access, set a password) is refused as such to an admin's token whatever its form says,
            // a field the form does not take too (a 400 would tell the form's fields and leave no trace), and audited.
            for route in [APIRoute.addPerson, .enablePerson, .setPersonRole, .resetPersonPassword, .createAccountToken, .changePassword] {
                let (uri, _, _) = Self.request(route, 0)
                let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .authorization: "Bearer \(tokens[.admin]!)"]
                let response = try await client.executeRequest(uri: uri, method: route.method, headers: headers, body: ByteBuffer(string: "not_a_field=1"))
                #expect(response.status == .forbidden, "\(route.method) \(uri) with an admin's token and a stray field: \(response.status)")
                refused += 1
            }
            #expect(try await store.access.audit().filter { $0.action == "refused" }.count == refusals.count + refused)
        }
    }
}

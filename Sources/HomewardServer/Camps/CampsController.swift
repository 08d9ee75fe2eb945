import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Camps and evacuation over HTTP: sites, their censuses and departures, operations, progress and plans.
struct CampsController<Context: CallerRequestContext> {
    let stores: Stores
    let configuration: ServerConfiguration
    /// The languages of an import's problems, chosen by `Accept-Language` as for movements.
    let catalogues: [Language: Catalogue]
    let today: @Sendable () -> Day

    var store: CampsStore { stores.camps }

    /// A new site as a client sends it.
    struct SiteInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var code: String
        var name: String
        var nameAr: String?
        var nameRu: String?
        var kind: SiteKind
        var admin: String
        var operatorName: String?
        var capacity: Int?
        var stayHours: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case code, name, kind, admin, capacity
            case nameAr = "name_ar", nameRu = "name_ru", operatorName = "operator", stayHours = "stay_hours"
        }
    }

    /// A new evacuation operation as a client sends it.
    struct OperationInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var site: String
        var baselineDate: Day
        var baselineResidents: Int
        var start: Day
        var perCycle: Int
        var cycleDays: Int
        var deadline: Day?
        var via: [String]?
        var status: EvacuationOperation.Status?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case site, start, deadline, via, status
            case baselineDate = "baseline_date", baselineResidents = "baseline_residents", perCycle = "per_cycle", cycleDays = "cycle_days"
        }
    }

    /// A site's change: each key left out, or null, leaves its value as it is; an empty name in another language takes it away.
    struct SiteChangeInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var name: String?
        var nameAr: String?
        var nameRu: String?
        var operatorName: String?
        var capacity: Int?
        var stayHours: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, capacity
            case nameAr = "name_ar", nameRu = "name_ru", operatorName = "operator", stayHours = "stay_hours"
        }
    }

    /// A change to an operation: its status, and the day the change took effect.
    struct OperationChange: ClosedJSONObject {
        typealias Keys = CodingKeys
        var status: EvacuationOperation.Status
        /// Today when absent or null; with the status the operation has already, the latest change's day put right.
        var date: Day?

        enum CodingKeys: String, CodingKey, CaseIterable { case status, date }
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.listSites.routerPath), method: APIRoute.listSites.method) { request, _ in
            let kind = try request.oneOf("kind", SiteKind.self)
            return try jsonResponse(["sites": try await store.sites(kind: kind)])
        }
        router.on(RouterPath(APIRoute.campStandings.routerPath), method: APIRoute.campStandings.method) { request, _ in
            let day = try asOf(request)
            return try jsonResponse(CampsStanding(try await store.standings(asOf: day), asOf: day))
        }
        router.on(RouterPath(APIRoute.postSites.routerPath), method: APIRoute.postSites.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let input = try SiteInput.decode(from: Data(try await source.collect()))
                let site = Site(code: input.code, name: input.name, nameAr: input.nameAr, nameRu: input.nameRu, kind: input.kind, admin: input.admin,
                                operatorName: input.operatorName, capacity: input.capacity, stayHours: input.stayHours)
                try await store.addSite(site, by: context.caller)
                return (.created, try jsonData(try await store.site(site.code.trimmingCharacters(in: .whitespaces))))
            }
        }
        router.on(RouterPath(APIRoute.showSite.routerPath), method: APIRoute.showSite.method) { request, context in
            let code = try siteCode(context)
            return try jsonResponse(try await store.standing(of: code, asOf: try asOf(request)))
        }
        router.on(RouterPath(APIRoute.listCensuses.routerPath), method: APIRoute.listCensuses.method) { _, context in
            let code = try await knownSite(context)
            return try jsonResponse(["censuses": try await store.censusRecords(of: code)])
        }
        router.on(RouterPath(APIRoute.listDepartures.routerPath), method: APIRoute.listDepartures.method) { _, context in
            let code = try await knownSite(context)
            return try jsonResponse(["departures": try await store.departureRecords(from: code)])
        }
        router.on(RouterPath(APIRoute.censusHistory.routerPath), method: APIRoute.censusHistory.method) { _, context in
            try await historyResponse(context.parameters, noun: "census") { try await store.history(ofCensus: $0) }
        }
        router.on(RouterPath(APIRoute.departureHistory.routerPath), method: APIRoute.departureHistory.method) { _, context in
            try await historyResponse(context.parameters, noun: "departure") { try await store.history(ofDeparture: $0) }
        }
        router.on(RouterPath(APIRoute.postCensuses.routerPath), method: APIRoute.postCensuses.method) { request, context in
            try await post(.censuses, request, context)
        }
        router.on(RouterPath(APIRoute.postDepartures.routerPath), method: APIRoute.postDepartures.method) { request, context in
            try await post(.departures, request, context)
        }
        router.on(RouterPath(APIRoute.listEvacuations.routerPath), method: APIRoute.listEvacuations.method) { _, _ in
            let operations = try await store.operations(), day = today()
            return try jsonResponse(["evacuations": operations.map { ListedOperation(operation: $0, successor: $0.successor(among: operations, by: day)) }])
        }
        router.on(RouterPath(APIRoute.postEvacuations.routerPath), method: APIRoute.postEvacuations.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let input = try OperationInput.decode(from: Data(try await source.collect()))
                let operation = EvacuationOperation(site: input.site, baselineDate: input.baselineDate, baselineResidents: input.baselineResidents,
                                                    start: input.start, perCycle: input.perCycle, cycleDays: input.cycleDays,
                                                    via: input.via ?? [], deadline: input.deadline, status: input.status ?? .planned)
                return (.created, try jsonData(try await store.addOperation(operation, today: today(), by: context.caller)))
            }
        }
        router.on(RouterPath(APIRoute.planEvacuation.routerPath), method: APIRoute.planEvacuation.method) { request, _ in
            try await plan(request)
        }
        router.on(RouterPath(APIRoute.showEvacuation.routerPath), method: APIRoute.showEvacuation.method) { request, context in
            try jsonResponse(try await store.progress(ofOperation: try operationID(context), asOf: try asOf(request)))
        }
        router.on(RouterPath(APIRoute.patchSite.routerPath), method: APIRoute.patchSite.method) { request, context in
            let code = try await knownSite(context)
            try request.require(contentType: ["application/json", "application/merge-patch+json"])
            let body = try await request.body.collect(upTo: 64 * 1024)
            let input = try SiteChangeInput.decode(from: Data(buffer: body))
            let change = SiteChange(name: input.name, nameAr: input.nameAr, nameRu: input.nameRu, operatorName: input.operatorName,
                                    capacity: input.capacity, stayHours: input.stayHours)
            return try jsonResponse(try await store.changeSite(code, change, by: context.caller).site)
        }
        router.on(RouterPath(APIRoute.patchEvacuation.routerPath), method: APIRoute.patchEvacuation.method) { request, context in
            let id = try operationID(context)
            try request.require(contentType: ["application/json", "application/merge-patch+json"])
            let body = try await request.body.collect(upTo: 64 * 1024)
            let change = try OperationChange.decode(from: Data(buffer: body))
            return try jsonResponse(try await store.setStatus(change.status, ofOperation: id, on: change.date, today: today(), by: context.caller))
        }
    }

    private func plan(_ request: Request) async throws -> Response {
        guard let site = try request.text("site") else { throw Problem.badRequest("site", "give the site's code") }
        let perCycle: Int? = try request.integer("per_cycle", said: 1 ... 10_000_000)
        let cycleDays: Int? = try request.integer("cycle_days", said: 1 ... 366)
        guard let perCycle else { throw Problem.badRequest("per_cycle", "give the persons per cycle") }
        guard let cycleDays else { throw Problem.badRequest("cycle_days", "give the days per cycle") }
        let start: Day? = try request.day("start")
        let deadline: Day? = try request.day("deadline")
        let arrivals: EvacuationPlan.Arrivals? = try request.oneOf("arrivals", ["spread", "convoy"]) { EvacuationPlan.Arrivals(rawValue: $0) }
        let via = request.uri.queryParameters.getAll("via").map { String($0) }
        let residents: Int? = try request.wholeNumber("residents", 0 ... 10_000_000)
        let plan = try await store.plan(site: site, perCycle: perCycle, cycleDays: cycleDays, start: start, deadline: deadline, via: via,
                                        arrivals: arrivals ?? .spread, residents: residents, today: today(), vocabulary: .api)
        return try jsonResponse(plan)
    }

    private func operationID(_ context: Context) throws -> Int {
        guard let id = context.parameters.get("id", as: Int.self), id > 0 else {
            throw Problem.badRequest("id", "'\(context.parameters.get("id") ?? "")' is not an operation id (a whole number)")
        }
        return id
    }

    private func asOf(_ request: Request) throws -> Day {
        try request.asOf(today: today())
    }

    private func siteCode(_ context: Context) throws -> String {
        // Percent-decoded: a code may hold letters of any script, or a `/`, which a URL carries encoded.
        guard let code = context.parameters.get("code")?.removingPercentEncoding, !code.isEmpty, code.unicodeScalars.count <= 32,
              !code.utf8.contains(0) else {
            throw Problem.badRequest("code", "a site code is up to 32 characters")
        }
        return code
    }

    /// The stored code of the site the path names, in any letter case.
    private func knownSite(_ context: Context) async throws -> String {
        let code = try siteCode(context)
        guard let site = try await store.site(code) else { throw Problem(.notFound, "no site has code \(code)") }
        return site.code
    }

    /// Censuses or departures of one site as JSON (an object or an array), through the one importer.
    private func post(_ kind: RecordKind, _ request: Request, _ context: Context) async throws -> Response {
        try request.require(contentType: ["application/json"])
        let code = try await knownSite(context)
        let importRequest = ImportRequest(sourceName: "POST /sites/\(code)/\(kind.rawValue)", format: .json, organisation: try request.text("org"),
                                          dryRun: try request.flag("dry_run"), skipInvalid: try request.flag("skip_invalid"),
                                          today: today(), vocabulary: .api)
        try await stores.organisations.refusePlusForSpace(importRequest.organisation, field: "org")
        let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
        return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
            let records = try Self.withSite(code, Data(try await source.collect()))
            let summary = try await stores.importRecords(kind, importRequest, from: .bytes(Array(records)), by: context.caller)
            return (summary.status == .error ? .unprocessableContent : .ok, try jsonData(summary.written(in: catalogues.catalogue(for: request))))
        }
    }

    /// The body's records with the path's site filled in; a record naming another site is refused.
    static func withSite(_ code: String, _ body: Data) throws -> Data {
        guard JSONRepeatedKey.isUTF8(body) else { throw Problem.notUTF8 }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: body)
        } catch {
            throw Problem.badRequest("body", "the body is not JSON")
        }
        // Written out again below, the body would keep one of a key's two values without a word.
        if let repeated = JSONRepeatedKey.all(in: body).first {
            throw Problem.repeatedKey(repeated, record: repeated.path.first.flatMap { if case .index(let index) = $0 { index + 1 } else { nil } })
        }
        guard var records = (value as? [Any]) ?? (value as? [String: Any]).map({ [$0] }) else {
            throw Problem.badRequest("body", "expected an object or an array of objects")
        }
        for index in records.indices {
            guard var object = records[index] as? [String: Any] else { continue }
            if let given = object["site"], (given as? String)?.uppercased() != code.uppercased() {
                throw Problem.badRequest("site", "record \(index + 1) names site '\(given)', not \(code), whose path this is")
            }
            object["site"] = code
            records[index] = object
        }
        return try JSONSerialization.data(withJSONObject: records)
    }
}

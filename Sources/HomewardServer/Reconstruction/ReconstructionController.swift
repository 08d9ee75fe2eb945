import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Reconstruction over HTTP: facility records, their summary, and the catalogue of kinds. Records are posted
/// through the one importer (``ImportsController``).
struct ReconstructionController<Context: CallerRequestContext> {
    let stores: Stores
    let configuration: ServerConfiguration
    let today: @Sendable () -> Day

    var store: ReconstructionStore { stores.reconstruction }

    /// A new kind as a client sends it.
    struct KindInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var code: String
        var unit: FacilityUnit
        var name: String
        var nameRu: String?
        var nameAr: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case code, unit, name, nameRu = "name_ru", nameAr = "name_ar" }
    }

    struct Page: Encodable {
        var facilities: [RecordedFacilityWork]
        var nextCursor: String?

        enum CodingKeys: String, CodingKey { case facilities, nextCursor = "next_cursor" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(facilities, forKey: .facilities)
            try c.encode(nextCursor, forKey: .nextCursor)
        }
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.listFacilities.routerPath), method: APIRoute.listFacilities.method) { request, _ in
            let filter = ReconstructionStore.Filter(
                window: try request.window(), area: try request.text("area"), kind: try request.text("kind"),
                status: try request.oneOf("status", FacilityStatus.self),
                externalId: try request.text("id"), reportedBySeveral: try request.flag("reported_by_several"))
            let (after, limit) = try request.paging()
            let page = PageCut(reading: try await store.works(filter, after: after, limit: limit + 1), limit: limit, id: \.id)
            return try jsonResponse(Page(facilities: page.items, nextCursor: page.nextCursor))
        }
        router.on(RouterPath(APIRoute.facilityHistory.routerPath), method: APIRoute.facilityHistory.method) { _, context in
            try await historyResponse(context.parameters, noun: "facility record") { try await store.history(ofWork: $0) }
        }
        router.on(RouterPath(APIRoute.facilitiesSummary.routerPath), method: APIRoute.facilitiesSummary.method) { request, _ in
            let asOf = try request.asOf(today: today())
            let window = try request.window()
            let grouping = try request.oneOf("by", ReconstructionGrouping.self)
            return try jsonResponse(try await store.summary(asOf: asOf, from: window.from, to: window.to, grouping: grouping))
        }
        router.on(RouterPath(APIRoute.listFacilityKinds.routerPath), method: APIRoute.listFacilityKinds.method) { _, _ in
            try jsonResponse(["kinds": try await store.kinds()])
        }
        router.on(RouterPath(APIRoute.postFacilityKinds.routerPath), method: APIRoute.postFacilityKinds.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let input = try KindInput.decode(from: Data(try await source.collect()))
                let kind = FacilityKind(code: input.code, unit: input.unit, nameEn: input.name, nameRu: input.nameRu, nameAr: input.nameAr)
                return (.created, try jsonData(try await store.addKind(kind, by: context.caller)))
            }
        }
    }
}

extension Request {
    /// `from` and `to`, the second not before the first.
    func window() throws -> DateWindow {
        let from = try day("from")
        let to = try day("to")
        if let from, let to, to < from, let message = DateWindow.endBeforeStart(from: from, to: to).message { throw Problem.badRequest("to", message) }
        return DateWindow(from: from, to: to)
    }

    /// `cursor` (the last id of the previous page) and `limit` (1 to 1000, default 100).
    func paging() throws -> (after: Int?, limit: Int) {
        let limit = try wholeNumber("limit", 1 ... 1000) ?? 100
        let cursor = try cursor()
        return (cursor, limit)
    }
}

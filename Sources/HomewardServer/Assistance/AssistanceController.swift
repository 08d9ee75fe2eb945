import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// Assistance over HTTP: aid actions, their summary, and the catalogue of types. Actions are posted through the
/// one importer (``ImportsController``).
struct AssistanceController<Context: CallerRequestContext> {
    let stores: Stores
    let configuration: ServerConfiguration

    var store: AssistanceStore { stores.assistance }

    /// A new type as a client sends it.
    struct TypeInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var code: String
        var name: String
        var nameRu: String?
        var nameAr: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case code, name, nameRu = "name_ru", nameAr = "name_ar" }
    }

    struct Page: Encodable {
        var actions: [RecordedAidAction]
        var nextCursor: String?

        enum CodingKeys: String, CodingKey { case actions, nextCursor = "next_cursor" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(actions, forKey: .actions)
            try c.encode(nextCursor, forKey: .nextCursor)
        }
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.listAid.routerPath), method: APIRoute.listAid.method) { request, _ in
            let (after, limit) = try request.paging()
            let page = PageCut(reading: try await store.actions(window: try request.window(), area: try request.text("area"), type: try request.text("type"),
                                                                organisation: try request.text("organisation"), after: after, limit: limit + 1,
                                                                reportedBySeveral: try request.flag("reported_by_several")),
                               limit: limit, id: \.id)
            return try jsonResponse(Page(actions: page.items, nextCursor: page.nextCursor))
        }
        router.on(RouterPath(APIRoute.aidHistory.routerPath), method: APIRoute.aidHistory.method) { _, context in
            try await historyResponse(context.parameters, noun: "aid action") { try await store.history(ofAction: $0) }
        }
        router.on(RouterPath(APIRoute.aidSummary.routerPath), method: APIRoute.aidSummary.method) { request, _ in
            let grouping = try request.oneOf("by", AidGrouping.self)
            return try jsonResponse(try await store.summary(try request.window(), grouping: grouping, area: try request.text("area"), type: try request.text("type"),
                                                            organisation: try request.text("organisation")))
        }
        router.on(RouterPath(APIRoute.listAidTypes.routerPath), method: APIRoute.listAidTypes.method) { _, _ in
            try jsonResponse(["types": try await store.types()])
        }
        router.on(RouterPath(APIRoute.postAidTypes.routerPath), method: APIRoute.postAidTypes.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: stores.idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let input = try TypeInput.decode(from: Data(try await source.collect()))
                let type = AidType(code: input.code, nameEn: input.name, nameRu: input.nameRu, nameAr: input.nameAr)
                return (.created, try jsonData(try await store.addType(type, by: context.caller)))
            }
        }
    }
}

import Foundation
import HomewardCore
import HomewardStore
import Hummingbird

/// The reference data over HTTP: crossing points (which partners may add), areas and countries.
struct PlacesController<Context: CallerRequestContext> {
    let store: PlacesStore
    let idempotency: IdempotencyStore
    let configuration: ServerConfiguration

    /// A new crossing point as a client sends it.
    struct CrossingInput: ClosedJSONObject {
        typealias Keys = CodingKeys
        var code: String
        var nameEn: String
        var nameAr: String?
        var nameRu: String?
        var country: String?
        var counterpartName: String?
        var adminPcode: String?
        var note: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case code, country, note
            case nameEn = "name_en", nameAr = "name_ar", nameRu = "name_ru", counterpartName = "counterpart_name", adminPcode = "admin_pcode"
        }
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.listCrossings.routerPath), method: APIRoute.listCrossings.method) { _, _ in
            try jsonResponse(try await store.crossings())
        }
        router.on(RouterPath(APIRoute.postCrossings.routerPath), method: APIRoute.postCrossings.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try StreamedBody(request, limit: configuration.maxBodyBytes)
            return try await Idempotency(store: idempotency, caller: context.caller).respond(to: request, body: body) { source in
                let input = try CrossingInput.decode(from: Data(try await source.collect()))
                let crossing = CrossingPoint(code: input.code, nameEn: input.nameEn, nameAr: input.nameAr ?? "", nameRu: input.nameRu,
                                             country: input.country?.uppercased(), counterpartName: input.counterpartName,
                                             adminPcode: input.adminPcode, note: input.note)
                try await store.addCrossing(crossing, by: context.caller, vocabulary: .api)
                return (.created, try jsonData(crossing))
            }
        }
        router.on(RouterPath(APIRoute.areas.routerPath), method: APIRoute.areas.method) { request, _ in
            let level = try request.oneOf("level", AdminLevel.allCases.map { String($0.rawValue) }) { Int($0).flatMap(AdminLevel.init(rawValue:)) }
            let parent = try request.text("parent")
            return try jsonResponse(try await store.areas(level: level ?? (parent == nil ? .adm1 : nil), parent: parent))
        }
        router.on(RouterPath(APIRoute.countries.routerPath), method: APIRoute.countries.method) { _, _ in
            try jsonResponse(try await store.countries())
        }
    }
}

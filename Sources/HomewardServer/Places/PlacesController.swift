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
    struct CrossingInput: Decodable {
        var code: String
        var nameEn: String
        var nameAr: String?
        var country: String?
        var counterpartName: String?
        var adminPcode: String?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case code, country, note
            case nameEn = "name_en", nameAr = "name_ar", counterpartName = "counterpart_name", adminPcode = "admin_pcode"
        }
    }

    /// A crossing point as the API shows it.
    struct CrossingOutput: Encodable {
        var crossing: CrossingPoint

        enum Keys: String, CodingKey { case code, name_en, name_ar, country, counterpart_name, admin_pcode, note, `internal` }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(crossing.code, forKey: .code)
            try c.encode(crossing.nameEn, forKey: .name_en)
            try c.encode(crossing.nameAr, forKey: .name_ar)
            try c.encode(crossing.country, forKey: .country)
            try c.encode(crossing.counterpartName, forKey: .counterpart_name)
            try c.encode(crossing.adminPcode, forKey: .admin_pcode)
            try c.encode(crossing.note, forKey: .note)
            try c.encode(crossing.isInternal, forKey: .`internal`)
        }
    }

    struct AreaOutput: Encodable {
        var area: AdminArea

        enum Keys: String, CodingKey { case pcode, level, name_en, name_ar, parent, latitude, longitude }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(area.pcode, forKey: .pcode)
            try c.encode(area.level.rawValue, forKey: .level)
            try c.encode(area.nameEn, forKey: .name_en)
            try c.encode(area.nameAr, forKey: .name_ar)
            try c.encode(area.parent, forKey: .parent)
            try c.encode(area.latitude, forKey: .latitude)
            try c.encode(area.longitude, forKey: .longitude)
        }
    }

    struct CountryOutput: Encodable {
        var country: Country

        enum Keys: String, CodingKey { case iso3, iso2, name_en, name_ru, name_ar }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(country.iso3, forKey: .iso3)
            try c.encode(country.iso2, forKey: .iso2)
            try c.encode(country.nameEn, forKey: .name_en)
            try c.encode(country.nameRu, forKey: .name_ru)
            try c.encode(country.nameAr, forKey: .name_ar)
        }
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.listCrossings.path), method: APIRoute.listCrossings.method) { _, _ in
            try jsonResponse(try await store.crossings().map(CrossingOutput.init))
        }
        router.on(RouterPath(APIRoute.postCrossings.path), method: APIRoute.postCrossings.method) { request, context in
            try request.require(contentType: ["application/json"])
            let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
            return try await Idempotency(store: idempotency, caller: context.caller).respond(to: request, body: body) {
                let input = try JSONDecoder().decode(CrossingInput.self, from: Data(body.readableBytesView))
                let crossing = CrossingPoint(code: input.code, nameEn: input.nameEn, nameAr: input.nameAr ?? "",
                                             country: input.country?.uppercased(), counterpartName: input.counterpartName,
                                             adminPcode: input.adminPcode, note: input.note)
                try await store.addCrossing(crossing, by: context.caller)
                return (.created, try jsonData(CrossingOutput(crossing: crossing)))
            }
        }
        router.on(RouterPath(APIRoute.areas.path), method: APIRoute.areas.method) { request, _ in
            let level = try request.query("level", "1, 2, 3 or 4") { Int($0).flatMap(AdminLevel.init(rawValue:)) }
            let parent = request.uri.queryParameters.get("parent").flatMap { $0.isEmpty ? nil : $0 }
            return try jsonResponse(try await store.areas(level: level ?? (parent == nil ? .adm1 : nil), parent: parent).map(AreaOutput.init))
        }
        router.on(RouterPath(APIRoute.countries.path), method: APIRoute.countries.method) { _, _ in
            try jsonResponse(try await store.countries().map(CountryOutput.init))
        }
    }
}

import Foundation
import HomewardTestSupport
import HummingbirdTesting
import Testing

@Suite struct PlacesAPITests {
    @Test(arguments: Backend.available)
    func crossingsAreListedAndAdded(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let list = try await client.get("/api/v1/crossings")
            #expect(try list.status == .ok && list.jsonArray.count == 21)
            #expect(try list.jsonArray.first { $0["code"] as? String == "LBN-01" }?["name_ar"] as? String == "جديدة يابوس")
            let created = try await client.post("/api/v1/crossings", #"{"code": "INT-01", "name_en": "Abu al-Duhur corridor", "admin_pcode": "SY07"}"#)
            #expect(created.status == .created)
            #expect(try created.json["internal"] as? Bool == true)
            let again = try await client.post("/api/v1/crossings", #"{"code": "INT-01", "name_en": "Again"}"#)
            #expect(try again.status == .conflict && again.json["field"] as? String == "code")
            let badCountry = try await client.post("/api/v1/crossings", #"{"code": "X-1", "name_en": "X", "country": "ZZZ"}"#)
            #expect(try badCountry.status == .badRequest && badCountry.json["field"] as? String == "country")
            let missing = try await client.post("/api/v1/crossings", #"{"code": "X-2"}"#)
            #expect(try missing.status == .badRequest && missing.json["field"] as? String == "name_en")
            // Refusals name the body's keys, not the command line's options.
            let badArea = try await client.post("/api/v1/crossings", #"{"code": "X-3", "name_en": "X", "admin_pcode": "SY99"}"#)
            #expect(try badArea.status == .badRequest && badArea.json["field"] as? String == "admin_pcode")
            let blankName = try await client.post("/api/v1/crossings", #"{"code": "X-4", "name_en": " "}"#)
            #expect(try blankName.json["field"] as? String == "name_en")
            let otherCase = try await client.post("/api/v1/crossings", #"{"code": "int-01", "name_en": "Again"}"#)
            #expect(try otherCase.status == .conflict && (otherCase.json["detail"] as? String)?.contains("INT-01") == true)
            #expect(try await client.get("/api/v1/crossings").jsonArray.count == 22)
        }
    }

    @Test(arguments: Backend.available)
    func areasAndCountriesCarryTheirNames(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let governorates = try await client.get("/api/v1/areas")
            #expect(try governorates.jsonArray.count == 14)
            let districts = try await client.get("/api/v1/areas?parent=SY12")
            #expect(try districts.jsonArray.allSatisfy { $0["parent"] as? String == "SY12" && $0["level"] as? Int == 2 })
            #expect(try !districts.jsonArray.isEmpty)
            // A community has no subdivisions: an empty list. A P-code that names no area is a typo, said so.
            let community = try await client.get("/api/v1/areas?parent=C3912")
            #expect(try community.status == .ok && community.jsonArray.isEmpty)
            let typo = try await client.get("/api/v1/areas?parent=SY99")
            #expect(try typo.status == .badRequest && typo.json["field"] as? String == "parent")
            let countries = try await client.get("/api/v1/countries")
            let lebanon = try countries.jsonArray.first { $0["iso3"] as? String == "LBN" }
            #expect(lebanon?["name_ru"] as? String == "Ливан" && lebanon?["name_ar"] as? String == "لبنان")
        }
    }

    @Test(arguments: Backend.available)
    func aNULInAnyQueryParameterIsA400NamingIt(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            for (uri, field) in [("/api/v1/areas?parent=SY%00", "parent"), ("/api/v1/totals?crossing=LBN%0001", "crossing"),
                                 ("/api/v1/movements?crossing=%00", "crossing")] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(try response.json["field"] as? String == field, "\(uri)")
            }
        }
    }
}

import Foundation
import HomewardCore
import HomewardStore
import HTTPTypes
import HomewardTestSupport
import HummingbirdTesting
import Testing
@testable import HomewardServer

/// The API writes import problems in the language of `Accept-Language`, under the same codes, and names
/// its own parameters where the command line would name its flags.
@Suite struct ImportLanguageTests {
    static let futureRow = #"{"date": "2020-07-01", "crossing": "LBN-01", "category": "refugee", "persons": 3, "organisation": "UNHCR"}"#

    @Test(arguments: Backend.available)
    func acceptLanguageChoosesTheLanguageOfReasonsAndKeepsTheirCodes(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // act
            let english = try await client.post("/api/v1/movements", Self.futureRow)
            let russian = try await client.post("/api/v1/movements", Self.futureRow, headers: [.acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.8"])
            let arabic = try await client.post("/api/v1/movements", Self.futureRow, headers: [.acceptLanguage: "ar"])
            // check
            #expect(english.status == .unprocessableContent && russian.status == .unprocessableContent)
            let en = try #require(try english.decode(ImportSummary.self).problems.first)
            let ru = try #require(try russian.decode(ImportSummary.self).problems.first)
            let ar = try #require(try arabic.decode(ImportSummary.self).problems.first)
            #expect(en.code == "import.date.future" && ru.code == en.code && ar.code == en.code)
            #expect(en.reason == "the date is in the future (today is 30 June 2020); figures are recorded after the fact")
            #expect(ru.reason == "дата в будущем (сегодня 30 июня 2020\u{202F}г.); данные записываются по факту")
            #expect(ar.reason.hasPrefix("التاريخ في المستقبل"))
            let arguments = try (russian.json["problems"] as? [[String: Any]])?.first?["arguments"] as? [String: String]
            #expect(arguments == ["today": "2020-06-30"])
        }
    }

    /// A parameter's value refused is said in the reader's language too (a Russian or Arabic script's log read by its
    /// author): the codes it may take stay codes, the problem's code stays the same.
    @Test(arguments: Backend.available)
    func refusedParametersAreExplainedInTheLanguageAskedFor(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let asked: [(path: String, language: String, field: String, detail: String)] = [
                ("/api/v1/totals?by=foo", "ru", "by", "«foo» — не одно из значений crossing, "),
                ("/api/v1/totals?top=0", "ar", "top", "«0» ليس عدداً صحيحاً بين ١ و١٠٬٠٠٠"),
                ("/api/v1/totals?category=x", "ru", "category", "«x» — не одно из значений refugee, idp"),
                ("/api/v1/movements?cursor=-1", "ar", "cursor", "«-1» ليس مؤشّر صفحة: مرّر next_cursor"),
                // As the contract's pattern: at most 18 digits, no sign.
                ("/api/v1/aid?cursor=1234567890123456789", "en", "cursor", "'1234567890123456789' is not a cursor"),
                ("/api/v1/facilities?cursor=%2B5", "en", "cursor", "'+5' is not a cursor"),
                ("/api/v1/movements?from=2020-06-02&to=2020-06-01", "ar", "to", "2020-06-01 يسبق بداية الفترة"),
                ("/api/v1/audit?limit=0", "ru", "limit", "«0» — не целое число от 1 до 10"),
                ("/api/v1/totals?last=0", "ar", "last", "«0» ليس عدداً صحيحاً بين ١ و٣٬٦٦٠"),
                ("/api/v1/totals?last=week", "ru", "last", "«week» — не целое число от 1 до 3"),
                ("/api/v1/totals?from=2020-06-02&to=2020-06-01", "ru", "to", "2020-06-01 — раньше начала периода, 2020-06-02"),
                ("/api/v1/facilities?status=done", "ar", "status", "«done» ليس أحد damaged, under-restoration, commissioned"),
                ("/api/v1/readiness?level=adm9", "ru", "level", "«adm9» — не одно из значений adm1, adm2, adm3, adm4"),
                ("/api/v1/aid/summary?by=street", "en", "by", "'street' is not one of "),
            ]
            for (path, language, field, detail) in asked {
                let response = try await client.execute(uri: path, method: .get, headers: [.acceptLanguage: language])
                #expect(response.status == .badRequest, "\(path)")
                let body = try response.json
                #expect(body["field"] as? String == field && body["code"] as? String == "problem.value.invalid", "\(path): \(body)")
                #expect((body["detail"] as? String)?.hasPrefix(detail) == true, "\(path): \(body["detail"] ?? "")")
            }
        }
    }

    @Test(arguments: Backend.available)
    func censusesDeparturesAndSourceFiguresAreRefusedInTheLanguageAskedFor(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: a camp
            #expect(try await client.post("/api/v1/sites", #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006"}"#).status == .created)
            // act: a future date on each route, asked in Russian
            let future = #""date": "2020-07-01""#
            let refusals = [
                try await client.post("/api/v1/sites/HOL/censuses", "{\(future), \"residents\": 10, \"organisation\": \"UNHCR\"}", headers: [.acceptLanguage: "ru"]),
                try await client.post("/api/v1/sites/HOL/departures", "{\(future), \"persons\": 10, \"organisation\": \"UNHCR\"}", headers: [.acceptLanguage: "ru"]),
                try await client.post("/api/v1/sources", "{\(future), \"organisation\": \"UNHCR\", \"measure\": \"returns\", \"value\": 10}",
                                      headers: [.acceptLanguage: "ru"]),
            ]
            // check: the same code as in English, the reason in Russian
            for response in refusals {
                #expect(response.status == .unprocessableContent, "\(response.text)")
                let problem = try #require(try response.decode(ImportSummary.self).problems.first)
                #expect(problem.code == "import.date.future")
                #expect(problem.reason.hasPrefix("дата в будущем"), "\(problem.reason)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func problemsNameTheAPIsParametersNotTheCommandLinesFlags(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let csv = "Date,Governorate,IDPs\n#date,#adm1+dest+code,#affected+returnees+idps+num\n2019-01-01,SY01,5\n"
            let noOrg = try await client.post("/api/v1/imports", csv, contentType: "text/csv")
            let problem = try #require(try noOrg.decode(ImportSummary.self).problems.first)
            #expect(problem.code == "import.organisation.missing")
            #expect(problem.reason.contains("the org parameter") && !problem.reason.contains("--org"))
            let noOrgInRussian = try await client.post("/api/v1/imports", csv, contentType: "text/csv", headers: [.acceptLanguage: "ru"])
            #expect(try noOrgInRussian.decode(ImportSummary.self).problems.first?.reason.contains("параметр org") == true)

            // Problem details of an import that cannot start are written the same way.
            let untagged = try await client.post("/api/v1/imports", "Date,People\n2019-01-01,5\n", contentType: "text/csv",
                                                 headers: [.acceptLanguage: "ar"])
            #expect(untagged.status == .badRequest)
            let item = try #require((try untagged.json["problems"] as? [[String: Any]])?.first)
            #expect(item["code"] as? String == "import.layout.noTagRow")
            #expect((item["reason"] as? String)?.contains("المعامل map") == true)
            #expect((try untagged.json["detail"] as? String)?.contains("الملف: لا يوجد صف وسوم HXL") == true)
        }
    }

    @Test func theMostPreferredOfHomewardsLanguagesWins() {
        #expect(AcceptLanguage.preferred(nil) == .en)
        #expect(AcceptLanguage.preferred("") == .en)
        #expect(AcceptLanguage.preferred("ru") == .ru)
        #expect(AcceptLanguage.preferred("de-DE, ar-SY;q=0.8, ru;q=0.9") == .ru)
        #expect(AcceptLanguage.preferred("ar;q=0.5, ru;q=0") == .ar)
        #expect(AcceptLanguage.preferred("fr, *;q=0.5") == .en)
        #expect(AcceptLanguage.preferred("ru;q=banana, ar") == .ar)
        #expect(AcceptLanguage.preferred(";;,,=") == .en)
    }
}

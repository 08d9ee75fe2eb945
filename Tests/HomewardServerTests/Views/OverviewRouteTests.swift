import HomewardServer
import HomewardTestSupport
import HummingbirdTesting
import Testing

/// `GET /?lang=…`: the overview page in the reader's language, over HTTP on a real store.
@Suite struct OverviewRouteTests {
    static let csv = """
        #date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num
        2020-06-29,LBN-01,LBN,SY03,1200
        2020-06-20,JOR-01,JOR,SY12,300
        """

    @Test(arguments: Backend.available)
    func arabicIsRightToLeftWithArabicDigits(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            _ = try await store.importCSV(Self.csv)
            let page = try await client.get("/?lang=ar")
            #expect(page.status == .ok && page.headers[.contentLanguage] == "ar")
            #expect(page.text.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(page.text.contains(#"<bdi dir="ltr">١٬٥٠٠</bdi>"#))
            #expect(page.text.contains("<h1>نظرة عامة على العودة</h1>"))
            #expect(page.text.contains("<span>ريف دمشق<br>") && page.text.contains("<span>جديدة يابوس<br>"))
        }
    }

    /// `digits=latin`: an Arabic page in 0–9, as statements are offered; kept by the page's links, and no notice that
    /// the page ignores it. A value not offered is refused.
    @Test(arguments: Backend.available)
    func anArabicPageInLatinDigitsWhenAsked(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            _ = try await store.importCSV(Self.csv)
            let page = try await client.get("/?lang=ar&digits=latin")
            #expect(page.status == .ok && page.text.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(page.text.contains(#"<bdi dir="ltr">1,500</bdi>"#) && !page.text.contains("١٬٥٠٠"), "\(page.text)")
            #expect(page.text.contains("href=\"/camps?lang=ar&amp;digits=latin\"") && page.text.contains("?lang=en&amp;digits=latin"), "\(page.text)")
            #expect(!page.text.contains("لا تأخذ هذه الصفحة"), "no notice of an unread parameter")
            #expect(try await client.get("/?lang=ar").text.contains("١٬٥٠٠"))
            #expect(try await client.get("/?lang=ar&digits=roman").status == .badRequest)
            // A problem page of a page asked in Latin digits keeps them, and so do its links.
            let problem = try await client.execute(uri: "/camps?lang=ar&digits=latin&as_of=2026-13-01", method: .get, headers: [.accept: "text/html"])
            #expect(problem.status == .badRequest && problem.text.contains("href=\"/camps?lang=ar&amp;digits=latin\""), "\(problem.text)")
            #expect(problem.text.range(of: "[\u{0660}-\u{0669}]", options: .regularExpression) == nil, "\(problem.text)")
        }
    }

    @Test(arguments: Backend.available)
    func russianGroupsWithANoBreakSpace(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            _ = try await store.importCSV(Self.csv)
            let page = try await client.get("/?lang=ru")
            #expect(page.status == .ok && page.text.contains(#"<html lang="ru" dir="ltr">"#))
            #expect(page.text.contains("<bdi dir=\"ltr\">1\u{00A0}500</bdi>"))
            // Names from the bundled names file, through the store's totals.
            #expect(page.text.contains("<span>Риф-Димашк<br>") && page.text.contains("<span>Дждейдет-Ябус<br>"))
        }
    }

    /// IDPs who return without a border crossing are in the headline total: the table by crossing point counts
    /// them in a last row of their own, so that its rows add up to the figure above it.
    @Test(arguments: Backend.available)
    func theCrossingsTableAddsUpToTheTotal(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            _ = try await store.importCSV(Self.csv)
            _ = try await store.importCSV("""
                #date,#adm1+dest+code,#affected+returnees+idps+num
                2020-06-28,SY07,45
                """)
            let page = try await client.get("/")
            #expect(page.text.contains(#"<bdi dir="ltr">1,545</bdi>"#))
            let rows = page.text.components(separatedBy: "<h2>").first { $0.hasPrefix("By crossing point") }?
                .components(separatedBy: "<tr><td data-label=\"Crossing point\"><span>").dropFirst().map { String($0.prefix { $0 != "<" }) } ?? []
            #expect(rows == ["Jdeidet Yabous", "Nasib", "No crossing point given"], "\(page.text)")
            #expect(try await client.get("/?lang=ru").text.contains("<span>Пункт пересечения не указан</span>"))
        }
    }

    @Test(arguments: Backend.available)
    func englishIsTheDefault(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let page = try await client.get("/")
            #expect(page.status == .ok && page.headers[.contentLanguage] == "en")
            #expect(page.text.contains(#"<html lang="en" dir="ltr">"#))
        }
    }

    /// A browser set to Arabic or Russian gets its first page in that language (it got English); `?lang=` chooses over it,
    /// as every link of a page names its language, and reads a region or capitals (`ar-SY`, `AR`) as the language.
    @Test(arguments: Backend.available)
    func aPageWithoutLangIsInTheBrowsersLanguage(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let lang = { (uri: String, accept: String) in
                let page = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: accept])
                #expect(page.status == .ok && page.headers[.vary]?.contains("Accept-Language") == true, "\(uri) \(accept)")
                return page.headers[.contentLanguage] ?? ""
            }
            var chosen: [String] = []
            for (uri, accept) in [("/", "ar-SY,ar;q=0.9,en;q=0.5"), ("/", "ru-RU, ru;q=0.9"), ("/", "fr-FR, de;q=0.8"), ("/", ""),
                                  ("/", "ar;q=0.1, ru;q=0.9"), ("/?lang=en", "ar"), ("/?lang=AR", "en"), ("/?lang=ru-RU", "ar")] {
                chosen.append(try await lang(uri, accept))
            }
            #expect(chosen == ["ar", "ru", "en", "en", "ru", "en", "ar", "ru"])
            let arabic = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "ar"])
            #expect(arabic.text.contains(#"<html lang="ar" dir="rtl">"#))
            // The page's own links name their language: choosing English on it holds whatever the browser asks for.
            #expect(arabic.text.contains(#"href="/?lang=en""#))
        }
    }

    @Test(arguments: ["fr", "", "e", "arabic"])
    func anUnknownLanguageIsAProblemNamingLang(_ value: String) async throws {
        try await withApp(.sqlite) { _, client in
            let page = try await client.get("/?lang=\(value)")
            #expect(page.status == .badRequest)
            #expect(page.headers[.contentType] == "application/problem+json")
            #expect(try page.json["field"] as? String == "lang")
            #expect(try (page.json["detail"] as? String)?.contains("en, ru, ar") == true)
        }
    }
}

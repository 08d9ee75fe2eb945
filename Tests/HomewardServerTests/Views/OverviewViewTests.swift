import Foundation
import HomewardCore
@testable import HomewardServer
import SnapshotTesting
import Testing

/// The overview page rendered from `.mock` models, without a database or HTTP.
@Suite struct OverviewViewTests {
    let pages: Pages

    init() throws {
        pages = try Pages.bundled()
    }

    func html(_ model: OverviewModel, _ language: Language) -> String {
        OverviewView(model: model, language: language).render(pages)
    }

    @Test(arguments: Language.allCases)
    func snapshot(_ language: Language) {
        assertSnapshot(of: html(.mock, language), as: .lines, named: language.rawValue)
    }

    @Test(arguments: Language.allCases)
    func snapshotOfAnEmptyDemoDatabase(_ language: Language) {
        assertSnapshot(of: html(.emptyDemo, language), as: .lines, named: language.rawValue)
    }

    /// Names come from partners' files and the API: markup or quotes in them are shown, never run.
    @Test func valuesFromTheDataAreEscaped() {
        var model = OverviewModel.mock
        model.crossings[0].name = #"<script>alert("x")</script> & "Bab" 'Salama'"#
        model.crossings[0].key = #"X"><img src=x>"#
        let html = html(model, .en)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Bab&quot; &#39;Salama&#39;"))
        #expect(html.contains("X&quot;&gt;&lt;img src=x&gt;"))
    }

    @Test func arabicIsLaidOutRightToLeftWithNumbersLeftToRight() {
        let html = html(.mock, .ar)
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<bdi dir="ltr">١٬٢٣٤٬٥٦٧</bdi>"#))
        #expect(html.contains(#"<bdi dir="ltr">SY03</bdi>"#))
        // The change keeps the direction mark ICU gives its sign, and the day its Levantine month name.
        #expect(html.contains("<bdi>\u{061C}+٩٠٠</bdi> مقارنةً بالأيام الـ<bdi dir=\"ltr\">٧</bdi> السابقة"))
        #expect(html.contains("آخر البيانات: <bdi>٢٩ حزيران ٢٠٢٠</bdi>"))
        #expect(!html.contains("Returns overview"))
    }

    @Test func placesAreNamedInThePagesLanguageWhereTheyHaveAName() {
        let russian = html(.mock, .ru)
        #expect(russian.contains("<span>Риф-Димашк<br>"))
        #expect(russian.contains("<span>Дждейдет-Ябус<br>"))
        #expect(russian.contains("<span>Nasib<br>"), "no Russian name: the English one")
        #expect(!russian.contains("Rural Damascus"))
        #expect(html(.mock, .ar).contains("<span>ريف دمشق<br>"))
        #expect(html(.mock, .en).contains("<span>Rural Damascus<br>"))
    }

    @Test func eachPageLinksToTheOtherTwoLanguages() {
        for language in Language.allCases {
            let html = html(.mock, language)
            #expect(html.contains(#"<html lang="\#(language.rawValue)" dir="\#(language.direction.rawValue)">"#))
            for other in Language.allCases {
                #expect(html.contains(#"href="/?lang=\#(other.rawValue)" lang="#) == (other != language), "\(language) → \(other)")
            }
        }
        #expect(html(.mock, .en).contains(#"<a href="/?lang=ar" lang="ar" hreflang="ar">العربية</a>"#))
        #expect(html(.mock, .ar).contains(#"<a href="/?lang=ru" lang="ru" hreflang="ru">Русский</a>"#))
    }

    /// Every label comes from the catalogue: no key shows through, on a full page or an empty one.
    @Test(arguments: Language.allCases)
    func noCatalogueKeyShowsThrough(_ language: Language) {
        for model in [OverviewModel.mock, .emptyDemo] {
            let html = html(model, language)
            for key in pages.catalogue(.en).entries.keys {
                #expect(!html.contains(key), "\(key) in the \(language.rawValue) page")
            }
            #expect(html.range(of: #"\{[A-Za-z0-9_]+\}"#, options: .regularExpression) == nil,
                    "an unfilled placeholder in the \(language.rawValue) page")
        }
    }

    @Test func aPageForPhonesWithoutJavaScript() {
        for language in Language.allCases {
            let html = html(.mock, language)
            #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
            #expect(!html.lowercased().contains("<script"))
            #expect(html.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) == nil,
                    "no event handler attributes")
        }
    }

    @Test func theDemoBannerShowsOnlyForDemoData() {
        #expect(html(.emptyDemo, .en).contains("<strong>Demo data.</strong>"))
        #expect(html(.emptyDemo, .ru).contains("<strong>Демонстрационные данные.</strong>"))
        #expect(!html(.mock, .en).contains(#"class="demo""#))
        #expect(html(.emptyDemo, .en).contains("Latest data: none yet"))
        #expect(html(.emptyDemo, .en).contains("No movements through crossing points yet."))
    }

    /// The public sees small counts as "<5", and no change that would give one away; internal readers see them all.
    @Test func thePublicSeesSmallCountsHidden() throws {
        var model = OverviewModel.mock
        model.crossings[1] = TotalsGroup(key: "JOR-01", name: "Nasib", nameAr: "نصيب", persons: 7, refugees: 3, idps: 4)
        model.weekBefore = 2
        let exact = html(model, .en)
        let shown = html(model.forThePublic(SmallCounts(threshold: 5), roundingTo: 1), .en)
        #expect(exact.contains(#"<td class="num" data-label="Refugees"><bdi dir="ltr">3</bdi></td>"#), "\(exact)")
        #expect(shown.contains(#"<td class="num" data-label="Refugees"><bdi dir="ltr">&lt;5</bdi></td><td class="num" data-label="IDPs"><bdi dir="ltr">&lt;5</bdi></td>"#), "\(shown)")
        #expect(!shown.contains("days before (") && exact.contains("days before ("), "the change would give away the hidden week")
        #expect(shown.contains("Public figures:") && !exact.contains("Public figures:"))
        #expect(html(model.forThePublic(SmallCounts(threshold: 5), roundingTo: 1), .ar).contains(#"<bdi dir="ltr">&lt;٥</bdi>"#))
        // The column too: no hidden crossing's IDPs are the headline's IDPs less the crossings shown. A zero shown
        // (no IDP crosses a border) is no partner; what the table leaves out (IDPs without a crossing) is.
        let suppression = try #require(model.forThePublic(SmallCounts(threshold: 5), roundingTo: 1).suppression)
        let shownIDPs: [Int?] = suppression.crossings.map { cells -> Int? in if case .exact(let n) = cells[1] { n } else { nil } }
        #expect(suppression.crossings[0][1] == .exact(0) && suppression.crossings[1][1] == .fewerThan(5))
        #expect(suppression.headline[1] == .exact(234_546))
        #expect(234_546 - shownIDPs.compactMap { $0 }.reduce(0, +) != 4, "the headline less the crossings shown gives the hidden 4")
    }

    /// The public page rounds every count it shows as the open totals do, so that the two public views of one figure agree,
    /// and says so; the change over the last days is of the counts shown.
    @Test func thePublicSeesCountsRoundedAsTheOpenTotalsRoundThem() throws {
        var model = OverviewModel.mock
        (model.lastWeek, model.weekBefore) = (1_502, 603)
        let shown = html(model.forThePublic(SmallCounts(threshold: 5), roundingTo: 5), .en)
        #expect(shown.contains(">1,234,565<") && !shown.contains("1,234,567"), "the headline as /api/v1/public/totals gives it")
        #expect(shown.contains(">234,545<") && shown.contains(">1,500<") && !shown.contains("1,502"))
        #expect(shown.contains("<bdi>+895</bdi> against the") && shown.contains(#"(<bdi dir="ltr">605</bdi>)"#), "1,500 shown less 605 shown")
        #expect(shown.contains("each count is rounded to the nearest 5"))
        #expect(html(model.forThePublic(SmallCounts(threshold: 5), roundingTo: 1), .en).contains("1,234,567"))
    }

    /// People reported for periods across a week's first or last day are in neither week's count: the page says how many,
    /// as the command line and the statement do, for the public as its other counts are shown (rounded, or "<5").
    @Test func whatTheWeeksLeaveOutIsSaid() throws {
        var model = OverviewModel.mock
        #expect(!html(model, .en).contains("Not counted"), "nothing to say where nothing is left out")
        (model.lastWeekPartial, model.weekBeforePartial) = (502, 3)
        let exact = html(model, .en)
        #expect(exact.contains("Not counted in the 7 days: <bdi dir=\"ltr\">502</bdi> people reported for periods that began before"), "\(exact)")
        #expect(exact.contains("Not counted in the 7 days before: <bdi dir=\"ltr\">3</bdi> people reported for periods across their first or last day."))
        let shown = html(model.forThePublic(SmallCounts(threshold: 5), roundingTo: 5), .en)
        #expect(shown.contains(">500</bdi> people reported") && !shown.contains("502"), "\(shown)")
        #expect(shown.contains("&lt;5</bdi> people reported for periods across"))
        #expect(html(model, .ru).contains("За 7 дней до этого не учтены"))
        #expect(html(model, .ar).contains("لفترات تتجاوز أول الأيام السبعة السابقة أو آخرها"))
    }
}

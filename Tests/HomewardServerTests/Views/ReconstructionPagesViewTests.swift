import Foundation
import HomewardCore
@testable import HomewardServer
import SnapshotTesting
import Testing

/// The reconstruction, aid and readiness pages rendered from `.mock` models, without a database or HTTP.
@Suite struct ReconstructionPagesViewTests {
    let pages: Pages

    init() throws {
        pages = try Pages.bundled()
    }

    func html(_ language: Language) -> [String: String] {
        PageViewer.signedIn {
            ["reconstruction": ReconstructionView(model: .mock, language: language).render(pages),
             "aid": AidView(model: .mock, language: language).render(pages),
             "readiness": ReadinessView(model: .mock, language: language).render(pages)]
        }
    }

    @Test(arguments: Language.allCases)
    func snapshot(_ language: Language) {
        for (page, text) in html(language).sorted(by: { $0.key < $1.key }) {
            assertSnapshot(of: text, as: .lines, named: "\(page)-\(language.rawValue)")
        }
    }

    @Test(arguments: Language.allCases)
    func emptyPagesSayThereIsNothingYet(_ language: Language) {
        let c = pages.catalogue(language)
        #expect(ReconstructionView(model: .empty, language: language).render(pages).contains(c.text("reconstruction.none")))
        #expect(AidView(model: .empty, language: language).render(pages).contains(c.text("aid.none")))
        #expect(ReadinessView(model: .empty, language: language).render(pages).contains(c.text("readiness.none")))
        // A gazetteer of two levels offers no table of a third, which would always be empty.
        let twoLevels = ReadinessView(model: .empty, language: language).render(pages)
        #expect(twoLevels.contains(c.text("level.adm2.plural")) && !twoLevels.contains(c.text("level.adm4.plural")))
    }

    @Test func quantitiesAreWrittenInEachLanguagesWayWithTheirUnit() {
        // The reconstruction page's cells as read, without the labels a phone's stacked rows show beside them.
        func html(_ language: Language) -> [String: String] {
            var pages = self.html(language)
            pages["reconstruction"] = pages["reconstruction"]!.replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
            return pages
        }
        #expect(html(.en)["reconstruction"]!.contains("<td>Roads</td><td class=\"num\"><bdi>12.5 km</bdi>"))
        #expect(html(.ru)["reconstruction"]!.contains("<td>Дороги</td><td class=\"num\"><bdi>12,5 км</bdi>"))
        #expect(html(.ar)["reconstruction"]!.contains("<td>طرق</td><td class=\"num\"><bdi>١٢٫٥ كم</bdi>"))
        // Kilometres to the tenth always, so that a whole number beside a decimal reads alike.
        #expect(html(.en)["reconstruction"]!.contains("<bdi>0.0 km</bdi>") && !html(.en)["reconstruction"]!.contains("<bdi>0 km</bdi>"))
        #expect(html(.ru)["aid"]!.contains("<bdi dir=\"ltr\">3,625</bdi>"))
        #expect(html(.ar)["aid"]!.contains(#"<html lang="ar" dir="rtl">"#))
        // Tonnes in a column line up to the kilogram; a type's code that only repeats its name is not shown under it.
        // Tonnes as every page writes them, trailing zeros dropped: a column's 3.500 reads as three thousand five hundred to many.
        #expect(html(.en)["aid"]!.contains(#"data-label="Tonnes"><bdi dir="ltr">3.5</bdi>"#) && html(.en)["aid"]!.contains("<span>Humanitarian</span>"))
        #expect(html(.ru)["aid"]!.contains("<span>Гуманитарная<br><small><bdi dir=\"ltr\">humanitarian</bdi></small></span>"))
    }

    /// A figure that no action gave is not shown as 0, and one that only some gave says how many did.
    @Test func aidFiguresSayWhichActionsGaveThem() {
        let en = html(.en)["aid"]!
        #expect(en.contains(#"<span class="note">given for <bdi dir="ltr">9</bdi> of <bdi dir="ltr">13</bdi> actions</span>"#), "\(en)")
        // Parcels come only from the kinds of aid that deliver them: a count of the actions beside them would read as a gap.
        #expect(en.contains(#"<span>parcels</span></div>"#) && !en.contains("given for <bdi dir=\"ltr\">12</bdi>"))
        let humanitarian = en.split(separator: "\n").first { $0.contains("9/12") && $0.hasPrefix("<tr>") } ?? ""
        #expect(humanitarian.hasSuffix(#"<bdi dir="ltr">—</bdi></td></tr>"#), "humanitarian aid treats nobody: \(humanitarian)")
        #expect(en.contains("— : not reported by any of the actions in the row."))
        // In the tables, a row whose people reached only some of its actions gave says how many: 9 of the 12 food actions.
        #expect(en.contains(#"<bdi dir="ltr">3,000</bdi><br><small><bdi dir="ltr">9/12</bdi></small></span></td>"#), "\(en)")
        #expect(en.contains("A pair such as 20/24 under people reached"))
        #expect(html(.ar)["aid"]!.contains(#"<small><bdi dir="ltr">٩/١٢</bdi></small>"#))
        #expect(html(.ru)["aid"]!.contains(#"из <bdi dir="ltr">13</bdi> акций"#))
        #expect(html(.ar)["aid"]!.contains(#"من أصل <bdi dir="ltr">١٣</bdi> عملية"#))
        #expect(html(.en)["readiness"]!.contains("<li>Treated: <bdi>not reported</bdi></li>"))
        // The readiness table gives every figure of the aid page: parcels and people reached too.
        #expect(html(.en)["readiness"]!.contains("<li>Parcels: <bdi>750</bdi></li><li>People reached: <bdi>not reported</bdi></li>"))
        #expect(!AidView(model: .empty, language: .en).render(pages).contains("not reported"))
        // A figure no action gave is a dash with the label's form for no number, not one that reads as a count of people.
        let food = AidTally(place: Lineage([.adm1: "SY12"]), type: "humanitarian", organisation: "SARC",
                            figures: AidFigures(actions: 2, parcels: 40, reportedBy: AidReporting(parcels: 2)))
        let untreated = AidModel(summary: AidSummary(tallies: [food], types: [], from: Day("2020-06-01")!, to: Day("2020-06-30")!),
                                 byOrganisation: AidSummary(tallies: [food], types: [], from: Day("2020-06-01")!, to: Day("2020-06-30")!, grouping: .organisation),
                                 from: Day("2020-06-01")!, to: Day("2020-06-30")!, demo: false)
        #expect(AidView(model: untreated, language: .ru).render(pages)
            .contains(#"<bdi dir="ltr">—</bdi></span><span>человек получили медицинскую помощь</span>"#))
    }

    @Test func thePagesLinkToEachOtherAndTheReadinessTableSortsByAnyColumn() {
        for (page, text) in html(.ru) {
            for path in ["/?lang=ru", "/reconstruction?lang=ru", "/aid?lang=ru", "/readiness?lang=ru"] {
                #expect(text.contains("href=\"\(path)\""), "\(page) links to \(path)")
            }
        }
        let readiness = html(.en)["readiness"]!
        #expect(readiness.contains(#"<option value="commissioned:school">Schools commissioned</option>"#))
        #expect(readiness.contains(#"<option value="returned" selected>people returned</option>"#))
        #expect(readiness.contains(#"<input type="hidden" name="from" value="2020-06-01">"#))
        #expect(readiness.contains(#"<a href="/readiness?lang=en&amp;level=adm2&amp;sort=returned&amp;from=2020-06-01&amp;to=2020-06-30">Districts</a>"#))
    }

    /// Names come from partners' files and the API: markup in them is shown, never run.
    @Test func valuesFromTheDataAreEscaped() {
        var model = ReadinessModel.mock
        model.report.rows[0].name = #"<script>alert("x")</script>"#
        let html = ReadinessView(model: model, language: .en).render(pages)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;"))
    }

    /// Every label comes from the catalogue: no key shows through.
    @Test(arguments: Language.allCases)
    func noCatalogueKeyShowsThrough(_ language: Language) {
        for (page, text) in html(language) {
            for key in pages.catalogue(.en).entries.keys where key.contains(".") {
                #expect(!text.contains(key), "\(key) in the \(language.rawValue) \(page) page")
            }
        }
    }
}

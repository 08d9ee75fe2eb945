import Foundation
import HomewardCore
@testable import HomewardServer
import HomewardStore
import SnapshotTesting
import Testing

/// The sources page and a bulletin's page rendered from `.mock` models, without a database or HTTP.
@Suite struct SourcesViewTests {
    let pages: Pages

    init() throws {
        pages = try Pages.bundled()
    }

    @Test(arguments: Language.allCases)
    func sourcesSnapshot(_ language: Language) {
        assertSnapshot(of: PageViewer.signedIn { SourcesView(model: .mock, language: language).render(pages) }, as: .lines, named: language.rawValue)
    }

    @Test(arguments: Language.allCases)
    func bulletinSnapshot(_ language: Language) {
        assertSnapshot(of: BulletinView(bulletin: .mock, language: language).render(pages), as: .lines, named: language.rawValue)
        // On generated data, the statement says so above it: it is the page most often passed on.
        #expect(BulletinView(bulletin: .mock, language: language, demo: true).render(pages).contains(#"<p class="demo" role="note">"#))
        #expect(!BulletinView(bulletin: .mock, language: language).render(pages).contains(#"class="demo""#))
    }

    @Test func eachOrganisationIsItsOwnSeriesAndNothingIsAddedUp() {
        let html = SourcesView(model: .mock, language: .en).render(pages)
        // Two organisations, two series; the projection is listed apart, not charted.
        #expect(html.components(separatedBy: "<polyline").count - 1 == 1)
        #expect(html.components(separatedBy: "<circle").count - 1 == 3)
        #expect(html.contains("covers another period than the window"))
        #expect(html.contains("Projections (not counts, never added to them)"))
        #expect(!html.contains("2,703,739") && !html.contains("1,503,739"))
    }

    /// An organisation's returns and its IDP returns are two lines, named by measure: one line through both would draw a
    /// fall of a million that no figure says.
    @Test func anOrganisationsMeasuresAreSeriesOfTheirOwn() {
        let figures = [("returns", "2020-06-01", 2_150_162), ("returns", "2020-06-30", 2_329_342), ("returns-idps", "2020-06-30", 1_497_459)].map {
            SourceFigure(organisation: "Ministry", date: Day($0.1)!, measure: $0.0, value: $0.2)
        }
        let comparison = SourceComparison(measure: "returns", window: DateWindow(), figures: figures, measures: Measure.builtIn, ledger: nil)
        let chart = SourcesChart(rows: comparison.figures, catalogue: pages.catalogue(.en)) { $0 == "returns" ? "Returns" : "IDP returns" }
        #expect(chart.series.map { $0.name } == ["Ministry: Returns", "Ministry: IDP returns"])
        #expect(chart.series.map { $0.points.count } == [2, 1])
        #expect(chart.svg.components(separatedBy: "<polyline").count - 1 == 1)
    }

    /// Every disagreement is told by its measure, place and days, everyone at either end, how far apart, as the command line
    /// says it: a governorate's beside the country's, and two organisations that agree both named.
    @Test func everyDisagreementNamesItsPlaceDaysEndsAndGap() {
        var model = SourcesModel.mock
        model.areas = ["SY12": AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", nameRu: "Дараа", parent: nil)]
        let fortnight = Coverage.period(Period(start: Day("2018-08-01")!, end: Day("2018-08-14")!))
        model.comparison = SourceComparison(measure: "returns", window: DateWindow(), figures: [
            SourceFigure(id: 3, organisation: "IOM", date: Day("2018-08-16")!, measure: "returns", value: 1_360_000),
            SourceFigure(id: 5, organisation: "OCHA", date: Day("2018-08-16")!, measure: "returns", value: 1_500_000),
            SourceFigure(id: 6, organisation: "Field Teams", date: Day("2018-08-14")!, measure: "returns", value: 4_800, coverage: fortnight, area: "SY12"),
            SourceFigure(id: 7, organisation: "UNHCR", date: Day("2018-08-14")!, measure: "returns", value: 4_800, coverage: fortnight, area: "SY12"),
            SourceFigure(id: 8, organisation: "Governorate", date: Day("2018-08-14")!, measure: "returns", value: 5_200, coverage: fortnight, area: "SY12"),
        ], measures: Measure.builtIn, ledger: nil)
        let english = SourcesView(model: model, language: .en).render(pages), arabic = SourcesView(model: model, language: .ar).render(pages)
        #expect(english.contains("<bdi>returns</bdi>, <bdi>the whole country</bdi>, <bdi>cumulative up to 16 August 2018</bdi>: from <bdi dir=\"ltr\">1,360,000</bdi> (<bdi>IOM</bdi>) to <bdi dir=\"ltr\">1,500,000</bdi> (<bdi>OCHA</bdi>), <bdi dir=\"ltr\">140,000</bdi> apart"), "\(english)")
        #expect(english.contains("<bdi>Dar&#39;a (SY12)</bdi>, <bdi>1 August 2018 to 14 August 2018</bdi>: from <bdi dir=\"ltr\">4,800</bdi> (<bdi>Field Teams, UNHCR</bdi>) to <bdi dir=\"ltr\">5,200</bdi> (<bdi>Governorate</bdi>)"), "\(english)")
        // Over all time, no figure is of another period than the window.
        #expect(!english.contains("covers another period than the window"))
        #expect(arabic.contains("(<bdi>OCHA</bdi>)") && arabic.contains("١٤٠٬٠٠٠") && arabic.contains("(<bdi>Field Teams، UNHCR</bdi>)"), "\(arabic)")
    }

    /// A governorate's figure is a series of its own, named by its area in the page's language: one line from the country's
    /// figure to a governorate's would draw a fall that no figure says.
    @Test func anAreasFiguresAreASeriesOfTheirOwnNamedInThePagesLanguage() {
        var model = SourcesModel.mock
        model.areas = ["SY07": AdminArea(pcode: "SY07", level: .adm1, nameEn: "Aleppo", nameAr: "حلب", nameRu: "Алеппо", parent: nil)]
        model.comparison = SourceComparison(measure: "returns", window: DateWindow(), figures: [
            SourceFigure(organisation: "Ministry", date: Day("2018-07-15")!, measure: "returns", value: 1_200_000),
            SourceFigure(organisation: "Ministry", date: Day("2018-08-15")!, measure: "returns", value: 40_000, area: "SY07"),
        ], measures: Measure.builtIn, ledger: nil)
        let english = SourcesView(model: model, language: .en).render(pages), arabic = SourcesView(model: model, language: .ar).render(pages)
        #expect(english.components(separatedBy: "<polyline").count - 1 == 0, "two series of one point each")
        #expect(english.contains("Ministry: Aleppo (SY07)") && english.contains("Aleppo (SY07) only"), "\(english)")
        #expect(arabic.contains("Ministry: حلب (SY07)") && arabic.contains("حلب (SY07) فقط"))
    }

    /// A figure stated as more than a number says so in the chart too (a sign in the label, words in the point's title, in the
    /// page's punctuation), and a label keeps a halo to stay readable over a line.
    @Test func theChartSaysAFiguresQualifier() {
        let arabic = SourcesView(model: .mock, language: .ar).render(pages), english = SourcesView(model: .mock, language: .en).render(pages)
        #expect(english.contains("<title>Ministry: returns: more than 1,490,739, 15 August 2018</title>") && english.contains(#"paint-order="stroke">&gt;1,490,739</text>"#),
                "\(english)")
        #expect(arabic.contains("أكثر من ١٬٤٩٠٬٧٣٩، ١٥ آب ٢٠١٨"))
        // The chart shows two measures: each series names its own, Ministry's too, not only where one organisation gave two.
        #expect(english.contains("<li><span style=\"background:#1f77b4\"></span>Ministry: returns</li>"), "\(english)")
    }

    /// Past the palette, a series keeps its colour but not its look (a dashed line); two latest values of one day and close
    /// figures are labelled one above the other, not one over the other.
    @Test func manySeriesStayApartAndTheirLabelsDoNotOverlap() throws {
        let figures = (0 ..< 10).flatMap { n in
            [SourceFigure(organisation: "Org \(n)", date: Day("2020-06-01")!, measure: "returns", value: 10_000 + n * 100),
             SourceFigure(organisation: "Org \(n)", date: Day("2020-06-30")!, measure: "returns", value: 15_000 + n * 100)]
        }
        let comparison = SourceComparison(measure: "returns", window: DateWindow(), figures: figures, measures: Measure.builtIn, ledger: nil)
        let chart = SourcesChart(rows: comparison.figures, catalogue: pages.catalogue(.en))
        let looks = chart.series.map { "\($0.colour) \($0.dash ?? "")" }
        #expect(Set(looks).count == 10)
        let labels = chart.svg.components(separatedBy: "<text ").dropFirst().map { $0.components(separatedBy: "</text>")[0] }.filter { $0.contains("fill=\"#") }
        let places = try labels.map { label in
            let y = try #require(label.range(of: #"y="(-?[0-9]+)""#, options: .regularExpression)).lowerBound
            return String(label[y...].prefix(12))
        }
        #expect(places.count == 10 && Set(places).count == 10, "\(places)")
        #expect(!places.contains { $0.hasPrefix(#"y="-"#) }, "every label within the chart")
    }

    @Test func theLedgersRowReadsRightForOneOrganisation() throws {
        var model = SourcesModel.mock
        let ledger = try #require(model.comparison.ledger)
        model.comparison.ledger = .init(value: ledger.value, records: 1, organisations: 1)
        let english = SourcesView(model: model, language: .en).render(pages)
        let russian = SourcesView(model: model, language: .ru).render(pages)
        #expect(english.contains(#"the sum of <bdi dir="ltr">1</bdi> record (organisations: <bdi dir="ltr">1</bdi>)"#))
        #expect(russian.contains(#"сумма <bdi dir="ltr">1</bdi> записи (организаций: <bdi dir="ltr">1</bdi>)"#))
    }

    @Test func organisationNamesAreEscapedInTheChartAndTheTable() {
        var model = SourcesModel.mock
        model.comparison.figures[0].figure.organisation = #"<script>x</script>"#
        let html = SourcesView(model: model, language: .ar).render(pages)
        #expect(!html.contains("<script>"))
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
    }
}

import Foundation
import HomewardCore
@testable import HomewardServer
import SnapshotTesting
import Testing

/// The camps page rendered from `.mock` models, without a database or HTTP.
@Suite struct CampsPageViewTests {
    let pages: Pages

    init() throws {
        pages = try Pages.bundled()
    }

    func html(_ model: CampsPageModel, _ language: Language) -> String {
        PageViewer.signedIn { CampsPageView(model: model, language: language).render(pages) }
    }

    @Test(arguments: Language.allCases)
    func snapshot(_ language: Language) {
        assertSnapshot(of: html(.mock, language), as: .lines, named: language.rawValue)
    }

    /// A cycle not begun has no actual figure, and one under way only what has left so far: "actual 0" read as none leaving.
    @Test func cyclesNotBegunOrUnderWaySaySo() {
        let english = html(.mock, .en)
        #expect(english.contains("Cycle 6 (27 June 2020 to 1 July 2020): planned 3,500, so far 0 (under way)"))
        #expect(english.contains("Cycle 7 (2 July 2020 to 6 July 2020): planned 3,500; not begun") && !english.contains("Cycle 7 (2 July 2020 to 6 July 2020): planned 3,500, actual 0"))
    }

    /// A suspended operation's cycle is not "under way"; those who left after the plan's last cycle are in a row of their
    /// own, not in that cycle, whose dates exclude them.
    @Test func aSuspendedCycleAndDeparturesAfterThePlanSaySo() {
        // 400 at 200 every 2 days from 2 May: two cycles, to 5 May; 100 left on the 2nd, 50 on the 20th
        let operation = EvacuationOperation(id: 9, site: "SET-1", baselineDate: Day("2020-05-01")!, baselineResidents: 400,
                                            start: Day("2020-05-02")!, perCycle: 200, cycleDays: 2, status: .suspended)
        let departures = [Departure(site: "SET-1", period: Period(day: Day("2020-05-02")!), persons: 100, organisation: "IOM"),
                          Departure(site: "SET-1", period: Period(day: Day("2020-05-20")!), persons: 50, organisation: "IOM")]
        var model = CampsPageModel.mock
        // act
        model.operations = [EvacuationProgress(operation: operation, departures: departures, asOf: Day("2020-05-03")!)]
        let suspended = html(model, .en)
        model.operations = [EvacuationProgress(operation: operation, departures: departures, asOf: Day("2020-05-21")!)]
        let after = html(model, .en)
        // check
        #expect(suspended.contains("Cycle 1 (2 May 2020 to 3 May 2020): planned 200, so far 100 (operation suspended)")
                && !suspended.contains("(under way)"), "\(suspended)")
        #expect(after.contains("after the last cycle, which ended <bdi>5 May 2020</bdi>"), "\(after)")
        #expect(after.contains("Cycle 2 (4 May 2020 to 5 May 2020): planned 200, actual 0"), "the 50 of the 20th are in no cycle")
        // Taken over by the site's next operation from the 4th, the second cycle is not this one's to run.
        var running = operation
        running.status = .underWay
        model.operations = [EvacuationProgress(operation: running, departures: departures, asOf: Day("2020-05-21")!, nextBaseline: Day("2020-05-04")!)]
        let taken = html(model, .en)
        #expect(taken.contains("<bdi dir=\"ltr\">0</bdi>; taken over on <bdi>4 May 2020</bdi>") && !taken.contains("not begun"), "\(taken)")
    }

    @Test(arguments: Language.allCases)
    func snapshotOfAnEmptyDemoDatabase(_ language: Language) {
        assertSnapshot(of: html(.emptyDemo, language), as: .lines, named: language.rawValue)
    }

    /// 73,000 at 3,500 every 5 days from 2 June take 21 cycles, to 14 September; 12 whole cycles fit before
    /// 31 July, so 6,084 a cycle would meet it. The centre's 1,000 places hold less than 700 a day for 2 days.
    @Test func aDeadlineThePlanMissesAndTooFewTransitPlacesAreWarnedOf() {
        let english = html(.mock, .en)
        #expect(english.contains("at the planned pace the last cycle ends on <bdi>14 September 2020</bdi>, after the deadline of "
                                 + "<bdi>31 July 2020</bdi>; <bdi dir=\"ltr\">6,084</bdi> persons per cycle would meet it."))
        #expect(english.contains("the transit centres hold <bdi dir=\"ltr\">1,000</bdi> places; the plan needs <bdi dir=\"ltr\">1,400</bdi> at its busiest."))
        #expect(english.components(separatedBy: #"class="warning""#).count - 1 >= 2)
        // A completed operation warns of nothing.
        let completed = english.components(separatedBy: #"<article class="operation">"#).last ?? ""
        #expect(completed.contains("completed") && !completed.contains(#"class="warning""#))
    }

    /// An operation marked completed while people are still counted as there gives no forecast (nobody is to leave under it)
    /// and says that the status or the departures need a look; the command line says the same.
    @Test func anOperationCompletedWithPeopleRemainingIsWarnedOfWithoutAForecast() {
        let operation = EvacuationOperation(id: 1, site: "SET-1", baselineDate: Day("2020-05-01")!, baselineResidents: 400,
                                            start: Day("2020-05-02")!, perCycle: 200, cycleDays: 2, deadline: Day("2020-05-10")!, status: .completed)
        let progress = EvacuationProgress(operation: operation, departures: [Departure(site: "SET-1", period: Period(day: Day("2020-06-20")!),
                                                                                      persons: 300, organisation: "IOM")], asOf: CampsPageModel.asOf)
        #expect(progress.remaining == 100 && progress.forecastEnd == nil && progress.completedWithRemaining)
        var model = CampsPageModel.mock
        model.operations = [progress]
        let english = html(model, .en)
        #expect(english.contains("Completed: no forecast") && english.contains("Marked completed while <bdi dir=\"ltr\">100</bdi> people are still counted as there"),
                "\(english)")
        #expect(!english.contains("at the pace seen") && html(model, .ru).contains("числятся"))
    }

    /// A suspended operation moves nobody: the pace from before it was suspended forecasts nothing, nor meets a deadline
    /// ("met at the pace seen"), on the page as in `evacuations show`.
    @Test func aSuspendedOperationHasNoForecastFromThePaceBefore() {
        let progress = CampsPageModel.mock.operations[0]
        let underWay = CampsPageView.Operation.warnings(progress).map(\.key)
        var operation = progress.operation
        operation.status = .suspended
        let suspended = EvacuationProgress(operation: operation, departures: (0 ..< 20).map {
            Departure(site: "HOL", period: Period(day: Day("2020-06-02")!.adding(days: $0)), persons: 450 + $0 * 10, destination: "TC-1", organisation: "UNHCR")
        }, asOf: CampsPageModel.asOf, transitPlaces: 1_000, stayHours: 48)
        #expect(underWay.contains { $0.hasPrefix("camps.warning.deadlineForecast") })
        #expect(CampsPageView.Operation.warnings(suspended).map(\.key) == underWay.filter { !$0.hasPrefix("camps.warning.deadlineForecast") })
        #expect(suspended.forecastEnd == nil && suspended.paceDays > 0)
        // Taken over by a later operation, it carries no end of its own: the later one moves the rest.
        let takenOver = EvacuationProgress(operation: progress.operation, departures: (0 ..< 5).map {
            Departure(site: "HOL", period: Period(day: Day("2020-06-02")!.adding(days: $0)), persons: 450, destination: "TC-1", organisation: "UNHCR")
        }, asOf: CampsPageModel.asOf, nextBaseline: Day("2020-06-10")!, transitPlaces: 1_000, stayHours: 48)
        #expect(takenOver.takenOver != nil && takenOver.remaining > 0 && takenOver.forecastEnd == nil)
        var model = CampsPageModel.mock
        // A site whose counts differ says departures beyond the largest of them as that, not as "the … counted".
        let camp = Site(code: "RUK", name: "Rukban", kind: .informalSettlement, admin: "SY08")
        let counts = [Census(site: "RUK", date: Day("2020-06-01")!, residents: 41_000, organisation: "OCHA"),
                      Census(site: "RUK", date: Day("2020-06-01")!, residents: 36_000, organisation: "SARC")]
        model.sites = [SiteStanding(site: camp, asOf: CampsPageModel.asOf, censuses: counts, departures: [
            Departure(site: "RUK", period: Period(day: Day("2020-06-05")!), persons: 51_950, organisation: "CCCM")])]
        #expect(html(model, .en).contains(#"<bdi dir="ltr">10,950</bdi> people more reported leaving than the largest of the counts, <bdi dir="ltr">41,000</bdi>"#),
                "\(html(model, .en))")
        model.operations = [takenOver]
        #expect(html(model, .en).contains("Taken over by a later operation: no forecast of its own"))
    }

    /// Before its first cycle ends, an operation is neither ahead of nor behind a plan of 0: the page says no cycle has ended.
    @Test func anOperationBeforeItsFirstCycleEndsIsNotOnPlan() {
        var model = CampsPageModel.mock
        let operation = model.operations.first { $0.operation.status == .underWay }!.operation
        model.operations = [EvacuationProgress(operation: operation, departures: [
            Departure(site: "HOL", period: Period(day: Day("2020-06-02")!), persons: 450, destination: "TC-1", organisation: "UNHCR")],
            asOf: Day("2020-06-04")!, transitPlaces: 1_000, stayHours: 48)]
        let english = html(model, .en)
        #expect(english.contains("<li>no cycle has ended yet</li>") && !english.contains("on plan"), "\(english)")
    }

    @Test func operationsUnderWayComeBeforeCompletedOnes() throws {
        let english = html(.mock, .en)
        let underWay = try #require(english.range(of: "Al-Hol</bdi>: operation"))
        let completed = try #require(english.range(of: "East settlement</bdi>: operation"))
        #expect(underWay.lowerBound < completed.lowerBound)
    }

    @Test func organisationsThatDisagreeAreShownSideBySide() {
        let english = html(.mock, .en)
        #expect(english.contains("<li><bdi>Governorate of Aleppo</bdi>: <bdi dir=\"ltr\">4,020</bdi> on <bdi>12 June 2020</bdi></li>"
                                 + "<li><bdi>IOM</bdi>: <bdi dir=\"ltr\">3,150</bdi> on <bdi>10 June 2020</bdi></li>"))
        // A site one organisation counts has no such list.
        let camp = english.components(separatedBy: "<tr><td>").first { $0.hasPrefix("Al-Hol") } ?? ""
        #expect(!camp.isEmpty && !camp.contains("differ"))
    }

    /// The sites together: a total row under the table, of the sites with one count only, the others named below it.
    @Test func theSitesTotalSumsTheCountedSitesAndNamesTheOthers() {
        var model = CampsPageModel.mock
        let english = html(model, .en)
        #expect(english.contains("<tfoot><tr><th scope=\"row\">All sites<br><small>2 of 2 sites summed</small></th>"
                                 + "<td class=\"num\" data-label=\"Residents at baseline\"><span><bdi dir=\"ltr\">77,020</bdi>"), "\(english)")
        #expect(english.contains(">10,900</bdi></span></td>") && english.contains(">66,120</bdi></span></td></tr></tfoot>"))
        #expect(!english.contains("Not in the total"))
        // Two organisations count the settlement differently on one day, and a new camp is not counted yet.
        model.sites[1] = SiteStanding(site: CampsPageModel.settlement, asOf: CampsPageModel.asOf, censuses: [
            Census(site: "SET-1", date: Day("2020-06-12")!, residents: 3_150, organisation: "IOM"),
            Census(site: "SET-1", date: Day("2020-06-12")!, residents: 4_020, organisation: "Governorate of Aleppo"),
        ], departures: [])
        model.sites.append(SiteStanding(site: Site(code: "NEW", name: "New camp", nameAr: "مخيم جديد", kind: .camp, admin: "SY08"),
                                        asOf: CampsPageModel.asOf, censuses: [], departures: []))
        let differ = html(model, .en)
        #expect(differ.contains("1 of 3 sites summed") && differ.contains(">73,000</bdi>") && differ.contains(">62,100</bdi></span></td></tr></tfoot>"))
        #expect(differ.contains("Not in the total, as their organisations&#39; latest counts differ: East settlement."), "\(differ)")
        #expect(differ.contains("Not in the total, as nobody has counted them yet: New camp."))
        let arabic = html(model, .ar)
        #expect(arabic.contains("المجموع يشمل ١ من أصل ٣ مواقع") && arabic.contains("لم يُحصِ سكانها بعد: مخيم جديد."), "\(arabic)")
        #expect(html(model, .ru).contains("в итоге 1 из 3 объектов"))
        // More left a site than were counted there: said under the total, whose remainder takes them from no one.
        model.sites.append(SiteStanding(site: Site(code: "OVER", name: "Over camp", kind: .camp, admin: "SY08"), asOf: CampsPageModel.asOf,
                                        censuses: [Census(site: "OVER", date: Day("2020-06-01")!, residents: 100, organisation: "IOM")],
                                        departures: [Departure(site: "OVER", period: Period(day: Day("2020-06-05")!), persons: 130, organisation: "IOM")]))
        let beyond = html(model, .en)
        #expect(beyond.contains(">73,100</bdi>") && beyond.contains(">11,030</bdi>") && beyond.contains(">62,100</bdi></span></td></tr></tfoot>"), "\(beyond)")
        #expect(beyond.contains("Of those who left, 30 persons left beyond their sites&#39; counts: taken from no one remaining"), "\(beyond)")
    }

    /// One planned bar per cycle; an actual bar only for cycles begun by the day shown, never taller than the chart.
    @Test func theChartHasABarPerCycleAndNoneForTheFuture() {
        let progress = CampsPageModel.mock.operations[0]
        let chart = CycleChart(cycles: progress.cycles, asOf: progress.asOf) { _ in "" }
        let begun = progress.cycles.filter { $0.start <= progress.asOf }.count
        #expect(chart.bars.filter { $0.kind == "planned" }.count == progress.cycles.count)
        #expect(chart.bars.filter { $0.kind == "actual" }.count == begun)
        #expect(chart.bars.allSatisfy { $0.y >= 0 && $0.y + $0.height == CycleChart.height && $0.x + $0.width <= chart.width })
        #expect(chart.bars.contains { $0.height == CycleChart.height }, "the largest bar fills the chart")
    }

    @Test func arabicIsRightToLeftWithArabicNamesAndDigits() {
        let arabic = html(.mock, .ar)
        #expect(arabic.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.contains("الهول<br>"))
        #expect(arabic.contains("East settlement"), "no Arabic name: the English one")
        #expect(arabic.contains(#"<bdi dir="ltr">٧٣٬٠٠٠</bdi>"#))
        #expect(arabic.contains(#"<svg viewBox="#) && arabic.contains(#"dir="ltr">"#))
    }

    @Test func valuesFromTheDataAreEscaped() {
        var model = CampsPageModel.mock
        model.sites[1].censuses[0].organisation = #"<script>alert(1)</script>"#
        model.transitCentres[0].name = #"<img src=x onerror=alert(1)>"#
        let html = html(model, .en)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// Every label comes from the catalogue: no key shows through, on a full page or an empty one.
    @Test(arguments: Language.allCases)
    func noCatalogueKeyShowsThrough(_ language: Language) {
        for model in [CampsPageModel.mock, .emptyDemo] {
            let html = html(model, language)
            for key in pages.catalogue(.en).entries.keys where key.hasPrefix("camps.") || key.hasPrefix("nav.") {
                #expect(!html.contains(key), "\(key) in the \(language.rawValue) page")
            }
            #expect(html.range(of: #"\{[A-Za-z0-9_]+\}"#, options: .regularExpression) == nil)
            #expect(!html.lowercased().contains("<script"))
        }
    }

    @Test func eachPageLinksToTheOtherPagesInItsLanguage() {
        let russian = html(.mock, .ru)
        #expect(russian.contains(#"<a href="/?lang=ru">Возвращения</a>"#))
        #expect(russian.contains(#"<a href="/camps?lang=ru" aria-current="page">Лагеря и эвакуация</a>"#))
        #expect(russian.contains(#"<a href="/bulletins?lang=ru">Заявления</a>"#))
    }

    /// The chart says in words how to read it (the cycles' order, what its tallest bar stands for) and names the table of
    /// every cycle's figures, shown open beside it, as its description: the bars alone have no axis a reader could use.
    @Test func theCycleChartSaysItsScaleAndIsDescribedByItsTable() {
        let english = html(.mock, .en)
        #expect(english.contains("Cycles <bdi dir=\"ltr\">1</bdi> to <bdi dir=\"ltr\">21</bdi>, left to right; the tallest bar stands for <bdi dir=\"ltr\">3,500</bdi> people."), "\(english)")
        #expect(english.contains(#"aria-describedby="cycles-3""#) && english.contains(#"<details open>"#) && english.contains(#"<table id="cycles-3" class="stack">"#))
    }

    /// The public is offered the pages it may read (the returns overview and the statements made public), not pages that
    /// would send it to sign in; a signed-in reader, every page.
    @Test func thePublicsNavigationLinksOnlyThePagesItMayRead() {
        let publicPage = OverviewView(model: .mock, language: .en).render(pages)
        let nav = publicPage.components(separatedBy: "<nav").dropFirst().first?.components(separatedBy: "</nav>").first ?? ""
        #expect(nav.contains(#"href="/?lang=en""#) && nav.contains(#"href="/bulletins?lang=en""#), "\(nav)")
        for hidden in ["/camps", "/reconstruction", "/aid", "/readiness", "/sources", "/sessions"] {
            #expect(!nav.contains("href=\"\(hidden)?"), "\(hidden) offered to the public")
        }
        let signedIn = PageViewer.signedIn { OverviewView(model: .mock, language: .en).render(pages) }
        #expect(["/camps", "/sources", "/sessions", "/bulletins"].allSatisfy { signedIn.contains("href=\"\($0)?lang=en\"") })
    }
}

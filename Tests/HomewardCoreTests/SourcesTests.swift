import Foundation
import HomewardCore
import Testing

@Suite struct SourcesTests {
    static func day(_ text: String) -> Day { Day(text)! }

    static func figure(_ id: Int, _ organisation: String, _ date: String, _ measure: String, _ value: Int, kind: FigureKind = .count,
                       coverage: Coverage = .cumulative(since: nil), partOf: Int? = nil) -> SourceFigure {
        SourceFigure(id: id, organisation: organisation, date: day(date), measure: measure, value: value, kind: kind, coverage: coverage, partOf: partOf)
    }

    @Test func figuresThatDisagreeStandSideBySideAndAreNeverSummed() throws {
        // setup: a ministry's cumulative returns, a refugee agency's registered returns (a narrower measure), a projection
        let figures = [
            Self.figure(1, "Ministry", "2018-08-15", "returns", 1_490_739),
            Self.figure(2, "Agency", "2018-08-10", "returns-refugees-registered", 56_000, coverage: .year(2018)!),
            Self.figure(3, "Ministry", "2018-08-15", "returns", 1_700_000, kind: .projection),
            Self.figure(4, "Other", "2018-08-15", "displaced", 7_000_000),
        ]
        let ledger = SourceComparison.LedgerFigure(value: 300_000, records: 120, organisations: 3)
        // act
        let comparison = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-12-31")), figures: figures,
                                          measures: Measure.builtIn, ledger: ledger)
        // check: both counts listed under their own measure, the projection apart, the other measure left out
        #expect(comparison.figures.map(\.figure.id) == [1, 2])
        #expect(comparison.figures.map(\.figure.measure) == ["returns", "returns-refugees-registered"])
        #expect(comparison.projections.map(\.figure.id) == [3])
        #expect(comparison.spread?.min == 56_000 && comparison.spread?.max == 1_490_739)
        #expect(comparison.spread?.ratio?.description == "26.62")
        // Like with like: one figure of `returns` alone sets nothing against it, and covers another day than the window's end.
        #expect(comparison.sameMeasureSpread == nil)
        // The ministry's cumulative figure ends on 15 August, not on the window's last day: marked, not adjusted.
        #expect(comparison.figures.map(\.matchesWindow) == [false, false])
        let json = String(decoding: try! JSONEncoder().encode(comparison), as: UTF8.self)
        #expect(json.contains(#""ledger":{"#) && json.contains(#""records":120"#) && !json.contains("3046739"))
        let matching = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")), figures: figures, measures: Measure.builtIn, ledger: nil)
        #expect(matching.figures.first?.matchesWindow == true)
        // Two organisations' cumulative returns on the window's last day disagree: that spread is theirs alone.
        let two = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")),
                                   figures: figures + [Self.figure(5, "Governorate", "2018-08-15", "returns", 1_200_000)], measures: Measure.builtIn, ledger: nil)
        #expect(two.sameMeasureSpread?.min == 1_200_000 && two.sameMeasureSpread?.max == 1_490_739 && two.sameMeasureSpread?.ratio?.description == "1.24")
        #expect(two.spread?.min == 56_000)
        // Equal figures of two organisations are two ends, not one figure named twice.
        let equal = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")),
                                     figures: [Self.figure(7, "A", "2018-08-15", "returns", 10), Self.figure(8, "B", "2018-08-15", "returns", 10)],
                                     measures: Measure.builtIn, ledger: nil)
        #expect(equal.spread?.minFigure.id == 7 && equal.spread?.maxFigure.id == 8)
        // Its ends are named by who stated them, with how far apart and up to which day.
        let disagreement = try #require(two.sameMeasureSpread)
        #expect(disagreement.minFigure.organisation == "Governorate" && disagreement.minFigure.id == 5 && disagreement.through == Self.day("2018-08-15"))
        let ends = String(decoding: try JSONEncoder().encode(disagreement), as: UTF8.self)
        #expect(ends.contains(#""gap":290739"#) && ends.contains(#""min_figure":{"#) && ends.contains(#""organisation":"Governorate""#), "\(ends)")
        // One organisation's cumulative figures of two days are its progress; equal figures are no disagreement.
        let progress = SourceComparison(measure: "returns", window: DateWindow(), figures: [
            Self.figure(6, "Ministry", "2018-08-01", "returns", 1_400_000), Self.figure(7, "Ministry", "2018-08-15", "returns", 1_490_739),
            Self.figure(8, "Governorate", "2018-08-01", "returns", 1_400_000)], measures: Measure.builtIn, ledger: nil)
        #expect(progress.sameMeasureSpread == nil && progress.spread?.max == 1_490_739)
        // Figures that can all be right are no disagreement: "at least 2,659" beside 5,000; "more than 1,490,739" beside
        // 1,265,000 cannot both be.
        var atLeast = Self.figure(9, "Ministry", "2018-08-15", "returns", 2_659)
        atLeast.qualifier = .atLeast
        let bounded = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")),
                                       figures: [atLeast, Self.figure(10, "SARC", "2018-08-15", "returns", 5_000)], measures: Measure.builtIn, ledger: nil)
        #expect(bounded.sameMeasureSpread == nil)
        var moreThan = Self.figure(11, "Ministry", "2018-08-15", "returns", 1_490_739)
        moreThan.qualifier = .moreThan
        let apart = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")),
                                     figures: [moreThan, Self.figure(12, "IOM", "2018-08-15", "returns", 1_265_000)], measures: Measure.builtIn, ledger: nil)
        #expect(apart.sameMeasureSpread?.min == 1_265_000 && apart.sameMeasureSpread?.max == 1_490_739)
    }

    /// A governorate's figure is shown, but set against no national one: 5,000 in Homs against 1,490,739 in the country is
    /// no disagreement of ×298. The bulletin names its area, and says an estimate is one.
    @Test func anAreasFigureIsNoDisagreementWithTheCountrysAndTheBulletinNamesIt() throws {
        var homs = Self.figure(2, "Governorate", "2018-08-15", "returns", 5_000)
        homs.area = "SY04"
        let national = [Self.figure(1, "Ministry", "2018-08-15", "returns", 1_490_739), Self.figure(3, "Agency", "2018-08-15", "returns", 1_300_000, kind: .estimate)]
        let comparison = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")), figures: national + [homs],
                                          measures: Measure.builtIn, ledger: nil)
        #expect(comparison.figures.count == 3)
        #expect(comparison.spread?.min == 1_300_000 && comparison.sameMeasureSpread?.min == 1_300_000)
        let alone = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")), figures: [homs], measures: Measure.builtIn, ledger: nil)
        // One figure is apart from nothing: no spread.
        #expect(alone.figures.count == 1 && alone.spread == nil)
        // Two organisations' figures for one governorate disagree as national ones do, beside a national figure too.
        var other = Self.figure(4, "Other", "2018-08-15", "returns", 9_000)
        other.area = "SY04"
        let governorate = SourceComparison(measure: "returns", window: DateWindow(to: Self.day("2018-08-15")),
                                           figures: [national[0], homs, other], measures: Measure.builtIn, ledger: nil)
        #expect(governorate.sameMeasureSpread?.min == 5_000 && governorate.sameMeasureSpread?.max == 9_000)
        #expect(governorate.spread == nil, "the country's figure is one")
        let area = AdminArea(pcode: "SY04", level: .adm1, nameEn: "Homs", nameAr: "حمص", nameRu: "Хомс", parent: nil)
        let block = try #require(SourcesBlock.make(date: Self.day("2018-08-15"), figures: national + [homs], measures: Measure.builtIn, areas: ["SY04": area]))
        let snapshot = BulletinSnapshot(date: Self.day("2018-08-15"), since: nil, participants: [], blocks: [block])
        let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
        #expect(en.contains("Governorate, 15 August 2018: 5,000 (returns, Homs (SY04), cumulative since records began)"), "\(en)")
        #expect(en.contains("Agency, 15 August 2018, estimate: 1,300,000"))
        #expect(en.contains("Ministry, 15 August 2018: 1,490,739 (returns, cumulative"))
        let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).text
        #expect(ar.contains("حمص (SY04)") && ar.contains("، تقدير:"))
    }

    /// The statement says where figures of one measure, place and days disagree, naming everyone at either end, in each
    /// language; its ends are the figures' own entries, so the public's copy hides them where it hides the figures.
    @Test func theStatementSaysWhereFiguresDisagree() throws {
        let fortnight = Coverage.period(Period(start: Self.day("2018-08-01"), end: Self.day("2018-08-14")))
        var figures = [(1, "IOM", 9_000, nil), (2, "Ministry", 11_000, nil), (3, "Field Teams", 4_800, "SY12"), (4, "UNHCR", 4_800, "SY12"),
                       (5, "Governorate", 5_200, "SY12"), (6, "UNHCR", 3, "SY07"), (7, "SARC", 40, "SY07")].map { id, organisation, value, area in
            var figure = Self.figure(id, organisation, "2018-08-14", "returns", value, coverage: fortnight)
            figure.area = area
            return figure
        }
        figures.append(Self.figure(8, "Ministry", "2018-08-14", "returns", 20_000, kind: .projection))
        let areas = ["SY12": AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", nameRu: "Дараа", parent: nil)]
        let block = try #require(SourcesBlock.make(date: Self.day("2018-08-14"), figures: figures, measures: Measure.builtIn, areas: areas))
        let snapshot = BulletinSnapshot(date: Self.day("2018-08-14"), since: nil, participants: [], blocks: [block])
        let text = { (language: Language) in BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(language)).text }
        let en = try text(.en), ru = try text(.ru), ar = try text(.ar)
        #expect(en.contains("Figures differ (returns, the whole country, 1 August 2018 to 14 August 2018): lowest 9,000 (IOM), highest 11,000 (Ministry)"), "\(en)")
        #expect(en.contains("Figures differ (returns, Dar'a (SY12), 1 August 2018 to 14 August 2018): lowest 4,800 (Field Teams, UNHCR), highest 5,200 (Governorate)"))
        #expect(en.components(separatedBy: "Figures differ").count - 1 == 3, "the country's, Dar'a's and SY07's; no projection")
        // After the figures, before the projections.
        #expect(en.range(of: "Figures differ")!.lowerBound > en.range(of: "Governorate, 14 August 2018")!.lowerBound
                && en.range(of: "Figures differ")!.lowerBound < en.range(of: "projection")!.lowerBound)
        #expect(ru.contains("Цифры расходятся (возвращения, Дараа (SY12), с 1 августа 2018\u{202F}г. по 14 августа 2018\u{202F}г.): наименьшая — 4\u{00A0}800 (Field Teams, UNHCR), наибольшая — 5\u{00A0}200 (Governorate)"), "\(ru)")
        #expect(ar.contains("تتفاوت الأرقام") && ar.contains("(Field Teams، UNHCR)"), "\(ar)")
        // The public's copy: a small end is hidden in the line as in its figure's.
        let publicEnglish = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(publicEnglish.contains("lowest <5 (UNHCR), highest 40 (SARC)") && !publicEnglish.contains(" 3 (UNHCR)"), "\(publicEnglish)")
        // A bound's qualifier goes with its number: "more than 1,000" and "up to 900" cannot both hold.
        var above = Self.figure(9, "A", "2018-08-14", "returns-idps", 1_000), below = Self.figure(10, "B", "2018-08-14", "returns-idps", 900)
        (above.qualifier, below.qualifier) = (.moreThan, .upTo)
        let bounds = try #require(SourcesBlock.make(date: Self.day("2018-08-14"), figures: [above, below], measures: Measure.builtIn))
        let boundsText = BulletinText(snapshot: BulletinSnapshot(date: Self.day("2018-08-14"), since: nil, participants: [], blocks: [bounds]),
                                      catalogue: try Catalogue.bundled(.en)).text
        #expect(boundsText.contains("cumulative up to 14 August 2018): lowest up to 900 (B), highest more than 1,000 (A)"), "\(boundsText)")
        // One number, two qualifiers: each end keeps its own, and no organisation stands at both ends.
        var under = Self.figure(11, "A1", "2018-08-14", "returns-refugees", 1_000), over = Self.figure(12, "B1", "2018-08-14", "returns-refugees", 1_000)
        (under.qualifier, over.qualifier) = (.lessThan, .atLeast)
        let tie = try #require(SourceDisagreement.find(in: [over, under]).first)
        #expect(tie.lowest.map(\.organisation) == ["A1"] && tie.highest.map(\.organisation) == ["B1"] && tie.gap == 0)
        let tieBlock = try #require(SourcesBlock.make(date: Self.day("2018-08-14"), figures: [over, under], measures: Measure.builtIn))
        let tieText = BulletinText(snapshot: BulletinSnapshot(date: Self.day("2018-08-14"), since: nil, participants: [], blocks: [tieBlock]),
                                   catalogue: try Catalogue.bundled(.en)).text
        #expect(tieText.contains("lowest less than 1,000 (A1), highest at least 1,000 (B1)"), "\(tieText)")
        // A period of one day is that day, in the figure's line as in the disagreement's.
        var oneDay = Self.figure(13, "C", "2018-08-14", "returns", 350, coverage: .period(Period(start: Self.day("2018-08-10"), end: Self.day("2018-08-10"))))
        oneDay.qualifier = .about
        let dayBlock = try #require(SourcesBlock.make(date: Self.day("2018-08-14"), figures: [oneDay], measures: Measure.builtIn))
        let dayText = BulletinText(snapshot: BulletinSnapshot(date: Self.day("2018-08-14"), since: nil, participants: [], blocks: [dayBlock]),
                                   catalogue: try Catalogue.bundled(.en)).text
        #expect(dayText.contains("C, 14 August 2018: about 350 (returns, 10 August 2018 alone)"), "\(dayText)")
    }

    /// A figure hidden from the public reads "<5", not "about <5": its qualifier was of the number no longer shown.
    @Test func aHiddenFiguresQualifierGoesWithIt() throws {
        var small = Self.figure(1, "Ministry", "2018-08-15", "returns", 3)
        small.qualifier = .about
        var large = Self.figure(2, "Agency", "2018-08-15", "returns", 1_300)
        large.qualifier = .about
        let block = try #require(SourcesBlock.make(date: Self.day("2018-08-15"), figures: [small, large], measures: Measure.builtIn))
        let snapshot = BulletinSnapshot(date: Self.day("2018-08-15"), since: nil, participants: [], blocks: [block])
        let open = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(open.contains("Ministry, 15 August 2018: <5 (returns") && open.contains("Agency, 15 August 2018: about 1,300 (returns"), "\(open)")
        let signedIn = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
        #expect(signedIn.contains("Ministry, 15 August 2018: about 3 (returns"))
        // "More than 2" allows any larger number, which "<5" would deny.
        var lower = Self.figure(3, "Other", "2018-08-15", "returns", 2)
        lower.qualifier = .moreThan
        let withLower = try #require(SourcesBlock.make(date: Self.day("2018-08-15"), figures: [lower], measures: Measure.builtIn))
        let lowerText = BulletinText(snapshot: BulletinSnapshot(date: Self.day("2018-08-15"), since: nil, participants: [], blocks: [withLower]),
                                     catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(lowerText.contains("Other, 15 August 2018: [withheld] (returns") && !lowerText.contains("<5 (returns"), "\(lowerText)")
    }

    @Test func eachArithmeticCheckIsCaught() {
        let week = Period(start: Self.day("2018-08-09"), end: Self.day("2018-08-15"))
        let figures = [
            // a total and two parts that do not add up (1,241,212 + 249,527 = 1,490,739; the total says 1,500,000)
            Self.figure(1, "Ministry", "2018-08-15", "returns", 1_500_000),
            Self.figure(2, "Ministry", "2018-08-15", "returns-idps", 1_241_212, partOf: 1),
            Self.figure(3, "Ministry", "2018-08-15", "returns-refugees", 249_527, partOf: 1),
            // a cumulative series that falls
            Self.figure(4, "Ministry", "2018-08-08", "returns", 1_510_000),
            // a week's figure against the change between two cumulative figures a week apart (1,510,000 → 1,500,000 is −10,000)
            Self.figure(5, "Ministry", "2018-08-15", "returns", 2_659, coverage: .period(week)),
            // another organisation's lower figure is no problem: it is what the comparison shows
            Self.figure(6, "Agency", "2018-08-20", "returns", 56_000),
        ]
        let problems = SourceChecks.problems(in: figures)
        #expect(problems.map(\.kind) == [.partsDoNotAddUp, .cumulativeFalls, .weekDiffers])
        #expect(problems.map(\.figures) == [[1, 2, 3], [4, 1], [5, 4, 1]])
        let english = Catalogue.english
        #expect(english.text(problems[0].message) == "its 2 parts add up to 1,490,739, not to the total of 1,500,000")
        let adding = [Self.figure(1, "M", "2018-08-15", "returns", 1_490_739), Self.figure(2, "M", "2018-08-15", "returns-idps", 1_241_212, partOf: 1),
                      Self.figure(3, "M", "2018-08-15", "returns-refugees", 249_527, partOf: 1)]
        #expect(SourceChecks.problems(in: adding).isEmpty)
    }

    /// One organisation's two figures of the same measure, place and days, stated on one day, that cannot both be right are
    /// caught ("more than 9,600" beside 9,200); stated on two days they are its revision, and two organisations' are the
    /// comparison's disagreement, not this check's.
    @Test func oneOrganisationsFiguresOfTheSameDaysThatCannotBothBeRightAreCaught() {
        let week = Coverage.period(Period(start: Self.day("2026-11-16"), end: Self.day("2026-11-22")))
        func figure(_ id: Int, _ organisation: String, _ date: String, _ value: Int, qualifier: Qualifier = .exact) -> SourceFigure {
            var figure = Self.figure(id, organisation, date, "returns", value, coverage: week)
            figure.qualifier = qualifier
            return figure
        }
        let figures = [figure(1, "Ministry", "2026-11-22", 9_600, qualifier: .moreThan), figure(2, "Ministry", "2026-11-22", 9_200),
                       figure(3, "Ministry", "2026-11-23", 9_000), figure(4, "UNHCR", "2026-11-22", 8_000),
                       figure(5, "Governorate", "2026-11-22", 9_000, qualifier: .atLeast), figure(6, "Governorate", "2026-11-22", 9_400)]
        let problems = SourceChecks.problems(in: figures).filter { $0.kind == .figuresContradict }
        #expect(problems.map(\.figures) == [[2, 1]] && problems.first?.organisation == "Ministry", "\(problems)")
        #expect(problems.first.map { Catalogue.english.text($0.message) }
                == "figures of the same measure, place, days and kind, stated on the same day, cannot all be right: 9,200 beside 9,600")
    }

    /// An organisation's figure of some days that it has since revised (stated again for the same days, later) is no end of a
    /// disagreement or a spread: its latest statement stands for it, beside the other organisations'; the figures listed keep both.
    @Test func aFigureItsOrganisationRevisedIsNoEndOfADisagreement() {
        let half = Coverage.period(Period(start: Self.day("2019-03-01"), end: Self.day("2019-03-15")))
        let figures = [Self.figure(1, "UNHCR", "2019-03-20", "returns", 2_100, coverage: half), Self.figure(2, "UNHCR", "2019-03-25", "returns", 2_300, coverage: half),
                       Self.figure(3, "Ministry", "2019-03-22", "returns", 2_600, coverage: half)]
        let disagreement = SourceDisagreement.find(in: figures).first
        #expect(disagreement?.figures.map(\.id) == [2, 3] && disagreement?.min == 2_300 && disagreement?.gap == 300, "\(String(describing: disagreement))")
        let window = DateWindow(from: Self.day("2019-03-01"), to: Self.day("2019-03-15"))
        let comparison = SourceComparison(measure: "returns", window: window, figures: figures, measures: [], ledger: nil)
        #expect(comparison.spread?.min == 2_300 && comparison.sameMeasureSpread?.minFigure.id == 2 && comparison.figures.count == 3)
    }

    /// An area's figure above its organisation's figure for the whole country, same measure, kind and days, is caught
    /// without a `part_of` linking them; another organisation's, another measure's or another period's is not held to it.
    @Test func anAreasFigureAboveItsOrganisationsCountryFigureIsCaught() {
        let fortnight = Coverage.period(Period(start: Self.day("2018-08-01"), end: Self.day("2018-08-14")))
        func figure(_ id: Int, _ organisation: String, _ measure: String, _ value: Int, area: String?, qualifier: Qualifier = .exact) -> SourceFigure {
            var figure = Self.figure(id, organisation, "2018-08-14", measure, value, coverage: fortnight)
            (figure.area, figure.qualifier) = (area, qualifier)
            return figure
        }
        let figures = [figure(1, "Field Teams", "returns", 4_000, area: nil), figure(2, "Field Teams", "returns", 4_800, area: "SY12"),
                       figure(3, "UNHCR", "returns", 9_000, area: "SY12"), figure(4, "Field Teams", "returns-idps", 5_000, area: "SY07"),
                       figure(5, "Field Teams", "returns", 3_999, area: "SY07"), figure(6, "Field Teams", "returns", 3_000, area: "SY01", qualifier: .moreThan)]
        let problems = SourceChecks.problems(in: figures)
        #expect(problems.map(\.kind) == [.areaAboveCountry] && problems.map(\.figures) == [[1, 2]], "\(problems)")
        #expect(Catalogue.english.text(problems[0].message)
                == "the figure for SY12 (4,800) is above the same organisation's figure for the whole country (4,000), of the same measure and days")
        // "More than 4,000" for the country leaves room for any area's figure; a link to it is the parts' check's.
        var bounded = figures
        bounded[0].qualifier = .moreThan
        #expect(SourceChecks.problems(in: bounded).isEmpty)
        var linked = Array(figures.prefix(2))
        linked[1].partOf = 1
        #expect(SourceChecks.problems(in: linked).map(\.kind) == [.partsDoNotAddUp])
    }

    /// A figure stated as a bound is held to what it may be: "at least 1,241,212" as part of "more than 150,000", or after
    /// an exact 1,500,000, is no problem; parts whose least sum exceeds a total "up to" it, or a fall below a lower bound, are.
    @Test func boundsAreHeldToWhatTheyMayBe() throws {
        func figure(_ id: Int, _ date: String, _ measure: String, _ value: Int, _ qualifier: Qualifier, partOf: Int? = nil) -> SourceFigure {
            SourceFigure(id: id, organisation: "Ministry", date: Self.day(date), measure: measure, value: value, qualifier: qualifier, partOf: partOf)
        }
        let agreeing = [figure(1, "2018-08-15", "returns", 150_000, .moreThan), figure(2, "2018-08-15", "returns-idps", 1_241_212, .atLeast, partOf: 1),
                        figure(3, "2018-08-20", "returns", 1_490_000, .atLeast)]
        #expect(SourceChecks.problems(in: agreeing).isEmpty)
        let over = [figure(1, "2018-08-15", "returns", 1_000_000, .upTo), figure(2, "2018-08-15", "returns-idps", 1_241_212, .atLeast, partOf: 1)]
        #expect(SourceChecks.problems(in: over).map(\.kind) == [.partsDoNotAddUp])
        // A breakdown by measure comes short of its total; one measure alone is a partial breakdown, not a shortfall.
        let under = [figure(1, "2018-08-15", "returns", 2_000_000, .moreThan), figure(2, "2018-08-15", "returns-idps", 1_241_212, .exact, partOf: 1),
                     figure(3, "2018-08-15", "returns-refugees", 249_527, .exact, partOf: 1)]
        #expect(SourceChecks.problems(in: under).map(\.kind) == [.partsDoNotAddUp])
        #expect(SourceChecks.problems(in: Array(under.prefix(2))).isEmpty)
        // Governorates' figures beside the country's are a partial breakdown, and never added to its breakdown by measure,
        // which they overlap (Homs's returns hold IDPs); more than the total in one of them is a problem.
        var homs = figure(4, "2018-08-15", "returns", 50_000, .exact, partOf: 1), aleppo = figure(5, "2018-08-15", "returns", 20_000, .exact, partOf: 1)
        (homs.area, aleppo.area) = ("SY04", "SY02")
        let national = figure(1, "2018-08-15", "returns", 100_000, .exact)
        #expect(SourceChecks.problems(in: [national, homs, aleppo]).isEmpty)
        #expect(SourceChecks.problems(in: [national, homs, figure(6, "2018-08-15", "returns-idps", 60_000, .exact, partOf: 1)]).isEmpty)
        aleppo.value = 60_000
        #expect(SourceChecks.problems(in: [national, homs, aleppo]).map(\.kind) == [.partsDoNotAddUp])
        // Homs's IDPs overlap Homs's returns: not summed with them; two figures of one measure are no whole breakdown.
        var homsIDPs = figure(7, "2018-08-15", "returns-idps", 40_000, .exact, partOf: 1)
        homsIDPs.area = "SY04"
        #expect(SourceChecks.problems(in: [national, homs, homsIDPs]).isEmpty)
        // (Exactly 60,000 beside about 61,000, of one day, measure and place, is another check's: they cannot both be right.)
        #expect(SourceChecks.problems(in: [national, figure(8, "2018-08-15", "returns-idps", 60_000, .exact, partOf: 1),
                                           figure(9, "2018-08-15", "returns-idps", 61_000, .about, partOf: 1)]).map(\.kind) == [.figuresContradict])
        let falling = [figure(1, "2018-08-01", "returns", 1_500_000, .moreThan), figure(2, "2018-08-15", "returns", 1_400_000, .upTo)]
        #expect(SourceChecks.problems(in: falling).map(\.kind) == [.cumulativeFalls])
        // Strict bounds that cannot meet fall, and each figure is quoted as stated, not as the bound it gives (1,001, which
        // nobody reported); an earlier bound does not hide a fall between exact figures.
        let strict = SourceChecks.problems(in: [figure(1, "2018-08-01", "returns", 1_000, .moreThan), figure(2, "2018-08-10", "returns", 1_000, .lessThan)])
        #expect(strict.map(\.figures) == [[1, 2]])
        #expect(Catalogue.english.text(strict[0].message) == "the cumulative figure falls: less than 1,000 on 10 August 2018, after more than 1,000 on 1 August 2018")
        let stated = SourceChecks.problems(in: [figure(1, "2018-08-15", "returns", 1_490_739, .moreThan), figure(2, "2018-08-20", "returns", 1_400_000, .exact)])
        let russian = try Catalogue.bundled(.ru).text(stated[0].message).replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(russian.contains("1 400 000 на 20 августа 2018 г. после более 1 490 739"), "\(russian)")
        let hidden = [figure(1, "2018-08-01", "returns", 200_000, .upTo), figure(2, "2018-08-02", "returns", 150_000, .exact),
                      figure(3, "2018-08-03", "returns", 140_000, .exact)]
        #expect(SourceChecks.problems(in: hidden).map(\.figures) == [[2, 3]])
        #expect(Catalogue.english.text(SourceChecks.problems(in: over)[0].message) == "its parts come to at least 1,241,212, and the total to at most 1,000,000")
    }

    @Test func aWeekIsHeldAgainstEachSeriesOfItsOrganisationWhateverItsStart() {
        // setup: the ministry's returns since records began (no figure a week apart), and since 1 January (100,000 → 110,000)
        let week = Period(start: Self.day("2018-08-09"), end: Self.day("2018-08-15"))
        let figures = [
            Self.figure(1, "Ministry", "2018-07-01", "returns", 1_400_000),
            Self.figure(2, "Ministry", "2018-08-08", "returns", 100_000, coverage: .cumulative(since: Self.day("2018-01-01"))),
            Self.figure(3, "Ministry", "2018-08-15", "returns", 110_000, coverage: .cumulative(since: Self.day("2018-01-01"))),
            Self.figure(4, "Ministry", "2018-08-15", "returns", 9_000, coverage: .period(week)),
        ]
        // act
        let problems = SourceChecks.problems(in: figures)
        // check: the week is held against the series that states both its ends, not only the first series
        #expect(problems.map(\.kind) == [.weekDiffers])
        #expect(problems.map(\.figures) == [[4, 2, 3]])
        // A week "of at least 5,000" or "up to 12,000" beside a rise of 10,000 agrees; "at least 11,000" cannot.
        for (qualifier, value, differs) in [(Qualifier.atLeast, 5_000, false), (.upTo, 12_000, false), (.atLeast, 11_000, true), (.upTo, 9_000, true)] {
            var bounded = figures[3]
            (bounded.qualifier, bounded.value) = (qualifier, value)
            #expect(SourceChecks.problems(in: Array(figures.prefix(3)) + [bounded]).isEmpty != differs, "\(qualifier) \(value)")
        }
    }

    @Test func aFallingCumulativeFigureIsFoundInOnePassAsByComparingEveryPair() {
        // The plain rule: each figure against the highest of its series stated on an earlier day, the first of equal ones.
        func byEveryPair(_ series: [SourceFigure]) -> [[Int]] {
            series.indices.compactMap { index in
                let later = series[index]
                guard let highest = series[..<index].filter({ $0.date < later.date }).max(by: { $0.value < $1.value }),
                      later.value < highest.value else { return nil }
                return [highest.id!, later.id!]
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            // setup: one series of up to 30 figures on a few days, with equal values and equal days
            let figures = (1...Int.random(in: 1...30, using: &generator)).map { id in
                Self.figure(id, "M", "2018-08-\(10 + Int.random(in: 0...9, using: &generator))", "returns", Int.random(in: 0...6, using: &generator) * 100)
            }
            // act: figures of one day that differ are another check's (figures-contradict)
            let found = SourceChecks.problems(in: figures).filter { $0.kind == .cumulativeFalls }
            // check
            let series = figures.sorted { ($0.date, $0.id!) < ($1.date, $1.id!) }
            #expect(found.map(\.figures) == byEveryPair(series), "\(series.map { ($0.date.description, $0.value) })")
        }
    }

    /// An estimate followed by a lower count of the same organisation is an estimate put right, not a cumulative total that fell.
    @Test func anEstimateFollowedByALowerCountIsNoFall() {
        let figures = [Self.figure(1, "M", "2018-08-01", "returns", 2_000, kind: .estimate), Self.figure(2, "M", "2018-08-10", "returns", 1_500),
                       Self.figure(3, "M", "2018-08-12", "returns", 1_400)]
        #expect(SourceChecks.problems(in: figures).map(\.figures) == [[2, 3]])
    }

    @Test func aFileOfFiguresIsReadWithItsCoverageAndRefusedWhereWrong() {
        var rules = SourceFigureRules(measures: Measure.builtIn, areas: ["SY01"], today: Self.day("2019-01-01"))
        func draft(_ values: [SourceFigureField: String], row: Int = 2) -> ImportDraft<SourceFigureField> {
            ImportDraft(row: row, values: SourceFigureField.allCases.map { values[$0] }, labels: SourceFigureField.allCases.map { "#\($0)" }, content: [])
        }
        let total = rules.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "1,490,739", .qualifier: "more-than",
                                       .reference: "t1", .year: "2018"]))
        #expect(total.records.first?.coverage == .year(2018) && total.records.first?.value == 1_490_739 && total.records.first?.qualifier == .moreThan)
        let part = rules.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns-idps", .value: "1241212", .partOf: "t1"]))
        #expect(part.records.first?.partOfReference == "t1")
        // A total since a day after it was stated is a date typed wrongly; a projection may look ahead.
        let later = rules.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .since: "2018-09-01"]))
        #expect(later.isRejected && later.problems.map(\.code) == ["import.sources.since.afterStatement"] && later.problems.first?.column == "#since")
        #expect(rules.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .since: "2018-09-01",
                                   .kind: "projection"])).records.count == 1)
        // So is a count of a year or a period that starts after the day it was stated; a year under way is not.
        let nextYear = rules.check(draft([.organisation: "M", .date: "2018-08-10", .measure: "returns", .value: "5000", .year: "2019"]))
        #expect(nextYear.isRejected && nextYear.problems.map(\.code) == ["import.sources.period.startsAfterStatement"] && nextYear.problems.first?.column == "#year")
        let september = rules.check(draft([.organisation: "M", .date: "2018-08-10", .measure: "returns", .value: "5", .from: "2018-09-01", .to: "2018-09-30"]))
        #expect(september.isRejected && september.problems.first?.column == "#from")
        #expect(rules.check(draft([.organisation: "M", .date: "2018-08-10", .measure: "returns", .value: "5", .year: "2018"])).records.count == 1)
        #expect(rules.check(draft([.organisation: "M", .date: "2018-08-10", .measure: "returns", .value: "5", .year: "2019", .kind: "projection"])).records.count == 1)
        // A part is its own organisation's, of the total's measure or one within it: two organisations' figures never add up.
        var figures = SourceFigureRules(measures: Measure.builtIn, areas: [], today: Self.day("2019-01-01"),
                                        totals: ["7": .init(organisation: "M", measure: "returns-idps")])
        let other = figures.check(draft([.organisation: "A", .date: "2018-08-15", .measure: "returns-idps", .value: "5", .partOf: "7"]))
        #expect(other.problems.map(\.code) == ["import.sources.partOf.otherOrganisation"] && other.problems.first?.column == "#partOf")
        let broader = figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .partOf: "7"]))
        #expect(broader.problems.map(\.code) == ["import.sources.partOf.broader"])
        #expect(figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns-idps", .value: "5", .partOf: "7"])).records.count == 1)
        // Years and days as every other import reads them: Arabic digits, nothing before 1900.
        #expect(figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .year: "٢٠١٨"])).records.first?.coverage == .year(2018))
        #expect(figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .year: "1850"])).problems.map(\.code)
                == ["import.sources.year.invalid"])
        #expect(figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .since: "1850-01-01"])).problems.map(\.code)
                == ["import.date.tooEarly"])
        // A count over a period ending after it was stated is kept, with a warning.
        let ahead = figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .from: "2018-08-01", .to: "2018-08-31"]))
        #expect(ahead.records.count == 1 && ahead.problems.map(\.code) == ["import.sources.period.afterStatement"] && ahead.problems.first?.severity == .warning)
        #expect(figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "Returns-IDPs", .value: "5"])).records.first?.measure == "returns-idps")
        #expect(figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .kind: "оценка", .qualifier: "около"])).records.first
            .map { "\($0.kind.rawValue) \($0.qualifier.rawValue)" } == "estimate about")
        // A qualifier written with a space or an underscore is the same qualifier.
        for written in ["more than", "More_Than", "MORE-THAN", "более", "أكثر من", "اكثر من"] {
            #expect(figures.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5", .qualifier: written])).records.first?.qualifier
                    == .moreThan, "\(written)")
        }
        let wrong = rules.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returnees", .value: "5", .qualifier: "roughly",
                                       .since: "2018-01-01", .year: "2018", .partOf: "nope"]))
        #expect(Set(wrong.problems.map(\.message.key)) == ["import.sources.measure.unknown", "import.sources.choice.invalid",
                                                         "import.sources.coverage.ambiguous", "import.sources.partOf.unknown"])
        #expect(wrong.records.isEmpty)
        // Half a period names the day that is missing, not an empty date.
        let halves = [[SourceFigureField.from: "2018-08-01"], [.to: "2018-08-07"]].map { half in
            rules.check(draft([.organisation: "M", .date: "2018-08-15", .measure: "returns", .value: "5"].merging(half) { $1 })).problems
        }
        #expect(halves.map { $0.map(\.message.key) } == [["import.sources.period.noEnd"], ["import.sources.period.noStart"]])
        #expect(halves.map { $0.map(\.column) } == [["#to"], ["#from"]])
    }

    /// Each language's plural form for the numbers CLDR's rules tell apart.
    @Test func pluralFormsOfABulletinSentence() throws {
        let ru = try Catalogue.bundled(.ru), ar = try Catalogue.bundled(.ar)
        let line = { (c: Catalogue, n: Int) in c.text("bulletin.returns.refugees", ["count": .count(n)]) }
        #expect([1, 2, 5, 11, 21, 101].map { line(ru, $0) } == [
            "Из них 1 человек вернулся из-за рубежа.", "Из них 2 человека вернулись из-за рубежа.",
            "Из них 5 человек вернулись из-за рубежа.", "Из них 11 человек вернулись из-за рубежа.",
            "Из них 21 человек вернулся из-за рубежа.", "Из них 101 человек вернулся из-за рубежа.",
        ])
        #expect([0, 1, 2, 3, 11, 100].map { line(ar, $0) } == [
            "لم يعد أحد من بين العائدين من الخارج.", "من بين العائدين، عاد شخص واحد من الخارج.", "من بين العائدين، عاد شخصان من الخارج.",
            "من بين العائدين، عاد ٣ أشخاص من الخارج.", "من بين العائدين، عاد ١١ شخصاً من الخارج.", "من بين العائدين، عاد ١٠٠ شخص من الخارج.",
        ])
    }

    @Test func numbersInAnEditedTextThatTheSnapshotDoesNotGiveAreFlagged() {
        let generated = "По состоянию на 15 августа 2018 г. домой вернулись 1\u{00A0}490\u{00A0}739 человек."
        #expect(EditedTextCheck.unmatched("С начала учёта вернулись 1\u{00A0}490\u{00A0}739 человек (15 августа 2018 г.).", generated: generated, language: .ru).isEmpty)
        #expect(EditedTextCheck.unmatched("Вернулись 1\u{00A0}490\u{00A0}793 человека.", generated: generated, language: .ru) == ["1490793"])
        #expect(EditedTextCheck.numbers(in: "عاد ١٬٢٣٤ شخصاً", language: .ar) == ["1234"])
    }

    /// A decimal is one number, in each language's writing: "2.6 million" is no 2 and 6 that a date or a count gives.
    @Test func aDecimalInAnEditedTextIsOneNumber() {
        let english = "As of 7 December 2026, 1,791,802 people have returned; 63.80% of 10,000 have left. The week: 2 crossings, 6 days."
        #expect(EditedTextCheck.unmatched("About 2.6 million have returned since 7 December.", generated: english, language: .en) == ["2.6"])
        #expect(EditedTextCheck.unmatched("Returns rose by 7.7%.", generated: english, language: .en) == ["7.7"])
        #expect(EditedTextCheck.unmatched("63.8% of 10,000 have left, on 7 December 2026.", generated: english, language: .en).isEmpty)
        #expect(EditedTextCheck.numbers(in: "1,234.50 t, then 7, 2018. And 3.", language: .en) == ["1234.5", "7", "2018", "3"])
        let russian = "По состоянию на 7 декабря 2026 г. вернулись 1\u{00A0}791\u{00A0}802 человека; выехали 63,80 % из 10\u{00A0}000."
        #expect(EditedTextCheck.unmatched("около 1,7 млн", generated: russian, language: .ru) == ["1.7"])
        #expect(EditedTextCheck.unmatched("около 2,6 млн, 7 декабря", generated: russian, language: .ru) == ["2.6"])
        #expect(EditedTextCheck.unmatched("выехали 63,8 % из 10 000", generated: russian, language: .ru).isEmpty)
        let arabic = "عاد ١٬٧٩١٬٨٠٢ شخصاً حتى ٧ كانون الأول ٢٠٢٦؛ غادر ٦٣٫٨٠٪."
        #expect(EditedTextCheck.unmatched("نحو ٢٫٦ مليون شخص", generated: arabic, language: .ar) == ["2.6"])
        #expect(EditedTextCheck.unmatched("نحو 2.6 مليون", generated: arabic, language: .ar) == ["2.6"])
        #expect(EditedTextCheck.unmatched("غادر ٦٣٫٨٪ حتى ٧ كانون الأول", generated: arabic, language: .ar).isEmpty)
        // The other language's decimal sign is a decimal still: a Russian "2.6 млн", an English "1,7 million" (1.7, not 17).
        #expect(EditedTextCheck.unmatched("Вернулись 2.6 млн человек, 7 декабря.", generated: russian, language: .ru) == ["2.6"])
        #expect(EditedTextCheck.unmatched("Some 1,7 million people; 10,000 left.", generated: english, language: .en) == ["1.7"])
        // A decimal without its 0, and digits dotted more than once (a date, a numbering), are read as they mean.
        #expect(EditedTextCheck.numbers(in: "Roads: .6 km, on 12.03.2020 (item 39.2.1).", language: .en) == ["0.6", "12", "3", "2020", "39", "2", "1"])
        #expect(EditedTextCheck.numbers(in: "Дороги: 738.6 км; 1 234 567 человек", language: .ru) == ["738.6", "1234567"])
        // Three decimals read a thousand times apart by who wrote them: matched only as written, never as the 5 of a date.
        #expect(EditedTextCheck.unmatched("About 5.000 returned on 7 December.", generated: english, language: .en) == ["5.000"])
        #expect(EditedTextCheck.unmatched("Вернулись 10,000 человек 7 декабря.", generated: russian, language: .ru) == ["10.000"])
        #expect(EditedTextCheck.unmatched("30.094 t", generated: "Aid: 30.094 t.", language: .en).isEmpty)
        #expect(EditedTextCheck.numbers(in: "No.5 and (.5)", language: .en) == ["5", "0.5"])
    }
}

import Foundation
@testable import HomewardCore
import Testing

/// A bulletin rendered for the public: small counts of people as "<k", a figure they could be worked out from
/// withheld, the snapshot itself untouched.
@Suite struct BulletinSuppressionTests {
    static let date = Day("2020-06-30")!

    static func snapshot(refugees: Int, idps: Int, crossings: [(String, Int)], weekTotal: Int) -> BulletinSnapshot {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        let returns = ReturnsBlock.make(date: date, sinceStart: LedgerSums(total: sum(refugees + idps), refugees: sum(refugees), idps: sum(idps)),
                                        since: nil, sinceDate: nil, lastWeek: sum(weekTotal),
                                        byCrossing: crossings.map { .init(code: $0.0, name: $0.0, nameRu: nil, nameAr: nil, sum: sum($0.1)) })
        return BulletinSnapshot(date: date, since: nil, blocks: [returns])
    }

    @Test func aSmallCountAndTheFigureItCouldBeWorkedOutFromAreHidden() throws {
        // 3 IDPs: hidden; the total would give them away (total − refugees), so the refugees are withheld too.
        let snapshot = Self.snapshot(refugees: 1_200, idps: 3, crossings: [("JOR-01", 60), ("LBN-01", 3)], weekTotal: 63)
        let hidden = BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5))
        #expect(hidden["returns.start.idps"] == .small && hidden["returns.start.refugees"] == .recoverable)
        #expect(hidden["returns.start.total"] == nil)
        #expect(hidden["returns.week.crossing.LBN-01"] == .small && hidden["returns.week.crossing.JOR-01"] == .recoverable)
        let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), published: (4, String(repeating: "0", count: 64)),
                              forThePublic: SmallCounts(threshold: 5)).text
        #expect(en.contains("As of 30 June 2020, 1,203 people have returned home since records began."))
        #expect(en.contains("Of them, [withheld] people returned from abroad."))
        #expect(en.contains("<5 internally displaced persons returned to their homes."))
        #expect(en.contains("LBN-01 (LBN-01): <5 people") && !en.contains("1,200") && !en.contains(": 3 people"))
        #expect(!en.contains(String(repeating: "0", count: 64)), "the hash would let anyone try each small value against it")
        // Nor how many records a figure sums: the public table has no column for it, where it had an empty one.
        let records = try Catalogue.bundled(.en).text("bulletin.snapshot.records")
        #expect(!BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).html.contains(records))
        #expect(BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).html.contains(records))
        let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar), published: (4, ""), forThePublic: SmallCounts(threshold: 5)).text
        #expect(ar.contains("<٥") && !ar.contains("ثلاثة"))
        // Internal readers: exact.
        let exact = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
        #expect(exact.contains("3 internally displaced persons") && exact.contains("1,200 people returned from abroad"))
    }

    /// Returns since a date are part of those since records began: the two lines side by side give the returns before the
    /// date, and bound a hidden count of all time. 100 of the 101 returns since 1 March were refugees, so the "<5" IDPs of
    /// all time were 1: the since-date figures that would say so are withheld too.
    @Test func figuresSinceADateDoNotGiveBackAHiddenCountOfAllTime() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        let sums = { (refugees: Int, idps: Int) in LedgerSums(total: sum(refugees + idps), refugees: sum(refugees), idps: sum(idps)) }
        func statement(before: (refugees: Int, idps: Int), week: Int = 0) -> BulletinSnapshot {
            let returns = ReturnsBlock.make(date: Self.date, sinceStart: sums(100 + before.refugees, before.idps), since: Day("2020-03-01")!,
                                            sinceDate: sums(100, 0), lastWeek: sum(week),
                                            byCrossing: week == 0 ? [] : [.init(code: "JOR-01", name: "JOR-01", nameRu: nil, nameAr: nil, sum: sum(week))])
            return BulletinSnapshot(date: Self.date, since: Day("2020-03-01")!, blocks: [returns])
        }
        let smallCounts = SmallCounts(threshold: 5)
        let leaking = BulletinSuppression.hidden(in: statement(before: (0, 1)), smallCounts: smallCounts)
        #expect(leaking["returns.start.idps"] == .small && leaking["returns.start.refugees"] == .recoverable)
        // Either since-date figure with the total of all time would bound the hidden IDPs to 1.
        #expect(leaking["returns.since.refugees"] == .recoverable && leaking["returns.since.total"] == .recoverable, "\(leaking)")
        let text = BulletinText(snapshot: statement(before: (0, 1)), catalogue: try Catalogue.bundled(.en), forThePublic: smallCounts).text
        #expect(!text.contains("100 people"), "\(text)")
        // A few returns before the date, of any category, are a small count the two totals would give by subtraction.
        let fewBefore = BulletinSuppression.hidden(in: statement(before: (3, 0)), smallCounts: smallCounts)
        #expect(fewBefore["returns.since.total"] == .recoverable && fewBefore["returns.since.refugees"] == .recoverable
                && fewBefore["returns.start.total"] == nil, "\(fewBefore)")
        // The week's 100, all within the since-date window, would bound the since-date total from below, and so the refugees
        // of all time: 100 of 101, the "<5" IDPs 1. The week's total, and its crossing, are withheld too.
        let byTheWeek = BulletinSuppression.hidden(in: statement(before: (0, 1), week: 100), smallCounts: smallCounts)
        #expect(byTheWeek["returns.week.total"] == .recoverable && byTheWeek["returns.week.crossing.JOR-01"] == .recoverable, "\(byTheWeek)")
        let weekText = BulletinText(snapshot: statement(before: (0, 1), week: 100), catalogue: try Catalogue.bundled(.en), forThePublic: smallCounts).text
        #expect(!weekText.contains("100"), "\(weekText)")
        // Many before the date, in both categories: nothing to protect.
        #expect(BulletinSuppression.hidden(in: statement(before: (400, 60)), smallCounts: smallCounts).isEmpty)
    }

    /// A total withheld for the few between it and a shown one is known to within k−1: it protects no cell of its own table.
    /// 98 and "<5" of a week withheld (all time 100, so the week is 96 to 99) would give the "<5" back as 1.
    @Test func aWeekWithheldForTheFewOutsideItProtectsNoCrossing() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        let returns = ReturnsBlock.make(date: Self.date, sinceStart: LedgerSums(total: sum(100), refugees: sum(100), idps: sum(0)), since: nil,
                                        sinceDate: nil, lastWeek: sum(99),
                                        byCrossing: [("JOR-01", 98), ("LBN-01", 1)].map { .init(code: $0.0, name: $0.0, nameRu: nil, nameAr: nil, sum: sum($0.1)) })
        let hidden = BulletinSuppression.hidden(in: BulletinSnapshot(date: Self.date, since: nil, blocks: [returns]), smallCounts: SmallCounts(threshold: 5))
        #expect(hidden["returns.week.total"] == .recoverable && hidden["returns.week.crossing.LBN-01"] == .small
                && hidden["returns.week.crossing.JOR-01"] == .recoverable, "\(hidden)")
    }

    /// A revision line's totals give the returns after the day it names (all time less the revised total): beside the week's,
    /// a few of the week before that day would be given by subtraction (12 this week, 10 since yesterday: 2).
    @Test func aRevisionLineIsLeftOutWhereItWouldGiveAFewOfTheWeek() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        let returns = ReturnsBlock.make(date: Self.date, sinceStart: LedgerSums(total: sum(1_000), refugees: sum(1_000), idps: sum(0)), since: nil,
                                        sinceDate: nil, lastWeek: sum(12), byCrossing: [.init(code: "JOR-01", name: "JOR-01", nameRu: nil, nameAr: nil, sum: sum(12))],
                                        revision: .init(date: Self.date.adding(days: -1), bulletin: 1, published: 984, now: sum(990)))
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, blocks: [returns])
        let hidden = BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5))
        #expect(hidden["returns.revised.published"] != nil && hidden["returns.revised.total"] != nil && hidden["returns.week.total"] == nil, "\(hidden)")
        let text = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(!text.contains("990") && !text.contains("revised"), "\(text)")
    }

    @Test func aPluralFormThatWritesNoNumberIsNotChosenForAHiddenOne() throws {
        // Arabic writes 1 and 2 as words ("one person", "two persons"): a hidden 1 must not read as "one".
        let snapshot = Self.snapshot(refugees: 900, idps: 1, crossings: [("LBN-01", 2), ("JOR-01", 40)], weekTotal: 42)
        let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar), forThePublic: SmallCounts(threshold: 5)).text
        #expect(!ar.contains("نازح داخلي واحد") && !ar.contains("شخصان"))
        let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru), forThePublic: SmallCounts(threshold: 5)).text
        #expect(ru.contains("<5"))
    }

    /// A hidden count's noun reads as after its threshold ("fewer than 5 people"), in every language, not in the
    /// form for fractions that no count takes ("<5 человека", "<٥ شخص").
    @Test func aHiddenCountsNounAgreesWithItsThreshold() throws {
        let snapshot = Self.snapshot(refugees: 900, idps: 3, crossings: [("LBN-01", 2), ("JOR-01", 40)], weekTotal: 42)
        let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru), forThePublic: SmallCounts(threshold: 5)).text
        #expect(ru.contains("<5 внутренне перемещённых лиц вернулись") && ru.contains("Из них [скрыто] человек вернулись"))
        let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar), forThePublic: SmallCounts(threshold: 5)).text
        #expect(ar.contains("LBN-01): \u{2066}<٥\u{2069} أشخاص"), "read left to right, as the page shows it")
        // "менее 3 человек", "менее 21 человека": the genitive, not the form of 3 or 21 ("3 человека", "21 человек").
        let three = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru), forThePublic: SmallCounts(threshold: 3)).text
        #expect(three.contains("LBN-01 (LBN-01): <3 человек\n"), "\(three)")
        let russian = try Catalogue.bundled(.ru), arabic = try Catalogue.bundled(.ar)
        #expect(russian.text("bulletin.returns.crossing", ["crossing": MessageArgument.text("X"), "code": .code("X"), "count": .hidden(shown: "<21", threshold: 21)])
                == "X (X): <21 человека")
        // Arabic's form for two writes no number; "<2" must still show.
        #expect(arabic.text("bulletin.returns.crossing", ["crossing": MessageArgument.text("X"), "code": .code("X"), "count": .hidden(shown: "<٢", threshold: 2)])
                == "X (X): <٢ أشخاص")
    }

    /// A withheld share reads without its sign: "([withheld])", not "([withheld]%)".
    @Test func aWithheldShareHasNoPercentSign() throws {
        let operation = EvacuationOperation(id: 1, site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 10_000,
                                            start: Day("2020-06-02")!, perCycle: 3_500, cycleDays: 5, via: [])
        let departure = Departure(site: "HOL", period: Period(day: Day("2020-06-10")!), persons: 3, organisation: "CCCM")
        let progress = EvacuationProgress(operation: operation, departures: [departure], asOf: Self.date)
        let camps = try #require(CampsBlock.make(date: Self.date, progress: [progress], sites: [:]))
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, blocks: [camps])
        for language in Language.allCases {
            let catalogue = try Catalogue.bundled(language)
            let text = BulletinText(snapshot: snapshot, catalogue: catalogue, forThePublic: SmallCounts(threshold: 5)).text
            #expect(text.contains("(\(catalogue.text("bulletin.withheld")))"), "\(language)")
            #expect(!text.contains("%") && !text.contains("٪"), "\(language)")
        }
        let exact = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
        #expect(exact.contains("3 (0.03%) of the 10,000 residents"))
    }

    /// Three recorded leaving after the operation's completion, and a census of the baseline's day that counted 2: each a
    /// count of people, withheld from the public when small.
    @Test func peopleLeftAfterCompletionAndABaselineDaysCensusAreHiddenWhenSmall() throws {
        var operation = EvacuationOperation(id: 1, site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 10_000,
                                            start: Day("2020-06-02")!, perCycle: 3_500, cycleDays: 5, via: [])
        operation.status = .completed
        let departures = [Departure(site: "HOL", period: Period(day: Day("2020-06-10")!), persons: 9_000, organisation: "CCCM"),
                          Departure(site: "HOL", period: Period(day: Day("2020-06-20")!), persons: 3, organisation: "CCCM")]
        var progress = EvacuationProgress(operation: operation, departures: departures, asOf: Self.date, completedOn: Day("2020-06-15")!)
        progress.censusesUnlikeBaseline = [Census(site: "HOL", date: Day("2020-06-01")!, residents: 2, organisation: "IOM")]
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, blocks: [try #require(CampsBlock.make(date: Self.date, progress: [progress], sites: [:]))])
        let hidden = BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5))
        #expect(hidden["camps.HOL.leftAfterCompletion"] == .small && hidden["camps.HOL.baselineCensus.1"] == .small, "\(hidden)")
        let text = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(!text.contains(" 3 more") && !text.contains("counted 2 residents"), "\(text)")
        #expect(BulletinSuppression.countsPeople("camps.HOL.leftAfterCompletion") && BulletinSuppression.countsPeople("camps.HOL.baselineCensus.1"))
    }

    @Test func nothingIsHiddenWhenEveryCountIsLargeEnough() {
        let snapshot = Self.snapshot(refugees: 1_200, idps: 300, crossings: [("JOR-01", 60), ("LBN-01", 7)], weekTotal: 67)
        #expect(BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5)).isEmpty)
        // Movements of the week without a crossing point (3 here) are not printed, but the total less the crossings gives them.
        let unnamed = Self.snapshot(refugees: 1_200, idps: 300, crossings: [("JOR-01", 60), ("LBN-01", 7)], weekTotal: 70)
        #expect(BulletinSuppression.hidden(in: unnamed, smallCounts: SmallCounts(threshold: 5)) == ["returns.week.crossing.LBN-01": .recoverable])
    }

    /// The week's movements without a crossing point have a line of their own: a cell of the week's table, hidden when
    /// small and protected like the crossing points' (2 of them shown, and the IDPs' "<5" above read as those 2).
    @Test func theWeeksLineWithoutACrossingPointIsHiddenWhenSmall() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        let returns = ReturnsBlock.make(date: Self.date, sinceStart: LedgerSums(total: sum(45), refugees: sum(43), idps: sum(2)), since: nil,
                                        sinceDate: nil, lastWeek: sum(45),
                                        byCrossing: [("JOR-01", 40), ("LBN-01", 3)].map { .init(code: $0.0, name: $0.0, nameRu: nil, nameAr: nil, sum: sum($0.1)) },
                                        withoutCrossing: sum(2))
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, blocks: [returns])
        let hidden = BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5))
        #expect(hidden["returns.week.withoutCrossing"] == .small && hidden["returns.week.crossing.LBN-01"] == .small)
        #expect(hidden["returns.week.crossing.JOR-01"] == nil, "45 − 40 gives the two hidden ones' sum only, not either")
        let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(en.contains("Reported by destination only, no crossing point: <5 people") && !en.contains(": 2 people") && !en.contains(": 3 people"), "\(en)")
    }

    /// A camp whose departures are hidden says nothing that gives them back: not how far behind the plan it is (the plan's
    /// figure less those who left), nor when the last would leave at the pace seen, nor a transit centre's estimate of them.
    @Test func aCampsHiddenDeparturesAreNotGivenBackByItsPaceOrItsCentre() throws {
        var operation = EvacuationOperation(site: "C9", baselineDate: Day("2020-06-01")!, baselineResidents: 1_000,
                                            start: Day("2020-06-02")!, perCycle: 100, cycleDays: 5, via: ["TC-9"], deadline: Day("2020-08-01")!,
                                            status: .underWay)
        operation.id = 1
        var progress = EvacuationProgress(operation: operation, departures: [Departure(site: "C9", period: Period(day: Day("2020-06-25")!), persons: 3,
                                                                                       organisation: "CCCM")], asOf: Self.date)
        progress.centresOverCapacity = [.init(centre: "TC-9", capacity: 1, day: Day("2020-06-25")!, persons: 3)]
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, blocks: [try #require(CampsBlock.make(date: Self.date, progress: [progress], sites: [:]))])
        let exact = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
        #expect(exact.contains("fewer people had left than the plan") && exact.contains("at the pace of the last") && exact.contains("deadline"), "\(exact)")
        // act
        let hidden = BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5))
        let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        // check
        #expect(hidden["camps.C9.left"] == .small && hidden["camps.C9.behind"] == .recoverable && hidden["camps.transit.TC-9.persons"] == .small)
        #expect(en.contains("C9: <5 ("), "\(en)")
        #expect(!en.contains("had left than the plan") && !en.contains("at the pace of") && !en.contains("deadline") && !en.contains("hold 3 people"), "\(en)")
        #expect(en.contains("the plan moves 100 people every 5 days"), "the plan's own pace and end are no one's departures")
        #expect(!en.contains("TC-9:"), "the centre's line would bound its hidden estimate by its capacity")
        #expect(hidden["camps.transit.TC-9.capacity"] == .recoverable, "the snapshot's table would too")
        let html = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).html
        #expect(html.contains(#"TC-9.capacity</code></td><td><bdi dir="ltr">[withheld]</bdi>"#), "\(html)")
    }

    /// Many left in all, few lately: the forecast date is the remaining over those few, and would give them back.
    @Test func aForecastFromAFewRecentDeparturesIsLeftOut() throws {
        var operation = EvacuationOperation(site: "C8", baselineDate: Day("2020-06-01")!, baselineResidents: 1_000,
                                            start: Day("2020-06-02")!, perCycle: 100, cycleDays: 5, status: .underWay)
        operation.id = 1
        let departures = [Departure(site: "C8", period: Period(day: Day("2020-06-05")!), persons: 500, organisation: "CCCM"),
                          Departure(site: "C8", period: Period(day: Day("2020-06-28")!), persons: 3, organisation: "CCCM")]
        let progress = EvacuationProgress(operation: operation, departures: departures, asOf: Self.date)
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, blocks: [try #require(CampsBlock.make(date: Self.date, progress: [progress], sites: [:]))])
        let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(en.contains("C8: 503 (") && !en.contains("at the pace of"), "\(en)")
        #expect(BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text.contains("at the pace of the last"))
    }

    /// Late reports that moved the last statement's total by a few are as many people: the revision line says nothing then.
    @Test func aRevisionByAFewIsLeftOut() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        func statement(revisedFrom published: Int) -> BulletinSnapshot {
            let returns = ReturnsBlock.make(date: Self.date, sinceStart: LedgerSums(total: sum(1_053), refugees: sum(1_053), idps: sum(0)), since: nil,
                                            sinceDate: nil, lastWeek: sum(3), byCrossing: [],
                                            revision: .init(date: Day("2020-06-29")!, bulletin: 1, published: published, now: sum(1_053)))
            return BulletinSnapshot(date: Self.date, since: nil, blocks: [returns])
        }
        let few = BulletinText(snapshot: statement(revisedFrom: 1_050), catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(!few.contains("revised") && !few.contains("1,050"), "\(few)")
        let many = BulletinText(snapshot: statement(revisedFrom: 1_000), catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(many.contains("revised") && many.contains("1,000"), "\(many)")
        // Statement no. 1 is internal: the public is not told its number nor what it published.
        let ofInternal = BulletinText(snapshot: statement(revisedFrom: 1_000), catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5),
                                    publicStatements: [2])
        #expect(!ofInternal.text.contains("revised") && !ofInternal.text.contains("1,000"), "\(ofInternal.text)")
        // Nor its question, which names it: the entries are left out of the public snapshot and its table.
        let json = String(decoding: try JSONEncoder().encode(ofInternal), as: UTF8.self)
        #expect(!json.contains("bulletin show 1") && !json.contains("returns.revised") && !ofInternal.html.contains("bulletin show 1"), "\(json)")
        #expect(BulletinText(snapshot: statement(revisedFrom: 1_000), catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5),
                             publicStatements: [1]).text.contains("revised"))
        // Revised to 1,050 in a statement of 1,053: three returned since the last statement's day.
        func since(_ revised: Int) -> BulletinSnapshot {
            let returns = ReturnsBlock.make(date: Self.date, sinceStart: LedgerSums(total: sum(1_053), refugees: sum(1_053), idps: sum(0)), since: nil,
                                            sinceDate: nil, lastWeek: sum(3), byCrossing: [],
                                            revision: .init(date: Day("2020-06-29")!, bulletin: 1, published: 1_000, now: sum(revised)))
            return BulletinSnapshot(date: Self.date, since: nil, blocks: [returns])
        }
        let gap = BulletinText(snapshot: since(1_050), catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(!gap.contains("revised") && !gap.contains("1,050"), "\(gap)")
        // Another version of the day's statement hid the earlier total: "from [withheld] to 1,053" says nothing, and is left out.
        let elsewhere = BulletinText(snapshot: statement(revisedFrom: 1_000), catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5),
                                     hiddenElsewhere: [ReturnsBlock.revisionPrefixes[0] + ".published"]).text
        #expect(!elsewhere.contains("revised") && !elsewhere.contains("withheld"), "\(elsewhere)")
    }

    @Test func smallCountsOfPeopleReachedOrTreatedAreHiddenAndParcelsAreNot() throws {
        let aid = try #require(AidBlock.make(date: Self.date, figures: AidFigures(actions: 2, localities: 2, parcels: 3, reached: 40, treated: 2,
                                                                                                 reportedBy: AidReporting(all: 2))))
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, blocks: [aid])
        #expect(BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5)) == ["aid.week.treated": .small])
        let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: SmallCounts(threshold: 5)).text
        #expect(en.contains("<5 people were given medical treatment") && en.contains("3 parcels were distributed.") && en.contains("40 people were reached"), "\(en)")
    }
}

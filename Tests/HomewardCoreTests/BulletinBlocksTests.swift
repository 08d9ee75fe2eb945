import Foundation
import HomewardCore
import Testing

/// The reconstruction and aid blocks: their sentences in each language, with the plural forms their counts take,
/// and no block at all when there is nothing to report.
@Suite struct BulletinBlocksTests {
    static let date = Day("2020-06-30")!
    static let school = FacilityKind(code: "school", unit: .items, nameEn: "Schools", nameRu: "Школы", nameAr: "المدارس")
    static let road = FacilityKind(code: "road", unit: .km, nameEn: "Roads", nameRu: "Дороги", nameAr: "الطرق")

    func text(_ block: BulletinBlock?, _ language: Language) throws -> String {
        BulletinText(snapshot: BulletinSnapshot(date: Self.date, since: nil, blocks: [try #require(block)]), catalogue: try Catalogue.bundled(language)).text
    }

    @Test func reconstructionGivesEachKindInItsOwnUnitAndTheSettlements() throws {
        let stock = FacilityFigures(settlements: 21, byKind: [KindQuantity(kind: Self.school, tenths: 120), KindQuantity(kind: Self.road, tenths: 125)])
        let flow = FacilityFigures(settlements: 1, byKind: [KindQuantity(kind: Self.school, tenths: 30)])
        let block = ReconstructionBlock.make(date: Self.date, stock: stock, flow: flow)
        let en = try text(block, .en)
        #expect(en.contains("Schools: 12 under restoration on 30 June 2020; 3 commissioned from 24 June 2020 to 30 June 2020."))
        // Nothing commissioned is said in words, in every language ("و٠ دخلت الخدمة" read badly).
        #expect(en.contains("Roads: 12.5 km under restoration on 30 June 2020; none commissioned from 24 June 2020 to 30 June 2020."), "\(en)")
        #expect(en.contains("restoration work is under way in 21 settlements."))
        #expect(en.contains("facilities were commissioned in 1 settlement."))
        let ru = try text(block, .ru)
        #expect(ru.contains("Дороги: на восстановлении на 30 июня") && ru.contains("— 12,5 км;"))
        #expect(ru.contains("ведутся в 21 населённом пункте."), "21 takes the form of one in Russian")
        let ar = try text(block, .ar)
        #expect(ar.contains("الطرق: ١٢٫٥ كم قيد الترميم في") && ar.contains("ولم يدخل أيٌّ منها الخدمة") && !ar.contains("و٠"), "\(ar)")
        #expect(ru.contains("ничего не введено в эксплуатацию."), "\(ru)")
        // A kind only commissioned: nothing under restoration is said in words too.
        let bakery = FacilityKind(code: "bakery", unit: .items, nameEn: "Bakeries", nameRu: "Пекарни", nameAr: "المخابز")
        let onlyCommissioned = ReconstructionBlock.make(date: Self.date, stock: FacilityFigures(settlements: 0, byKind: []),
                                                        flow: FacilityFigures(settlements: 1, byKind: [KindQuantity(kind: bakery, tenths: 20)]))
        #expect(try text(onlyCommissioned, .en).contains("Bakeries: none under restoration on 30 June 2020; 2 commissioned from"))
        #expect(try text(onlyCommissioned, .ar).contains("المخابز: لا شيء قيد الترميم في"))
        #expect(ar.contains("في تجمّع سكني واحد"), "1 is written as a word in Arabic")
        #expect(block?.entries.first { $0.id == "reconstruction.road.underRestoration" }?.unit == .tenths)
        // The table of figures gives a length in its unit, as the sentence does; a count of schools stays bare.
        let html = BulletinText(snapshot: BulletinSnapshot(date: Self.date, since: nil, blocks: [try #require(block)]), catalogue: try Catalogue.bundled(.ru)).html
        #expect(html.contains(">12,5 км</bdi>") && html.contains(">12</bdi></td>"), "\(html)")
    }

    /// An operation under way behind its plan: the statement says by how much and when the last would leave at the
    /// pace seen, not only the plan's end, which the figures no longer expect.
    @Test func campsSayHowFarBehindThePlanAndWhenTheLastWouldLeaveAtThePaceSeen() throws {
        var operation = EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 10_000,
                                            start: Day("2020-06-02")!, perCycle: 1_500, cycleDays: 5, status: .underWay)
        operation.id = 1
        let departures = [Departure(site: "HOL", period: Period(day: Day("2020-06-20")!), persons: 2_000, organisation: "CCCM"),
                          Departure(site: "HOL", period: Period(day: Day("2020-06-27")!), persons: 800, organisation: "CCCM")]
        let progress = EvacuationProgress(operation: operation, departures: departures, asOf: Self.date)
        let block = CampsBlock.make(date: Self.date, progress: [progress], sites: [:])
        // 28 days in: five cycles over by 26 June, 7,500 planned, 2,000 left by then (the sixth cycle's 800 count on neither side);
        // 2,800 in the last 14 days leaves 7,200 for 36 days
        #expect(progress.ahead == -5_500 && progress.plannedThrough == Day("2020-06-26") && progress.forecastEnd == Day("2020-08-05"))
        let en = try text(block, .en)
        #expect(en.contains("HOL: by 26 June 2020, 5,500 fewer people had left than the plan provided for."), "\(en)")
        #expect(en.contains("HOL: at the pace of the last 14 days, the last would leave by 5 August 2020."))
        // The plan's line gives the plan's own end, not a day the remaining would leave by at its pace: they are behind it.
        #expect(en.contains("HOL: the plan moves 1,500 people every 5 days, its last cycle ending on 6 July 2020."), "\(en)")
        #expect(!en.contains("at that pace the last would leave by 6 July"))
        // Without a deadline, none is named; with one, the statement says which side of it the pace seen falls.
        #expect(!en.contains("deadline"))
        var due = operation
        due.deadline = Day("2020-07-31")!
        let late = try text(CampsBlock.make(date: Self.date, progress: [EvacuationProgress(operation: due, departures: departures, asOf: Self.date)],
                                            sites: [:]), .en)
        #expect(late.contains("HOL: at that pace the last would leave after the deadline of 31 July 2020."), "\(late)")
        due.deadline = Day("2020-08-05")!
        let inTime = CampsBlock.make(date: Self.date, progress: [EvacuationProgress(operation: due, departures: departures, asOf: Self.date)], sites: [:])
        #expect(try text(inTime, .en).contains("HOL: at that pace the last would leave by the deadline of 5 August 2020."))
        #expect(try text(inTime, .ru).contains("HOL: при таком темпе последние выедут к установленному сроку — 5 августа 2020\u{202F}г."))
        #expect(try text(inTime, .ar).contains("HOL: بهذه الوتيرة يغادر آخرهم بحلول الموعد النهائي ٥ آب ٢٠٢٠."))
        #expect(try text(block, .ru).contains("HOL: к 26 июня 2020\u{202F}г. выехало на 5\u{00A0}500 человек меньше, чем предусматривал план."))
        #expect(try text(block, .ar).contains("الـ١٤ يوماً الأخيرة"))
        // The date and the count are apart: a comma after the date, so that two numbers do not run together.
        #expect(try text(block, .ar).contains("HOL: بحلول ٢٦ حزيران ٢٠٢٠، كان عدد المغادرين أقل بـ٥٬٥٠٠ شخص مما كانت تقتضيه الخطة."))
        // A completed operation's statement has no forecast.
        operation.status = .completed
        let done = CampsBlock.make(date: Self.date, progress: [EvacuationProgress(operation: operation, departures: departures, asOf: Self.date)], sites: [:])
        #expect(try !text(done, .en).contains("at the pace of"))
    }

    /// A suspended or completed operation's plan would promise an end it no longer moves towards: the statement says
    /// since when it is suspended, or when it was completed, instead, in each language.
    @Test func aSuspendedOrCompletedOperationIsSaidSoInsteadOfItsPlan() throws {
        var operation = EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 10_000,
                                            start: Day("2020-06-02")!, perCycle: 1_500, cycleDays: 5, status: .suspended)
        operation.id = 1
        let departures = [Departure(site: "HOL", period: Period(day: Day("2020-06-20")!), persons: 2_000, organisation: "CCCM")]
        var suspended = EvacuationProgress(operation: operation, departures: departures, asOf: Self.date)
        suspended.statusChanges = [EvacuationStatusChange(from: .planned, to: .underWay, day: Day("2020-06-02")!, at: "", by: ""),
                                   EvacuationStatusChange(from: .underWay, to: .suspended, day: Day("2020-06-22")!, at: "", by: "")]
        let block = CampsBlock.make(date: Self.date, progress: [suspended], sites: [:])
        let en = try text(block, .en)
        #expect(en.contains("HOL: 2,000 (20.00%) of the 10,000 residents counted on") && en.contains("HOL: the operation has been suspended since 22 June 2020."), "\(en)")
        #expect(!en.contains("the plan moves"))
        #expect(try text(block, .ru).contains("HOL: операция приостановлена с 22 июня 2020\u{202F}г."))
        #expect(try text(block, .ar).contains("HOL: العملية معلّقة منذ ٢٢ حزيران ٢٠٢٠."))
        // Completed, with no change that gave the day: said without one.
        operation.status = .completed
        let completed = CampsBlock.make(date: Self.date, progress: [EvacuationProgress(operation: operation, departures: departures, asOf: Self.date)], sites: [:])
        #expect(try text(completed, .en).contains("HOL: the operation is completed."))
        #expect(try text(completed, .ar).contains("HOL: العملية مكتملة."))
        #expect(try !text(completed, .en).contains("after the operation was completed"))
        // Completed on the 21st, with 700 more recorded leaving on the 25th: the operation's line counts the 2,000 who left
        // under it, and a line says that the site's figures count 700 more.
        let later = departures + [Departure(site: "HOL", period: Period(day: Day("2020-06-25")!), persons: 700, organisation: "CCCM")]
        var ended = EvacuationProgress(operation: operation, departures: later, asOf: Self.date, completedOn: Day("2020-06-21")!)
        ended.statusChanges = [EvacuationStatusChange(from: .underWay, to: .completed, day: Day("2020-06-21")!, at: "", by: "")]
        #expect(ended.left == 2_000 && ended.leftAfterCompletion == 700)
        // Once a later operation took the site over, the site counts from its baseline: neither counts them, and nothing is said.
        #expect(EvacuationProgress(operation: operation, departures: later, asOf: Self.date, nextBaseline: Day("2020-06-24")!,
                                   completedOn: Day("2020-06-21")!).leftAfterCompletion == 0)
        let afterwards = CampsBlock.make(date: Self.date, progress: [ended], sites: [:])
        #expect(try text(afterwards, .en).contains("HOL: 700 more people were recorded leaving after the operation was completed; the operation's figures above do not count them, the site's do."))
        #expect(try text(afterwards, .ru).contains("HOL: после завершения операции зарегистрирован выезд ещё 700 человек;"))
        #expect(try text(afterwards, .ar).contains("HOL: سُجّلت بعد اكتمال العملية مغادرة ٧٠٠ شخص آخر؛"))
        // A census of the baseline's day that reads otherwise is named beside the operation's count, with its figure traced.
        ended.censusesUnlikeBaseline = [Census(site: "HOL", date: Day("2020-06-01")!, residents: 10_300, organisation: "IOM")]
        let unlike = try #require(CampsBlock.make(date: Self.date, progress: [ended], sites: [:]))
        #expect(try text(unlike, .en).contains("HOL: IOM's census of 1 June 2020 counted 10,300 residents, not the 10,000 the operation counts from."))
        let russian = try text(unlike, .ru)
        #expect(russian.contains("HOL: перепись IOM на 1 июня 2020\u{202F}г.: 10\u{00A0}300 жителей; операция ведёт счёт от 10\u{00A0}000."), "\(russian)")
        #expect(unlike.entries.first { $0.id == "camps.HOL.baselineCensus.1" }?.value == 10_300)
    }

    /// A transit centre estimated above its capacity is named once, however many operations go through it, with the
    /// busiest day any of them saw: each sees the centre only from its own start.
    @Test func aCentreAboveItsCapacityIsNamedOnceWithItsBusiestDay() throws {
        func progress(_ site: String, id: Int, persons: Int, day: String) -> EvacuationProgress {
            var operation = EvacuationOperation(site: site, baselineDate: Day("2020-06-01")!, baselineResidents: 10_000,
                                                start: Day("2020-06-02")!, perCycle: 1_500, cycleDays: 5, via: ["TC-1"], status: .underWay)
            operation.id = id
            var progress = EvacuationProgress(operation: operation, departures: [], asOf: Self.date)
            progress.centresOverCapacity = [.init(centre: "TC-1", capacity: 2_000, day: Day(day)!, persons: persons)]
            return progress
        }
        let sites = ["TC-1": Site(code: "TC-1", name: "Tal Abyad", nameAr: "تل أبيض", kind: .transitCentre, admin: "SY08", capacity: 2_000)]
        // HOL started later and saw 2,100 on the 20th; ROJ saw the centre's busiest day, 2,500 on the 3rd.
        let block = try #require(CampsBlock.make(date: Self.date, progress: [progress("HOL", id: 2, persons: 2_100, day: "2020-06-20"),
                                                                             progress("ROJ", id: 1, persons: 2_500, day: "2020-06-03")], sites: sites))
        #expect(block.lines.filter { $0.key == "bulletin.camps.centreOverCapacity" }.count == 1)
        let persons = try #require(block.entries.first { $0.id == "camps.transit.TC-1.persons" })
        #expect(persons.value == 2_500 && persons.query == "homeward evacuations show 1 --as-of 2020-06-30")
        // The busiest day since the operation began, said so: a later statement repeats it while no day is fuller.
        #expect(try text(block, .en).contains("Tal Abyad: at its fullest since the operation began, the transit centre was estimated to hold 2,500 people, "
                                              + "on 3 June 2020, more than its 2,000 places, from the departures sent to it."))
        #expect(try text(block, .ru).contains("больше всего людей с начала операции в нём находилось 3 июня 2020\u{202F}г.: 2\u{00A0}500 человек — больше, чем 2\u{00A0}000 мест."))
        #expect(try text(block, .ar).contains("تل أبيض: يُقدَّر بحسب المغادرات المرسلة إلى مركز العبور أن أكبر عدد ضمّه منذ بدء العملية كان ٢٬٥٠٠ شخص في ٣ حزيران ٢٠٢٠، أي أكثر من سعته البالغة ٢٬٠٠٠ مكان."))
    }

    @Test func aidGivesActionsLocalitiesTonnesParcelsPeopleReachedAndTreated() throws {
        let block = AidBlock.make(date: Self.date, figures: AidFigures(actions: 2, localities: 11, kilograms: 3_525, parcels: 780, reached: 101, treated: 3,
                                                                       reportedBy: AidReporting(all: 2)))
        let en = try text(block, .en)
        #expect(en.contains("780 parcels were distributed.") && en.contains("3 people were given medical treatment, as the organisations reported."))
        #expect(try text(block, .ru).contains("Роздано 780 наборов.") && text(block, .ru).contains("медицинскую помощь получили 3 человека."))
        #expect(try text(block, .ar).contains("وُزِّعت ٧٨٠ سلة.") && text(block, .ar).contains("تلقّى ٣ أشخاص رعاية طبية"))
        #expect(en.contains("From 24 June 2020 to 30 June 2020, 2 aid actions were recorded."))
        #expect(en.contains("Aid reached 11 localities.") && en.contains("Tonnes delivered: 3.525."))
        #expect(en.contains("101 people were reached, as the organisations reported."))
        let ru = try text(block, .ru)
        #expect(ru.contains("зарегистрированы 2 акции помощи") && ru.contains("получили 11 населённых пунктов") && ru.contains("3,525"))
        #expect(ru.contains("помощь получил 101 человек."))
        let ar = try text(block, .ar)
        #expect(ar.contains("سُجِّلت عمليتا مساعدة"), "2 is the dual in Arabic")
        #expect(ar.contains("وصلت المساعدات إلى ١١ تجمّعاً سكنياً.") && ar.contains("٣٫٥٢٥"))
        #expect(ar.contains("إلى ١٠١ شخص"))
        // Aid recorded only for whole districts or governorates reached no locality: no sentence says none was reached.
        let coarse = AidBlock.make(date: Self.date, figures: AidFigures(actions: 1, localities: 0, parcels: 7, reportedBy: AidReporting(all: 1)))
        #expect(try !text(coarse, .en).contains("localit") && !text(coarse, .ar).contains("لم تصل"))
    }

    /// Where only some of the week's actions gave the people reached, the sum is theirs alone, and the sentence says
    /// how many gave it, its noun agreeing with the number of actions.
    @Test func peopleReachedGivenByOnlySomeActionsSayHowMany() throws {
        let some = { (actions: Int, given: Int) in
            AidBlock.make(date: Self.date, figures: AidFigures(actions: actions, localities: 3, reached: 12_400,
                                                               reportedBy: AidReporting(kilograms: actions, parcels: actions, reached: given)))
        }
        let block = some(42, 30)
        #expect(block?.lines.map(\.key).contains("bulletin.aid.reached.partly") == true)
        #expect(block?.entries.first { $0.id == "aid.week.reached.reported_by" }?.value == 30)
        #expect(try text(block, .en).contains("12,400 people were reached, as reported for 30 of the 42 actions."))
        #expect(try text(block, .ru).contains("По данным 30 из 42 акций, помощь получили 12\u{00A0}400 человек."))
        #expect(try text(block, .ar).contains("وصلت المساعدات إلى ١٢٬٤٠٠ شخص بحسب ما أفادت به المنظمات عن ٣٠ عملية من أصل ٤٢."))
        #expect(try text(some(21, 20), .ru).contains("По данным 20 из 21 акции,"), "21 takes the form of one in Russian")
        // No preposition before the number, whose spoken form ("одной") would ask for "об".
        #expect(try text(some(4, 1), .ru).contains("По данным 1 из 4 акций,"))
        #expect(try text(some(2, 1), .ar).contains("عن عملية واحدة من أصل اثنتين."), "2 is the dual in Arabic")
        #expect(try text(some(5, 4), .ar).contains("عن ٤ عمليات من أصل ٥."))
        // Every action gave it: the sentence as before, with no count of actions.
        let all = try #require(some(42, 42))
        #expect(all.lines.map(\.key).contains("bulletin.aid.reached") && !all.entries.contains { $0.id == "aid.week.reached.reported_by" })
    }

    @Test func aBlockWithNothingToReportIsLeftOut() {
        #expect(ReconstructionBlock.make(date: Self.date, stock: FacilityFigures(), flow: FacilityFigures()) == nil)
        #expect(AidBlock.make(date: Self.date, figures: AidFigures()) == nil)
        // Nothing weighed and no one counted: the actions alone, no "0 tonnes".
        let lines = AidBlock.make(date: Self.date, figures: AidFigures(actions: 1, localities: 1, reportedBy: AidReporting()))?.lines.map(\.key)
        #expect(lines == ["bulletin.aid.actions", "bulletin.aid.localities"])
    }
}

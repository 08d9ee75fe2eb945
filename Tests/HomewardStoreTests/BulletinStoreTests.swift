import Foundation
import HomewardCore
@testable import HomewardStore
import HomewardTestSupport
import SQLKit
import Synchronization
import Testing

/// The bulletin's later blocks, its figures read from the rollups, the records a number summed listed again, and
/// making a bulletin public: on both databases.
@Suite struct BulletinStoreTests {
    /// - Parameter warned: the codes of the warnings the rows are expected to draw.
    func importRecords(_ store: Stores, _ kind: RecordKind, _ text: String, warned: [String] = []) async throws {
        let summary = try await store.importRecords(kind, ImportRequest(sourceName: "\(kind).csv", today: TestStores.today),
                                                    from: .bytes(Array(text.utf8)), by: .test)
        #expect(summary.status == (warned.isEmpty ? .success : .warning) && summary.problems.map(\.code) == warned, "\(summary.text)")
    }

    /// Al-Hol, counted on 5 June 2020 (1,000 by the operation's count), under an operation from the 6th, 100 every 5 days.
    func campUnderOperation(_ store: Stores, censuses: String) async throws {
        try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
        try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n" + censuses)
        _ = try await store.camps.addOperation(
            EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-05")!, baselineResidents: 1_000, start: Day("2020-06-06")!,
                                perCycle: 100, cycleDays: 5), today: TestStores.today, by: .test)
    }

    /// A census taken since an operation's baseline is read beside its figures, which still count from the baseline: the
    /// session sees 900 counted where 800 remain by the departures, neither chosen; one after the statement's day is not.
    @Test(arguments: Backend.available)
    func aCampsCensusSinceItsBaselineIsSaidBesideItsFigures(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await campUnderOperation(store, censuses: "2020-06-05,HOL,1000,UNHCR\n")
            try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-07,HOL,200,UNHCR\n")
            try await importRecords(store, .censuses, "#date,#loc+site+code,#population+ind+num,#org\n2020-06-15,HOL,900,WHO\n2020-06-25,HOL,850,WHO\n")
            // act
            let snapshot = try await store.draftBulletin(date: Day("2020-06-20")!)
            // check
            #expect(snapshot.entry("camps.HOL.remaining")?.value == 800 && snapshot.entry("camps.HOL.laterCensus.1")?.value == 900)
            #expect(snapshot.entry("camps.HOL.laterCensus.2") == nil, "a count after the statement's day is none of its")
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("Al-Hol: WHO's census of 15 June 2020 counted 900 residents; the figures above count from the operation's baseline of 5 June 2020."), "\(en)")
            let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru)).text
            #expect(ru.contains("перепись WHO на 15 июня 2020") && ru.contains(": 900 жителей; данные выше ведут счёт от исходной переписи операции"), "\(ru)")
            // A count of people: hidden from the public when small, as any is.
            #expect(BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 1_000))["camps.HOL.laterCensus.1"] == .small)
        }
    }

    /// A month's figure on the 15th, or a period begun before the window, is in no total of the statement: it says so, with
    /// the number, as `totals` gives it apart, rather than dropping it without a word.
    @Test(arguments: Backend.available)
    func figuresForPeriodsAcrossAStatementsEdgesAreToldApart(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let rows = "#date+start,#date+end,#adm1+dest+code,#affected+returnees+idps+num,#org\n"
                + "2020-06-01,2020-06-30,SY07,800,OCHA\n2020-05-25,2020-06-03,SY07,40,OCHA\n2020-06-10,2020-06-10,SY07,100,OCHA\n"
            try await importRecords(store, .movements, rows)
            // act
            let snapshot = try await store.draftBulletin(date: Day("2020-06-15")!, since: Day("2020-06-01")!)
            // check: 800 run past the 15th; 40 began before the 1st; the week (9–15 June) has neither inside it
            #expect(snapshot.entry("returns.partial.pastDate")?.value == 800)
            #expect(snapshot.entry("returns.partial.since")?.value == 40)
            #expect(snapshot.entry("returns.partial.week") == nil)
            #expect(snapshot.entry("returns.week.total")?.value == 100)
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("Not counted above: 800 people reported for periods that run past 15 June 2020."), "\(en)")
            #expect(en.contains("Not counted since 1 June 2020: 40 people reported for periods that began before it."))
            let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru)).text
            #expect(ru.contains("Выше не учтены 800 человек, указанные за периоды"), "\(ru)")
            // For the public, a few persons across an edge are a small count: the line goes with its number, in every language.
            try await importRecords(store, .movements, "#date+start,#date+end,#adm1+dest+code,#affected+returnees+idps+num,#org\n"
                                    + "2020-05-01,2020-05-31,SY07,3,OCHA\n2020-04-25,2020-05-03,SY07,2,OCHA\n")
            let few = try await store.draftBulletin(date: Day("2020-05-15")!, since: Day("2020-05-01")!)
            #expect(few.entry("returns.partial.pastDate")?.value == 3 && few.entry("returns.partial.since")?.value == 2)
            for language in Language.allCases {
                let publicText = BulletinText(snapshot: few, catalogue: try Catalogue.bundled(language), forThePublic: SmallCounts(threshold: 5))
                #expect(!publicText.text.contains("\u{200F}") || language == .ar)
                for sentence in publicText.sections.flatMap(\.sentences) {
                    #expect(!sentence.entries.values.contains { $0.hasPrefix("returns.partial.") }, "\(language): \(sentence.phrase.text)")
                }
                #expect(publicText.hidden["returns.partial.pastDate"] == .small && publicText.hidden["returns.partial.since"] == .small)
            }
        }
    }

    /// The returns block's figures are the centre's ledger: it names first whose reports they add up, as every source's
    /// figure names its source, in each language's way of listing (an organisation of withdrawn movements or of later
    /// periods is not among them).
    @Test(arguments: Backend.available)
    func theReturnsBlockNamesTheOrganisationsWhoseReportsItAddsUp(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await importRecords(store, .movements, "#date,#adm1+dest+code,#affected+returnees+idps+num,#org,#meta+id\n"
                + "2020-06-01,SY07,80,UNHCR,a\n2020-06-02,SY07,40,SARC,b\n2020-06-03,SY07,9,WFP,c\n2020-06-20,SY07,5,IOM,d\n")
            try await importRecords(store, .movements, "#date,#adm1+dest+code,#affected+returnees+idps+num,#org,#meta+id\n2020-06-03,SY07,0,WFP,c\n")
            // act
            let snapshot = try await store.draftBulletin(date: Day("2020-06-15")!, since: nil)
            // check
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).text
            #expect(en.contains("Returns as the centre's ledger records them, from the reports of: SARC, UNHCR."), "\(en)")
            #expect(ar.contains("SARC، UNHCR"), "\(ar)")
            // On a page, each name is isolated: one isolate round the list ran Latin names left to right in Arabic.
            let html = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).html
            #expect(html.contains("<bdi>SARC</bdi>، <bdi>UNHCR</bdi>"), "\(html)")
        }
    }

    /// Two organisations reporting one group alike (same days, crossing, origin, destination and category) are both counted,
    /// as the import warned: the statement says how many such groups the week's figures hold and at which crossings, not only
    /// the import's log. Another category, another day or one organisation's two reports are no such group.
    @Test(arguments: Backend.available)
    func theWeeksGroupsReportedByMoreThanOneOrganisationAreSaid(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+id\n"
            try await importRecords(store, .movements, header + "2020-06-10,JOR-01,SY12,1250,UNHCR,u1\n2020-06-11,JOR-01,SY12,300,UNHCR,u2\n"
                + "2020-06-12,,SY07,40,UNHCR,u3\n")
            try await importRecords(store, .movements, header + "2020-06-10,JOR-01,SY12,1190,IOM,i1\n2020-06-12,,SY07,35,IOM,i2\n"
                + "2020-06-13,JOR-01,SY12,300,IOM,i3\n", warned: ["import.movements.otherOrganisation", "import.movements.otherOrganisation"])
            // A second report of UNHCR's for the group: still one group.
            try await importRecords(store, .movements, header + "2020-06-10,JOR-01,SY12,20,UNHCR,u4\n", warned: ["import.movements.otherOrganisation"])
            // act
            let snapshot = try await store.draftBulletin(date: Day("2020-06-15")!, since: nil)
            // check
            let entry = try #require(snapshot.entry(ReturnsBlock.Overlaps.entry))
            #expect(entry.value == 2)
            // The group without a crossing point is said too, not folded into the crossings named.
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("In these 7 days, 2 groups were each reported by more than one organisation (the same days, crossing, origin, "
                                + "destination and category; at JOR-01, and without a crossing point)"), "\(en)")
            let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru)).text
            #expect(ru.contains("За эти 7 дней о 2 группах одинаково сообщили несколько организаций (те же дни, пункт пересечения, место выезда, "
                                + "место назначения и категория; через JOR-01 и без пункта пересечения)."), "\(ru)")
            let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).text
            #expect(ar.contains("أبلغت أكثر من منظمة عن مجموعتين"), "\(ar)")
            // A count of groups, not of people: the public copy shows it as it is, however small.
            #expect(BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5))[entry.id] == nil)
            // Its question lists the movements of those groups: UNHCR's three and IOM's two, not IOM's group of its own.
            #expect(entry.query.hasSuffix("--reported-by-several"))
            let listed = try await store.ledger.movementPage(window: DateWindow(from: Day("2020-06-09")!, to: Day("2020-06-15")!), reportedBySeveral: true)
            #expect(listed.movements.compactMap(\.externalId).sorted() == ["i1", "i2", "u1", "u3", "u4"], "\(listed.movements)")
            // None in another week: no line.
            let later = BulletinText(snapshot: try await store.draftBulletin(date: Day("2020-06-30")!, since: nil), catalogue: try Catalogue.bundled(.en)).text
            #expect(!later.contains("more than one organisation"), "\(later)")
        }
    }

    /// One convoy, delivery or work that two organisations reported is counted twice in the camps', aid's and reconstruction's
    /// figures, as the imports warned: each block says how many such reports its figures hold, as the returns block does; one
    /// organisation's two reports, another destination or another type are none.
    @Test(arguments: Backend.available)
    func campsAidAndReconstructionSayHowManyOfTheirReportsMoreThanOneOrganisationGave(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await campUnderOperation(store, censuses: "2020-06-05,HOL,1000,UNHCR\n")
            let departures = "#date,#loc+site+code,#affected+departed+num,#loc+dest+code,#org,#meta+id\n"
            try await importRecords(store, .departures, departures + "2020-06-10,HOL,100,SY0800,CCCM,c1\n2020-06-10,HOL,100,SY0800,SARC,s1\n"
                + "2020-06-11,HOL,50,SY0800,CCCM,c2\n2020-06-11,HOL,50,SY0700,SARC,s2\n2020-06-12,HOL,20,SY0800,CCCM,c3\n2020-06-12,HOL,20,SY0800,CCCM,c4\n",
                warned: ["import.departures.otherOrganisation"])
            try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#meta+id\n"
                + "2020-06-24,C2269,WFP,humanitarian,3.5,w1\n2020-06-24,C2269,SARC,humanitarian,3.5,s1\n2020-06-24,C2269,SARC,medical,1,s2\n"
                + "2020-06-25,C2269,WFP,humanitarian,2,w2\n2020-06-25,C2269,SARC,humanitarian,2,s3\n",
                warned: ["import.aid.otherOrganisation", "import.aid.otherOrganisation"])
            try await importRecords(store, .facilities, "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"
                + "2020-06-20,C2269,bakery,under-restoration,1,UNDP,u1\n2020-06-20,C2269,bakery,under-restoration,1,Ministry,m1\n2020-06-20,C2269,school,under-restoration,1,UNDP,u2\n"
                // Damage two organisations assessed alike: no work, neither in the statement's count nor in its question's list.
                + "2020-06-20,C2269,school,damaged,2,UNDP,u3\n2020-06-20,C2269,school,damaged,2,Ministry,m3\n",
                warned: ["import.facilities.otherOrganisation", "import.facilities.otherOrganisation"])
            // act
            let snapshot = try await store.draftBulletin(date: Day("2020-06-26")!)
            // check: one convoy, two deliveries, one work
            #expect(snapshot.entry("overlaps.camps.HOL")?.value == 1 && snapshot.entry("overlaps.aid.week")?.value == 2
                    && snapshot.entry("overlaps.reconstruction")?.value == 1, "\(snapshot.entries.map(\.id))")
            // The records of the deliveries and works reported twice are listed by id (`bulletin records`), so that one of each
            // pair can be found and withdrawn; the questions list the same, as do `aid list` and `facilities list`.
            #expect(snapshot.entry("overlaps.aid.week")?.ids == [1, 2, 4, 5] && snapshot.entry("overlaps.reconstruction")?.ids == [1, 2])
            #expect(snapshot.entry("overlaps.aid.week")?.query == "homeward aid list --from 2020-06-20 --to 2020-06-26 --reported-by-several")
            #expect(snapshot.entry("overlaps.reconstruction")?.query == "homeward facilities list --to 2020-06-26 --reported-by-several")
            let week = DateWindow(from: Day("2020-06-20")!, to: Day("2020-06-26")!)
            #expect(try await store.assistance.actions(window: week, reportedBySeveral: true).map(\.id) == [1, 2, 4, 5])
            #expect(try await store.assistance.actions(window: DateWindow(from: Day("2020-06-25")!, to: Day("2020-06-25")!), reportedBySeveral: true)
                .map(\.id) == [4, 5])
            #expect(try await store.assistance.actions(window: week, organisation: "SARC", reportedBySeveral: true).map(\.id) == [2, 5])
            #expect(try await store.reconstruction.works(.init(window: DateWindow(to: Day("2020-06-26")!), reportedBySeveral: true)).map(\.id) == [1, 2])
            // The count of convoys keeps no ids: a site's departures are listed by `sites records`.
            #expect(snapshot.entry("overlaps.camps.HOL")?.ids == nil)
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("Al-Hol: more than one organisation reported departures on the same days to the same destination, in one case: "
                                + "the figures above add every report, so where the reports are of one convoy its people are counted twice."), "\(en)")
            #expect(en.contains("In these 7 days, more than one organisation reported the same type of aid in the same locality on the same day, in 2 cases:"), "\(en)")
            #expect(en.contains("the same kind of facility with the same status in the same settlement on the same day, in one case:"), "\(en)")
            let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru)).text
            #expect(ru.contains("в тот же день, в 2 случаях:") && ru.contains("в то же место назначения, в 1 случае:"), "\(ru)")
            let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).text
            #expect(ar.contains("في اليوم نفسه، في حالتين:") && ar.contains("إلى الوجهة نفسها، في حالة واحدة:"), "\(ar)")
            // Counts of reports, not of people: the public copy gives them as they are, however small.
            let hidden = BulletinSuppression.hidden(in: snapshot, smallCounts: SmallCounts(threshold: 5))
            #expect(["overlaps.camps.HOL", "overlaps.aid.week", "overlaps.reconstruction"].allSatisfy { hidden[$0] == nil }, "\(hidden)")
            // A week without two organisations' aid alike: no line.
            let later = BulletinText(snapshot: try await store.draftBulletin(date: Day("2020-07-10")!), catalogue: try Catalogue.bundled(.en)).text
            #expect(!later.contains("same type of aid in the same locality"), "\(later)")
        }
    }

    /// Whoever makes a statement public is told what its public copy withholds: a late report of 2 people withholds the
    /// headline total (and what would give it back), in the earlier public version of the day too; an internal one, nothing.
    @Test(arguments: Backend.available)
    func makingAStatementPublicSaysWhatItsPublicCopyWithholds(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let movements = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+id\n"
            try await importRecords(store, .movements, movements + "2020-06-01,LBN-01,SY03,1200,UNHCR,a\n2020-06-20,JOR-01,SY12,60,UNHCR,b\n")
            let smallCounts = SmallCounts(threshold: 5)
            let first = try await store.publishBulletin(date: Day("2020-06-22")!, isPublic: true, today: TestStores.today, by: .test)
            #expect(try await store.withheldFromThePublic(first, smallCounts: smallCounts) == [])
            // act: 2 people reported late, and the day's statement published again, at once public
            try await importRecords(store, .movements, movements + "2020-06-20,LBN-01,SY03,2,UNHCR,c\n")
            let second = try await store.publishBulletin(date: Day("2020-06-22")!, isPublic: true, today: TestStores.today, by: .test)
            let closed = try await store.publishBulletin(date: Day("2020-06-23")!, today: TestStores.today, by: .test)
            // check: the total since the start moved by 2 between the two public versions, so both withhold it
            let withheld = try await store.withheldFromThePublic(second, smallCounts: smallCounts)
            #expect(withheld.contains("returns.start.total"), "\(withheld)")
            let earlier = try await store.withheldFromThePublic(try #require(try await store.bulletin(first.id)), smallCounts: smallCounts)
            #expect(earlier.contains("returns.start.total"), "\(earlier)")
            #expect(try await store.withheldFromThePublic(closed, smallCounts: smallCounts) == [])
            // A later public statement's revision line would quote the total they withheld ("from 1,262 to 1,272"): withheld too.
            try await importRecords(store, .movements, movements + "2020-06-21,LBN-01,SY03,10,UNHCR,d\n")
            let third = try await store.publishBulletin(date: Day("2020-06-24")!, isPublic: true, today: TestStores.today, by: .test)
            let quoted = third.snapshot.entries.filter { $0.id.hasSuffix(".published") && $0.value == 1_262 }.map(\.id)
            #expect(!quoted.isEmpty, "\(third.snapshot.entries.map(\.id))")
            let thirdWithheld = try await store.withheldFromThePublic(third, smallCounts: smallCounts)
            #expect(quoted.allSatisfy(thirdWithheld.contains), "\(thirdWithheld)")
            let text = BulletinText(snapshot: third.snapshot, catalogue: try Catalogue.bundled(.en), forThePublic: smallCounts, publicStatements: [first.id, second.id, third.id],
                                    hiddenElsewhere: try await store.hiddenElsewhere(third, smallCounts: smallCounts, publicStatements: [first.id, second.id, third.id])).text
            #expect(!text.contains("1,262"), "\(text)")
            // Withdrawn, the second public version has been read: the first goes on withholding what the two would give back.
            _ = try await store.setPublic(second.id, false, by: .test)
            let afterWithdrawal = try await store.withheldFromThePublic(try #require(try await store.bulletin(first.id)), smallCounts: smallCounts)
            #expect(afterWithdrawal.contains("returns.start.total"), "\(afterWithdrawal)")
        }
    }

    /// The camps, reconstruction and aid blocks name whose records their figures count, as the returns block does: the
    /// baseline census's and the counted departures' organisations, the works' up to the day, the week's aid (an
    /// organisation of records outside them, or withdrawn, is not named).
    @Test(arguments: Backend.available)
    func campsReconstructionAndAidNameTheOrganisationsWhoseRecordsTheyCount(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await campUnderOperation(store, censuses: "2020-06-05,HOL,1000,UNHCR\n2020-06-01,HOL,1200,WHO\n")
            try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n"
                + "2020-06-03,HOL,40,IOM,before\n2020-06-10,HOL,100,CCCM,first\n2020-06-12,HOL,10,DRC,taken-back\n",
                warned: ["import.departures.beforeBaseline"])
            try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n2020-06-12,HOL,0,DRC,taken-back\n")
            try await importRecords(store, .facilities, "#date,#adm1+code,#adm4+code,#loc+type,#status,#indicator+num,#org\n"
                + "2020-05-10,SY03,C2269,school,under-restoration,5,UNDP\n2020-06-29,SY03,C2269,school,under-restoration,2,UN-Habitat\n")
            try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#reached+ind+num\n"
                + "2020-06-25,C2269,SARC,humanitarian,300\n2020-06-01,C5992,WFP,humanitarian,500\n")
            // act
            let snapshot = try await store.draftBulletin(date: Day("2020-06-26")!)
            // check
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("Camp figures from the censuses and departures reported by: CCCM, UNHCR."), "\(en)")
            #expect(en.contains("Reconstruction figures as reported by: UNDP.") && en.contains("Aid figures as reported by: SARC."), "\(en)")
            let html = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).html
            #expect(html.contains("<bdi>CCCM</bdi>، <bdi>UNHCR</bdi>"), "\(html)")
        }
    }

    /// Late reports and corrections move the total a published statement gave for its day: the next statement says by how
    /// much, so that readers comparing the two are not left with figures that do not add up.
    @Test(arguments: Backend.available)
    func theNextStatementSaysHowTheLastOnesTotalHasBeenRevised(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a statement of 10 June with 100 returned
            let movements = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+id\n"
            try await importRecords(store, .movements, movements + "2020-06-01,LBN-01,SY03,100,UNHCR,a\n")
            let first = try await store.publishBulletin(date: Day("2020-06-10")!, today: TestStores.today, by: .test)
            let unrevised = BulletinText(snapshot: try await store.draftBulletin(date: Day("2020-06-17")!), catalogue: try Catalogue.bundled(.en)).text
            // act: a late report for 5 June and a correction of the 1 June row, then the next statement
            try await importRecords(store, .movements, movements + "2020-06-01,LBN-01,SY03,90,UNHCR,a\n2020-06-05,LBN-01,SY03,25,UNHCR,b\n")
            let snapshot = try await store.draftBulletin(date: Day("2020-06-17")!)
            // check
            #expect(!unrevised.contains("revised"))
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("Since the statement of 10 June 2020 (no. \(first.id)), late reports and corrections have revised the total "
                                + "up to that day from 100 to 115."), "\(en)")
            let entry = try #require(snapshot.entry("returns.revised.total"))
            #expect(entry.value == 115 && entry.query == "homeward totals --to 2020-06-10" && entry.records == 2)
            #expect(BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru)).text.contains("было 100, стало 115."))
            // The statement's number is written in the text's digits, as every other number is.
            let arabic = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).text
            #expect(first.id < 10 && arabic.contains("(رقم \(Character(Unicode.Scalar(0x0660 + UInt32(first.id))!)))"), "\(arabic)")
            // A statement of the same day published again after the corrections says so too.
            let again = BulletinText(snapshot: try await store.draftBulletin(date: Day("2020-06-10")!), catalogue: try Catalogue.bundled(.en)).text
            #expect(again.contains("Since the statement of 10 June 2020 (no. \(first.id)), late reports and corrections have revised the total "
                                   + "up to that day from 100 to 115."), "\(again)")
        }
    }

    /// A statement's blocks are read in one read transaction: a write committed while it is drafted is in all of its
    /// blocks or in none, and reads after it see the write.
    @Test(arguments: Backend.available)
    func readsInsideAConsistentReadSeeNoWriteCommittedMeanwhile(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let movements = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org\n"
            try await importRecords(store, .movements, movements + "2020-06-01,LBN-01,SY03,100,UNHCR\n")
            let total = { @Sendable in try await store.ledger.totals(TotalsQuery()).total }
            // act: a write from a task of its own commits between two reads of one consistent read
            let (first, second) = try await store.database.consistentRead {
                let first = try await total()
                let file = Array((movements + "2020-06-02,LBN-01,SY03,50,UNHCR\n").utf8)
                let written = try await Task.detached {
                    try await store.importRecords(.movements, ImportRequest(sourceName: "movements.csv", today: TestStores.today), from: .bytes(file), by: .test)
                }.value
                #expect(written.imported == 1)
                return (first, try await total())
            }
            // check
            #expect(first == 100 && second == 100)
            #expect(try await total() == 150)
        }
    }

    /// A clock a second further on at every reading, so that each write is recorded after the one before.
    final class Ticking: @unchecked Sendable {
        private let lock = NSLock()
        private var moment = Date(timeIntervalSince1970: 1_593_504_000)

        func now() -> Date {
            lock.lock()
            defer { lock.unlock() }
            moment += 1
            return moment
        }
    }

    @Test(arguments: Backend.available)
    func reconstructionAndAidAreBlocksOnceThereIsSomethingToReport(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // check: nothing recorded, no block
            let empty = try await store.draftBulletin(date: TestStores.today)
            #expect(!empty.blocks.map(\.kind).contains("reconstruction") && !empty.blocks.map(\.kind).contains("aid"))
            // setup: 5 schools under restoration, 2 of them commissioned this week; a road; aid in the week and before it
            try await importRecords(store, .facilities, "#date,#adm1+code,#adm4+code,#loc+type,#status,#indicator+num,#org\n"
                + "2020-05-10,SY03,C2269,school,under-restoration,5,UNDP\n2020-06-26,SY03,C2269,school,commissioned,2,UNDP\n"
                + "2020-06-01,SY03,C2270,road,under-restoration,12.5,UNDP\n")
            try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num,#reached+ind+num,#reached+ind+medical\n"
                + "2020-06-25,C2269,SARC,humanitarian,3.5,700,3000,\n2020-06-29,C2270,SARC,humanitarian,0.025,,21,16\n2020-06-01,C5992,SARC,humanitarian,9,90,500,40\n")
            // act
            let snapshot = try await store.draftBulletin(date: TestStores.today)
            // check: the stock on the day and the week's commissioning per kind; the week's aid only
            #expect(snapshot.blocks.map(\.kind) == ["returns", "reconstruction", "aid"])
            #expect(snapshot.entry("reconstruction.school.underRestoration")?.value == 30)
            #expect(snapshot.entry("reconstruction.school.commissioned")?.value == 20)
            #expect(snapshot.entry("reconstruction.road.underRestoration")?.value == 125)
            #expect(snapshot.entry("aid.week.actions")?.value == 2 && snapshot.entry("aid.week.localities")?.value == 2)
            #expect(snapshot.entry("aid.week.tonnes")?.value == 3_525 && snapshot.entry("aid.week.reached")?.value == 3_021)
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("2 commissioned from 24 June 2020 to 30 June 2020"))
            #expect(en.contains("12.5 km under restoration on 30 June 2020"))
            #expect(en.contains("Tonnes delivered: 3.525.") && en.contains("3,021 people were reached"))
            // The week's parcels and treated only, not the 1st of June's.
            #expect(en.contains("700 parcels were distributed.") && en.contains("16 people were given medical treatment"), "\(en)")
            let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru)).text
            #expect(ru.contains("помощь получил 3\u{00A0}021 человек.") && ru.contains("ведутся в 2 населённых пунктах."))
            let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).text
            #expect(ar.contains("سُجِّلت عمليتا مساعدة") && ar.contains("٣٫٥٢٥"))
        }
    }

    /// IDPs who return without crossing a border are in the week's total: the lines by crossing point end with theirs,
    /// so that they add up to it, and its records are the movements that name no crossing point.
    @Test(arguments: Backend.available)
    func theWeeksLinesByCrossingPointAddUpToItsTotal(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: two crossings and two IDP returns without one in the week, one before it
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#org\n"
                + "2020-06-28,LBN-01,LBN,SY03,120,,UNHCR\n2020-06-29,JOR-01,JOR,SY12,30,,UNHCR\n2020-06-27,,,SY07,,400,IOM\n"
                + "2020-06-30,,,SY01,,45,IOM\n2020-06-01,,,SY01,,900,IOM\n2020-06-29,,LBN,SY03,30,,UNHCR\n")
            // act
            let snapshot = try await store.draftBulletin(date: TestStores.today)
            // check
            let week = try #require(snapshot.entry("returns.week.total")?.value)
            let lines = snapshot.entries.filter { $0.id.hasPrefix("returns.week.") && $0.id != "returns.week.total" }
            #expect(week == 625 && lines.map(\.value).reduce(0, +) == week)
            // Refugees may be reported without their crossing point too: the line does not call them returns within the country.
            #expect(snapshot.entry("returns.week.withoutCrossing")?.value == 475 && snapshot.entry("returns.week.withoutCrossing")?.records == 3)
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("Reported by destination only, no crossing point: 475 people"), "\(en)")
            let listed = try await store.ledger.movements(try #require(snapshot.entry("returns.week.withoutCrossing")?.movements),
                                                          asRecordedOn: try #require(snapshot.recordedOn))
            #expect(listed.map(\.persons).sorted() == [30, 45, 400] && listed.allSatisfy { $0.crossing == nil })
            // A snapshot that does not ask it keeps its JSON as before: the filter is absent, not false.
            #expect(!String(decoding: try JSONEncoder().encode(MovementSelection(to: TestStores.today)), as: UTF8.self).contains("withoutCrossing"))
        }
    }

    @Test(arguments: Backend.available)
    func campsReconstructionAndAidNumbersKeepTheIdsOfTheRecordsTheySum(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a camp's departures before its baseline, counted, and after the bulletin's day; works and aid in and
            // out of the week
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
            _ = try await store.camps.addOperation(
                EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-05")!, baselineResidents: 1_000, start: Day("2020-06-06")!,
                                    perCycle: 100, cycleDays: 5), today: TestStores.today, by: .test)
            try await importRecords(store, .departures, "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n"
                + "2020-06-03,HOL,40,CCCM,before\n2020-06-10,HOL,100,CCCM,first\n2020-06-20,HOL,90,CCCM,second\n",
                warned: ["import.departures.beforeBaseline"])
            try await importRecords(store, .facilities, "#date,#adm1+code,#adm4+code,#loc+type,#status,#indicator+num,#org\n"
                + "2020-05-10,SY03,C2269,school,under-restoration,5,UNDP\n2020-06-26,SY03,C2269,school,commissioned,2,UNDP\n"
                + "2020-05-11,SY03,C2269,school,damaged,9,UNDP\n2020-06-01,SY03,C2270,road,under-restoration,12.5,UNDP\n")
            try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#reached+ind+num\n"
                + "2020-06-25,C2269,SARC,humanitarian,300\n2020-06-01,C5992,SARC,humanitarian,500\n2020-06-26,C2269,WFP,humanitarian,\n",
                                warned: ["import.aid.noFigure"])
            func ids(_ query: String) async throws -> [Int] {
                try await store.database.read { try await $0.raw(SQLQueryString(query)).all(decodingColumn: "id", as: Int.self) }
            }
            // act
            let snapshot = try await store.draftBulletin(date: TestStores.today)
            // check: each number names exactly the records it sums, and as many as it says
            let counted = try await ids("SELECT id FROM site_departures WHERE external_id IN ('first', 'second') ORDER BY id")
            let left = try #require(snapshot.entry("camps.HOL.left"))
            #expect(left.value == 190 && left.ids == counted && left.records == 2)
            #expect(snapshot.entry("camps.HOL.remaining")?.ids == counted && snapshot.entry("camps.HOL.residents")?.ids == nil)
            let schools = try await ids("SELECT id FROM facility_works WHERE kind_code = 'school' AND status <> 'damaged' ORDER BY id")
            #expect(snapshot.entry("reconstruction.school.underRestoration")?.ids == schools)
            let commissioned = try await ids("SELECT id FROM facility_works WHERE status = 'commissioned'")
            #expect(snapshot.entry("reconstruction.school.commissioned")?.ids == commissioned && commissioned.count == 1)
            #expect(snapshot.entry("reconstruction.settlements.underRestoration")?.ids?.count == 3)
            let week = try await ids("SELECT id FROM aid_actions WHERE day >= \(Day("2020-06-24")!.number) ORDER BY id")
            #expect(week.count == 2 && snapshot.entry("aid.week.actions")?.ids == week && snapshot.entry("aid.week.actions")?.records == 2)
            // Only one of the week's two actions gave the people reached: the sum and the count of them name that one, not both.
            let reporting = try #require(snapshot.entry(AidBlock.reachedReportedBy))
            let gave = try await ids("SELECT id FROM aid_actions WHERE reached = 300")
            #expect(reporting.value == 1 && reporting.ids == gave && reporting.records == 1)
            #expect(snapshot.entry("aid.week.reached")?.ids == gave && snapshot.entry("aid.week.reached")?.records == 1)
        }
    }

    /// The week's tonnes sum the food deliveries, not a clinic's day: the number lists the actions that gave a weight, and
    /// the treated those that gave treatment, each its own records.
    @Test(arguments: Backend.available)
    func eachAidFigureNamesTheActionsThatGaveIt(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num,#reached+medical+num\n"
                + "2020-06-25,C2269,WFP,humanitarian,12.5,2500,\n2020-06-26,C2270,WFP,humanitarian,3,,\n2020-06-27,C2270,WHO,medical,,,120\n")
            let snapshot = try await store.draftBulletin(date: TestStores.today)
            let ids = { (condition: String) in
                try await store.database.read { try await $0.raw(SQLQueryString("SELECT id FROM aid_actions WHERE \(condition) ORDER BY id")).all(decodingColumn: "id", as: Int.self) }
            }
            let food = try await ids("kilograms IS NOT NULL"), clinic = try await ids("treated IS NOT NULL")
            #expect(food.count == 2 && clinic.count == 1)
            #expect(snapshot.entry("aid.week.tonnes")?.ids == food && snapshot.entry("aid.week.tonnes")?.records == 2)
            #expect(snapshot.entry("aid.week.parcels")?.ids == [food[0]] && snapshot.entry("aid.week.treated")?.ids == clinic)
            #expect(snapshot.entry("aid.week.actions")?.records == 3)
        }
    }

    @Test(arguments: Backend.available)
    func theLedgersSumsFromTheRollupsAreThoseOfTheMovements(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: three organisations, both categories, movements within a day, a month, and across months
            try await importRecords(store, .movements, "#date+start,#date+end,#loc+crossing+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#org\n"
                + "2020-04-01,2020-04-01,LBN-01,10,,UNHCR\n2020-04-28,2020-05-03,LBN-01,,20,SARC\n2020-05-01,2020-05-31,JOR-01,30,4,IOM\n"
                + "2020-06-24,2020-06-24,LBN-01,1,,UNHCR\n2020-06-30,2020-06-30,JOR-01,,5,SARC\n2020-05-25,2020-06-05,LBN-01,100,,IOM\n")
            // act and check: every window, against a plain count of the movements
            let windows = [DateWindow(), DateWindow(to: TestStores.today), DateWindow(from: Day("2020-04-15")!, to: TestStores.today),
                           DateWindow(from: Day("2020-05-01")!, to: Day("2020-05-31")!), DateWindow(from: Day("2020-06-24")!, to: TestStores.today)]
            for window in windows {
                let sums = try await store.sources.ledgerSums(window: window)
                for category in [nil] + MovementCategory.allCases.map(Optional.some) {
                    let plain = try await store.database.read { db in
                        var query: SQLQueryString = "SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS persons, COUNT(*) AS records, "
                            + "COUNT(DISTINCT organisation_id) AS organisations FROM movements WHERE 1 = 1"
                        if let from = window.from { query += " AND start_day >= \(bind: from.number)" }
                        if let to = window.to { query += " AND end_day <= \(bind: to.number)" }
                        if let category { query += " AND category = \(bind: category.rawValue)" }
                        let row = try #require(try await db.raw(query).first())
                        return SourceComparison.LedgerFigure(value: try row.decode(column: "persons", as: Int.self),
                                                             records: try row.decode(column: "records", as: Int.self),
                                                             organisations: try row.decode(column: "organisations", as: Int.self))
                    }
                    #expect(sums.figure(category) == plain, "\(window) \(category?.rawValue ?? "all")")
                }
            }
            #expect(try await store.sources.ledgerSum(window: DateWindow(to: TestStores.today)).records == 7)
        }
    }

    @Test(arguments: Backend.available)
    func theRecordsANumberSummedAreListedAgainAfterLaterImportsAndCorrections(_ backend: Backend) async throws {
        let clock = Ticking()
        try await withStores(backend, now: { clock.now() }) { store in
            // setup: four movements, one bulletin
            let header = "#date,#meta+id,#loc+crossing+code,#affected+returnees+refugees+num,#org\n"
            try await importRecords(store, .movements, header + "2020-06-01,a,LBN-01,100,UNHCR\n2020-06-20,b,LBN-01,40,UNHCR\n"
                + "2020-06-25,c,JOR-01,60,UNHCR\n2020-06-29,d,LBN-01,7,UNHCR\n")
            let published = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            let moment = try #require(published.snapshot.recordedOn)
            let total = try #require(published.snapshot.entry("returns.start.total"))
            let crossing = try #require(published.snapshot.entry("returns.week.crossing.LBN-01"))
            let before = try await store.ledger.movements(try #require(total.movements), asRecordedOn: moment)
            #expect(try await store.ledger.movements(try #require(total.movements), readFor: published.snapshot) == before)
            // act: one movement corrected, one added, after the bulletin
            try await importRecords(store, .movements, header + "2020-06-20,b,LBN-01,45,UNHCR\n2020-06-28,e,LBN-01,9,UNHCR\n")
            // check: the same records, each as it stood, adding up to the numbers printed
            let after = try await store.ledger.movements(try #require(total.movements), asRecordedOn: moment)
            #expect(after == before && after.count == total.records && after.map(\.persons).reduce(0, +) == total.value)
            #expect(after.map(\.persons).sorted() == [7, 40, 60, 100])
            let week = try await store.ledger.movements(try #require(crossing.movements), asRecordedOn: moment)
            #expect(week.map(\.persons) == [7] && crossing.value == 7)
            // The ledger now says otherwise, as a new bulletin would.
            let now = try await store.ledger.movements(try #require(total.movements), asRecordedOn: Database.timestamp(clock.now()))
            #expect(now.map(\.persons).reduce(0, +) == 221)
            // Paging: the same records, a page at a time.
            let first = try await store.ledger.movements(try #require(total.movements), asRecordedOn: moment, limit: 3)
            let rest = try await store.ledger.movements(try #require(total.movements), asRecordedOn: moment, after: first.last?.id)
            #expect(first + rest == before)
        }
    }

    /// Two imports at once: the first to take the counter holds it until it commits, so the other waits and takes the
    /// next number. Numbers follow the order imports commit, which `recorded_through` relies on; on PostgreSQL that needs
    /// the writes' READ COMMITTED (under REPEATABLE READ the second would fail instead of waiting).
    @Test(arguments: Backend.available)
    func importsAreNumberedInTheOrderTheyCommit(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let database = store.database
            @Sendable func numbered(_ name: String, holding release: AsyncStream<Void>? = nil, _ taken: @escaping @Sendable (Int) -> Void) async throws -> Int {
                try await database.write(by: .test, for: .records) { write in
                    let id = try await write.sql.raw("""
                        INSERT INTO imports (started_at, source_name, started_by, records) VALUES ('2020-06-30T00:00:00Z', \(bind: name), 'test', 'movements')
                        RETURNING id
                        """).first(decodingColumn: "id", as: Int.self)!
                    let number = try await database.numberCommit(of: id, on: write.sql)
                    taken(number)
                    if let release { for await _ in release { break } }
                    return number
                }
            }
            let (firstTaken, firstNumber) = AsyncStream.makeStream(of: Int.self)
            let (release, releasing) = AsyncStream.makeStream(of: Void.self)
            let first = Task { try await numbered("first.csv", holding: release) { firstNumber.yield($0) } }
            var taken = firstTaken.makeAsyncIterator()
            let a = await taken.next()
            // act: a second import while the first holds its number, uncommitted
            let secondTook = Mutex(false)
            let second = Task { try await numbered("second.csv") { _ in secondTook.withLock { $0 = true } } }
            try await Task.sleep(for: .milliseconds(300))
            // check: it waits for the first's commit, then takes the next number
            #expect(secondTook.withLock { $0 } == false)
            releasing.yield()
            let (one, two) = (try await first.value, try await second.value)
            #expect(one == a && two == one + 1)
        }
    }

    /// The snapshot keeps the last import its read saw: a correction or an import committed after the read is not listed,
    /// though recorded within the same second, which the moment of the read (to the second) cannot tell apart.
    @Test(arguments: Backend.available)
    func aWriteCommittedAfterTheReadIsNotListedThoughRecordedInTheSameSecond(_ backend: Backend) async throws {
        let second = Date(timeIntervalSince1970: 1_593_504_000)
        try await withStores(backend, now: { second }) { store in
            // setup: three movements, the first as if imported before imports were numbered; one bulletin
            let header = "#date,#meta+id,#loc+crossing+code,#affected+returnees+refugees+num,#org\n"
            try await importRecords(store, .movements, header + "2020-06-01,a,LBN-01,100,UNHCR\n")
            try await store.database.read { db in
                try await db.raw("UPDATE imports SET commit_number = NULL, committed_at = NULL").run()
                try await db.raw("UPDATE import_commits SET last_number = 0").run()
            }
            try await importRecords(store, .movements, header + "2020-06-20,b,LBN-01,40,UNHCR\n2020-06-25,c,JOR-01,60,UNHCR\n")
            let published = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            let snapshot = published.snapshot
            let total = try #require(snapshot.entry("returns.start.total"))
            #expect(total.value == 200 && total.records == 3 && snapshot.recordedThrough == 1)
            // act: a correction and a new movement, committed after the read, within its second
            try await importRecords(store, .movements, header + "2020-06-20,b,LBN-01,45,UNHCR\n2020-06-28,e,LBN-01,9,UNHCR\n")
            // check: the records the number summed, each as the read saw it
            let selection = try #require(total.movements)
            let listed = try #require(try await store.ledger.movements(selection, readFor: snapshot))
            #expect(listed.map(\.persons).sorted() == [40, 60, 100])
            // By the moment alone (a bulletin from before the numbering), the later write counts: the limit this removes.
            var unnumbered = snapshot
            unnumbered.recordedThrough = nil
            let byMoment = try #require(try await store.ledger.movements(selection, readFor: unnumbered))
            #expect(byMoment.map(\.persons).sorted() == [9, 45, 60, 100])
            // A new bulletin sees the write; a dry run takes no number.
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "dry.csv", dryRun: true, today: TestStores.today),
                                              from: .bytes(Array((header + "2020-06-29,f,LBN-01,1,UNHCR\n").utf8)), by: .test)
            #expect(try await store.draftBulletin(date: TestStores.today).recordedThrough == 2)
        }
    }

    @Test(arguments: Backend.available)
    func aBulletinMadePublicKeepsItsSnapshotAndTheAuditSaysWho(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n2020-06-29,LBN-01,3,UNHCR\n")
            let closed = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            // The same statement again is refused, public or not (it would say it replaces one it repeats); a late report makes another.
            await #expect(throws: StoreError.self) { try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test) }
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n2020-06-28,LBN-01,40,UNHCR\n")
            let atOnce = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            #expect(!closed.isPublic && atOnce.isPublic)
            #expect(try await store.bulletins(publicOnly: true).map(\.id) == [atOnce.id])
            // act
            let made = try await store.setPublic(closed.id, true, by: .test)
            // check: public, the same snapshot and hash
            #expect(made.isPublic && made.sha256 == closed.sha256 && made.snapshot == closed.snapshot)
            #expect(try await store.bulletins(publicOnly: true).map(\.id) == [atOnce.id, closed.id])
            #expect(try await store.bulletin(closed.id, publicOnly: true) != nil)
            // Withdrawn: closed again.
            _ = try await store.setPublic(atOnce.id, false, by: .test)
            #expect(try await store.bulletin(atOnce.id, publicOnly: true) == nil)
            #expect(try await store.bulletin(atOnce.id) != nil)
            let audit = try await store.access.audit(kind: "bulletin")
            #expect(audit.contains { $0.action == "make-public" && $0.record == String(closed.id) && $0.actor == "system:test" })
            #expect(audit.contains { $0.action == "withdraw-public" && $0.record == String(atOnce.id) })
            await #expect(throws: StoreError.notFound("bulletin 999")) { try await store.setPublic(999, true, by: .test) }
        }
    }

    /// Two sessions on one day: the bulletin follows the one named, with its participants; unnamed, the day is
    /// refused naming both, rather than one session's participants dropped without a word.
    @Test(arguments: Backend.available)
    func aDayOfSeveralSessionsNamesTheSessionItsBulletinFollows(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a morning and an evening session, and one the day before
            let day = TestStores.today
            let morning = try await store.sessions.addSession(CoordinationSession(date: day, briefings: [.init(organisation: "UNHCR"), .init(organisation: "SARC")]), today: TestStores.today, by: .test)
            let evening = try await store.sessions.addSession(CoordinationSession(date: day, briefings: [.init(organisation: "IOM")]), today: TestStores.today, by: .test)
            let before = try await store.sessions.addSession(CoordinationSession(date: day.adding(days: -1), briefings: [.init(organisation: "WFP")]), today: TestStores.today, by: .test)
            // act and check
            #expect(try await store.draftBulletin(date: day, session: morning.id).participants == ["UNHCR", "SARC"])
            #expect(try await store.draftBulletin(date: day, session: evening.id).session == evening.id)
            let unnamed = await #expect(throws: StoreError.self) { try await store.draftBulletin(date: day) }
            #expect(unnamed?.description.contains("2 sessions were held on \(day) (ids \(morning.id!), \(evening.id!))") == true, "\(String(describing: unnamed))")
            let otherDay = await #expect(throws: StoreError.self) { try await store.draftBulletin(date: day, session: before.id) }
            #expect(otherDay?.description.contains("no session with this id was held on \(day)") == true)
            // A session is recorded once held: tomorrow's is refused, naming the date.
            let tomorrow = await #expect(throws: StoreError.self) {
                try await store.sessions.addSession(CoordinationSession(date: day.adding(days: 1), briefings: [.init(organisation: "WFP")]),
                                                    today: day, by: .test)
            }
            #expect(tomorrow == .invalid(field: "date", value: day.adding(days: 1).description,
                                         reason: "after today (\(day)): a session is recorded once it was held"))
            // A day of one session needs no id, and the one published is the one named.
            #expect(try await store.draftBulletin(date: day.adding(days: -1)).participants == ["WFP"])
            let published = try await store.publishBulletin(date: day, session: evening.id, today: day, by: .test)
            #expect(published.snapshot.participants == ["IOM"] && published.snapshot.session == evening.id)
            await #expect(throws: StoreError.self) { try await store.publishBulletin(date: day, today: day, by: .test) }
        }
    }

    /// A statement published again for its day and session (a late report, a correction) replaces the one before, which
    /// stays as it was: each says so, and the public is told only of a replacement it may read.
    @Test(arguments: Backend.available)
    func aStatementPublishedAgainForItsSessionReplacesTheOneBefore(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a session, its statement made public, a late report, the statement published again; another day's
            let day = TestStores.today
            let session = try await store.sessions.addSession(CoordinationSession(date: day, briefings: [.init(organisation: "UNHCR")]), today: day, by: .test)
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n\(day),LBN-01,30,UNHCR\n")
            let first = try await store.publishBulletin(date: day, isPublic: true, today: day, by: .test)
            let otherDay = try await store.publishBulletin(date: day.adding(days: -1), today: day, by: .test)
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n\(day),LBN-02,40,UNHCR\n")
            // act
            let second = try await store.publishBulletin(date: day, today: day, by: .test)
            // check: the second replaces the first, which is kept as it was; another day's statement replaces nothing
            #expect(first.lineage == BulletinLineage() && otherDay.lineage == BulletinLineage())
            #expect(second.lineage == BulletinLineage(replaces: first.id) && second.snapshot.session == session.id)
            let kept = try #require(try await store.bulletin(first.id))
            #expect(kept.lineage == BulletinLineage(replacedBy: second.id) && kept.sha256 == first.sha256)
            #expect(try await store.bulletinList().map { "\($0.id) \($0.lineage.replaces ?? 0) \($0.lineage.replacedBy ?? 0)" }
                    == ["\(second.id) \(first.id) 0", "\(otherDay.id) 0 0", "\(first.id) 0 \(second.id)"])
            // The public reads the first, not yet told of a replacement it cannot read; then told once it is public.
            #expect(try await store.bulletin(first.id, publicOnly: true)?.lineage == BulletinLineage())
            _ = try await store.setPublic(second.id, true, by: .test)
            #expect(try await store.bulletin(first.id, publicOnly: true)?.lineage == BulletinLineage(replacedBy: second.id))
            #expect(try await store.access.audit(kind: "bulletin").contains { $0.record == String(second.id) && $0.detail?.contains("replaces \(first.id)") == true })
        }
    }

    /// Two servers publishing a day's statement at once on one PostgreSQL database: each replaces a different one, never
    /// two the same, and its revision line names the one it replaces (each round a late report, then a pair at once).
    @Test(.enabled(if: Backend.postgresURL != nil))
    func statementsPublishedAtOnceByTwoServersReplaceInTurn() async throws {
        let location = try await TestStores.shared.location(for: .postgres)
        let one = try await Stores.open(location, logger: TestStores.shared.logger)
        let other = try await Stores.open(location, logger: TestStores.shared.logger)
        do {
            let day = TestStores.today
            var last = try await one.publishBulletin(date: day, today: day, by: .test).id
            for round in 0 ..< 8 {
                _ = try await one.importRecords(.movements, ImportRequest(sourceName: "r\(round).csv", today: day), from: .bytes(Array(
                    "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org,#meta+id\n\(day),LBN-01,\(10 + round),UNHCR,r\(round)\n".utf8)), by: .test)
                // Each counting since another day: two statements that say the same would be refused (the second repeats the first).
                async let a = one.publishBulletin(date: day, today: day, by: .test)
                async let b = other.publishBulletin(date: day, since: day.adding(days: -3), today: day, by: .test)
                let pair = try await [a, b].sorted { $0.id < $1.id }
                #expect(pair.map(\.lineage.replaces) == [last, pair[0].id], "\(pair.map(\.lineage))")
                for statement in pair {
                    let revised = statement.snapshot.blocks.flatMap(\.lines).first { $0.key == "bulletin.returns.revised" }?.arguments["bulletin"]
                    #expect(revised == nil || revised == .serial(statement.lineage.replaces ?? 0), "\(statement.id): \(String(describing: revised))")
                }
                last = pair[1].id
            }
            // The same statement published at once by both, nothing new between: one is published, the other refused as the
            // same (published one after the other under the table's lock, the second reads the first).
            _ = try await one.importRecords(.movements, ImportRequest(sourceName: "last.csv", today: day), from: .bytes(Array(
                "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org,#meta+id\n\(day),LBN-01,99,UNHCR,last\n".utf8)), by: .test)
            func attempt(_ stores: Stores) async -> Result<PublishedBulletin, any Error> {
                do { return .success(try await stores.publishBulletin(date: day, today: day, by: .test)) } catch { return .failure(error) }
            }
            async let a = attempt(one)
            async let b = attempt(other)
            let results = await [a, b]
            #expect(results.filter { (try? $0.get()) != nil }.count == 1, "\(results)")
            #expect(results.contains { if case .failure(StoreError.refused(let problem)) = $0 { problem.message.key == "bulletin.publish.unchanged" } else { false } })
        } catch {
            Issue.record(error)
        }
        await one.close()
        await other.close()
        await TestStores.shared.dispose(location)
    }

    /// Two sessions of one day: a statement published again for one of them says how late reports moved its own session's
    /// statement, and replaces it, not the other session's.
    @Test(arguments: Backend.available)
    func aSessionsSecondStatementRevisesItsOwnSessionsFirst(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let day = TestStores.today
            let morning = try await store.sessions.addSession(CoordinationSession(date: day, briefings: [.init(organisation: "UNHCR")]), today: day, by: .test)
            let evening = try await store.sessions.addSession(CoordinationSession(date: day, briefings: [.init(organisation: "IOM")]), today: day, by: .test)
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n\(day),LBN-01,100,UNHCR\n")
            let first = try await store.publishBulletin(date: day, session: morning.id, today: day, by: .test)
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n\(day),LBN-02,40,UNHCR\n")
            let other = try await store.publishBulletin(date: day, session: evening.id, today: day, by: .test)
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n\(day),LBN-03,7,UNHCR\n")
            // act
            let again = try await store.publishBulletin(date: day, session: morning.id, today: day, by: .test)
            // check: the morning's second statement names the morning's first (100, now 147), and replaces it alone
            let line = again.snapshot.blocks.flatMap(\.lines).first { $0.key == "bulletin.returns.revised" }
            #expect(line?.arguments["bulletin"] == .serial(first.id), "\(String(describing: line))")
            #expect(again.snapshot.entry("returns.revised.published")?.value == 100 && again.snapshot.entry("returns.revised.total")?.value == 147)
            #expect(again.lineage == BulletinLineage(replaces: first.id) && other.lineage == BulletinLineage())
        }
    }

    @Test(arguments: Backend.available)
    func aListOfBulletinsSaysWhatTheirSnapshotsSay(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: one bulletin without a session or a start, one of a session counting since a day, one public
            try await importRecords(store, .movements, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n2020-06-29,LBN-01,3,UNHCR\n")
            _ = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            _ = try await store.sessions.addSession(CoordinationSession(date: TestStores.today, briefings: [.init(organisation: "UNHCR")]), today: TestStores.today, by: .test)
            _ = try await store.publishBulletin(date: TestStores.today, since: TestStores.today.adding(days: -7), today: TestStores.today, by: .test)
            _ = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            for publicOnly in [false, true] {
                // act
                let listed = try await store.bulletinList(publicOnly: publicOnly)
                // check: the rows say what the snapshots do
                let published = try await store.bulletins(publicOnly: publicOnly)
                #expect(listed == published.map {
                    var row = ListedBulletin(id: $0.id, date: $0.snapshot.date, since: $0.snapshot.since, session: $0.snapshot.session, sha256: $0.sha256,
                                             publishedAt: $0.publishedAt, publishedBy: $0.publishedBy, publicSince: $0.publicSince)
                    row.lineage = $0.lineage
                    return row
                })
                #expect(listed.count == (publicOnly ? 1 : 3))
            }
            #expect(try await store.bulletinList().map(\.session).compactMap { $0 }.count == 2)
        }
    }
}

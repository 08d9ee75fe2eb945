import Foundation
import HomewardCore
import HomewardStore
import HomewardTestSupport
import SQLKit
import Testing

@Suite struct ReconstructionTests {
    static let header = "#date,#adm1+code,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"

    func importRecords(_ store: Stores, _ kind: RecordKind, _ text: String, dryRun: Bool = false) async throws -> ImportSummary {
        try await store.importRecords(kind, ImportRequest(sourceName: "\(kind).csv", dryRun: dryRun, today: TestStores.today),
                                      from: .bytes(Array(text.utf8)), by: .test)
    }

    @Test(arguments: Backend.available)
    func theStockRisesAndFallsAndACorrectedQuantityReplacesTheFirst(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 5 schools under restoration in Kisweh's Ein Elbeida, 2 commissioned, then 3 more; a road in km
            let file = Self.header
                + "2020-01-10,SY03,C2269,school,under-restoration,5,UNDP,\n"
                + "2020-03-01,SY03,C2269,school,commissioned,2,UNDP,\n"
                + "2020-04-01,SY03,C2269,school,commissioned,3,UNDP,\n"
                + "2020-02-01,SY03,C2270,road,under-restoration,0.1,UNDP,\n"
                + "2020-02-02,SY03,C2270,road,under-restoration,0.2,UNDP,\n"
            // act
            let dry = try await importRecords(store, .facilities, file, dryRun: true)
            let first = try await importRecords(store, .facilities, file)
            let again = try await importRecords(store, .facilities, file)
            let corrected = try await importRecords(store, .facilities, Self.header + "2020-03-01,SY03,C2269,school,commissioned,4,UNDP,\n")
            // check: a dry run counts exactly and writes nothing; the same file twice records nothing twice
            #expect(dry.imported == 5 && first.imported == 5 && first.status == .success)
            #expect(again.imported == 0 && again.ignored == 5)
            // Without an id a row is known by its other values: another quantity corrects it.
            #expect(corrected.updated == 1 && corrected.imported == 0)
            let stock = { (day: String) in try await store.reconstruction.summary(asOf: Day(day)!).underRestoration }
            #expect(try await stock("2020-01-09").byKind.isEmpty)
            #expect(try await stock("2020-02-15").tenths(of: "school") == 50)
            #expect(try await stock("2020-02-15").tenths(of: "road") == 3, "0.1 + 0.2 km is 0.3 km exactly")
            #expect(try await stock("2020-03-02").tenths(of: "school") == 10)
            #expect(try await stock("2020-03-02").settlements == 2)
            #expect(try await stock("2020-04-02").tenths(of: "school") == 0, "3 more commissioned take the 1 left to zero, not below")
            let march = try await store.reconstruction.summary(asOf: TestStores.today, from: Day("2020-03-01")!, to: Day("2020-04-30")!)
            let bySubdistrict = try await store.reconstruction.summary(asOf: Day("2020-02-15")!, grouping: .adm3)
            #expect(bySubdistrict.groups.allSatisfy { $0.key?.count == 8 && $0.name != $0.key } && !bySubdistrict.groups.isEmpty, "\(bySubdistrict.groups)")
            #expect(march.commissioned.tenths(of: "school") == 70 && march.commissioned.settlements == 1)
        }
    }

    /// Each damage record is a facility or a group of them, whoever reported it: summed by the day asked, by group too; one
    /// sent again under its id corrects it rather than adding to it.
    @Test(arguments: Backend.available)
    func damageReportedIsSummedRecordByRecord(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importRecords(store, .facilities, Self.header
                + "2020-05-01,SY03,C2269,school,damaged,1,UNDP,school-A\n2020-05-05,SY03,C2269,school,damaged,1,UNDP,school-B\n"
                + "2020-06-01,SY03,C2270,place-of-worship,damaged,2,SARC,\n2020-06-01,SY03,C2270,place-of-worship,damaged,1,UNHCR,\n")
            let damaged = { (day: String) in try await store.reconstruction.summary(asOf: Day(day)!, grouping: .settlement) }
            #expect(try await damaged("2020-05-02").damaged.tenths(of: "school") == 10)
            let june = try await damaged("2020-06-30")
            #expect(june.damaged.tenths(of: "school") == 20 && june.damaged.tenths(of: "place-of-worship") == 30 && june.damaged.settlements == 2)
            #expect(june.underRestoration.byKind.isEmpty && june.groups.map(\.key) == ["C2269", "C2270"])
            #expect(june.groups.first?.damaged.tenths(of: "school") == 20)
            // School A assessed again: its record corrected, not a third school.
            _ = try await importRecords(store, .facilities, Self.header + "2020-06-10,SY03,C2269,school,damaged,1,UNDP,school-A\n")
            #expect(try await damaged("2020-06-30").damaged.tenths(of: "school") == 20)
            // The same organisation's damage of the same settlement and kind, assessed again without an id: counted twice, and said.
            let again = try await importRecords(store, .facilities, Self.header + "2020-06-20,SY03,C2270,place-of-worship,damaged,2,SARC,\n")
            #expect(again.imported == 1 && again.problems.map(\.code) == ["import.facilities.damagedAgain"], "\(again.problems)")
        }
    }

    /// A 0 withdraws a record given by mistake, under its id or by its other cells as a correction finds it: its version is
    /// kept as a revision and it leaves every figure; a 0 that finds nothing records nothing and names no organisation.
    @Test(arguments: Backend.available)
    func aZeroWithdrawsAFacilityRecord(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 2 water pumping stations by id, 5 schools without one
            let first = try await importRecords(store, .facilities, Self.header
                + "2020-01-10,SY03,C2269,water-pumping-station,under-restoration,2,UNICEF,TIB-WPS-01\n"
                + "2020-01-10,SY03,C2270,school,under-restoration,5,UNDP,\n")
            #expect(first.imported == 2)
            // act
            let withdrawn = try await importRecords(store, .facilities, Self.header
                + "2020-01-10,SY03,C2269,water-pumping-station,under-restoration,0,UNICEF,TIB-WPS-01\n"
                + "2020-01-10,SY03,C2270,school,under-restoration,0,UNDP,\n"
                + "2020-01-10,SY03,C2270,school,under-restoration,0,Nobody Known,NK-1\n")
            // check: both withdrawn, the third finds nothing; no figure left, the records and their versions kept
            #expect(withdrawn.status == .success && withdrawn.updated == 2 && withdrawn.ignored == 1 && withdrawn.imported == 0, "\(withdrawn.problems)")
            let summary = try await store.reconstruction.summary(asOf: TestStores.today)
            #expect(summary.underRestoration.byKind.isEmpty && summary.underRestoration.settlements == 0)
            let listed = try await store.reconstruction.works(.init())
            #expect(listed.map(\.work.tenths) == [0, 0])
            #expect(try await store.organisations.organisations().map(\.name).contains("Nobody Known") == false)
            let kept = try await store.database.read { db in
                try await db.raw("SELECT quantity_tenths FROM facility_work_revisions ORDER BY id").all(decodingColumn: "quantity_tenths", as: Int.self)
            }
            #expect(kept == [20, 50])
            // The same 0 again changes nothing.
            #expect(try await importRecords(store, .facilities, Self.header
                + "2020-01-10,SY03,C2269,water-pumping-station,under-restoration,0,UNICEF,TIB-WPS-01\n").ignored == 1)
            // The first file imported again by mistake puts both back: made as the file says, and said, naming the import.
            let again = try await importRecords(store, .facilities, Self.header
                + "2020-01-10,SY03,C2269,water-pumping-station,under-restoration,2,UNICEF,TIB-WPS-01\n"
                + "2020-01-10,SY03,C2270,school,under-restoration,5,UNDP,\n")
            #expect(again.updated == 2 && again.status == .warning, "\(again.problems)")
            #expect(again.problems.map { "\($0.row) \($0.code)" } == ["2 import.record.reverted", "3 import.record.reverted"], "\(again.problems)")
            #expect(again.text.contains("puts back what import 1 recorded"), "\(again.text)")
        }
    }

    /// A record without an id written in another layout (its governorate left out, as `facilities add` writes it) is the one
    /// record it means: given again it is not counted twice, and a 0 withdraws it, as the twin warning advises. Where several
    /// are alike the row cannot say which: written as before, beside them.
    @Test(arguments: Backend.available)
    func aRecordWrittenInAnotherLayoutIsTheSameRecord(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let first = try await importRecords(store, .facilities, Self.header
                + "2020-01-10,SY03,C2269,school,damaged,6,UNICEF,\n2020-01-10,SY03,C2270,school,damaged,1,UNICEF,\n")
            #expect(first.imported == 2)
            let short = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org\n"
            let again = try await importRecords(store, .facilities, short + "2020-01-10,C2269,school,damaged,6,UNICEF\n")
            #expect(again.problems.first?.reason.hasPrefix("taken as record 1, which a row written otherwise gave") == true, "\(again.problems)")
            #expect(again.imported == 0 && again.ignored == 1 && again.problems.map(\.code) == ["import.record.writtenOtherwise"], "\(again.problems)")
            // Another quantity: not known to be a correction (the layout may have left out what told two apart), so beside it.
            let other = try await importRecords(store, .facilities, short + "2020-01-10,C2269,school,damaged,4,UNICEF\n")
            #expect(other.imported == 1 && other.problems.map(\.code) == ["import.facilities.damagedAgain"], "\(other.problems)")
            let withdrawn = try await importRecords(store, .facilities, short + "2020-01-10,C2270,school,damaged,0,UNICEF\n")
            #expect(withdrawn.updated == 1 && withdrawn.ignored == 0, "\(withdrawn.problems)")
            let damaged = try await store.reconstruction.summary(asOf: TestStores.today).damaged
            #expect(damaged.tenths(of: "school") == 100 && damaged.settlements == 1, "6 and 4 at C2269, the one at C2270 withdrawn")
            // Two alike at C2269 now (6 and 4): a 0 in a third layout cannot say which, and records nothing.
            let unsure = try await importRecords(store, .facilities, "#adm4+code,#date,#loc+type,#status,#indicator+num,#org\nC2269,2020-01-10,school,damaged,0,UNICEF\n")
            #expect(unsure.updated == 0 && unsure.ignored == 1)
            #expect(try await store.reconstruction.summary(asOf: TestStores.today).damaged.tenths(of: "school") == 100)
            // Taken back in one layout and given again in another: the same record back, not a second that the first layout,
            // imported again, would count beside it.
            let back = try await importRecords(store, .facilities, short + "2020-01-10,C2270,school,damaged,1,UNICEF\n")
            #expect(back.updated == 1 && back.imported == 0, "\(back.problems)")
            let firstAgain = try await importRecords(store, .facilities, Self.header + "2020-01-10,SY03,C2270,school,damaged,1,UNICEF,\n")
            #expect(firstAgain.ignored == 1 && firstAgain.updated == 0 && firstAgain.imported == 0)
            #expect(try await store.reconstruction.summary(asOf: TestStores.today).damaged.tenths(of: "school") == 110)
            // A 0 whose own layout's record is taken back already means the one still counted.
            #expect(try await importRecords(store, .facilities, short + "2020-01-10,C2270,school,damaged,0,UNICEF\n").updated == 1)
            let again0 = try await importRecords(store, .facilities, Self.header + "2020-01-10,SY03,C2270,school,damaged,0,UNICEF,\n")
            #expect(again0.updated == 0 && again0.ignored == 1, "the one record is taken back already")
        }
    }

    /// Each organisation's figures from its own records, side by side: two organisations' damage of one settlement's schools
    /// is 4 and 6, not only the 10 they add to; a commissioning by one of what another started leaves the starter's stock whole.
    @Test(arguments: Backend.available)
    func theFiguresByOrganisationAreEachOrganisationsOwn(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importRecords(store, .facilities, Self.header
                + "2020-03-01,SY12,C5993,school,damaged,4,UNDP,\n2020-03-01,SY12,C5993,school,damaged,6,UNICEF,\n"
                + "2020-03-02,SY12,C5993,school,under-restoration,5,UNDP,\n2020-03-05,SY12,C5993,school,commissioned,2,WFP,\n")
            let summary = try await store.reconstruction.summary(asOf: Day("2020-03-31")!, grouping: .organisation)
            #expect(summary.damaged.tenths(of: "school") == 100 && summary.underRestoration.tenths(of: "school") == 30)
            let byName = Dictionary(uniqueKeysWithValues: summary.groups.map { ($0.key ?? "", $0) })
            #expect(summary.groups.map(\.key) == ["UNDP", "UNICEF", "WFP"])
            #expect(byName["UNDP"]?.damaged.tenths(of: "school") == 40 && byName["UNICEF"]?.damaged.tenths(of: "school") == 60)
            #expect(byName["UNDP"]?.underRestoration.tenths(of: "school") == 50 && byName["WFP"]?.commissioned.tenths(of: "school") == 20)
            #expect(byName["WFP"]?.underRestoration.byKind.isEmpty == true)
        }
    }

    /// An aid action without an id, likewise: sent again in another layout it is not summed twice, and its zeros take it back.
    @Test(arguments: Backend.available)
    func anAidActionWrittenInAnotherLayoutIsTheSameAction(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let full = "#date,#adm1+code,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num\n"
            let short = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num\n"
            #expect(try await importRecords(store, .aid, full + "2020-05-18,SY03,C2269,WFP,humanitarian,2.5,\n2020-05-19,SY03,C2269,WFP,humanitarian,,40\n").imported == 2)
            let again = try await importRecords(store, .aid, short + "2020-05-18,C2269,WFP,humanitarian,2.5,\n")
            #expect(again.imported == 0 && again.ignored == 1 && again.problems.map(\.code) == ["import.record.writtenOtherwise"], "\(again.problems)")
            let withdrawn = try await importRecords(store, .aid, short + "2020-05-19,C2269,WFP,humanitarian,,0\n")
            #expect(withdrawn.updated == 1, "\(withdrawn.problems)")
            let summary = try await store.assistance.summary(DateWindow())
            #expect(summary.figures.kilograms == 2_500 && summary.figures.parcels == 0 && summary.figures.actions == 1, "\(summary.figures)")
            // Given again in the other layout: the action taken back is back (said as any version put back is, not as a twin
            // of itself), and the first layout imported again adds nothing.
            let back = try await importRecords(store, .aid, short + "2020-05-19,C2269,WFP,humanitarian,,40\n")
            #expect(back.updated == 1 && back.imported == 0 && back.problems.map(\.code).sorted() == ["import.record.reverted", "import.record.writtenOtherwise"], "\(back.problems)")
            #expect(try await importRecords(store, .aid, full + "2020-05-19,SY03,C2269,WFP,humanitarian,,40\n").ignored == 1)
            #expect(try await store.assistance.summary(DateWindow()).figures.parcels == 40)
        }
    }

    @Test(arguments: Backend.available)
    func oneFacilityIsFollowedThroughItsStatusesByItsId(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let started = try await importRecords(store, .facilities, Self.header + "2020-01-10,SY12,C5992,medical-facility,damaged,,WHO,clinic-7\n"
                                                  + "2020-02-10,SY12,C5992,medical-facility,under-restoration,,WHO,clinic-7\n")
            // The date of the start corrected, then the facility commissioned: three records, one revision.
            let moved = try await importRecords(store, .facilities, Self.header + "2020-02-12,SY12,C5992,medical-facility,under-restoration,,WHO,clinic-7\n"
                                                + "2020-05-01,SY12,C5992,medical-facility,commissioned,,WHO,clinic-7\n")
            let orphan = try await importRecords(store, .facilities, Self.header + "2020-05-02,SY12,C5993,bakery,commissioned,1,WFP,\n")
            #expect(started.imported == 2 && moved.updated == 1 && moved.imported == 1)
            #expect(orphan.status == .warning && orphan.imported == 1 && orphan.problems.first?.code == "import.facilities.commissionedWithoutStart")
            let history = try await store.reconstruction.works(.init(externalId: "clinic-7"))
            #expect(history.map(\.work.status) == [.damaged, .underRestoration, .commissioned])
            #expect(history[1].work.date == Day("2020-02-12")!)
            // The start as first reported is kept, with who replaced it.
            let revisions = try await store.database.read { db in
                try await db.raw("SELECT day, superseded_by FROM facility_work_revisions").all().map {
                    (try $0.decode(column: "day", as: Int.self), try $0.decode(column: "superseded_by", as: String.self))
                }
            }
            #expect(revisions.map(\.0) == [Day("2020-02-10")!.number] && revisions.first?.1 == Caller.test.description)
            let summary = try await store.reconstruction.summary(asOf: Day("2020-04-01")!, grouping: .adm1)
            #expect(summary.underRestoration.tenths(of: "medical-facility") == 10 && summary.groups.map(\.key) == ["SY12"])
            let after = try await store.reconstruction.summary(asOf: TestStores.today, grouping: .kind)
            #expect(after.underRestoration.byKind.isEmpty && after.commissioned.settlements == 2)
            #expect(after.groups.map(\.key) == ["medical-facility", "bakery"], "kinds in catalogue order")
        }
    }

    /// A facility reported damaged or under restoration after its own commissioning (the same id) counts in both figures,
    /// right where it went back and wrong where a date was mistyped: said at the row of the later status, or of the
    /// commissioning where that status was stored before; not where a correction further down the file puts it in order.
    @Test(arguments: Backend.available)
    func aFacilityReportedBackUnderRestorationAfterItsCommissioningIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let first = try await importRecords(store, .facilities, Self.header
                + "2020-05-21,SY12,C5992,school,commissioned,1,UNDP,s-1\n2020-05-25,SY12,C5992,school,under-restoration,1,UNDP,s-1\n"
                + "2020-05-01,SY12,C5992,bakery,commissioned,1,UNDP,b-4\n2020-05-10,SY12,C5992,bakery,damaged,1,UNDP,b-4\n"
                + "2020-06-10,SY12,C5992,school,under-restoration,1,UNDP,s-3\n2020-06-01,SY12,C5992,school,commissioned,1,UNDP,s-3\n"
                + "2020-06-20,SY12,C5992,school,commissioned,1,UNDP,s-3\n2020-06-10,SY12,C5992,school,under-restoration,1,UNDP,s-2\n")
            let back = first.problems.filter { $0.code.hasSuffix("AfterCommissioning") }
            #expect(back.map { "\($0.row) \($0.code) \($0.column) \($0.value)" } == [
                "3 import.facilities.restoredAfterCommissioning #status under-restoration",
                "5 import.facilities.damagedAfterCommissioning #status damaged"], "\(first.problems)")
            #expect(back.first?.reason.contains("s-1") == true && back.first?.reason.contains("21 May 2020") == true)
            #expect(first.status == .warning && first.imported == 7)
            // The stored start of s-2 is later than the commissioning a later file gives it.
            let later = try await importRecords(store, .facilities, Self.header + "2020-06-01,SY12,C5992,school,commissioned,1,UNDP,s-2\n")
            #expect(later.problems.filter { $0.code.hasSuffix("AfterCommissioning") }.map(\.row) == [2], "\(later.problems)")
            // A stored restoration before the commissioning is moved by the later one (one date per status), and said; a stored
            // damage after a commissioning given later is warned of as in one file (the order records come in does not matter).
            _ = try await importRecords(store, .facilities, Self.header
                + "2020-03-01,SY12,C5992,school,under-restoration,1,UNDP,s-5\n2020-04-01,SY12,C5992,school,commissioned,1,UNDP,s-5\n"
                + "2020-06-25,SY12,C5992,school,damaged,1,UNDP,s-6\n")
            let moved = try await importRecords(store, .facilities, Self.header + "2020-06-12,SY12,C5992,school,under-restoration,1,UNDP,s-5\n"
                + "2020-06-15,SY12,C5992,school,commissioned,1,UNDP,s-6\n")
            #expect(moved.problems.filter { $0.code.contains("AfterCommissioning") }.map { "\($0.row) \($0.code)" }
                    == ["2 import.facilities.restoredAfterCommissioning.replacing", "3 import.facilities.damagedAfterCommissioning"], "\(moved.problems)")
            #expect(moved.problems.first { $0.code.hasSuffix(".replacing") }?.reason.contains("1 March 2020") == true)
            // Both figures hold it, as the warning says: under restoration from its later day, commissioned on its own.
            let summary = try await store.reconstruction.summary(asOf: Day("2020-05-30")!, grouping: .kind)
            #expect(summary.underRestoration.tenths(of: "school") == 10)
        }
    }

    /// A facility commissioned, back under restoration, then commissioned again under its one id: the second commissioning
    /// replaces the first (one date per status), which leaves its month's figures: said, naming both days, where it was silent.
    @Test(arguments: Backend.available)
    func aCommissioningAgainThatReplacesTheFirstIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importRecords(store, .facilities, Self.header + "2020-03-12,SY12,C5993,bakery,commissioned,2,WFP,bak-1\n")
            let back = try await importRecords(store, .facilities, Self.header + "2020-04-05,SY12,C5993,bakery,under-restoration,2,WFP,bak-1\n")
            #expect(back.problems.map(\.code) == ["import.facilities.restoredAfterCommissioning"], "\(back.problems)")
            let again = try await importRecords(store, .facilities, Self.header + "2020-04-12,SY12,C5993,bakery,commissioned,1,WFP,bak-1\n")
            #expect(again.updated == 1 && again.status == .warning)
            #expect(again.problems.map { "\($0.row) \($0.code) \($0.column)" } == ["2 import.facilities.commissionedAgain.replacing #status"], "\(again.problems)")
            #expect(again.problems.first?.reason.contains("12 March 2020") == true && again.problems.first?.reason.contains("5 April 2020") == true)
            // A commissioning's date corrected with nothing between is a correction, as before: not warned of.
            let fixed = try await importRecords(store, .facilities, Self.header + "2020-04-14,SY12,C5993,bakery,commissioned,1,WFP,bak-1\n")
            #expect(fixed.updated == 1 && fixed.problems.isEmpty, "\(fixed.problems)")
        }
    }

    /// A field team's corrected sheet moves a record to another settlement or kind under its id: the correction is
    /// taken (it was counted as ignored, and the figure stayed in the wrong governorate), and the version it replaces kept.
    @Test(arguments: Backend.available)
    func aCorrectionByIdMovesARecordToAnotherPlaceOrKind(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importRecords(store, .facilities, Self.header + "2020-03-02,SY12,C5992,bakery,under-restoration,1,UNDP,f-3\n")
            let kind = try await importRecords(store, .facilities, Self.header + "2020-03-02,SY12,C5992,school,under-restoration,1,UNDP,f-3\n")
            let place = try await importRecords(store, .facilities, Self.header + "2020-03-02,SY03,C2269,school,under-restoration,1,UNDP,f-3\n")
            #expect(kind.updated == 1 && place.updated == 1)
            let summary = try await store.reconstruction.summary(asOf: TestStores.today, grouping: .adm1)
            #expect(summary.groups.map(\.key) == ["SY03"] && summary.underRestoration.tenths(of: "school") == 10)
            #expect(summary.underRestoration.tenths(of: "bakery") == 0)
            // Commissioned where it now is: the start moved there with it, so no warning of a commissioning without one.
            let done = try await importRecords(store, .facilities, Self.header + "2020-04-02,SY03,C2269,school,commissioned,1,UNDP,f-3\n")
            #expect(done.status == .success)
            let works = try await store.database.read { db in
                try await db.raw("SELECT place_pcode, kind_code FROM facility_work_revisions ORDER BY id").all().map {
                    "\(try $0.decode(column: "place_pcode", as: String.self)) \(try $0.decode(column: "kind_code", as: String.self))"
                }
            }
            #expect(works == ["C5992 bakery", "C5992 school"])

            let header = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#meta+id\n"
            _ = try await importRecords(store, .aid, header + "2020-05-18,C2269,WFP,humanitarian,2.75,aa-301\n")
            let moved = try await importRecords(store, .aid, header + "2020-05-18,C5992,WFP,charitable,2.75,aa-301\n")
            #expect(moved.updated == 1 && moved.ignored == 0)
            let listed = try await store.assistance.actions()
            #expect(listed.map { "\($0.action.place.finest ?? "") \($0.action.type)" } == ["C5992 charitable"])
            let all = try await store.assistance.summary(DateWindow(), grouping: .adm1)
            #expect(all.groups.map(\.key) == ["SY12"])
        }
    }

    /// Engineers' and convoys' sheets name settlements rather than give their P-codes: a name is read within the
    /// governorate the row gives, one that fits several settlements is refused naming them, one unknown is kept coarser.
    @Test(arguments: Backend.available)
    func aSettlementIsKnownByItsNameWithinTheAreaTheRowGives(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#adm1+code,#adm4+name,#loc+type,#status,#indicator+num,#org\n"
            let named = try await importRecords(store, .facilities, header + "2020-03-02,SY12,Tiba,bakery,under-restoration,1,UNDP\n"
                                                + "2020-03-02,,Ein Elbeida,school,under-restoration,1,UNDP\n2020-03-02,SY03,عين البيضة,school,damaged,1,UNDP\n")
            #expect(named.status == .success && named.imported == 3, "\(named.problems)")
            let places = try await store.reconstruction.works(.init()).map { $0.work.place.finest ?? "" }
            #expect(Set(places) == ["C5992", "C2269"])
            let ambiguous = try await importRecords(store, .facilities, header + "2020-03-03,,Tiba,bakery,under-restoration,1,UNDP\n")
            #expect(ambiguous.status == .error && ambiguous.problems.first?.code == "import.place.ambiguous" && ambiguous.problems.first?.column == "#adm4+name")
            let coarser = try await importRecords(store, .facilities, header + "2020-03-04,SY12,Nowhere,bakery,under-restoration,1,UNDP\n")
            #expect(coarser.status == .warning && coarser.problems.first?.code == "import.place.keptCoarser", "\(coarser.problems)")
            // A 5W sheet's names beside its codes: the codes decide, and a name that is another place's is warned of, not refused.
            let fiveW = try await importRecords(store, .facilities, "#date,#adm1+name,#adm4+name,#adm4+code,#loc+type,#status,#org\n"
                                                + "2020-03-05,Dar'a,Tiba,C5992,medical-facility,damaged,UNDP\n2020-03-05,Homs,Tiba,C5992,school,damaged,UNDP\n")
            #expect(fiveW.status == .warning && fiveW.imported == 2 && fiveW.problems.map { "\($0.row) \($0.code)" } == ["3 import.place.nameOfAnother"],
                    "\(fiveW.problems)")
            let aid = try await importRecords(store, .aid, "#date,#adm4+name,#org,#activity+type,#indicator+parcels+num\n2020-05-18,Ein Elbeida,WFP,humanitarian,520\n")
            #expect(aid.status == .success && aid.imported == 1, "\(aid.problems)")
        }
    }

    /// A convoy team's sheet with its tonnes' tag mistyped: imported, but not as a success, and the slip named.
    @Test(arguments: Backend.available)
    func aMistypedTagLeavesItsColumnUnreadWithAWarning(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let summary = try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#indicator+tonne+num,#indicator+parcels+num\n"
                                                  + "2020-05-18,C2269,WFP,humanitarian,2.75,520\n")
            #expect(summary.status == .warning && summary.imported == 1 && summary.warnings == 1)
            #expect(summary.problems.map { "\($0.row) \($0.column) \($0.code)" } == ["1 #indicator+tonne+num import.layout.nearTag"])
        }
    }

    @Test(arguments: Backend.available)
    func usersAddKindsAndTheImportKnowsThem(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let unknown = try await importRecords(store, .facilities, Self.header + "2020-01-10,SY03,C2269,irrigation-canal,under-restoration,2.5,FAO,\n")
            #expect(unknown.status == .error && unknown.problems.first?.column == "#loc+type")
            try await store.reconstruction.addKind(FacilityKind(code: "Irrigation-Canal", unit: .km, nameEn: "Irrigation canals",
                                                                nameRu: "Оросительные каналы", nameAr: "قنوات الري"), by: .test)
            let taken = await #expect(throws: StoreError.self) {
                try await store.reconstruction.addKind(FacilityKind(code: "irrigation-canal", unit: .km, nameEn: "Canals"), by: .test)
            }
            #expect(taken?.description == "irrigation-canal exists already")
            // Another kind under a name in use would be printed twice for two things: refused, naming the kind, whatever the case.
            let named = await #expect(throws: StoreError.self) {
                try await store.reconstruction.addKind(FacilityKind(code: "clinic-2", unit: .items, nameEn: "schools"), by: .test)
            }
            #expect(named?.description == "already the name of school; each name stands for one entry")
            let namedInArabic = await #expect(throws: StoreError.self) {
                try await store.reconstruction.addKind(FacilityKind(code: "canal-2", unit: .km, nameEn: "Canals", nameAr: "قنوات الري"), by: .test)
            }
            #expect(namedInArabic?.description == "already the name of irrigation-canal; each name stands for one entry")
            let known = try await importRecords(store, .facilities, Self.header + "2020-01-10,SY03,C2269,irrigation-canal,under-restoration,2.5,FAO,\n")
            #expect(known.imported == 1)
            let kinds = try await store.reconstruction.kinds()
            #expect(kinds.count == 13 && kinds.last?.code == "irrigation-canal" && kinds.first?.nameAr == "مبانٍ سكنية")
            #expect(try await store.reconstruction.summary(asOf: TestStores.today).underRestoration.byKind.first?.quantity == "2.5")
        }
    }

    /// An action whose figures are all given as 0 is taken back: it leaves every sum (actions and localities too), its
    /// earlier version kept; one that gives no figure at all still counts as an action.
    @Test(arguments: Backend.available)
    func anActionOfZerosIsWithdrawn(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num,#reached+ind+num,#meta+id\n"
            _ = try await importRecords(store, .aid, header + "2020-05-01,C2269,SARC,humanitarian,1.5,750,3750,SARC-0001\n"
                                        + "2020-05-02,C2270,SARC,humanitarian,,120,,SARC-0002\n")
            // act
            let withdrawn = try await importRecords(store, .aid, header + "2020-05-01,C2269,SARC,humanitarian,0,0,0,SARC-0001\n")
            // check
            #expect(withdrawn.updated == 1)
            let summary = try await store.assistance.summary(DateWindow())
            #expect(summary.figures.actions == 1 && summary.figures.localities == 1 && summary.figures.parcels == 120 && summary.figures.kilograms == 0)
            #expect(try await store.assistance.history(ofAction: 1).map(\.record.action.parcels) == [750, 0])
            // Zeros for an action never recorded record nothing, and make no organisation.
            let none = try await importRecords(store, .aid, header + "2020-05-03,C2269,Nobody Known,humanitarian,,0,,NK-1\n")
            let names = try await store.organisations.organisations().map(\.name)
            #expect(none.imported == 0 && none.ignored == 1 && !names.contains("Nobody Known"))
        }
    }

    /// A correction that leaves a figure blank which the action gave loses it from every sum: said, naming the figure and
    /// what it was; an action that gives no figure at all is kept and said too.
    @Test(arguments: Backend.available)
    func aCorrectionThatBlanksAFigureAndAnActionWithoutFiguresAreWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num,#reached+ind+num,#meta+id\n"
            _ = try await importRecords(store, .aid, header + "2020-05-01,C2269,SARC,humanitarian,1.5,750,3750,SARC-0001\n")
            // act
            let corrected = try await importRecords(store, .aid, header + "2020-05-01,C2269,SARC,humanitarian,,700,,SARC-0001\n"
                                                    + "2020-05-02,C2270,SARC,humanitarian,,,,SARC-0002\n")
            // check
            #expect(corrected.status == .warning && corrected.updated == 1 && corrected.imported == 1 && corrected.warnings == 2)
            let said = corrected.problems.map { "\($0.row) \($0.code) \($0.column) \($0.message.arguments["before"].map { "\($0)" } ?? "")" }
            #expect(said.contains { $0.hasPrefix("2 import.figure.cleared #indicator+tonnes+num") && $0.contains("1.5") }, "\(said)")
            #expect(said.contains { $0.hasPrefix("2 import.figure.cleared #reached+ind+num") && $0.contains("3750") }, "\(said)")
            #expect(said.contains { $0.hasPrefix("3 import.aid.noFigure") }, "\(said)")
            #expect(!said.contains { $0.contains("parcels") }, "a figure given again is no loss: \(said)")
            // A correction from a file without the description the action had: the words it blanks are quoted.
            let described = "#date,#adm4+code,#org,#activity+type,#indicator+parcels+num,#description,#meta+id\n"
            _ = try await importRecords(store, .aid, described + "2020-05-04,C2269,SARC,humanitarian,40,Food parcels,SARC-0009\n")
            let plain = try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#indicator+parcels+num,#meta+id\n"
                                                + "2020-05-04,C2269,SARC,humanitarian,45,SARC-0009\n")
            #expect(plain.updated == 1 && plain.problems.map { "\($0.row) \($0.code) \($0.column)" } == ["2 import.text.cleared description"], "\(plain.problems)")
            #expect(plain.text.contains("the record said “Food parcels”"), "\(plain.text)")
            // Given again, as before: nothing lost, nothing said.
            let again = try await importRecords(store, .aid, described + "2020-05-04,C2269,SARC,humanitarian,45,Food parcels,SARC-0009\n")
            #expect(again.updated == 1 && again.warnings == 0, "\(again.problems)")
        }
    }

    /// Rows without an id are known by all their cells, those not read too: the same report sent again with a note or a
    /// description changed is a second record, counted beside the first. Said, naming the earlier one; two such rows of
    /// one file (two groups) are not.
    @Test(arguments: Backend.available)
    func aReportSentAgainWithANoteChangedIsWarnedOfAsATwin(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let facilities = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#description\n"
            let first = try await importRecords(store, .facilities, facilities
                + "2020-06-01,C5992,school,under-restoration,1,UNICEF,Project A\n2020-06-01,C5992,school,under-restoration,1,UNICEF,Project B\n")
            #expect(first.imported == 2 && first.warnings == 0, "two groups of one file: \(first.problems)")
            let again = try await importRecords(store, .facilities, facilities + "2020-06-01,C5992,school,under-restoration,1,UNICEF,Project A - reviewed\n")
            #expect(again.imported == 1 && again.status == .warning)
            #expect(again.problems.map { "\($0.row) \($0.code) \($0.message.arguments["record"].map { "\($0)" } ?? "")" } == ["2 import.facilities.twin serial(1)"],
                    "\(again.problems)")
            let aid = "#date,#adm4+code,#org,#activity+type,#indicator+parcels+num,#description\n"
            _ = try await importRecords(store, .aid, aid + "2020-06-02,C5992,SARC,humanitarian,120,Kits\n")
            let aidAgain = try await importRecords(store, .aid, aid + "2020-06-02,C5992,SARC,humanitarian,120,Hygiene kits\n")
            #expect(aidAgain.imported == 1 && aidAgain.problems.map(\.code) == ["import.aid.twin"], "\(aidAgain.problems)")
            #expect(aidAgain.text.contains("recorded beside aid action 1 of an earlier import"), "\(aidAgain.text)")
        }
    }

    /// The same delivery or work twice under two ids, or once with an id and once without, would be summed twice without a
    /// word: a form's submission sent again under a new `_uuid`, or a spreadsheet's row beside the form's export. Said,
    /// naming the first record; with ids, only where the figures are the same too (other figures are another delivery),
    /// and not where a later row of the file withdrew the first.
    @Test(arguments: Backend.available)
    func theSameDeliveryUnderAnotherIdOrNoneIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let aid = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num,#meta+id\n"
            _ = try await importRecords(store, .aid, aid + "2020-06-02,C5992,IRC,charitable,2.75,550,uuid-1\n")
            // The form's submission again under a new id; then the same action under another id with other figures.
            let resent = try await importRecords(store, .aid, aid + "2020-06-02,C5992,IRC,charitable,2.75,550,uuid-2\n"
                                                 + "2020-06-02,C5992,IRC,charitable,1,200,uuid-3\n")
            #expect(resent.imported == 2 && resent.problems.map { "\($0.row) \($0.code)" } == ["2 import.aid.sameFigures"], "\(resent.problems)")
            #expect(resent.text.contains("recorded beside aid action 1 of an earlier import"), "\(resent.text)")
            // A spreadsheet's row without an id beside the actions with ids.
            let sheet = try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num\n"
                                                + "2020-06-02,C5992,IRC,charitable,2.75,550\n")
            #expect(sheet.imported == 1 && sheet.problems.map(\.code) == ["import.aid.twin"], "\(sheet.problems)")
            // A file that gives the copy and withdraws the first: nothing is beside anything once it is read.
            let replaced = try await importRecords(store, .aid, aid + "2020-06-05,C5992,IRC,charitable,3,600,uuid-9\n")
            #expect(replaced.imported == 1 && replaced.warnings == 0)
            let moved = try await importRecords(store, .aid, aid + "2020-06-05,C5992,IRC,charitable,3,600,uuid-10\n2020-06-05,C5992,IRC,charitable,0,0,uuid-9\n")
            #expect(moved.imported == 1 && moved.updated == 1 && !moved.problems.contains { $0.code == "import.aid.sameFigures" }, "\(moved.problems)")
            // Two alike before, the file withdrawing the first: the warning names the one still counted (action 1 stands).
            let second = try await importRecords(store, .aid, aid + "2020-06-02,C5992,IRC,charitable,2.75,550,uuid-20\n2020-06-02,C5992,IRC,charitable,0,0,uuid-2\n")
            #expect(second.problems.map { "\($0.row) \($0.code) \($0.message.arguments["record"].map { "\($0)" } ?? "")" }
                    == ["2 import.aid.sameFigures serial(1)"], "\(second.problems)")
            // A row the file itself then takes back is beside nothing.
            let taken = try await importRecords(store, .aid, aid + "2020-06-02,C5992,IRC,charitable,2.75,550,uuid-30\n2020-06-02,C5992,IRC,charitable,0,0,uuid-30\n")
            #expect(taken.problems.map(\.code) == ["import.repeated.row"], "\(taken.problems)")
            // A facility record alike: the same report under a new id is said; another quantity under its own id is not.
            let works = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"
            _ = try await importRecords(store, .facilities, works + "2020-06-01,C5992,school,under-restoration,2,UNICEF,f-1\n")
            let again = try await importRecords(store, .facilities, works + "2020-06-01,C5992,school,under-restoration,2,UNICEF,f-2\n"
                                                + "2020-06-01,C5992,school,under-restoration,3,UNICEF,f-3\n")
            #expect(again.imported == 2 && again.problems.map { "\($0.row) \($0.code)" } == ["2 import.facilities.sameFigures"], "\(again.problems)")
        }
    }

    /// Two organisations reporting one delivery, or one work, on the same day would be summed twice without a word: both
    /// are kept and every sum adds them, so the second import says so, naming the first's record; a withdrawn one, another
    /// day or the same organisation's are no such pair.
    @Test(arguments: Backend.available)
    func anotherOrganisationsAidOrWorkOfTheSameDayAndPlaceIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let aid = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#meta+id\n"
            _ = try await importRecords(store, .aid, aid + "2020-06-02,C5992,WFP,humanitarian,12.5,w1\n2020-06-03,C5992,WFP,humanitarian,2,w2\n")
            #expect(try await importRecords(store, .aid, aid + "2020-06-03,C5992,WFP,humanitarian,0,w2\n").updated == 1)
            let sarc = try await importRecords(store, .aid, aid + "2020-06-02,C5992,SARC,humanitarian,12,s1\n2020-06-02,C5992,SARC,medical,1,s2\n"
                                                + "2020-06-03,C5992,SARC,humanitarian,2,s3\n2020-06-04,C5992,SARC,humanitarian,2,s4\n")
            #expect(sarc.imported == 4 && sarc.warnings == 1, "\(sarc.problems)")
            #expect(sarc.problems.map { "\($0.row) \($0.code) \($0.message.arguments["record"].map { "\($0)" } ?? "")" } == ["2 import.aid.otherOrganisation serial(1)"],
                    "\(sarc.problems)")
            #expect(sarc.text.contains("WFP recorded an action of the same type in this locality on the same day (action 1, an earlier import)"), "\(sarc.text)")
            // Only what the warning says: no count of people, nor a crossing, that a movement's would give.
            #expect(sarc.problems.first.map { Set($0.message.arguments.keys) } == ["organisation", "record", "whence"], "\(sarc.problems)")
            // The organisation's own report again is a correction, not another's.
            let own = try await importRecords(store, .aid, aid + "2020-06-04,C5992,SARC,humanitarian,3,s4\n")
            #expect(own.updated == 1 && own.warnings == 0, "\(own.problems)")
            let works = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"
            _ = try await importRecords(store, .facilities, works + "2020-06-03,C5992,bakery,under-restoration,1,UNDP,u1\n")
            let ministry = try await importRecords(store, .facilities, works + "2020-06-03,C5992,bakery,under-restoration,2,Ministry,m1\n"
                                                    + "2020-06-03,C5992,bakery,damaged,2,Ministry,m2\n")
            #expect(ministry.problems.map { "\($0.row) \($0.code)" } == ["2 import.facilities.otherOrganisation"], "\(ministry.problems)")
            #expect(ministry.text.contains("UNDP recorded this kind with this status in this settlement on the same day"), "\(ministry.text)")
            // Two of another organisation's actions alike, the file withdrawing the first: the warning names the second.
            _ = try await importRecords(store, .aid, aid + "2020-06-09,C5992,WFP,humanitarian,3,w9\n2020-06-09,C5992,WFP,humanitarian,4,w10\n")
            let beside = try await importRecords(store, .aid, aid + "2020-06-09,C5992,SARC,humanitarian,4,s9\n2020-06-09,C5992,WFP,humanitarian,0,w9\n")
            let w10 = try #require(try await store.assistance.actions().first { $0.action.externalId == "w10" }?.id)
            #expect(beside.problems.map { "\($0.row) \($0.code) \($0.message.arguments["record"].map { "\($0)" } ?? "")" }
                    == ["2 import.aid.otherOrganisation serial(\(w10))"], "\(beside.problems)")
        }
    }

    /// A cluster's file of its partners' reports: two organisations' rows of one delivery, or one work, in the same file are
    /// summed alike, so the later row is warned of, naming the earlier row; the same organisation's second row is not.
    @Test(arguments: Backend.available)
    func anotherOrganisationsAidOrWorkInTheSameFileIsWarnedOfByItsRow(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let aid = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#meta+id\n"
            let cluster = try await importRecords(store, .aid, aid + "2020-06-02,C5992,WFP,humanitarian,12.5,w1\n2020-06-02,C5992,WFP,humanitarian,1,w2\n"
                                                  + "2020-06-02,C5992,SARC,humanitarian,12,s1\n2020-06-02,C5992,SARC,medical,1,s2\n")
            #expect(cluster.imported == 4 && cluster.problems.map { "\($0.row) \($0.code)" } == ["4 import.aid.otherOrganisation"], "\(cluster.problems)")
            #expect(cluster.text.contains("WFP recorded an action of the same type in this locality on the same day (action 1, row 2 of this file)"), "\(cluster.text)")
            let again = try await importRecords(store, .aid, aid + "2020-06-05,C5992,WFP,humanitarian,1,w5\n2020-06-05,C5992,SARC,humanitarian,1,s5\n")
            #expect(again.problems.first?.reason(in: Catalogue.shipped[.ru]!).contains("(строка 2 этого файла)") == true, "\(again.problems)")
            #expect(again.problems.first?.reason(in: Catalogue.shipped[.ar]!).contains("من الصف ٢ من هذا الملف") == true, "\(again.problems)")
            // The earlier row withdrawn further down the file: nothing is added twice, and nothing is said.
            let withdrawn = try await importRecords(store, .aid, aid + "2020-06-07,C5992,SARC,humanitarian,3.5,s7\n2020-06-07,C5992,WFP,humanitarian,3.5,w7\n"
                                                    + "2020-06-07,C5992,SARC,humanitarian,0,s7\n")
            #expect(withdrawn.problems.filter { $0.code == "import.aid.otherOrganisation" }.isEmpty, "\(withdrawn.problems)")
            let works = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"
            let both = try await importRecords(store, .facilities, works + "2020-06-03,C5992,bakery,under-restoration,1,UNDP,u1\n"
                                               + "2020-06-03,C5992,bakery,under-restoration,1,Ministry,m1\n")
            #expect(both.problems.map { "\($0.row) \($0.code)" } == ["3 import.facilities.otherOrganisation"], "\(both.problems)")
            #expect(both.text.contains("(record 1, row 2 of this file)"), "\(both.text)")
        }
    }

    @Test(arguments: Backend.available)
    func aidIsSummedWithLocalitiesCountedOnce(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num,#indicator+parcels+num,#reached+ind+num,#reached+medical+num,#description,#meta+id\n"
            let file = header + "2020-05-01,C2269,SARC,humanitarian,3.5,750,3000,,Food parcels,a1\n"
                + "2020-05-02,C2269,SARC,humanitarian,0.125,30,,,Food parcels,a2\n"
                + "2020-05-03,C2270,WHO,medical,,,,120,Mobile clinic,m1\n"
                + "2020-06-01,C5992,SARC,charitable,1,,,,,a3\n"
            let first = try await importRecords(store, .aid, file)
            let corrected = try await importRecords(store, .aid, header + "2020-05-01,C2269,SARC,humanitarian,3.4,750,3000,,Food parcels,a1\n")
            #expect(first.imported == 4 && corrected.updated == 1)
            let may = try await store.assistance.summary(DateWindow(from: Day("2020-05-01")!, to: Day("2020-05-31")!), grouping: .organisation)
            #expect(may.figures.actions == 3 && may.figures.localities == 2 && may.figures.kilograms == 3_525 && may.figures.tonnes == "3.525")
            #expect(may.figures.parcels == 780 && may.figures.reached == 3_000 && may.figures.treated == 120)
            // Each figure says how many actions gave it: a sum of 0 that none gave is not known.
            #expect(may.figures.reportedBy == AidReporting(kilograms: 2, parcels: 2, reached: 1, treated: 1))
            #expect(may.figures.reporting(\.reached) == .partly(1))
            let who = try #require(may.groups.first { $0.key == "WHO" }?.figures)
            #expect(who.reporting(\.treated) == .complete && who.reporting(\.kilograms) == .unreported && who.kilograms == 0)
            #expect(may.byType.map(\.key) == ["humanitarian", "medical"] && may.groups.map(\.key) == ["SARC", "WHO"])
            let all = try await store.assistance.summary(DateWindow(), grouping: .adm1)
            #expect(all.figures.localities == 3 && all.groups.map(\.key) == ["SY03", "SY12"])
            // Each level of the gazetteer is a breakdown, its groups named, their actions adding up to the whole.
            for grouping in [AidGrouping.adm2, .adm3] {
                let by = try await store.assistance.summary(DateWindow(), grouping: grouping)
                #expect(by.groups.allSatisfy { $0.key?.count == (grouping == .adm2 ? 6 : 8) && $0.name != $0.key } && by.groups.count >= 2, "\(by.groups)")
                #expect(by.groups.map(\.figures.actions).reduce(0, +) == all.figures.actions)
            }
            let listed = try await store.assistance.actions(area: "SY12")
            #expect(listed.map(\.action.externalId) == ["a3"] && listed.first?.action.kilograms == 1_000)
        }
    }

    @Test(arguments: Backend.available)
    func readinessPutsTheLedgersReturnsBesideFacilitiesAndAid(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let movements = "#date,#adm1+dest+code,#adm4+dest+code,#affected+returnees+idps+num,#org\n"
                + "2020-05-01,SY03,C2269,400,UNHCR\n2020-05-02,SY12,C5992,150,UNHCR\n"
            _ = try await importRecords(store, .movements, movements)
            _ = try await importRecords(store, .facilities, Self.header + "2020-01-10,SY03,C2269,school,under-restoration,2,UNDP,\n"
                                        + "2020-05-10,SY03,C2269,school,commissioned,1,UNDP,\n")
            _ = try await importRecords(store, .aid, "#date,#adm4+code,#org,#activity+type,#indicator+tonnes+num\n2020-05-20,C5992,SARC,humanitarian,2\n")
            let report = try await store.readiness(DateWindow(from: Day("2020-05-01")!), level: .adm1, today: TestStores.today)
            #expect(report.rows.map(\.area) == ["SY03", "SY12"] && report.rows.map(\.returned) == [400, 150])
            #expect(report.rows[0].commissioned.tenths(of: "school") == 10 && report.rows[0].underRestoration.tenths(of: "school") == 10)
            #expect(report.rows[1].aid.kilograms == 2_000 && report.rows[0].aid.actions == 0)
            let byAid = try await store.readiness(DateWindow(), level: .adm4, order: .kilograms, today: TestStores.today)
            #expect(byAid.rows.first?.area == "C5992" && byAid.rows.count == 2)
        }
    }
}

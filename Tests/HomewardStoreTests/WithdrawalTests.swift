import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// A partner takes a figure back by sending its row again with 0, or with its count moved to the other category (a form
/// edited in the field): the movement is left at 0, its earlier version kept, and every total drops by it.
@Suite struct WithdrawalTests {
    static let head = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#meta+id\n"

    @Test(arguments: Backend.available)
    func aZeroWithdrawsAMovementAndKeepsItsEarlierVersion(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            _ = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,45,,u1\n2020-06-01,LBN-01,SY03,30,,u2\n")
            // act
            let withdrawn = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,0,,u1\n2020-06-01,LBN-01,SY03,30,,u2\n")
            let again = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,0,,u1\n2020-06-01,LBN-01,SY03,30,,u2\n")
            // check
            #expect(withdrawn.status == .success && withdrawn.updated == 1 && withdrawn.ignored == 1 && withdrawn.imported == 0, "\(withdrawn)")
            #expect(again.updated == 0 && again.ignored == 2 && again.imported == 0)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 30)
            let u1 = try #require(try await store.ledger.movementPage().movements.first { $0.externalId == "u1" })
            #expect(u1.persons == 0)
            #expect(try await store.ledger.history(ofMovement: u1.id).map(\.movement.persons) == [45, 0])
        }
    }

    @Test(arguments: Backend.available)
    func aZeroForAFigureNeverReportedRecordsNothingAndMakesNoOrganisation(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // act
            let summary = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,0,,u3\n", org: "Relief Without Figures")
            // check
            #expect(summary.status == .success && summary.imported == 0 && summary.updated == 0 && summary.ignored == 1, "\(summary)")
            #expect(try await store.movementCount() == 0)
            #expect(try await store.organisations.organisations().allSatisfy { $0.name != "Relief Without Figures" })
        }
    }

    @Test(arguments: Backend.available)
    func aCountMovedToTheOtherCategoryWithdrawsTheFirst(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            _ = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,45,,u9\n")
            // act: the form edited in the field, its 45 now IDPs, the refugees' cell left blank
            let moved = try await store.importCSV(Self.head + "2020-06-01,,SY03,,45,u9\n")
            // check
            #expect(moved.status == .success && moved.imported == 1 && moved.updated == 1 && moved.ignored == 0, "\(moved)")
            let totals = try await store.ledger.totals(TotalsQuery())
            #expect(totals.total == 45 && totals.refugees == 0 && totals.idps == 45)
        }
    }

    static let narrow = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+num,#affected+type,#meta+id\n"

    /// An id is one report: a Kobo submission of one count and its category, edited from refugees to IDPs with its id kept,
    /// takes back the refugees rather than counting both, and says so.
    @Test(arguments: Backend.available)
    func aSubmissionMovedToTheOtherCategoryTakesBackTheFirstWithAWarning(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            _ = try await store.importCSV(Self.narrow + "2020-06-01,LBN-01,SY03,30,refugee,form-77\n")
            // act
            let moved = try await store.importCSV(Self.narrow + "2020-06-01,,SY03,30,idp,form-77\n")
            let again = try await store.importCSV(Self.narrow + "2020-06-01,,SY03,30,idp,form-77\n")
            // check
            #expect(moved.status == .warning && moved.imported == 1 && moved.updated == 1, "\(moved)")
            #expect(moved.problems.map(\.code) == ["import.movements.movedCategory"] && moved.problems.first?.row == 2)
            #expect(moved.problems.first?.reason.contains("takes back movement 1 (30 people under the other category") == true, "\(moved.problems)")
            #expect(again.status == .success && again.ignored == 1 && again.updated == 0 && again.imported == 0, "\(again)")
            let totals = try await store.ledger.totals(TotalsQuery())
            #expect(totals.total == 30 && totals.refugees == 0 && totals.idps == 30)
            // Taken back, the refugees' movement keeps its own places: the IDP row that implied the 0 gives none of them.
            let refugees = try #require(try await store.ledger.movementPage().movements.first { $0.category == .refugee })
            #expect(refugees.persons == 0 && refugees.crossing == "LBN-01" && refugees.start == Day("2020-06-01"), "\(refugees)")
            // The first file imported again puts the refugees back and takes the IDPs back, each keeping its places.
            let back = try await store.importCSV(Self.narrow + "2020-06-01,LBN-01,SY03,30,refugee,form-77\n")
            let movements = try await store.ledger.movementPage().movements
            #expect(back.updated == 2 && movements.map(\.persons).sorted() == [0, 30], "\(back) \(movements)")
            #expect(movements.first { $0.category == .idp }.map { $0.crossing == nil && $0.origin == nil && $0.persons == 0 } == true, "\(movements)")
        }
    }

    /// One id may carry a row per category in one file, in one batch or across batches: both counts stand, and the file
    /// imported again changes nothing.
    @Test(arguments: Backend.available)
    func anIdWithARowPerCategoryKeepsBoth(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a ledger with a movement of another organisation (of another group), so that this is no first load
            _ = try await store.importCSV(Self.narrow + "2020-05-01,LBN-01,SY04,1,refugee,x\n", org: "WFP")
            let filler = (1 ... 2100).map { "2020-05-01,LBN-01,SY03,1,refugee,f\($0)\n" }.joined()
            let file = Self.narrow + "2020-06-02,LBN-01,SY03,20,refugee,form-80\n2020-06-02,,SY03,10,idp,form-80\n"
                + "2020-06-03,,SY03,5,idp,form-90\n" + filler + "2020-06-03,LBN-01,SY03,7,refugee,form-90\n"
            // act
            let first = try await store.importCSV(file)
            let again = try await store.importCSV(file)
            // check
            #expect(first.status == .success && first.imported == 2104 && first.updated == 0, "\(first)")
            #expect(again.status == .success && again.imported == 0 && again.updated == 0 && again.ignored == 2104, "\(again)")
            let totals = try await store.ledger.totals(TotalsQuery(organisation: "UNHCR"))
            #expect(totals.total == 2142 && totals.idps == 15, "\(totals)")
        }
    }

    /// JSON's one count beside its category: the same rule, an id being one report. Files of one category column each,
    /// their ids numbered per form, say nothing of each other: both stand.
    @Test(arguments: Backend.available)
    func aJSONCategoryMovedTakesBackTheFirstWhileOneColumnFilesStandSideBySide(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            func send(_ json: String) async throws -> ImportSummary {
                try await store.ledger.importMovements(ImportRequest(sourceName: "api", format: .json, today: TestStores.today),
                                                       from: .bytes(Array(json.utf8)), by: .test)
            }
            _ = try await send(#"[{"date": "2020-06-01", "crossing": "LBN-01", "destination": "SY03", "category": "refugee", "persons": 5, "organisation": "UNHCR", "id": "form-99"}]"#)
            let refugeesOnly = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+id\n2020-06-02,LBN-01,SY03,8,n1\n"
            let idpsOnly = "#date,#adm1+dest+code,#affected+returnees+idps+num,#meta+id\n2020-06-02,SY03,3,n1\n"
            _ = try await store.importCSV(refugeesOnly)
            // act
            let moved = try await send(#"[{"date": "2020-06-01", "destination": "SY03", "category": "idp", "persons": 5, "organisation": "UNHCR", "id": "form-99"}]"#)
            let beside = try await store.importCSV(idpsOnly)
            // check
            #expect(moved.imported == 1 && moved.updated == 1 && moved.problems.first?.code == "import.movements.movedCategory", "\(moved)")
            #expect(beside.status == .success && beside.imported == 1 && beside.updated == 0, "\(beside)")
            let totals = try await store.ledger.totals(TotalsQuery())
            #expect(totals.total == 16 && totals.refugees == 8 && totals.idps == 8, "\(totals)")
        }
    }

    /// A 0 that finds nothing, then a count of the same key in a later batch: the count is a repeat, as within one batch.
    /// A withdrawn movement is no record of anyone: the week's figures count neither it nor its organisation.
    @Test(arguments: Backend.available)
    func aCountAfterAZeroOfAnEarlierBatchIsARepeatAndAWithdrawalCountsAsNoRecord(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a ledger with one movement of another organisation (of another group), so that this is no first load
            _ = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY04,7,,x1\n", org: "WFP")
            let filler = (1 ... 2100).map { "2020-05-01,LBN-01,SY03,1,,f\($0)\n" }.joined()
            // act
            let summary = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,0,,u0\n" + filler + "2020-06-01,LBN-01,SY03,40,,u0\n")
            // check
            #expect(summary.imported == 2101 && summary.ignored == 1 && summary.problems.map(\.row) == [2103], "\(summary.problems)")
            #expect(summary.problems.first?.code == "import.repeated.row")
            // Taken back, WFP's movement leaves the crossing's week without it: neither its record nor its organisation.
            _ = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY04,0,,x1\n", org: "WFP")
            let week = try await store.sources.ledgerSumsByCrossing(window: DateWindow(from: Day("2020-06-01"), to: Day("2020-06-07")))
            #expect(week.map(\.sum.value) == [40] && week.first?.sum.records == 1 && week.first?.sum.organisations == 1, "\(week)")
            let sums = try await store.sources.ledgerSums(window: DateWindow(from: Day("2020-06-01"), to: Day("2020-06-07")))
            #expect(sums.total.value == 40 && sums.total.records == 1 && sums.total.organisations == 1)
        }
    }

    /// A first load holds no key index until its end; a 0 in a later batch for a key an earlier batch wrote finds it all the same,
    /// and, the file having recorded it, takes it back as if neither row had been (not stored, not counted).
    @Test(arguments: Backend.available)
    func aZeroFurtherDownAFirstLoadWithdrawsARowOfAnEarlierBatch(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: more rows than a batch holds between the count and its 0
            let filler = (1 ... 2100).map { "2020-05-01,LBN-01,SY03,1,,f\($0)\n" }.joined()
            let file = Self.head + "2020-06-01,LBN-01,SY03,45,,u0\n" + filler + "2020-06-01,LBN-01,SY03,0,,u0\n"
            // act
            let summary = try await store.importCSV(file)
            // check
            #expect(summary.imported == 2100 && summary.updated == 0 && summary.warnings == 1, "\(summary.imported) \(summary.updated)")
            #expect(try await store.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM movements").first(decodingColumn: "n", as: Int.self) } == 2100)
            #expect(summary.problems.map(\.row) == [2103] && summary.problems.first?.code == "import.repeated.earlier")
            let totals = try await store.ledger.totals(TotalsQuery())
            let byCrossing = try await store.ledger.totals(TotalsQuery(grouping: .crossing))
            #expect(totals.total == 2100 && byCrossing.groups.map(\.persons) == [2100])
        }
    }
}

/// An old file imported again by mistake puts back figures that partners have corrected since: the import says so.
@Suite struct RevertTests {
    @Test(arguments: Backend.available)
    func anOldFileImportedAgainIsSaidToUndoALaterCorrection(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: week 1, then week 2 correcting one row
            let head = WithdrawalTests.head
            let week1 = head + "2020-06-01,LBN-01,SY03,120,,a\n2020-06-01,LBN-01,SY03,30,,b\n"
            _ = try await store.importCSV(week1)
            let corrected = try await store.importCSV(head + "2020-06-01,LBN-01,SY03,125,,a\n")
            #expect(corrected.updated == 1 && corrected.warnings == 0)
            let a = try #require(try await store.ledger.movementPage().movements.first { $0.externalId == "a" })
            let firstImport = try #require(try await store.ledger.history(ofMovement: a.id).first?.importID)
            // act
            let again = try await store.importCSV(week1)
            // check: the correction is undone, as the file says, with a warning naming the import it goes back to
            #expect(again.updated == 1 && again.ignored == 1 && again.warnings == 1, "\(again)")
            #expect(again.problems.map(\.code) == ["import.movements.reverted"] && again.problems.first?.row == 2)
            #expect(again.problems.first?.message.arguments["import"] == .serial(firstImport))
        }
    }
}

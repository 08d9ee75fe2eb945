import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// A row without an id is known by all its cells, so a report sent again with a note added, or a form's review status
/// changed, is a new movement: it is recorded, and the import says which stored one it stands beside.
@Suite struct TwinTests {
    static let head = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+note\n"

    @Test(arguments: Backend.available)
    func aRowWithoutAnIdLikeAStoredOneButForACellNotReadIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: two groups of one day in one file, told apart by their notes, are not twins of each other
            let first = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,80,morning\n2020-06-01,LBN-01,SY03,40,evening\n")
            #expect(first.imported == 2 && first.warnings == 0, "\(first.problems)")
            let stored = try await store.ledger.movementPage().movements.sorted { $0.id < $1.id }.map(\.id)
            // act: the morning's report sent again with its note changed, and a new group of another day
            let again = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,80,morning (reviewed)\n2020-06-02,LBN-01,SY03,15,noon\n")
            // check: recorded, and said to stand beside the first import's movement
            #expect(again.status == .warning && again.imported == 2 && again.warnings == 1, "\(again.problems)")
            #expect(again.problems.map(\.row) == [2] && again.problems.first?.code == "import.movements.twin")
            #expect(again.problems.first?.message.arguments["movement"] == .serial(stored[0]))
            // The same file once more is ignored, and warns of nothing new.
            let thrice = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,80,morning (reviewed)\n2020-06-02,LBN-01,SY03,15,noon\n")
            #expect(thrice.ignored == 2 && thrice.warnings == 0)
            // Rows with ids are known by them: one that gives another count is no twin.
            let withIDs = try await store.importCSV("#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+id\n"
                + "2020-06-01,LBN-01,SY03,81,k1\n")
            #expect(withIDs.imported == 1 && withIDs.warnings == 0, "\(withIDs.problems)")
        }
    }

    /// A row with an id that gives every cell of a stored movement, its count too, under another id or none: a form's
    /// submission sent twice, or rows sent first as a spreadsheet and then as the form's export. Both are counted (two
    /// groups of one size are possible), and the import names the stored one; another organisation's is warned of apart.
    @Test(arguments: Backend.available)
    func aRowWithAnIdGivingAStoredMovementsEveryCellAndCountIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a plain sheet first, without ids
            let sheet = try await store.importCSV("Date,Crossing,Dest,Refugees\n2019-07-12,LBN-01,SY03,90\n2019-07-13,LBN-01,SY03,30\n",
                                                  mapping: ["Date": "#date", "Crossing": "#loc+crossing+code", "Dest": "#adm1+dest+code", "Refugees": "#affected+returnees+refugees+num"])
            #expect(sheet.imported == 2)
            let stored = try await store.ledger.movementPage().movements.sorted { $0.id < $1.id }.map(\.id)
            // act: the form's export of the same rows, each with its submission's id; a third submission of another count
            let export = "Date,Crossing,Dest,Refugees,_uuid\n2019-07-12,LBN-01,SY03,90,nu-1\n2019-07-13,LBN-01,SY03,31,nu-2\n"
            let again = try await store.importCSV(export, mapping: ["Date": "#date", "Crossing": "#loc+crossing+code", "Dest": "#adm1+dest+code",
                                                                   "Refugees": "#affected+returnees+refugees+num"])
            // check: both counted, the first named beside the stored movement it repeats
            #expect(again.imported == 2 && again.problems.map { "\($0.row) \($0.code)" } == ["2 import.movements.sameCount"], "\(again.problems)")
            #expect(again.problems.first?.message.arguments["movement"] == .serial(stored[0]))
            #expect(again.text.contains("which gives the same organisation, dates, places, category and count under another id or none"), "\(again.text)")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 90 + 30 + 90 + 31)
            // The same export again is ignored, and warns of nothing new.
            let thrice = try await store.importCSV(export, mapping: ["Date": "#date", "Crossing": "#loc+crossing+code", "Dest": "#adm1+dest+code",
                                                                     "Refugees": "#affected+returnees+refugees+num"])
            #expect(thrice.ignored == 2 && thrice.warnings == 0, "\(thrice.problems)")
            // A row of both categories is two movements, each held against its own category: 90 refugees beside a stored
            // 90 IDPs is no repeat, 30 IDPs beside a stored 30 IDPs is.
            _ = try await store.importCSV("#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+idps+num,#meta+id\n2019-07-20,LBN-01,SY03,90,s-1\n"
                                          + "2019-07-21,LBN-01,SY03,30,s-2\n")
            let both = try await store.importCSV("#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#meta+id\n"
                                                 + "2019-07-20,LBN-01,SY03,90,31,b-1\n2019-07-21,LBN-01,SY03,5,30,b-2\n")
            #expect(both.problems.map { "\($0.row) \($0.code)" } == ["3 import.movements.sameCount"], "\(both.problems)")
            // A file that withdraws the stored movement, corrects it or gives it again beside the new one has done what the
            // warning would ask, or says there are two: no warning, wherever in the file that row stands.
            let head = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+id\n"
            _ = try await store.importCSV(head + "2019-08-01,LBN-01,SY03,7,z\n2019-08-02,LBN-01,SY03,8,y\n2019-08-03,LBN-01,SY03,6,x\n")
            let settled = try await store.importCSV(head + "2019-08-01,LBN-01,SY03,7,d\n2019-08-01,LBN-01,SY03,0,z\n"
                                                    + "2019-08-02,LBN-01,SY03,9,y\n2019-08-02,LBN-01,SY03,8,e\n2019-08-03,LBN-01,SY03,6,x\n2019-08-03,LBN-01,SY03,6,f\n")
            #expect(settled.imported == 3 && settled.problems.filter { $0.code == "import.movements.sameCount" }.isEmpty, "\(settled.problems)")
        }
    }

    /// A report sent again with its destination corrected is, without ids, a second group beside the first: the import
    /// names the earlier movement where the file does not give it again, and says nothing where it does (two groups) or
    /// where the counts differ.
    @Test(arguments: Backend.available)
    func aReportSentAgainToAnotherDestinationIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: one day's two groups at one crossing
            let first = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,300,\n2020-06-01,LBN-01,SY01,120,\n")
            #expect(first.imported == 2 && first.warnings == 0, "\(first.problems)")
            let stored = try await store.ledger.movementPage().movements.sorted { $0.id < $1.id }.map(\.id)
            // act: the file sent again with the first group's destination corrected (SY03 to SY02)
            let corrected = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY02,300,\n2020-06-01,LBN-01,SY01,120,\n")
            // check: recorded beside it, with the earlier movement named
            #expect(corrected.imported == 1 && corrected.ignored == 1 && corrected.warnings == 1, "\(corrected.problems)")
            #expect(corrected.problems.map(\.row) == [2] && corrected.problems.first?.code == "import.movements.otherDestination")
            #expect(corrected.problems.first?.message.arguments["movement"] == .serial(stored[0]))
            // A file giving the earlier group again beside a new one of the same count has two groups: nothing to say; nor
            // for another count.
            let both = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY03,300,\n2020-06-01,LBN-01,SY02,300,\n2020-06-01,LBN-01,SY04,300,\n"
                                                 + "2020-06-01,LBN-01,SY05,299,\n")
            #expect(both.imported == 2 && both.warnings == 0, "\(both.problems)")
            // Nor where the file takes the earlier one back with a 0 (the correction made as asked).
            let takenBack = try await store.importCSV(Self.head + "2020-06-01,LBN-01,SY01,0,\n2020-06-01,LBN-01,SY06,120,\n")
            #expect(takenBack.imported == 1 && takenBack.updated == 1 && takenBack.warnings == 0, "\(takenBack.problems)")
        }
    }

    /// Another organisation's report of the same days, crossing, origin, destination and category, from an earlier import,
    /// is warned of at the new row, with its id, organisation and count: the ledger adds both, twice the people where both
    /// counted one group. Both are kept: two groups are as likely.
    @Test(arguments: Backend.available)
    func anotherOrganisationsReportOfTheSameGroupIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let head = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+id\n"
            let first = try await store.importCSV(head + "2018-08-12,LBN-01,LBN,SY01,1200,UNHCR,u1\n2018-08-12,LBN-01,LBN,SY03,300,UNHCR,u2\n")
            #expect(first.imported == 2 && first.warnings == 0, "\(first.problems)")
            let unhcr = try await store.ledger.movementPage().movements.sorted { $0.id < $1.id }.first!.id
            // act: the same group by another organisation (with its own id), beside another destination, another day, and
            // the first organisation's own next report
            let second = try await store.importCSV(head + "2018-08-12,LBN-01,LBN,SY01,1150,Field Teams,f1\n2018-08-12,LBN-01,LBN,SY02,70,Field Teams,f2\n"
                + "2018-08-13,LBN-01,LBN,SY01,90,Field Teams,f3\n2018-08-12,LBN-01,LBN,SY01,5,UNHCR,u3\n2018-08-12,LBN-01,LBN,SY01,60,Field Teams,f4\n")
            // check: a warning at each row of the same group (asked once for both), naming UNHCR's movement and count; all recorded
            #expect(second.imported == 5 && second.warnings == 2 && second.problems.map(\.row) == [2, 6], "\(second.problems)")
            let warning = try #require(second.problems.first)
            #expect(warning.row == 2 && warning.code == "import.movements.otherOrganisation")
            #expect(warning.message.arguments["movement"] == .serial(unhcr) && warning.message.arguments["organisation"] == .text("UNHCR")
                    && warning.reason.hasPrefix("UNHCR recorded 1,200 people for the same days, crossing, origin, destination and category"), "\(warning.reason)")
            #expect(try await store.ledger.totals(TotalsQuery(window: DateWindow())).total == 1_200 + 300 + 1_150 + 70 + 90 + 5 + 60)
            // Without a crossing (an IDP's move inside the country), the same group is found by its destination alone; two
            // organisations in one file are not held against each other (neither is an earlier import's).
            let idps = "#date,#adm1+origin+code,#adm1+dest+code,#affected+returnees+idps+num,#org,#meta+id\n"
            let inside = try await store.importCSV(idps + "2018-08-12,SY07,SY01,40,UNHCR,i1\n2018-08-12,SY07,SY01,35,SARC,s1\n")
            #expect(inside.imported == 2 && inside.warnings == 0, "\(inside.problems)")
            let later = try await store.importCSV(idps + "2018-08-12,SY07,SY01,38,IOM,m1\n2018-08-12,SY07,SY03,38,IOM,m2\n")
            #expect(later.warnings == 1 && later.problems.first?.row == 2 && later.problems.first?.code == "import.movements.otherOrganisation", "\(later.problems)")
            #expect(later.problems.first?.reason.contains("recorded 40 people for the same days, origin, destination and category") == true, "no crossing to name")
        }
    }

    /// A day of one crossing where each bus is a submission of its own: a new one is held against the stored one of its count
    /// (not the group's first), another organisation's against the group's first, and each new row once, however many
    /// submissions the group holds.
    @Test(arguments: Backend.available)
    func aDayOfManySubmissionsOfOneGroupNamesTheStoredOneOfTheSameCount(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 60 buses of one day, crossing and destination, each its own submission (counts 20 to 79)
            let head = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+id\n"
            let buses = (0 ..< 60).map { "2019-09-02,LBN-01,SY03,\(20 + $0),Field Teams,bus-\($0)\n" }.joined()
            #expect(try await store.importCSV(head + buses).imported == 60)
            let stored = try await store.ledger.movementPage(limit: 100).movements.sorted { $0.id < $1.id }.map(\.id)
            // act: the next day's file gives the bus of 45 again under a new id, two new buses, and another organisation's count
            let next = try await store.importCSV(head + "2019-09-02,LBN-01,SY03,45,Field Teams,resent-25\n2019-09-02,LBN-01,SY03,200,Field Teams,bus-60\n"
                                                 + "2019-09-02,LBN-01,SY03,21,Field Teams,bus-61\n2019-09-02,LBN-01,SY03,3000,Crossing Office,co-1\n"
                                                 + "2019-09-02,LBN-01,SY03,52,Crossing Office,co-2\n2019-09-02,LBN-01,SY03,66,Field Teams,\n")
            // check: one warning a row that has one, each naming the stored movement of its count where there is one (the likely
            // copy), else the group's first
            #expect(next.imported == 6, "\(next.problems)")
            let warned = next.problems.map { "\($0.row) \($0.code) \($0.message.arguments["movement"].map { "\($0)" } ?? "")" }
            #expect(warned == ["2 import.movements.sameCount \(MessageArgument.serial(stored[25]))",
                               "4 import.movements.sameCount \(MessageArgument.serial(stored[1]))",
                               "5 import.movements.otherOrganisation \(MessageArgument.serial(stored[0]))",
                               "6 import.movements.otherOrganisation \(MessageArgument.serial(stored[32]))",
                               "7 import.movements.twin \(MessageArgument.serial(stored[46]))"], "\(next.problems)")
        }
    }
}

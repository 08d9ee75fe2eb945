import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

@Suite struct ImportTests {
    static let tagged = """
        Date,Crossing,Origin,Governorate,Refugees,Note
        #date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num,
        2019-07-12,LBN-01,LBN,SY03,950,organised group
        2019-07-13,LBN-01,LBN,SY04,120,
        2019-07-13,JOR-01,JOR,SY12,300,
        """

    /// PostgreSQL takes a first load's rows by COPY in its text format, where tabs, line breaks and backslashes
    /// mean something: a source or row id holding them must come back as it was written, on both databases.
    @Test(arguments: Backend.available)
    func textsWithTabsLineBreaksAndBackslashesComeBackAsTheyWere(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: quoted cells with a tab, a line break, a carriage return, backslashes and non-ASCII letters
            let sources = ["UNHCR\tfield\\north", "line one\nline two", "a\r\nb \\N", "\\", "مراقبة الحدود — Пост"]
            let rows = sources.enumerated().map { "2019-07-1\($0.offset),LBN-01,LBN,SY03,\(10 + $0.offset),\"\($0.element)\",\"id\\\($0.offset)\tx\"" }
            let text = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+source,#meta+id\n"
                + rows.joined(separator: "\n")
            // act
            let summary = try await store.importCSV(text)
            let stored = try await store.ledger.movementPage().movements.sorted { $0.persons < $1.persons }
            // check
            #expect(summary.status == .success && summary.imported == sources.count)
            #expect(stored.map(\.source) == sources)
            #expect(stored.map(\.externalId) == sources.indices.map { "id\\\($0)\tx" })
        }
    }

    /// A file refused for one row still names what the writer finds in the others (a row repeating another's record): one
    /// run, a dry run too, lists every problem, where the repeat was said only once the refused row was mended.
    @Test(arguments: Backend.available)
    func aRefusedFileListsTheWritersWarningsBesideItsErrorsAndWritesNothing(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // The refused row first: the rows after it are still compared with one another.
            let file = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num\n"
                + "2020-03-06,LBN-01,LBN,SY03,many\n2020-03-05,LBN-01,LBN,SY03,500\n2020-03-05,LBN-01,LBN,SY03,700\n"
            for dryRun in [true, false] {
                var request = ImportRequest(sourceName: "refused.csv", organisation: "UNHCR", today: TestStores.today)
                request.dryRun = dryRun
                let summary = try await store.ledger.importMovements(request, from: .bytes(Array(file.utf8)), by: .test)
                #expect(summary.status == .error && summary.imported == 0 && summary.rejected == 1)
                #expect(summary.problems.map { "\($0.row) \($0.severity) \($0.code)" } == ["2 error import.persons.notWhole", "4 warning import.repeated.row"],
                        "\(summary.problems)")
            }
            // Past a bound, the rows after the refusal are no longer written, and the summary says from which row.
            let stopped = try await RefusedImport.$writtenAfterRefusal.withValue(1) {
                try await store.ledger.importMovements(ImportRequest(sourceName: "refused.csv", organisation: "UNHCR", today: TestStores.today),
                                                       from: .bytes(Array(file.utf8)), by: .test)
            }
            #expect(stopped.problems.map { "\($0.row) \($0.code)" } == ["2 import.persons.notWhole", "4 import.refused.writerStopped"], "\(stopped.problems)")
            #expect(try await store.ledger.movementPage().movements.isEmpty)
        }
    }

    /// A spreadsheet's own dates: read where they read one way (15/03/2024, 2024/3/5), refused naming the option where they
    /// read either way (05/03/2024), and read by the order given.
    @Test(arguments: Backend.available)
    func datesASpreadsheetWroteItsOwnWayAreReadByTheOrderGiven(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let file = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num\n"
                + "15/03/2020,LBN-01,LBN,SY03,10\n2020/3/16,LBN-01,LBN,SY03,20\n05/03/2020,LBN-01,LBN,SY03,30\n"
            let unordered = try await store.importCSV(file)
            #expect(unordered.status == .error && unordered.problems.map { "\($0.row) \($0.code)" } == ["4 import.date.order"], "\(unordered.problems)")
            #expect(unordered.problems.first?.reason.contains("--date-order dmy") == true)
            var request = ImportRequest(sourceName: "dates.csv", organisation: "UNHCR", today: TestStores.today)
            request.dateOrder = .dmy
            let ordered = try await store.ledger.importMovements(request, from: .bytes(Array(file.utf8)), by: .test)
            #expect(ordered.status == .success && ordered.imported == 3, "\(ordered.problems)")
            let days = try await store.ledger.movementPage().movements.map(\.start.description).sorted()
            #expect(days == ["2020-03-05", "2020-03-15", "2020-03-16"])
            // The same rows as Homeward writes them (the file saved again by another program): the same records, not new ones.
            let iso = file.replacingOccurrences(of: "15/03/2020", with: "2020-03-15").replacingOccurrences(of: "2020/3/16", with: "2020-03-16")
                .replacingOccurrences(of: "05/03/2020", with: "2020-03-05")
            let again = try await store.importCSV(iso)
            #expect(again.status == .success && again.imported == 0 && again.ignored == 3, "\(again)")
        }
    }

    /// Field sheets name countries as people say them: Turkey (the taxonomy's pattern finds Türkiye), Iran and Russia (its
    /// other terms), in any case; a name two countries could answer to, or none, is refused naming the cell.
    @Test(arguments: Backend.available)
    func originCountriesAreKnownByTheNamesFieldSheetsUse(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let rows = ["Turkey", "TURKEY", "Iran", "Russia", "DR Congo", "Türkiye"].enumerated().map { "2019-07-1\($0.offset),LBN-01,\($0.element),SY03,1\($0.offset)" }
            let header = "#date,#loc+crossing+code,#country+origin+name,#adm1+dest+code,#affected+returnees+refugees+num\n"
            let summary = try await store.importCSV(header + rows.joined(separator: "\n"))
            #expect(summary.status == .success && summary.imported == rows.count, "\(summary.problems)")
            let byOrigin = try await store.ledger.totals(TotalsQuery(grouping: .origin))
            #expect(Set(byOrigin.groups.map(\.key)) == ["TUR", "IRN", "RUS", "COD"])
            let unknown = try await store.importCSV(header + "2019-07-20,LBN-01,Atlantis,SY03,5\n2019-07-21,LBN-01,Guinea Congo,SY03,5")
            #expect(unknown.status == .error && unknown.problems.map(\.row) == [2, 3] && unknown.problems.allSatisfy { $0.code == "import.country.unknown" })
        }
    }

    /// A file that gives one movement twice (x1 = 10, then x1 = 20), imported again: nothing changes, and the summary says
    /// so (every row ignored), not "updated 2" for a ledger it left as it was.
    @Test(arguments: Backend.available)
    func aFileThatRepeatsAMovementImportedAgainUpdatesNothing(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let file = "#date,#loc+crossing+code,#affected+returnees+refugees+num,#meta+id,#org\n2020-06-01,LBN-01,10,x1,UNHCR\n2020-06-01,LBN-01,20,x1,UNHCR\n"
            // act
            let first = try await store.importCSV(file), again = try await store.importCSV(file)
            // check
            // One movement, imported once: the file's second row is its value, no correction of a version ever in force.
            #expect(first.imported == 1 && first.updated == 0 && first.ignored == 1)
            #expect(again.imported == 0 && again.updated == 0 && again.ignored == 2, "\(again)")
            let total = try await store.ledger.totals(TotalsQuery()).total
            let id = try #require(try await store.ledger.movementPage().movements.first?.id)
            let versions = try await store.ledger.history(ofMovement: id)
            #expect(again.warnings == first.warnings && total == 20 && versions.count == 1)
        }
    }

    /// A spreadsheet typed in Arabic writes its dates and counts in Arabic-Indic digits; they are read as the same values.
    @Test(arguments: Backend.available)
    func datesAndCountsInArabicDigitsAreReadAsWritten(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // act
            let summary = try await store.importCSV("#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num\n"
                + "٢٠١٩-٠٧-١٢,LBN-01,SY03,١٬٢٠٠\n٢٠١٩-٠٧,LBN-01,SY04,۳۵\n")
            // check
            #expect(summary.status == .success && summary.imported == 2, "\(summary.problems)")
            let stored = try await store.ledger.movementPage().movements.sorted { $0.persons < $1.persons }
            #expect(stored.map(\.persons) == [35, 1_200])
            #expect(stored.map { "\($0.start)/\($0.end)" } == ["2019-07-01/2019-07-31", "2019-07-12/2019-07-12"])
        }
    }

    @Test(arguments: Backend.available)
    func importingTheSameFileAgainImportsNothingNew(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let first = try await store.importCSV(Self.tagged)
            #expect(first.status == .success && first.imported == 3)
            let second = try await store.importCSV(Self.tagged)
            #expect(second.imported == 0 && second.updated == 0 && second.ignored == 3)
            #expect(try await store.movementCount() == 3)
        }
    }

    @Test(arguments: Backend.available)
    func aChangedCountUpdatesTheMovement(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await store.importCSV(Self.tagged)
            let corrected = try await store.importCSV(Self.tagged.replacingOccurrences(of: "SY04,120", with: "SY04,125"))
            #expect(corrected.imported == 0 && corrected.updated == 1 && corrected.ignored == 2)
            #expect(try await store.movementCount() == 3)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 950 + 125 + 300)
        }
    }

    @Test(arguments: Backend.available)
    func aRowWithTheSameIdIsUpdatedNotDuplicated(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let v1 = "#meta+id,#date,#adm1+dest+code,#affected+returnees+idps+num\nr-1,2019-05-01,SY03,40\n"
            let v2 = "#meta+id,#date,#adm1+dest+code,#affected+returnees+idps+num\nr-1,2019-05-02,SY04,45\n"
            _ = try await store.importCSV(v1)
            let summary = try await store.importCSV(v2)
            #expect(summary.updated == 1 && summary.imported == 0)
            let report = try await store.ledger.totals(TotalsQuery(grouping: .adm1))
            #expect(report.groups.map(\.key) == ["SY04"])
            #expect(report.total == 45)
        }
    }

    @Test(arguments: Backend.available)
    func aRejectedRowMeansNothingIsWritten(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let bad = Self.tagged + "\n2019-07-14,LBN-99,LBN,SY03,10,\n2019-07-15,LBN-01,LBN,SY03,-4,"
            let summary = try await store.importCSV(bad)
            #expect(summary.status == .error)
            #expect(summary.rejected == 2)
            #expect(summary.imported == 0)
            #expect(summary.problems.map(\.row) == [6, 7])
            #expect(summary.problems[0].column == "Crossing" && summary.problems[0].value == "LBN-99")
            #expect(summary.problems[1].column == "Refugees" && summary.problems[1].value == "-4")
            #expect(try await store.movementCount() == 0)
            #expect(try await store.organisations.organisations().isEmpty)
        }
    }

    /// A value holding the separator without quotes moves the values after it one column on: the row is refused, naming
    /// its first value past the last column, and nothing of the file is written. Empty cells past the end are no values.
    @Test(arguments: Backend.available)
    func aRowWithMoreValuesThanColumnsIsRefused(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let summary = try await store.importCSV(Self.tagged + "\n2019-07-14,LBN-01,LBN,SY03,15,Aleppo, city")
            #expect(summary.status == .error && summary.rejected == 1 && summary.imported == 0)
            #expect(summary.problems.map(\.row) == [6])
            #expect(summary.problems[0].column == "column 7" && summary.problems[0].value == "city")
            #expect(summary.problems[0].reason.contains("(7 against 6)"))
            #expect(try await store.movementCount() == 0)
            let trailing = try await store.importCSV(Self.tagged + "\n2019-07-14,LBN-01,LBN,SY03,15,,,")
            #expect(trailing.status == .success && trailing.imported == 4)
            // A header ending in a separator names no column there: "1,200" unquoted is refused, not read as 1.
            let stored = try await store.movementCount()
            let endsInSeparator = try await store.importCSV("""
                #date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num,\r
                2019-07-14,LBN-01,LBN,SY03,1,200\r
                2019-07-14,LBN-02,LBN,SY03,5,\r
                """)
            #expect(endsInSeparator.status == .error && endsInSeparator.problems.map(\.row) == [2], "\(endsInSeparator.problems)")
            #expect(endsInSeparator.problems.first?.value == "200" && endsInSeparator.problems.first?.reason.contains("(6 against 5; its header row ends in columns without a name)") == true,
                    "\(endsInSeparator.problems)")
            #expect(try await store.movementCount() == stored)
        }
    }

    /// A file that ends inside a short last row (cut off in a copy or a download) says so at that row; a whole last row
    /// without a line break is no sign of it.
    @Test(arguments: Backend.available)
    func aFileCutOffInItsLastRowIsSaid(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num\n"
            let cut = try await store.importCSV(header + "2019-07-13,LBN-01,LBN,SY03,10\n2019-07-14,LBN-01,LB", dryRun: true)
            #expect(cut.problems.contains { $0.code == "import.row.cutOff" && $0.row == 3 && $0.reason.contains("with 3 of its 5 values") }, "\(cut.problems)")
            let whole = try await store.importCSV(header + "2019-07-13,LBN-01,LBN,SY03,10", dryRun: true)
            #expect(whole.status == .success && whole.problems.isEmpty, "\(whole.problems)")
        }
    }

    /// A key a JSON mapping names that no record gives (ODK's nested group, `movement/date`) is said, beside the rows' own
    /// problems: the rows alone said "no date" and "no count".
    @Test(arguments: Backend.available)
    func aMappedKeyNoRecordGivesIsSaid(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let nested = #"[{"__id":"uuid:o-9","movement":{"date":"2020-06-22","dest":"SY07","refugees":300}}]"#
            let request = ImportRequest(sourceName: "odata.json", format: .json, mapping: ["movement/date": "#date", "movement/dest": "#adm1+dest+code",
                                                                                           "movement/refugees": "#affected+returnees+refugees+num"],
                                        organisation: "UNHCR", dryRun: true, today: TestStores.today)
            let summary = try await store.ledger.importMovements(request, from: .bytes(Array(nested.utf8)), by: .test)
            let unmapped = summary.problems.filter { $0.code == "import.json.mapUnknownKey" }
            #expect(unmapped.map(\.column) == ["--map movement/date", "--map movement/dest", "--map movement/refugees"], "\(summary.problems)")
            #expect(unmapped.first?.reason.contains("__id, movement") == true && summary.status == .error)
        }
    }

    /// A date a spreadsheet wrote its own way is quoted as the file writes it in a problem: its author searches the file for it.
    @Test(arguments: Backend.available)
    func aDateIsQuotedAsTheFileWritesIt(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num\n"
            let future = try await store.importCSV(header + "12/13/2021,LBN-01,LBN,SY03,10\n", dryRun: true)
            #expect(future.problems.map(\.code) == ["import.date.future"] && future.problems.first?.value == "12/13/2021", "\(future.problems)")
        }
    }

    /// A header with no rows below it (a Kobo export whose filter matched nothing) is said, not reported as a success.
    @Test(arguments: Backend.available)
    func aFileWithoutRowsIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = Self.tagged.split(separator: "\n").prefix(2).joined(separator: "\n")
            for text in [header, header + "\n\n"] {
                let summary = try await store.importCSV(text)
                #expect(summary.status == .warning && summary.rows == 0 && summary.warnings == 1 && summary.problems.map(\.code) == ["import.file.noRows"],
                        "\(summary.problems)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func skipInvalidWritesTheValidRowsAndReportsTheRest(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let summary = try await store.importCSV(Self.tagged + "\n2019-07-14,LBN-99,LBN,SY03,10,", skipInvalid: true)
            #expect(summary.status == .warning)
            #expect(summary.imported == 3 && summary.rejected == 1)
            #expect(try await store.movementCount() == 3)
            // A file of invalid rows only writes nothing, skipped or not: an error, not a warning.
            let header = Self.tagged.split(separator: "\n").prefix(2).joined(separator: "\n")
            let none = try await store.importCSV(header + "\n2019-07-14,LBN-99,LBN,SY03,10,", skipInvalid: true)
            #expect(none.status == .error && none.rejected == 1 && none.imported == 0)
            #expect(try await store.movementCount() == 3)
        }
    }

    @Test(arguments: Backend.available)
    func aDryRunCountsAgainstTheDatabaseAndWritesNothing(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await store.importCSV(Self.tagged)
            let changed = Self.tagged.replacingOccurrences(of: "SY04,120", with: "SY04,121") + "\n2019-07-20,JOR-01,JOR,SY12,5,"
            let dry = try await store.importCSV(changed, dryRun: true)
            #expect(dry.dryRun && dry.status == .success)
            #expect(dry.imported == 1 && dry.updated == 1 && dry.ignored == 2)
            #expect(try await store.movementCount() == 3)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 950 + 120 + 300)
        }
    }

    @Test(arguments: Backend.available)
    func aFileThatCannotBeReadIsOneClearError(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let untagged = await #expect(throws: ImportError.self) { try await store.importCSV("Date,People\n2019-01-01,5\n") }
            #expect(untagged?.problems.first?.reason.contains("no HXL hashtag row") == true)
            let open = await #expect(throws: ImportError.self) { try await store.importCSV(Self.tagged + "\n\"2019-07-20,JOR-01") }
            #expect(open?.problems.first?.row == 6)
            #expect(open?.problems.first?.reason.contains("never closed") == true)
            let count = try await store.movementCount()
            #expect(count == 0)
        }
    }

    @Test(arguments: Backend.available)
    func organisationsAreCreatedOnFirstUseByName(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let rows = "#date,#org,#adm1+dest+code,#affected+returnees+idps+num\n2019-01-01,SARC,SY01,5\n2019-01-02,,SY01,6\n"
            _ = try await store.importCSV(rows, org: "Governorate of Damascus")
            #expect(try await store.organisations.organisations().map(\.name) == ["Governorate of Damascus", "SARC"])
            let byOrganisation = try await store.ledger.totals(TotalsQuery(grouping: .organisation))
            #expect(byOrganisation.groups.map(\.key) == ["Governorate of Damascus", "SARC"])
        }
    }

    /// "sarc" in a file would otherwise make a second SARC whose figures no total of SARC's counts: the row is
    /// refused naming the known spelling, and anything else that would create the organisation is refused too.
    @Test(arguments: Backend.available)
    func anotherSpellingOfAKnownOrganisationIsRefusedNamingTheKnownOne(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            let header = "#date,#org,#adm1+dest+code,#affected+returnees+idps+num\n"
            #expect(try await store.importCSV(header + "2019-01-01,Syrian Arab Red Crescent,SY01,5\n").status == .success)
            // act: the same file with two other spellings, and a new organisation spelt two ways
            let summary = try await store.importCSV(header + "2019-01-02,syrian arab red crescent,SY01,6\n2019-01-03,Syrian  Arab Red Crescent,SY01,7\n"
                + "2019-01-04,IOM,SY01,8\n2019-01-05,iom,SY01,9\n")
            // check: each refused where it is, nothing written
            #expect(summary.status == .error && summary.rejected == 3)
            #expect(summary.problems.map(\.row) == [2, 3, 5] && summary.problems.allSatisfy { $0.column == "#org" && $0.code == "import.organisation.spelling" })
            #expect(summary.problems.first?.description.contains("value 'syrian arab red crescent': the organisation is known as 'Syrian Arab Red Crescent'") == true,
                    "\(summary.problems)")
            #expect(summary.problems.last?.message.arguments["known"] == .text("IOM"))
            #expect(try await store.organisations.organisations().map(\.name) == ["Syrian Arab Red Crescent"])
            // Skipping invalid rows writes the rest under the known names.
            let skipped = try await store.importCSV(header + "2019-01-02,syrian arab red crescent,SY01,6\n2019-01-04,IOM,SY01,8\n", skipInvalid: true)
            #expect(skipped.imported == 1 && skipped.rejected == 1)
            #expect(try await store.organisations.organisations().map(\.name) == ["IOM", "Syrian Arab Red Crescent"])
            // An account, a session or a working group may not create one either.
            let account = await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "iom", role: .viewer), password: "a long enough passphrase", by: .test)
            }
            #expect(account?.description.contains("known as 'IOM'") == true, "\(String(describing: account))")
            await #expect(throws: StoreError.self) {
                try await store.sessions.addSession(CoordinationSession(date: TestStores.today, briefings: [.init(organisation: "Iom")]), today: TestStores.today, by: .test)
            }
            #expect(try await store.organisations.organisations().count == 2)
        }
    }

    /// Across the writer's batches as within one: a movement a file corrects twice keeps only what it had before the file, one
    /// it records and takes back thousands of rows later is not stored, and the file imported again changes nothing.
    @Test(arguments: Backend.available)
    func aFileLeavesNoVersionInBetweenAcrossBatches(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#adm1+dest+code,#affected+returnees+idps+num,#meta+id,#org\n"
            _ = try await store.importCSV(header + "2020-06-01,SY03,950,s1,UNHCR\n")
            let filler = (0 ..< 3_000).map { "2020-06-02,SY03,\($0 + 1),f\($0),UNHCR\n" }.joined()
            let file = header + "2020-06-01,SY01,40,x1,UNHCR\n2020-06-01,SY03,960,s1,UNHCR\n" + filler
                + "2020-06-01,SY01,0,x1,UNHCR\n2020-06-01,SY03,970,s1,UNHCR\n"
            // act
            let first = try await store.importCSV(file)
            // check
            #expect((first.imported, first.updated, first.ignored) == (3_000, 1, 3), "\(first)")
            let movements = try await store.ledger.movementPage(limit: 10_000).movements
            #expect(movements.count == 3_001 && !movements.contains { $0.externalId == "x1" })
            let s1 = try #require(movements.first { $0.externalId == "s1" })
            let versions = try await store.ledger.history(ofMovement: s1.id).map(\.movement.persons)
            #expect(s1.persons == 970 && versions == [950, 970], "\(versions)")
            let again = try await store.importCSV(file)
            #expect((again.imported, again.updated, again.ignored) == (0, 0, 3_004), "\(again)")
            let versionsAfter = try await store.ledger.history(ofMovement: s1.id).map(\.movement.persons)
            #expect(versionsAfter == [950, 970], "\(versionsAfter)")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 970 + (1 ... 3_000).reduce(0, +))
        }
    }

    /// Two convoys of one day through one crossing to one governorate, without ids, share a key: the second replaces the
    /// first, as a correction further down a log would. The author is told which rows, and how to keep both.
    @Test(arguments: Backend.available)
    func aRowRepeatingAnEarlierRowsKeyIsWarnedOfNamingBoth(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num\n"
            let summary = try await store.importCSV(header + "2019-07-10,LBN-01,LBN,SY03,950\n2019-07-11,JOR-01,JOR,SY12,40\n2019-07-10,LBN-01,LBN,SY03,300\n")
            #expect(summary.status == .warning && summary.imported == 2 && summary.ignored == 1 && summary.warnings == 1)
            let problem = try #require(summary.problems.first)
            #expect(summary.problems.count == 1 && problem.row == 4 && problem.severity == .warning)
            #expect(problem.description.hasPrefix("row 4: repeats row 2's record"), "\(problem.description)")
            #expect(problem.reason(in: try Catalogue.bundled(.ru)).hasPrefix("повторяет запись строки 2"))
            #expect(try await store.ledger.totals(TotalsQuery()).total == 340)
            // Given ids, both are kept; the same file again repeats nothing within itself.
            let ids = "#date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num,#meta+id\n"
                + "2019-07-12,LBN-01,LBN,SY03,950,c1\n2019-07-12,LBN-01,LBN,SY03,300,c2\n"
            #expect(try await store.importCSV(ids).status == .success)
            #expect(try await store.importCSV(ids).status == .success)
            #expect(try await store.ledger.totals(TotalsQuery()).total == 1_590)
            // A record found as it is stored in one batch and given again, changed, in a later one: still a repeat.
            let filler = (1 ... 5_100).map { "2019-07-13,LBN-01,LBN,SY03,1,f\($0)\n" }.joined()
            let apart = try await store.importCSV(ids + filler + "2019-07-12,LBN-01,LBN,SY03,310,c2\n")
            #expect(apart.status == .warning && apart.updated == 1 && apart.problems.map(\.row) == [5_104], "\(apart.problems)")
            #expect(apart.problems.first?.reason.hasPrefix("repeats row 3's record") == true)
        }
    }

    @Test(arguments: Backend.available)
    func jsonTakesTheSameRules(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let json = """
                [{"date": "2019-03-01", "crossing": "TUR-01", "category": "refugee", "origin": "TUR", "persons": 40, "organisation": "UNHCR"},
                 {"date": "2019-03", "destination": "SY0200", "origin": "SY07", "idps": 12, "organisation": "OCHA"},
                 {"date": "2019-03-02", "crossing": "TUR-01", "category": "refugee", "origin": "SYR", "persons": 1, "organisation": "UNHCR"}]
                """
            let request = ImportRequest(sourceName: "batch.json", format: .json, today: TestStores.today)
            let summary = try await store.ledger.importMovements(request, from: .bytes(Array(json.utf8)), by: .test)
            #expect(summary.status == .error)
            await #expect(throws: ImportError.self) {
                try await store.ledger.importMovements(request, from: .bytes(Array(#"{"date": "2019-03-01", "planet": "Mars"}"#.utf8)), by: .test)
            }
            let wrongType = try await #require(throws: ImportError.self) {
                try await store.ledger.importMovements(request, from: .bytes(Array(#"{"date": 20190301, "idps": 5, "destination": "SY01", "organisation": "SARC"}"#.utf8)), by: .test)
            }
            #expect(wrongType.problems.map { [$0.column, $0.reason] } == [["date", "expected a string"]])
            #expect(summary.problems.map(\.row) == [3])
            #expect(summary.problems.first?.column == "origin")
            var skipping = request
            skipping.skipInvalid = true
            let written = try await store.ledger.importMovements(skipping, from: .bytes(Array(json.utf8)), by: .test)
            #expect(written.imported == 2)
            let byOrigin = try await store.ledger.totals(TotalsQuery(grouping: .origin))
            #expect(byOrigin.groups.map(\.key) == ["TUR", "SY07"])
            #expect(byOrigin.groups.first?.name == "Türkiye" || byOrigin.groups.first?.name == "Turkey")
            // A KoboToolbox export's JSON through --map and --set: its keys read as mapped, `_uuid` as the id, the rest passed
            // over; a mapped tag that these records do not read is refused naming the option.
            var mapped = request
            mapped.mapping = ["grp/date": "#date", "grp/crossing": "#loc+crossing+code", "grp/refugees": "#affected+returnees+refugees+num"]
            mapped.constants = ["#country+origin+code": "LBN", "#org": "SARC"]
            // Every export carries the form's own `start` and `end` (when it was filled in): no period of the record.
            let kobo = #"[{"_id": 201, "_uuid": "k-201", "start": "2019-03-22T07:00:00.000+03:00", "end": "2019-03-22T07:10:00.000+03:00", "grp/date": "2019-03-22", "grp/crossing": "LBN-01", "grp/refugees": "12", "_attachments": [], "_geolocation": [null, null]}]"#
            let koboSummary = try await store.ledger.importMovements(mapped, from: .bytes(Array(kobo.utf8)), by: .test)
            #expect(koboSummary.status == .success && koboSummary.imported == 1 && koboSummary.ignoredColumns == ["_attachments", "_geolocation", "_id", "end", "start"], "\(koboSummary)")
            let again = try await store.ledger.importMovements(mapped, from: .bytes(Array(kobo.replacingOccurrences(of: #""12""#, with: #""13""#).utf8)), by: .test)
            #expect(again.updated == 1 && again.imported == 0, "the same submission, by its _uuid")
            // A key Homeward reads by itself, passed over beside a mapping that gives not its field, is said (its ids lost
            // unsaid would make a re-import double); a form's own start and end beside a mapped date are not.
            let withID = #"[{"_uuid": "k-202", "id": "mine-1", "start": "2019-03-22T07:00", "grp/date": "2019-03-22", "grp/crossing": "LBN-01", "grp/refugees": "3"}]"#
            let idPassedOver = try await store.ledger.importMovements(mapped, from: .bytes(Array(withID.utf8)), by: .test)
            #expect(idPassedOver.problems.map { "\($0.severity) \($0.code) \($0.column)" } == ["warning import.json.keyNotMapped id"], "\(idPassedOver.problems)")
            mapped.mapping["grp/refugees"] = "#affected+refugees+nm"
            let unread = try await #require(throws: ImportError.self) {
                try await store.ledger.importMovements(mapped, from: .bytes(Array(kobo.utf8)), by: .test)
            }
            #expect(unread.problems.first?.column == "--map grp/refugees" && unread.problems.first?.code == "import.layout.constantNotRead")
        }
    }

    @Test(arguments: Backend.available)
    func aZeroThatFindsNoFacilityRecordOrDepartureTakesNothingBackSilently(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a site; a file of each kind with one row of zero between two of something
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
            let departures = "#date,#loc+site+code,#affected+departed+num,#org\n2020-06-05,HOL,50,CCCM\n2020-06-06,HOL,0,CCCM\n2020-06-07,HOL,40,CCCM\n"
            let facilities = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org\n2020-01-10,C2269,school,damaged,5,UNDP\n"
                + "2020-01-11,C2269,school,damaged,0,UNDP\n2020-01-12,C2270,school,damaged,1,UNDP\n"
            for (kind, file) in [(RecordKind.departures, departures), (.facilities, facilities)] {
                // act
                let summary = try await store.importRecords(kind, ImportRequest(sourceName: "\(kind).csv", today: TestStores.today),
                                                            from: .bytes(Array(file.utf8)), by: .test)
                // check: two written, the zero ignored: a 0, which would have taken back a record stored under its key (a departure,
                // a facility record), finds none and needs no word
                #expect(summary.imported == 2 && summary.ignored == 1, "\(kind)")
                #expect(summary.status == .success && summary.problems.isEmpty, "\(kind)")
            }
        }
    }
}

import Foundation
import HomewardCore
@testable import HomewardStore
import HomewardTestSupport
import Testing

@Suite struct SourcesStoreTests {
    static let header = "#org,#date,#indicator+code,#indicator+num,#indicator+qualifier,#indicator+type,#date+year,#meta+id,#meta+part,#meta+source\n"

    func importFigures(_ store: Stores, _ rows: String) async throws -> ImportSummary {
        try await store.importRecords(.sources, ImportRequest(sourceName: "sources.csv", today: TestStores.today),
                                      from: .bytes(Array((Self.header + rows).utf8)), by: .test)
    }

    func importMovements(_ store: Stores, _ csv: String) async throws {
        let summary = try await store.importRecords(.movements, ImportRequest(sourceName: "movements.csv", today: TestStores.today),
                                                    from: .bytes(Array(csv.utf8)), by: .test)
        #expect(summary.status == .success, "\(summary.text)")
    }

    static let movements = "#date,#loc+crossing+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#org\n"
        + "2020-06-01,LBN-01,100,,UNHCR\n2020-06-20,LBN-01,40,,SARC\n2020-06-25,JOR-01,,60,SARC\n2020-06-29,LBN-01,,7,UNHCR\n"

    /// A figure stated again without the citation it had (a file without that column) loses it, and the import says so,
    /// quoting it at its row and column.
    @Test(arguments: Backend.available)
    func aFigureStatedAgainWithoutItsCitationIsWarnedOf(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importFigures(store, "Ministry,2020-06-15,returns,1490739,exact,count,,m-1,,Ministry statement of 15 June\n")
            let again = try await store.importRecords(.sources, ImportRequest(sourceName: "sources.csv", today: TestStores.today),
                from: .bytes(Array("#org,#date,#indicator+code,#indicator+num,#meta+id\nMinistry,2020-06-15,returns,1490800,m-1\n".utf8)), by: .test)
            #expect(again.updated == 1 && again.problems.map { "\($0.row) \($0.code) \($0.column)" } == ["2 import.text.cleared citation"], "\(again.problems)")
            #expect(again.text.contains("the record said “Ministry statement of 15 June”"), "\(again.text)")
        }
    }

    /// A file that corrects a figure and further down gives it as before leaves it as it found it: imported again, it
    /// updates nothing and keeps no revision, where row by row it would have counted two updates and kept two versions.
    @Test(arguments: Backend.available)
    func aFileImportedAgainThatEndsWhereTheLedgerIsUpdatesNothing(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let rows = "Ministry,2020-06-15,returns,1490739,exact,count,,,,\nMinistry,2020-06-15,returns,1490739,exact,count,,,,\n"
                + "Ministry,2020-06-15,returns,1490800,exact,count,,,,\n"
            let first = try await importFigures(store, rows)
            // 1,490,739 was in force nowhere but inside the file: no revision of it.
            #expect(first.imported == 1 && first.updated == 0, "\(first.text)")
            let figure = try #require(try await store.sources.figures().first)
            // act
            let again = try await importFigures(store, rows)
            // check
            #expect(again.updated == 0 && again.imported == 0 && again.ignored == 3, "\(again.text)")
            #expect(try await store.sources.figures().first?.value == 1_490_800)
            #expect(try await store.sources.revisions(ofFigure: figure.id!).isEmpty)
        }
    }

    /// A figure given again as 0 is withdrawn, as every other kind of record is: in no list, comparison, check or statement,
    /// its history kept; a 0 that finds no figure records nothing, and makes no organisation.
    @Test(arguments: Backend.available)
    func aFigureGivenAs0IsWithdrawnFromEveryComparisonAndStatement(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importFigures(store, "SARC,2020-06-15,returns,70000,about,count,,,,\nIOM,2020-06-15,returns,65000,exact,count,,,,\n")
            let sarc = try #require(try await store.sources.figures().first { $0.organisation == "SARC" }?.id)
            // act
            let withdrawn = try await importFigures(store, "SARC,2020-06-15,returns,0,about,count,,,,\n")
            let nothing = try await importFigures(store, "WFP,2020-06-15,returns,0,exact,count,,,,\n")
            // check
            #expect(withdrawn.updated == 1 && withdrawn.status == .success, "\(withdrawn.text)")
            #expect(nothing.imported == 0 && nothing.updated == 0, "\(nothing.text)")
            #expect(try await store.sources.figures().map(\.organisation) == ["IOM"])
            let compared = try await store.sources.compare(measure: "returns", window: DateWindow(from: nil, to: Day("2020-06-30")))
            #expect(compared.figures.map(\.figure.organisation) == ["IOM"] && compared.spread == nil, "\(compared.figures)")
            #expect(try await store.sources.revisions(ofFigure: sarc).map(\.value) == [70000])
            #expect(try await store.sources.figures(id: sarc).first?.value == 0)
            #expect(try await store.organisations.organisations().map(\.name).contains("WFP") == false)
            // Withdrawn again, whatever else the row says, it changes nothing; and it is no total a part may name.
            let again = try await importFigures(store, "SARC,2020-06-15,returns,0,exact,count,,,,other citation\n")
            #expect(again.updated == 0 && again.ignored == 1, "\(again.text)")
            #expect(try await store.sources.revisions(ofFigure: sarc).count == 1)
            let part = try await importFigures(store, "SARC,2020-06-15,returns-refugees,100,exact,count,,,\(sarc),\n")
            #expect(part.status == .error && part.problems.first?.column == "#meta+part", "\(part.text)")
            // A total withdrawn further up a file leaves the part below it stored as part of none, and said.
            _ = try await importFigures(store, "Agency,2020-06-16,returns,5000,exact,count,,s2,,\n")
            let unlinked = try await importFigures(store, "Agency,2020-06-16,returns,0,exact,count,,s2,,\nAgency,2020-06-16,returns-refugees,100,exact,count,,s2r,s2,\n")
            #expect(unlinked.problems.map { "\($0.row) \($0.code)" } == ["3 import.sources.partOf.withdrawn"], "\(unlinked.text)")
            #expect(try await store.sources.figures().first { $0.organisation == "Agency" }?.partOf == nil)
            // A figure a file adds and takes back is counted as recorded by none of its rows, kept at 0 as a total may be named.
            let both = try await importFigures(store, "Agency,2020-06-17,returns,700,exact,count,,s3,,\nAgency,2020-06-17,returns,0,exact,count,,s3,,\n")
            #expect(both.imported == 0 && both.updated == 0 && both.ignored == 2, "\(both.text)")
            // A problem of the figures left is checked as ever.
            #expect(try await store.sources.problems().isEmpty)
        }
    }

    /// A record changed twice by one file keeps as its revision only what it had before the file (the version in between was
    /// never in force); one the file adds and then takes back (200, then 0) is not stored at all, as a lone 0 is not.
    @Test(arguments: Backend.available)
    func whatAFileWritesAndChangesAgainLeavesNoTraceInBetween(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importFigures(store, "Ministry,2020-06-15,returns,1000,exact,count,,,,\n")
            let id = try #require(try await store.sources.figures().first?.id)
            let twice = try await importFigures(store, "Ministry,2020-06-15,returns,2000,exact,count,,,,\nMinistry,2020-06-15,returns,3000,exact,count,,,,\n")
            #expect(twice.updated == 1 && twice.ignored == 1, "\(twice.text)")
            #expect(try await store.sources.revisions(ofFigure: id).map(\.value) == [1000])
            #expect(try await store.sources.figures().first?.value == 3000)
            // A movement and a departure recorded and taken back in one file
            let movements = try await store.importRecords(.movements, ImportRequest(sourceName: "m.csv", today: TestStores.today), from: .bytes(Array(
                "#date,#adm1+origin+code,#adm1+dest+code,#affected+returnees+idps+num,#meta+id,#org\n2020-06-02,SY01,SY03,200,b2,IOM\n2020-06-02,SY01,SY03,0,b2,IOM\n".utf8)), by: .test)
            #expect(movements.imported == 0 && movements.updated == 0, "\(movements.text)")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 0)
            #expect(try await store.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM movements").first(decodingColumn: "n", as: Int.self) } == 0)
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
            let departures = try await store.importRecords(.departures, ImportRequest(sourceName: "d.csv", today: TestStores.today), from: .bytes(Array(
                "#date,#loc+site+code,#affected+departed+num,#org,#meta+id\n2020-06-05,HOL,200,CCCM,d9\n2020-06-05,HOL,0,CCCM,d9\n".utf8)), by: .test)
            #expect(departures.imported == 0 && departures.updated == 0 && departures.ignored == 2, "\(departures.text)")
            #expect(try await store.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM site_departures").first(decodingColumn: "n", as: Int.self) } == 0)
        }
    }

    @Test(arguments: Backend.available)
    func figuresThatDisagreeAreShownSideBySideWithTheLedgerAndNeverSummed(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: the ledger sums 207 persons; a ministry says more than 1,000 returned, an agency registered 90 refugees
            try await importMovements(store, Self.movements)
            let summary = try await importFigures(store, """
                Ministry,2020-06-30,returns,1000,more-than,count,,m1,,statement 12
                Agency,2020-06-28,returns-refugees-registered,90,exact,count,,,,update 3
                Ministry,2020-06-30,returns,5000,about,projection,,,,statement 12
                Agency,2020-06-28,returns-refugees-registered,90,exact,count,,,,update 3

                """)
            // The repeated statement is ignored, and said to repeat row 3.
            #expect(summary.status == .warning && summary.imported == 3 && summary.ignored == 1, "\(summary.text)")
            #expect(summary.problems.map(\.row) == [5] && summary.problems.first?.code == "import.repeated.row")
            #expect(summary.problems.first?.reason.hasPrefix("repeats row 3's record") == true, "\(summary.problems)")
            // act
            let comparison = try await store.sources.compare(measure: "returns", window: DateWindow(to: TestStores.today))
            // check
            #expect(comparison.figures.map(\.figure.organisation) == ["Ministry", "Agency"])
            #expect(comparison.figures.map(\.figure.value) == [1_000, 90])
            #expect(comparison.projections.map(\.figure.value) == [5_000])
            #expect(comparison.ledger == SourceComparison.LedgerFigure(value: 207, records: 4, organisations: 2))
            #expect(comparison.spread?.max == 1_000 && comparison.spread?.min == 90)
            #expect(comparison.figures.map(\.matchesWindow) == [true, false])
            let totals = try await store.ledger.totals(TotalsQuery(window: DateWindow(to: TestStores.today)))
            #expect(comparison.ledger?.value == totals.total)
        }
    }

    /// Every disagreement is found, a governorate's beside the country's, whatever window is asked; one area's figures are
    /// set beside the ledger's returns to that area alone; a P-code that names no area is refused.
    @Test(arguments: Backend.available)
    func everyDisagreementIsFoundAndAnAreaIsComparedWithItsOwnReturns(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await importMovements(store, "#date,#adm1+dest+code,#affected+returnees+idps+num,#org\n"
                                      + "2020-06-02,SY12,300,UNHCR\n2020-06-03,SY12,45,SARC\n2020-06-03,SY01,500,UNHCR\n2020-06-20,SY12,9,UNHCR\n")
            let header = "#org,#date,#indicator+code,#indicator+num,#date+start,#date+end,#adm1+code\n"
            let summary = try await store.importRecords(.sources, ImportRequest(sourceName: "areas.csv", today: TestStores.today), from: .bytes(Array((header + """
                Field Teams,2020-06-14,returns,4800,2020-06-01,2020-06-14,SY12
                UNHCR,2020-06-14,returns,4800,2020-06-01,2020-06-14,SY12
                Governorate,2020-06-14,returns,5200,2020-06-01,2020-06-14,SY12
                IOM,2020-06-14,returns,9000,2020-06-01,2020-06-14,
                Ministry,2020-06-14,returns,11000,2020-06-01,2020-06-14,

                """).utf8)), by: .test)
            #expect(summary.status == .success, "\(summary.text)")
            // Over all time, both disagreements, the country's first, and both organisations at Dar'a's low end.
            let all = try await store.sources.compare(measure: "returns", window: DateWindow())
            #expect(all.disagreements.map(\.area) == [nil, "SY12"])
            #expect(all.disagreements.map(\.gap) == [2_000, 400])
            #expect(all.disagreements[1].lowest.map(\.organisation) == ["Field Teams", "UNHCR"] && all.disagreements[1].highest.map(\.organisation) == ["Governorate"])
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let json = String(decoding: try encoder.encode(all.disagreements[1]), as: UTF8.self)
            #expect(json.hasPrefix(#"{"area":"SY12","figures":[1,2,3],"from":"2020-06-01","gap":400,"max":5200,"max_figures":[{"date":"2020-06-14","id":3"#)
                    && json.contains(#""measure":"returns","min":4800,"min_figures":[{"date":"2020-06-14","id":1,"#) && json.hasSuffix(#""ratio":1.08,"to":"2020-06-14"}"#), "\(json)")
            // One area: its figures alone, beside the ledger's returns to it in the window (not the country's, not a later day's).
            let darA = try await store.sources.compare(measure: "returns", window: DateWindow(from: Day("2020-06-01")!, to: Day("2020-06-14")!), area: "SY12")
            #expect(darA.figures.map(\.figure.organisation) == ["Field Teams", "Governorate", "UNHCR"])
            #expect(darA.ledger == SourceComparison.LedgerFigure(value: 345, records: 2, organisations: 2))
            #expect(darA.disagreements.count == 1 && darA.sameMeasureSpread?.area == "SY12")
            let unknown = await #expect(throws: StoreError.self) { try await store.sources.compare(measure: "returns", window: DateWindow(), area: "SY99") }
            guard case .invalid(let field, _, _)? = unknown else { Issue.record("no refusal"); return }
            #expect(field == "area")
        }
    }

    @Test(arguments: Backend.available)
    func eachArithmeticCheckIsCaughtAndACorrectionKeepsItsRevision(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            _ = try await importFigures(store, """
                Ministry,2020-06-30,returns,1500000,exact,count,,t,,s
                Ministry,2020-06-30,returns-idps,1241212,exact,count,,i,t,s
                Ministry,2020-06-30,returns-refugees,249527,exact,count,,r,t,s
                Ministry,2020-06-23,returns,1510000,more-than,count,,w,,s

                """)
            let problems = try await store.sources.problems()
            #expect(problems.map(\.kind) == [.partsDoNotAddUp, .cumulativeFalls])
            // act: the total is corrected to the sum of its parts
            let corrected = try await importFigures(store, "Ministry,2020-06-30,returns,1490739,exact,count,,t,,s\n")
            // check
            #expect(corrected.updated == 1)
            #expect(try await store.sources.problems().map(\.kind) == [.cumulativeFalls])
            #expect(try await store.sources.figures(measures: ["returns"]).map(\.value) == [1_510_000, 1_490_739])
            let revisions = try await store.database.read { db in try await db.raw("SELECT value FROM source_figure_revisions").all(decodingColumn: "value", as: Int.self) }
            #expect(revisions == [1_500_000])
            // A part corrected by a row that leaves out its total is unlinked from it: said, at the row and column.
            let unlinked = try await importFigures(store, "Ministry,2020-06-30,returns-refugees,249530,exact,count,,r,,s\n")
            #expect(unlinked.updated == 1 && unlinked.problems.map { "\($0.row) \($0.column) \($0.code)" } == ["2 #meta+part import.link.cleared"],
                    "\(unlinked.text)")
            // Its withdrawal, which gives no total either, is said as nothing else.
            let withdrawn = try await importFigures(store, "Ministry,2020-06-30,returns-idps,0,exact,count,,i,,s\n")
            #expect(withdrawn.updated == 1 && withdrawn.warnings == 0, "\(withdrawn.text)")
        }
    }

    /// One statement under one reference gives several measures, coverages, kinds and areas, each a figure of its own (keyed
    /// by the reference alone, each had "corrected" the last into a figure no one stated); a part naming the statement is of
    /// its nearest broader measure in the part's own area; a reference written as a number is the statement's, not a figure's
    /// id; a figure of the same measure, coverage, kind and area restated under the reference corrects it.
    @Test(arguments: Backend.available)
    func aStatementsFiguresStandApartUnderItsReference(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let statement = """
                MoD,2018-08-27,returns,1493398,more-than,count,,1,,briefing
                MoD,2018-08-27,returns-refugees,252186,more-than,count,,1,1,briefing
                MoD,2018-08-27,returns-idps,1241212,at-least,count,,1,1,briefing
                MoD,2018-08-27,returns-refugees-registered,13000,exact,count,,1,1,briefing
                MoD,2018-08-27,returns-refugees,56000,exact,count,2018,1,,briefing
                MoD,2018-08-27,returns-refugees,70000,exact,projection,2019,1,,briefing

                """
            // Figure 1 is another organisation's, so that a part read as figure 1 rather than statement '1' shows.
            #expect(try await importFigures(store, "UNHCR,2018-08-20,returns,1000,exact,count,,,,report\n").imported == 1)
            #expect(try await store.sources.figures().map(\.id) == [1], "figure 1 is UNHCR's")
            let first = try await importFigures(store, statement)
            #expect(first.imported == 6 && first.problems.isEmpty, "\(first.text)")
            let figures = try await store.sources.figures().filter { $0.organisation == "MoD" }
            #expect(figures.map { "\($0.measure) \($0.kind.rawValue) \($0.value)" }.sorted() == [
                "returns count 1493398", "returns-idps count 1241212", "returns-refugees count 252186", "returns-refugees count 56000",
                "returns-refugees projection 70000", "returns-refugees-registered count 13000"])
            let id = { (measure: String, value: Int) in figures.first { $0.measure == measure && $0.value == value }?.id }
            #expect(figures.first { $0.measure == "returns-idps" }?.partOf == id("returns", 1_493_398), "the statement '1', not figure 1")
            #expect(figures.first { $0.measure == "returns-refugees-registered" }?.partOf == id("returns-refugees", 252_186), "the nearest broader measure")
            // The same file again finds every figure as it left it: no part set under another total the second time.
            let again = try await importFigures(store, statement)
            #expect(again.imported == 0 && again.updated == 0 && again.ignored == 6, "\(again.text)")
            let corrected = try await importFigures(store, "MoD,2018-08-27,returns-idps,1241300,at-least,count,,1,1,briefing\n")
            #expect(corrected.updated == 1 && corrected.imported == 0)
            #expect(try await store.sources.figures().count == 7)
        }
    }

    /// A part of an area's figure in a statement is of that area's total, not the country's; where the statement gives the
    /// area no total, of the country's.
    @Test(arguments: Backend.available)
    func anAreasPartIsOfItsAreasTotal(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#org,#date,#indicator+code,#indicator+num,#adm1+code,#meta+id,#meta+part\n"
            let summary = try await store.importRecords(.sources, ImportRequest(sourceName: "s.csv", today: TestStores.today), from: .bytes(Array((header + """
                UNHCR,2019-01-10,returns,90000,,U1,
                UNHCR,2019-01-10,returns,20000,SY01,U1,
                UNHCR,2019-01-10,returns-idps,3000,SY01,U1,U1
                UNHCR,2019-01-10,returns-idps,4000,SY02,U1,U1

                """).utf8)), by: .test)
            #expect(summary.imported == 4, "\(summary.text)")
            let figures = try await store.sources.figures()
            let national = figures.first { $0.measure == "returns" && $0.area == nil }?.id, aleppo = figures.first { $0.measure == "returns" && $0.area == "SY01" }?.id
            #expect(figures.first { $0.area == "SY01" && $0.measure == "returns-idps" }?.partOf == aleppo)
            #expect(figures.first { $0.area == "SY02" }?.partOf == national, "no total of SY02 in the statement: the country's")
            let again = try await store.importRecords(.sources, ImportRequest(sourceName: "s.csv", today: TestStores.today), from: .bytes(Array((header + """
                UNHCR,2019-01-10,returns,90000,,U1,
                UNHCR,2019-01-10,returns,20000,SY01,U1,
                UNHCR,2019-01-10,returns-idps,3000,SY01,U1,U1
                UNHCR,2019-01-10,returns-idps,4000,SY02,U1,U1

                """).utf8)), by: .test)
            #expect(again.ignored == 4 && again.updated == 0, "a part is never its own total: \(again.text)")
        }
    }

    /// Step 0022 keys figures stored under a reference by the reference alone (one per reference, as the old key allowed)
    /// again as they are keyed now, so that their file imported again is found; a figure without a reference keeps its key.
    @Test(arguments: Backend.available)
    func figuresKeyedByTheirReferenceAloneAreKeyedAgain(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // Every coverage (since records began, since a day, a year), an area, and a figure without a reference.
            let file = """
                #org,#date,#indicator+code,#indicator+num,#date+since,#date+year,#adm1+code,#meta+id
                MoD,2018-08-27,returns,1493398,,,,a
                MoD,2018-08-28,returns-idps,1241212,,2018,,b
                MoD,2018-08-29,returns,1500000,,,,
                MoD,2018-08-30,returns,40000,2018-01-01,,SY01,c

                """
            let load = { try await store.importRecords(.sources, ImportRequest(sourceName: "s.csv", today: TestStores.today), from: .bytes(Array(file.utf8)), by: .test) }
            #expect(try await load().imported == 4)
            let keyOf = { (id: Int) in
                try await store.database.read { try await $0.raw("SELECT row_key FROM source_figures WHERE id = \(bind: id)").first(decodingColumn: "row_key", as: String.self) }
            }
            let figures = try await store.sources.figures()
            let unreferenced = try #require(figures.first { $0.reference == nil }?.id)
            let keyBefore = try await keyOf(unreferenced)
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                for figure in figures where figure.reference != nil {
                    try await write.sql.raw("UPDATE source_figures SET row_key = \(bind: StableDigest.hex(["ref", "MoD", figure.reference!])) WHERE id = \(bind: figure.id!)").run()
                }
                try await write.sql.raw("DELETE FROM homeward_migrations WHERE name = '0022_key_source_statements_by_measure'").run()
            }
            // act
            try await store.database.migrate()
            // check
            let again = try await load()
            #expect(again.imported == 0 && again.updated == 0 && again.ignored == 4, "\(again.text)")
            #expect(try await keyOf(unreferenced) == keyBefore)
            for figure in figures { #expect(try await keyOf(figure.id!) == figure.identity) }
        }
    }

    @Test(arguments: Backend.available)
    func aPublishedBulletinReadsTheSameAfterALaterImport(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            try await importMovements(store, Self.movements)
            _ = try await store.sessions.addSession(CoordinationSession(date: TestStores.today, briefings: [.init(organisation: "UNHCR", text: "…"), .init(organisation: "SARC")]), today: TestStores.today, by: .test)
            let published = try await store.publishBulletin(date: TestStores.today, since: Day("2020-06-15"), today: TestStores.today, by: .test)
            let catalogue = try Catalogue.bundled(.en)
            let before = BulletinText(snapshot: published.snapshot, catalogue: catalogue, published: (published.id, published.sha256)).text
            #expect(published.snapshot.entry("returns.start.total")?.value == 207)
            #expect(published.snapshot.entry("returns.start.total")?.records == 4)
            #expect(published.snapshot.entry("returns.since.total")?.value == 107)
            #expect(published.snapshot.entry("returns.week.crossing.LBN-01")?.value == 7)
            #expect(published.snapshot.participants == ["UNHCR", "SARC"])
            // act: more movements arrive, and a second bulletin is published
            try await importMovements(store, "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n2020-06-30,LBN-01,500,UNHCR\n")
            let second = try await store.publishBulletin(date: TestStores.today, since: Day("2020-06-15"), today: TestStores.today, by: .test)
            // check: the first reads as it did, hash and all; the diff names the change
            let stored = try #require(try await store.bulletin(published.id))
            #expect(stored.sha256 == published.sha256 && Secret.digest(stored.snapshot.canonicalJSON) == published.sha256 && published.sha256.count == 64)
            #expect(BulletinText(snapshot: stored.snapshot, catalogue: catalogue, published: (stored.id, stored.sha256)).text == before)
            #expect(second.snapshot.entry("returns.start.total")?.value == 707)
            let diff = BulletinDiff(from: stored.snapshot, to: second.snapshot)
            #expect(diff.changes.contains { $0.entry == "returns.start.total" && $0.before == 207 && $0.after == 707 })
            #expect(try await store.bulletins().map(\.id) == [second.id, published.id])
            // Prose edited by hand is published beside the snapshot when its numbers are the snapshot's, refused otherwise.
            let good = "С начала учёта вернулись 707 человек; за неделю — 567 (по состоянию на 30 июня 2020 г.)."
            let third = try await store.publishBulletin(date: TestStores.today, editedTexts: [.ru: good], today: TestStores.today, by: .test)
            #expect(try await store.bulletin(third.id)?.editedTexts == [.ru: good])
            await #expect(throws: StoreError.invalid(field: "texts.ru", value: "770", reason: "numbers that the snapshot does not give; correct them or leave the generated text")) {
                try await store.publishBulletin(date: TestStores.today, editedTexts: [.ru: "Вернулись 770 человек."], today: TestStores.today, by: .test)
            }
            // A decimal is one number: "0,7 тыс." gives no 0 and 7 of the dates to hide behind.
            await #expect(throws: StoreError.invalid(field: "texts.ru", value: "0.7", reason: "numbers that the snapshot does not give; correct them or leave the generated text")) {
                try await store.publishBulletin(date: TestStores.today, editedTexts: [.ru: "Вернулись около 0,7 тыс. человек (30 июня 2020 г.)."], today: TestStores.today, by: .test)
            }
        }
    }

    @Test(arguments: Backend.available)
    func aCampUnderEvacuationIsABlockOfTheBulletin(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: 10,000 residents at the baseline, 3,500 every 5 days; 4,133 have left
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", nameAr: "الهول", kind: .camp, admin: "SY080006"), by: .test)
            let operation = try await store.camps.addOperation(
                EvacuationOperation(site: "HOL", baselineDate: Day("2020-06-01")!, baselineResidents: 10_000, start: Day("2020-06-02")!,
                                    perCycle: 3_500, cycleDays: 5), today: TestStores.today, by: .test)
            _ = try await store.importRecords(.departures, ImportRequest(sourceName: "d.csv", today: TestStores.today),
                                              from: .bytes(Array("#date,#loc+site+code,#affected+departed+num,#org\n2020-06-03,HOL,4133,CCCM\n".utf8)), by: .test)
            // act
            let snapshot = try await store.draftBulletin(date: TestStores.today)
            // check: the numbers are the operation's progress, and each language writes them
            let progress = try await store.camps.progress(ofOperation: operation.id, asOf: TestStores.today)
            #expect(snapshot.entry("camps.HOL.left")?.value == progress.left)
            #expect(snapshot.entry("camps.HOL.remaining")?.value == progress.remaining)
            #expect(snapshot.entry("camps.HOL.leftPercent")?.value == progress.leftPercent?.hundredths)
            let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
            #expect(en.contains("Al-Hol: 4,133 (41.33%) of the 10,000 residents counted on 1 June 2020 have left; 5,867 remain."))
            let ru = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ru)).text
            #expect(ru.contains("выбыли 4\u{00A0}133 человека (41,33\u{00A0}%)"))
            let ar = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).text
            #expect(ar.contains("الهول: غادر ٤٬١٣٣ شخصاً (٤١٫٣٣٪\u{061C})"))
        }
    }
}

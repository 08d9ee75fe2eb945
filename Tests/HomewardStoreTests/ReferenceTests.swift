import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

@Suite struct ReferenceTests {
    @Test(arguments: Backend.available)
    func aNewDatabaseHoldsTheBundledGazetteer(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            #expect(try await store.places.homeCountry() == "SYR")
            #expect(try await store.places.areas(level: .adm1).count == 14)
            #expect(try await store.places.areas(level: .adm2).count == 61)
            #expect(try await store.places.areas(level: .adm3).count == 270)
            #expect(try await store.places.areas(level: .adm4).count == 5_251)
            #expect(try await store.places.crossings().count == 21)
            let countries = try await store.places.countries()
            #expect(countries.count > 240)
            let lebanon = try #require(countries.first { $0.iso3 == "LBN" })
            #expect(lebanon.nameRu == "Ливан" && lebanon.nameAr == "لبنان")
            // Every country named in each language, in the UN's term (both names where there are two), read as a sentence reads it.
            let named = { (iso3: String) in countries.first { $0.iso3 == iso3 }.map { [$0.nameEn, $0.nameRu, $0.nameAr] } }
            #expect(named("FLK") == ["Falkland Islands (Malvinas)", "Фолклендские (Мальвинские) острова", "جزر فوكلاند (مالفيناس)"])
            #expect(named("ESH") == ["Western Sahara", "Западная Сахара", "الصحراء الغربية"])
            #expect(named("IRN")?.last == "جمهورية إيران الإسلامية")
            #expect(named("BOL")?.last == "دولة بوليفيا المتعددة القوميات")
            #expect(named("NLD")?.last == "مملكة هولندا")
            // Where the taxonomy's name is in another case or order, the bundled names file's: not "Аландских островов".
            #expect(named("ALA") == ["Åland Islands", "Аландские острова", "جزر ألاند"])
            #expect(named("IOT")?.last == "الإقليم البريطاني في المحيط الهندي")
            #expect(countries.filter { $0.nameRu.isEmpty || $0.nameAr.isEmpty }.map(\.iso3) == ["TWN"], "the taxonomy names it in English only")
            let daraa = try await store.places.areas(parent: "SY12")
            #expect(daraa.map(\.pcode).contains("SY1200"))
            #expect(try await store.places.areas(level: .adm1).first { $0.pcode == "SY12" }?.nameAr == "درعا")
            // An Arabic name the source cut short reads as cut, and is still found as the source writes it.
            let gazetteer = try await store.places.gazetteer()
            #expect(gazetteer.area("C2340")?.nameAr == "مدينة الشهيد باسل الأسد الع…")
            #expect(gazetteer.areas(named: "مدينة الشهيد باسل الأسد الع", level: .adm4).map(\.pcode) == ["C2340"])
            #expect(gazetteer.areas(named: "مدينة الشهيد باسل الأسد العمالية (عدرا)", level: .adm4).map(\.pcode) == ["C2340"], "written out in full")
            #expect(gazetteer.areas(named: "مدينة", level: .adm4).isEmpty)
            // Damascus City (مدينة دمشق) answers to the name said in speech and forms; Rural Damascus keeps its own.
            #expect(gazetteer.areas(named: "دمشق", level: .adm1).map(\.pcode) == ["SY01"])
            #expect(gazetteer.areas(named: "ريف دمشق", level: .adm1).map(\.pcode) == ["SY03"])
            // A border crossing by the name the other side gives it, with or without what it adds in brackets.
            #expect(gazetteer.crossings(named: "Masnaa").map(\.code) == ["LBN-01"])
            #expect(gazetteer.crossings(named: "Masnaa (Al-Masnaa)").map(\.code) == ["LBN-01"])
            #expect(gazetteer.area("C2099")?.nameAr.hasSuffix("…") == false, "a long name that is whole")
        }
    }

    @Test(arguments: Backend.available)
    func crossingsAreAddedWithTheirPlaceChecked(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.places.addCrossing(CrossingPoint(code: "INT-01", nameEn: "Abu al-Duhur corridor", country: nil, adminPcode: "SY07"), by: .test)
            #expect(try await store.places.crossings().contains { $0.code == "INT-01" && $0.isInternal })
            let taken = await #expect(throws: StoreError.self) {
                try await store.places.addCrossing(CrossingPoint(code: "INT-01", nameEn: "Again", country: nil, adminPcode: nil), by: .test)
            }
            #expect(taken?.description == "a crossing point with code INT-01 exists already")
            let otherCase = await #expect(throws: StoreError.self) {
                try await store.places.addCrossing(CrossingPoint(code: "int-01", nameEn: "Again", country: nil, adminPcode: nil), by: .test)
            }
            #expect(otherCase?.description == "a crossing point with code INT-01 exists already")
            await #expect(throws: StoreError.self) {
                try await store.places.addCrossing(CrossingPoint(code: "XX-1", nameEn: "Nowhere", country: "ZZZ", adminPcode: nil), by: .test)
            }
            await #expect(throws: StoreError.self) {
                try await store.places.addCrossing(CrossingPoint(code: "XX-2", nameEn: "Home", country: "SYR", adminPcode: nil), by: .test)
            }
            await #expect(throws: StoreError.self) {
                try await store.places.addCrossing(CrossingPoint(code: "XX-3", nameEn: "Bad area", country: "LBN", adminPcode: "SY99"), by: .test)
            }
            // The new crossing is usable at once.
            let summary = try await store.importCSV("#date,#loc+crossing+code,#affected+returnees+idps+num\n2019-01-01,INT-01,12\n")
            #expect(summary.imported == 1)
        }
    }

    @Test(arguments: Backend.available)
    func anotherCountrysGazetteerLoadsFromCSVFiles(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a gazetteer laid out as the bundled one, for a second deployment
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try "adm1_pcode,adm1_name_en,adm1_name_ar\nIQ01,Anbar,الأنبار\n".write(to: folder.appendingPathComponent("adm1.csv"), atomically: true, encoding: .utf8)
            try "adm2_pcode,adm2_name_en,adm2_name_ar,adm1_pcode\nIQ0101,Al-Qaim,القائم,IQ01\n".write(to: folder.appendingPathComponent("adm2.csv"), atomically: true, encoding: .utf8)
            try "crossing_code,name_en,name_ar,country_iso3,counterpart_name,admin_pcode,note\nSYR-01,Al-Qaim,القائم,SYR,Al-Bukamal,IQ0101,\n"
                .write(to: folder.appendingPathComponent("crossings.csv"), atomically: true, encoding: .utf8)
            // act
            let counts = try await store.places.loadReference([try ReferenceDirectory(url: folder)], homeCountry: "IRQ", by: .test)
            // check
            #expect(counts.areas == 2 && counts.crossings == 1)
            #expect(try await store.places.homeCountry() == "IRQ")
            let summary = try await store.importCSV("""
                #date,#loc+crossing+code,#country+origin+code,#adm2+dest+code,#affected+returnees+refugees+num
                2019-01-01,SYR-01,SYR,IQ0101,40
                """)
            #expect(summary.status == .success)
            #expect(try await store.ledger.totals(TotalsQuery(grouping: .adm1)).groups.first?.name == "Anbar")
        }
    }

    @Test(arguments: Backend.available)
    func russianNamesOfAGovernorateAndACrossingReadBack(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: the bundled names file, loaded into the new database
            _ = try await store.importCSV("""
                #date,#loc+crossing+code,#country+origin+code,#adm1+dest+code,#affected+returnees+refugees+num
                2020-06-29,LBN-01,LBN,SY03,1200
                """)
            // act
            let ruralDamascus = try await store.places.areas(level: .adm1).first { $0.pcode == "SY03" }
            let jdeidetYabous = try await store.places.crossings().first { $0.code == "LBN-01" }
            let byGovernorate = try await store.ledger.totals(TotalsQuery(grouping: .adm1)).groups
            let byCrossing = try await store.ledger.totals(TotalsQuery(grouping: .crossing)).groups
            let byOrigin = try await store.ledger.totals(TotalsQuery(grouping: .origin)).groups
            // check
            #expect(ruralDamascus?.nameRu == "Риф-Димашк" && ruralDamascus?.nameAr == "ريف دمشق")
            #expect(jdeidetYabous?.nameRu == "Дждейдет-Ябус")
            #expect(try await store.places.areas(level: .adm2).allSatisfy { $0.nameRu == nil }, "no Russian names of districts")
            #expect(byGovernorate.map { [$0.name, $0.nameAr, $0.nameRu] } == [["Rural Damascus", "ريف دمشق", "Риф-Димашк"]])
            #expect(byCrossing.first?.nameRu == "Дждейдет-Ябус" && byCrossing.first?.nameAr == "جديدة يابوس")
            #expect(byOrigin.first?.nameRu == "Ливан" && byOrigin.first?.nameAr == "لبنان")
        }
    }

    @Test(arguments: Backend.available)
    func aNamesFileNamesPlacesLoadedBeforeAndAReloadKeepsTheirNames(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a crossing added by a partner, and a names file for it and a district
            try await store.places.addCrossing(CrossingPoint(code: "INT-01", nameEn: "Abu al-Duhur corridor", country: nil, adminPcode: "SY07"), by: .test)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try "code,kind,name_en,name_ru,name_ar\nINT-01,crossing,Abu al-Duhur corridor,Коридор Абу-эд-Духур,ممر أبو الظهور\nSY1200,adm2,Dar'a,Дараа,\n"
                .write(to: folder.appendingPathComponent("names.csv"), atomically: true, encoding: .utf8)
            // act
            let counts = try await store.places.loadReference([try ReferenceDirectory(url: folder)], by: .test)
            try await store.places.loadReference(try ReferenceDirectory.bundled(), by: .test)
            // check
            #expect(counts.names == 3 && counts.areas == 0)
            let corridor = try await store.places.crossings().first { $0.code == "INT-01" }
            #expect(corridor?.nameRu == "Коридор Абу-эд-Духур" && corridor?.nameAr == "ممر أبو الظهور")
            #expect(try await store.places.areas(parent: "SY12").first { $0.pcode == "SY1200" }?.nameRu == "Дараа")
            #expect(try await store.places.gazetteer().crossings["INT-01"]?.name(in: .ru) == "Коридор Абу-эд-Духур")
        }
    }

    @Test(arguments: Backend.available)
    func aNameForAnUnknownPlaceStopsTheLoad(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try "code,kind,name_ru\nSY01,adm1,Дамаск (город)\nLBN-99,crossing,Нигде\n"
                .write(to: folder.appendingPathComponent("names.csv"), atomically: true, encoding: .utf8)
            let error = await #expect(throws: ImportError.self) {
                try await store.places.loadReference([try ReferenceDirectory(url: folder)], by: .test)
            }
            #expect(error?.problems.first?.row == 3 && error?.problems.first?.value == "LBN-99")
            #expect(try await store.places.areas(level: .adm1).first { $0.pcode == "SY01" }?.nameRu == "Дамаск", "nothing written")
        }
    }

    /// Another country's deployment starts from the bundled gazetteer: a folder that replaces it leaves none of Syria's places.
    @Test(arguments: Backend.available)
    func aFolderThatReplacesTheGazetteerRemovesThePlacesItDoesNotList(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let folder = try Self.folder([
                "adm1.csv": "adm1_pcode,adm1_name_en,adm1_name_ar\nIQ01,Anbar,الأنبار\n",
                "adm2.csv": "adm2_pcode,adm2_name_en,adm2_name_ar,adm1_pcode\nIQ0101,Al-Qaim,القائم,IQ01\n",
                "crossings.csv": "crossing_code,name_en,name_ar,country_iso3,counterpart_name,admin_pcode,note\nSYR-01,Al-Qaim,القائم,SYR,Al-Bukamal,IQ0101,\n",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            let counts = try await store.places.loadReference([try ReferenceDirectory(url: folder)], homeCountry: "IRQ", replacing: true, by: .test)
            #expect(counts.removedAreas == 14 + 61 + 270 + 5_251 && counts.removedCrossings == 21)
            #expect(counts.homeCountry == "IRQ" && counts.homeCountryGiven)
            #expect(try await store.places.areas(level: .adm1).map(\.pcode) == ["IQ01"])
            #expect(try await store.places.areas(level: .adm2).map(\.pcode) == ["IQ0101"])
            #expect(try await store.places.crossings().map(\.code) == ["SYR-01"])
            let syrian = try await store.importCSV("#date,#adm1+dest+code,#affected+returnees+idps+num\n2019-01-01,SY12,5\n")
            #expect(syrian.status == .error && syrian.problems.first?.value == "SY12")
            #expect(try await store.importCSV("#date,#adm2+dest+code,#affected+returnees+idps+num\n2019-01-01,IQ0101,5\n").imported == 1)
            // A gazetteer of two levels has its settlements at the second: aid and work there count in them, a governorate's do not.
            func records(_ kind: RecordKind, _ text: String) async throws {
                let summary = try await store.importRecords(kind, ImportRequest(sourceName: "t.csv", today: TestStores.today), from: .bytes(Array(text.utf8)), by: .test)
                #expect(summary.status == .success, "\(summary.text)")
            }
            try await records(.aid, "#date,#adm4+code,#org,#activity+type,#indicator+parcels+num\n2020-06-01,IQ0101,SARC,humanitarian,5\n2020-06-02,IQ01,SARC,humanitarian,7\n")
            try await records(.facilities, "#date,#adm4+code,#loc+type,#status,#indicator+num,#org\n2020-06-01,IQ0101,school,under-restoration,2,UNDP\n"
                              + "2020-06-01,IQ01,school,under-restoration,1,UNDP\n")
            #expect(try await store.assistance.summary(DateWindow(to: TestStores.today)).figures.localities == 1)
            #expect(try await store.reconstruction.summary(asOf: TestStores.today).underRestoration.settlements == 1)
            // A third level it does not have is refused, naming its two, not answered "not reported" or with an empty list.
            func refusesAdm3(_ field: String, _ ask: () async throws -> Void) async {
                let error = await #expect(throws: StoreError.self) { try await ask() }
                guard case .invalid(let named, _, let reason)? = error else { return }
                #expect(named == field && reason == "the gazetteer has 2 levels, adm1 to adm2")
            }
            await refusesAdm3("by") { _ = try await store.ledger.totals(TotalsQuery(window: DateWindow(), grouping: .adm3)) }
            await refusesAdm3("by") { _ = try await store.reconstruction.summary(asOf: TestStores.today, grouping: .adm3) }
            await refusesAdm3("by") { _ = try await store.assistance.summary(DateWindow(), grouping: .adm3) }
            await refusesAdm3("level") { _ = try await store.places.areas(level: .adm3) }
            await refusesAdm3("level") { _ = try await store.readiness(DateWindow(), level: .adm3, today: TestStores.today) }
            #expect(try await store.ledger.totals(TotalsQuery(window: DateWindow(), grouping: .adm2)).groups.map(\.key) == ["IQ0101"])
            #expect(try await store.places.areas(level: .adm2).count > 0)
            // A replacing folder must say whose country it is.
            let nameless = await #expect(throws: ImportError.self) {
                try await store.places.loadReference([try ReferenceDirectory(url: folder)], replacing: true, by: .test)
            }
            #expect(nameless?.problems.first?.reason.contains("--country") == true)
        }
    }

    /// Figures keep the places they were recorded in: a load may neither remove one nor move it under another parent,
    /// and says which; an area with no figures moves freely.
    @Test(arguments: Backend.available)
    func aGazetteerLoadRefusesToRemoveOrMoveWhatFiguresName(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            #expect(try await store.importCSV("#date,#adm2+dest+code,#affected+returnees+idps+num\n2019-01-01,SY1200,5\n").imported == 1)
            #expect(try await store.importCSV("#date,#loc+crossing+code,#country+origin+code,#affected+returnees+refugees+num\n2019-01-01,JOR-01,JOR,5\n").imported == 1)
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
            let replacing = try Self.folder(["adm1.csv": "adm1_pcode,adm1_name_en,adm1_name_ar\nIQ01,Anbar,الأنبار\n"])
            defer { try? FileManager.default.removeItem(at: replacing) }
            let removal = await #expect(throws: ImportError.self) {
                try await store.places.loadReference([try ReferenceDirectory(url: replacing)], homeCountry: "IRQ", replacing: true, by: .test)
            }
            // Every place a record names is listed with what names it: an area of a movement and of a site, a crossing.
            let reason = try #require(removal?.problems.first?.reason)
            #expect(reason.contains("JOR-01, SY080006, SY1200 (named by movements, sites)"), "\(reason)")
            #expect(try await store.places.areas(level: .adm1).count == 14)
            #expect(try await store.places.homeCountry() == "SYR")

            let moving = try Self.folder(["adm2.csv": "adm2_pcode,adm2_name_en,adm2_name_ar,adm1_pcode\nSY0200,Jebel Saman,جبل سمعان,SY03\nSY1200,Dar'a,درعا,SY01\n"])
            defer { try? FileManager.default.removeItem(at: moving) }
            let move = await #expect(throws: ImportError.self) {
                try await store.places.loadReference([try ReferenceDirectory(url: moving)], by: .test)
            }
            #expect(move?.problems.first?.row == 3 && move?.problems.first?.column == "adm2_pcode" && move?.problems.first?.value == "SY1200")
            #expect(move?.problems.first?.reason.contains("from SY12 to SY01") == true)
            #expect(try await store.places.areas(parent: "SY03").contains { $0.pcode == "SY0200" } == false)

            let otherCase = try Self.folder(["crossings.csv": "crossing_code,name_en\nlbn-01,Jdeidet Yabous\n"])
            defer { try? FileManager.default.removeItem(at: otherCase) }
            let twin = await #expect(throws: ImportError.self) { try await store.places.loadReference([try ReferenceDirectory(url: otherCase)], by: .test) }
            #expect(twin?.problems.first?.reason.contains("LBN-01 is stored already") == true)

            let free = try Self.folder(["adm2.csv": "adm2_pcode,adm2_name_en,adm2_name_ar,adm1_pcode\nSY0200,Jebel Saman,جبل سمعان,SY03\n"])
            defer { try? FileManager.default.removeItem(at: free) }
            try await store.places.loadReference([try ReferenceDirectory(url: free)], by: .test)
            #expect(try await store.places.areas(parent: "SY03").contains { $0.pcode == "SY0200" })
            // A file that leaves the Arabic name blank keeps the stored one.
            let blank = try Self.folder(["adm2.csv": "adm2_pcode,adm2_name_en,adm2_name_ar,adm1_pcode\nSY0200,Jebel Saman,,SY03\n"])
            defer { try? FileManager.default.removeItem(at: blank) }
            try await store.places.loadReference([try ReferenceDirectory(url: blank)], by: .test)
            #expect(try await store.places.areas(parent: "SY03").first { $0.pcode == "SY0200" }?.nameAr == "جبل سمعان")
        }
    }

    /// What one file cannot tell: a parent of the wrong level or in no file, a crossing's unknown area or country.
    @Test func aGazetteerIsCheckedAsAWholeNamingFileRowAndColumn() throws {
        let north = AdminArea(pcode: "XK01", level: .adm1, nameEn: "North", nameAr: "", parent: nil)
        let town = AdminArea(pcode: "XK010101", level: .adm4, nameEn: "Town", nameAr: "", parent: "XK01")
        let orphan = AdminArea(pcode: "XK0201", level: .adm2, nameEn: "Orphan", nameAr: "", parent: "XK02")
        let gate = CrossingPoint(code: "ZZ-01", nameEn: "Gate", country: "ZZZ", adminPcode: "XK99")
        let error = #expect(throws: ImportError.self) {
            try ReferenceCheck(areas: [(north, ReferenceRow(file: "adm1.csv", row: 2)), (town, ReferenceRow(file: "adm4.csv", row: 5)),
                                       (orphan, ReferenceRow(file: "adm2.csv", row: 3))],
                               crossings: [(gate, ReferenceRow(file: "crossings.csv", row: 4))], stored: [:],
                               countries: ["XKA"], homeCountry: "XKB", replacing: true)
        }
        let problems = try #require(error?.problems)
        #expect(problems.map(\.row) == [5, 3, 4, 4, 0])
        #expect(problems.map(\.column) == ["adm3_pcode", "adm1_pcode", "admin_pcode", "country_iso3", "home country"])
        #expect(problems[0].reason == "adm4.csv: XK01 is an adm1 area; the parent of an adm4 area is an adm3 area")
        #expect(problems[1].reason.hasPrefix("adm2.csv: no adm1 area has the P-code XK02"))
        // Another country's deployment whose home country the bundled list lacks is told how to add it.
        #expect(problems[4].reason.hasSuffix("added by a countries file in the folder (columns iso3,iso2,name_en,name_ru,name_ar)"))
        // A code given in two files is told once: the second's parent and children are not told of it again.
        let again = AdminArea(pcode: "XK01", level: .adm2, nameEn: "North again", nameAr: "", parent: "XK00")
        let twice = #expect(throws: ImportError.self) {
            try ReferenceCheck(areas: [(north, ReferenceRow(file: "adm1.csv", row: 2)), (again, ReferenceRow(file: "adm2.csv", row: 2)),
                                       (AdminArea(pcode: "XK0101", level: .adm2, nameEn: "A", nameAr: "", parent: "XK01"), ReferenceRow(file: "adm2.csv", row: 3))],
                               crossings: [], stored: [:], countries: [], homeCountry: nil, replacing: true)
        }
        #expect(twice?.problems.map(\.reason) == ["adm2.csv: XK01 is given again (first in adm1.csv, row 2)"])
        let moved = try ReferenceCheck(areas: [(north, ReferenceRow(file: "adm1.csv", row: 2))], crossings: [],
                                       stored: ["XK01": .init(level: .adm2, parent: "XK")], countries: [], homeCountry: nil, replacing: false)
        #expect(moved.moves.map(\.area.pcode) == ["XK01"])
        // A stored area left as it was, whose parent the folder makes another level, would lie in an area of the wrong level.
        let orphaned = #expect(throws: ImportError.self) {
            try ReferenceCheck(areas: [(north, ReferenceRow(file: "adm1.csv", row: 2))], crossings: [],
                               stored: ["XK01": .init(level: .adm2, parent: "XK"), "XK": .init(level: .adm1, parent: nil),
                                        "XK0101": .init(level: .adm3, parent: "XK01")],
                               countries: [], homeCountry: nil, replacing: false)
        }
        #expect(orphaned?.problems.first?.reason == "adm1.csv: XK01 would be an adm1 area, but the stored adm3 area XK0101 lies in it")
    }

    /// A file's own faults: a header without a column it needs, a code given twice, coordinates that are not numbers.
    @Test func aGazetteerFileNamesAMissingColumnARepeatedCodeAndABadCoordinate() throws {
        func problem(_ rows: [[String]]) -> ImportProblem? {
            (#expect(throws: ImportError.self) { try ReferenceTable.read(rows: rows, file: "f.csv") })?.problems.first
        }
        let header = ["adm2_pcode", "adm2_name_en", "adm1_pcode", "lat"]
        let noParent = problem([["adm2_pcode", "adm2_name_en"], ["XK0101", "A"]])
        #expect(noParent?.row == 1 && noParent?.column == "adm1_pcode")
        let twice = problem([header, ["XK0101", "A", "XK01", ""], ["XK0102", "B", "XK01", ""], ["XK0101", "C", "XK01", ""]])
        #expect(twice?.row == 4 && twice?.value == "XK0101" && twice?.reason == "f.csv: XK0101 is given again (first on row 2)")
        let north = problem([header, ["XK0101", "A", "XK01", "north"]])
        #expect(north?.row == 2 && north?.column == "lat" && north?.value == "north")
        #expect(problem([header, ["XK0101", "A", "XK01", "141.15"]])?.column == "lat", "no latitude is beyond 90 degrees")
        let shifted = problem([header, ["XK0101", "A", "XK01", "41", "15"]])
        #expect(shifted?.row == 2 && shifted?.column == "column 5" && shifted?.value == "15", "a separator without quotes moved the values")
        let crossingTwice = problem([["crossing_code", "name_en"], ["A-1", "A"], ["a-1", "B"]])
        #expect(crossingTwice?.row == 3 && crossingTwice?.column == "crossing_code", "a code in another letter case is the same code")
    }

    /// A file made by hand is mended in one round: every row's problem is listed, not only the first.
    @Test func aGazetteerFileListsEveryRowsProblem() throws {
        let error = #expect(throws: ImportError.self) {
            try ReferenceTable.read(rows: [["adm2_pcode", "adm2_name_en", "adm1_pcode", "lat"],
                                           ["XK0101", "A", "XK01", "north"], ["XK0102", "", "XK01", ""], ["XK0101", "C", "XK01", ""],
                                           ["XK0103", "D", "", ""], ["XK0104", "E", "XK01", "41", "15"]], file: "adm2.csv")
        }
        #expect(error?.problems.map { "\($0.row) \($0.column)" } == ["2 lat", "3 adm2_name_en", "4 adm2_pcode", "5 adm1_pcode", "6 column 5"])
        let names = #expect(throws: ImportError.self) {
            try ReferenceTable.read(rows: [["code", "kind", "name_ru"], ["SY12", "province", "Дараа"], ["", "adm1", "Дараа"]], file: "names.csv")
        }
        #expect(names?.problems.map { "\($0.row) \($0.column)" } == ["2 kind", "3 code"])
    }

    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func aGazetteerFileWithAMissingParentNamesItsRowAndColumn() throws {
        let error = #expect(throws: ImportError.self) {
            try ReferenceTable.read(rows: [["adm2_pcode", "adm2_name_en", "adm2_name_ar", "adm1_pcode"], ["IQ0101", "Al-Qaim", "", ""]], file: "adm2.csv")
        }
        #expect(error?.problems.first?.row == 2)
        #expect(error?.problems.first?.column == "adm1_pcode")
        #expect(error?.problems.first?.reason.contains("adm2.csv") == true)
    }
}

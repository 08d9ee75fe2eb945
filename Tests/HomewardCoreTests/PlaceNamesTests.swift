import Foundation
import Testing
@testable import HomewardCore

/// Places in the reader's language, and English where the reference data has no name in it.
@Suite struct PlaceNamesTests {
    @Test func aNameFallsBackToEnglishWhereTheLanguageHasNone() {
        // setup: Arabic from the gazetteer, no Russian name yet
        var area = AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", parent: nil)
        let crossing = CrossingPoint(code: "INT-01", nameEn: "Abu al-Duhur corridor", nameAr: " ", country: nil, adminPcode: nil)
        let country = Country(iso3: "LBN", iso2: "LB", nameEn: "Lebanon", nameRu: "Ливан", nameAr: "")
        let group = TotalsGroup(key: "2019-W03", name: "2019-01-14 to 2019-01-20", persons: 1, refugees: 1, idps: 0)
        // check
        #expect(area.name(in: .en) == "Dar'a" && area.name(in: .ar) == "درعا" && area.name(in: .ru) == "Dar'a")
        #expect(crossing.name(in: .ar) == "Abu al-Duhur corridor", "a blank is no name")
        #expect(country.name(in: .ru) == "Ливан" && country.name(in: .ar) == "Lebanon")
        #expect(group.name(in: .ru) == "2019-01-14 to 2019-01-20")
        // act: a names file gives the Russian name
        area.setName("Дараа", in: .ru)
        #expect(area.name(in: .ru) == "Дараа" && area.name(in: .en) == "Dar'a")
    }

    /// Arabic names are found in any of their spellings (hamza or none on the alef, ta marbuta or ha, alif maqsura or yeh,
    /// vowel marks or none), as Latin ones are in any case or punctuation: Foundation folds none of Arabic's.
    /// "مدينة X" is found by X, where no area of its level is X; two such cities of one level are both found by it.
    @Test func anArabicCityIsFoundByItsNameWithoutCity() {
        let gazetteer = Gazetteer(homeCountry: "SYR", areas: [
            AdminArea(pcode: "C1", level: .adm4, nameEn: "A City", nameAr: "مدينة الباب", parent: nil),
            AdminArea(pcode: "C2", level: .adm4, nameEn: "B City", nameAr: "مدينة الباب", parent: nil),
            AdminArea(pcode: "C3", level: .adm4, nameEn: "Tell", nameAr: "مدينة تل", parent: nil),
            AdminArea(pcode: "C4", level: .adm4, nameEn: "Tell village", nameAr: "تل", parent: nil),
            AdminArea(pcode: "C5", level: .adm4, nameEn: "Sabkha", nameAr: "مدينة السبخة", parent: nil),
        ], countries: [], crossings: [])
        #expect(gazetteer.areas(named: "الباب", level: .adm4).map(\.pcode).sorted() == ["C1", "C2"])
        #expect(gazetteer.areas(named: "تل", level: .adm4).map(\.pcode) == ["C4"], "the area so named keeps its name")
        #expect(gazetteer.areas(named: "السبخة", level: .adm4).map(\.pcode) == ["C5"])
        #expect(gazetteer.areas(named: "السبخة", level: .adm3).isEmpty)
    }

    @Test func anArabicNameIsFoundInItsOtherSpellings() {
        let gazetteer = Gazetteer(homeCountry: "SYR", areas: [
            AdminArea(pcode: "SY07", level: .adm1, nameEn: "Idleb", nameAr: "إدلب", parent: nil),
            AdminArea(pcode: "SY05", level: .adm1, nameEn: "Hama", nameAr: "حماة", parent: nil),
        ], countries: [], crossings: [])
        for (written, code) in [("ادلب", "SY07"), ("أدلب", "SY07"), ("إِدْلِب", "SY07"), ("حماه", "SY05"), ("حمـاة", "SY05"), ("HAMA", "SY05")] {
            #expect(gazetteer.areas(named: written, level: .adm1).map(\.pcode) == [code], "\(written)")
        }
        #expect(gazetteer.areas(named: "حمص", level: .adm1).isEmpty)
        #expect(Gazetteer.fold("مستشفى") == Gazetteer.fold("مستشفي") && Gazetteer.fold("مسؤول") == Gazetteer.fold("مسوول"))
    }

    @Test func theWireFormAddsNameRuAndKeepsTheOtherKeys() throws {
        let area = AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", nameRu: "Дараа", parent: nil)
        let crossing = CrossingPoint(code: "JOR-01", nameEn: "Nasib", nameAr: "نصيب", country: "JOR", adminPcode: nil)
        let group = TotalsGroup(key: "SY12", name: "Dar'a", nameAr: "درعا", persons: 3, refugees: 3, idps: 0)
        #expect(try json(area) == #"{"latitude":null,"level":1,"longitude":null,"name_ar":"درعا","name_en":"Dar'a","name_ru":"Дараа","parent":null,"pcode":"SY12"}"#)
        #expect(try json(crossing) == #"{"admin_pcode":null,"code":"JOR-01","counterpart_name":null,"country":"JOR","internal":false,"name_ar":"نصيب","name_en":"Nasib","name_ru":null,"note":null}"#)
        #expect(try json(group) == #"{"idps":0,"key":"SY12","name":"Dar'a","name_ar":"درعا","name_ru":null,"persons":3,"refugees":3}"#)
    }

    @Test func aNamesFileNamesPlacesOfTheGazetteer() throws {
        // setup
        let table = try ReferenceTable.read(rows: [["code", "kind", "name_en", "name_ru"], ["SY12", "adm1", "Dar'a", "Дараа"],
                                                   ["JOR-01", "crossing", "Nasib", "Насиб"], ["LBN", "country", "Lebanon", ""]],
                                            file: "names.csv")
        guard case .names(let names) = table else { Issue.record("not read as names: \(table)"); return }
        let gazetteer = Gazetteer(homeCountry: "SYR",
                                  areas: [AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", parent: nil)],
                                  countries: [Country(iso3: "LBN", iso2: "LB", nameEn: "Lebanon", nameRu: "Ливан", nameAr: "لبنان")],
                                  crossings: [CrossingPoint(code: "JOR-01", nameEn: "Nasib", country: nil, adminPcode: "SY12")])
        // act
        let named = try gazetteer.naming(names)
        // check: an empty cell is no name, and leaves the one there is
        #expect(names.count == 2)
        #expect(named.area("SY12")?.nameRu == "Дараа" && named.crossings["JOR-01"]?.nameRu == "Насиб")
        #expect(named.countries["LBN"]?.nameRu == "Ливан")
        #expect(named.areas(named: "درعا", level: .adm1).map(\.pcode) == ["SY12"])
    }

    @Test func aNameForAPlaceTheGazetteerLacksIsAnErrorNamingItsRow() throws {
        let table = try ReferenceTable.read(rows: [["code", "kind", "name_ru"], ["SY12", "adm1", "Дараа"], ["SY1200", "adm1", "Дараа"]],
                                            file: "names.csv")
        guard case .names(let names) = table else { Issue.record("not read as names: \(table)"); return }
        let gazetteer = Gazetteer(homeCountry: "SYR", areas: [
            AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", parent: nil),
            AdminArea(pcode: "SY1200", level: .adm2, nameEn: "Dar'a", nameAr: "درعا", parent: "SY12"),
        ], countries: [], crossings: [])
        let error = #expect(throws: ImportError.self) { try gazetteer.naming(names) }
        #expect(error?.problems.first?.row == 3)
        #expect(error?.problems.first?.value == "SY1200")
        #expect(error?.problems.first?.reason == "names.csv: the gazetteer has no adm1 area SY1200")
        let kind = #expect(throws: ImportError.self) {
            try ReferenceTable.read(rows: [["code", "kind", "name_ru"], ["SY12", "province", "Дараа"]], file: "names.csv")
        }
        #expect(kind?.problems.first?.column == "kind" && kind?.problems.first?.row == 2)
        // A mistyped name column loaded no name and said nothing: refused, naming it.
        let column = #expect(throws: ImportError.self) {
            try ReferenceTable.read(rows: [["code", "kind", "name_rus"], ["SY12", "adm1", "Дараа"]], file: "names.csv")
        }
        #expect(column?.problems.first?.column == "name_rus" && column?.problems.first?.reason.contains("name_ru or name_ar") == true)
        // So is an areas file whose finer level's P-code column is mistyped: it was read as its parents' file, every row a repeat.
        let level = #expect(throws: ImportError.self) {
            try ReferenceTable.read(rows: [["adm2_pcod", "adm2_name_en", "adm1_pcode", "adm1_name_en"], ["SS0101", "Juba", "SS01", "Central Equatoria"]],
                                    file: "counties.csv")
        }
        #expect(level?.problems.first?.reason == "counties.csv: the header has adm2 columns but no adm2_pcode", "\(String(describing: level))")
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

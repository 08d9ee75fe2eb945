import HomewardCore
import Testing

@Suite struct CrossingPointRulesTests {
    let rules = CrossingPointRules(gazetteer: Gazetteer(
        homeCountry: "SYR",
        areas: [AdminArea(pcode: "SY07", level: .adm1, nameEn: "Idleb", nameAr: "إدلب", parent: nil)],
        countries: [Country(iso3: "LBN", iso2: "LB", nameEn: "Lebanon", nameRu: "Ливан", nameAr: "لبنان"),
                    Country(iso3: "SYR", iso2: "SY", nameEn: "Syria", nameRu: "Сирия", nameAr: "سوريا")],
        crossings: [CrossingPoint(code: "LBN-01", nameEn: "Jdeidet Yabous", country: "LBN", adminPcode: nil)]))

    func problem(_ crossing: CrossingPoint) -> FieldProblem? {
        do { _ = try rules.check(crossing); return nil } catch { return error }
    }

    @Test func aGoodCrossingPassesWithItsCodeTrimmed() throws {
        let checked = try rules.check(CrossingPoint(code: " INT-01 ", nameEn: "Abu al-Duhur corridor", country: nil, adminPcode: "SY07"))
        #expect(checked.code == "INT-01" && checked.isInternal)
    }

    @Test func eachRuleNamesItsField() {
        #expect(problem(CrossingPoint(code: "LBN 07", nameEn: "x", country: "LBN", adminPcode: nil))?.field == "code")
        #expect(problem(CrossingPoint(code: "LBN-07", nameEn: " ", country: "LBN", adminPcode: nil))?.field == "name")
        #expect(problem(CrossingPoint(code: "XX-1", nameEn: "Nowhere", country: "ZZZ", adminPcode: nil))?.field == "country")
        #expect(problem(CrossingPoint(code: "XX-2", nameEn: "Home", country: "SYR", adminPcode: nil))?.reason.contains("--internal") == true)
        #expect(problem(CrossingPoint(code: "XX-3", nameEn: "Bad area", country: "LBN", adminPcode: "SY99"))?.field == "admin")
        #expect(problem(CrossingPoint(code: "XX-4", nameEn: "Long", country: "LBN", adminPcode: nil, note: String(repeating: "n", count: 501)))?.field == "note")
        let again = problem(CrossingPoint(code: "LBN-01", nameEn: "Again", country: "LBN", adminPcode: nil))
        #expect(again?.field == "code" && again?.isConflict == true)
    }

    @Test func aCodeHasNoSpacesCommasOrControlCharacters() {
        #expect(RecordCode.isValid("LBN-07") && RecordCode.isValid("HOL"))
        for bad in ["", "LBN 07", "A,B", "H\u{0}C", "H\u{19}C", String(repeating: "X", count: 33)] {
            #expect(!RecordCode.isValid(bad), "\(bad.debugDescription)")
        }
    }
}

import Foundation
import Testing
@testable import HomewardCore

/// Problems carry a code and typed arguments; English, Russian and Arabic are written from the catalogue.
@Suite struct ImportProblemTests {
    let rules = MovementRules(gazetteer: sampleGazetteer, today: Day("2019-02-01")!, defaultOrganisation: "UNHCR")

    func check(_ cells: [String: String], rules: MovementRules? = nil, vocabulary: Vocabulary = .commandLine) throws -> MovementRules.Outcome {
        let tags = cells.keys.sorted()
        let layout = try ImportLayout<MovementField>(firstRows: [tags], vocabulary: vocabulary)
        return (rules ?? self.rules).check(layout.draft(row: tags.map { cells[$0]! }, number: 2))
    }

    /// A quoted CSV cell may hold a line break: the problem that quotes it stays one line, and its value, as given.
    @Test func aValueWithALineBreakIsQuotedOnOneLine() throws {
        let outcome = try check(["#date": "2019-01-0\n1", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5\t\u{7}"])
        let written = outcome.problems.map { $0.description(in: .english) }
        #expect(written.contains { $0.contains("value '2019-01-0\\n1'") }, "\(written)")
        #expect(written.contains { $0.contains("value '5\\t\\u{7}'") }, "\(written)")
        #expect(written.allSatisfy { !$0.contains("\n") && !$0.contains("\t") })
        #expect(outcome.problems.contains { $0.value == "2019-01-0\n1" })
        #expect(FieldProblem(field: "name", value: "a\r\nb", Message("import.text.tooLong")).description.hasPrefix("name 'a\\r\\nb': "))
        #expect("Dar\u{2019}a, دمشق".oneLine == "Dar\u{2019}a, دمشق")
        #expect("a\u{2028}b\u{2029}c".oneLine == "a\\u{2028}b\\u{2029}c")
    }

    /// A column without a header is named by its place in the reader's words and digits ("столбец «column 8»" read as English).
    @Test func aColumnWithoutAHeaderIsNamedByItsPlaceInTheReadersLanguage() throws {
        let problem = ImportProblem(row: 3, column: "column 8", value: "x", Message("import.row.extraValues", ["values": .count(8), "columns": .count(7)]))
        let russian = problem.description(in: try Catalogue.bundled(.ru))
        #expect(russian.contains("столбец 8,"), "\(russian)")
        #expect(problem.description(in: try Catalogue.bundled(.ar)).contains("العمود ٨"))
        #expect(problem.description(in: .english).contains("column 8, value 'x'"))
        #expect(problem.column == "column 8", "the JSON's column stays as the API gives it")
        // A form's refusal names the value typed, not the API's name for the field beside it.
        let login = FieldProblem(field: "login", value: "has space", Message("person.login.missing"))
        #expect(login.writtenForAForm(in: try Catalogue.bundled(.ru)) == "\u{2068}has space\u{2069}: нужен логин, например amal.h")
    }

    @Test func aFutureDateHasItsCodeAndTodayAsADay() throws {
        let outcome = try check(["#date": "2019-02-02", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
        let problem = try #require(outcome.problems.first)
        #expect(problem.code == "import.date.future")
        #expect(problem.message.arguments == ["today": .day(Day("2019-02-01")!)])
        #expect(problem.reason == "the date is in the future (today is 1 February 2019); figures are recorded after the fact")
        #expect(problem.reason(in: try Catalogue.bundled(.ru)) == "дата в будущем (сегодня 1 февраля 2019\u{202F}г.); данные записываются по факту")
        #expect(problem.reason(in: try Catalogue.bundled(.ar)) == "التاريخ في المستقبل (اليوم هو ١ شباط ٢٠١٩)؛ تُسجَّل الأرقام بعد وقوعها")
    }

    @Test func placeProblemsNameLevelsInTheReadersLanguage() throws {
        let outcome = try check(["#date": "2019-01", "#adm3+dest+code": "SY080006", "#adm4+dest+code": "C5999", "#affected+returnees+idps+num": "5"])
        let problem = try #require(outcome.problems.first)
        #expect(problem.code == "import.place.outsideParent")
        #expect(problem.message.arguments["level"] == .level(.adm3))
        #expect(problem.reason == "the community C5999 (Nasib) lies in the sub-district SY120000, not in SY080006")
        #expect(problem.reason(in: try Catalogue.bundled(.ru))
            == "C5999 (Nasib, уровень «населённый пункт») входит в SY120000 (уровень «подрайон»), а не в SY080006")
        #expect(problem.reason(in: try Catalogue.bundled(.ar)).contains("«ناحية»"))
    }

    /// The rules say `--org` to the command line and the `org` parameter to the API, under one code.
    @Test func optionsAreNamedInTheCallersWords() throws {
        let cells = ["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"]
        let cli = try #require(try check(cells, rules: MovementRules(gazetteer: sampleGazetteer, today: Day("2019-02-01")!)).problems.first)
        let api = try #require(try check(cells, rules: MovementRules(gazetteer: sampleGazetteer, today: Day("2019-02-01")!, vocabulary: .api)).problems.first)
        #expect(cli.code == "import.organisation.missing" && api.code == cli.code)
        #expect(cli.reason.contains("--org") && !api.reason.contains("--org"))
        #expect(api.reason.contains("the org parameter"))
        #expect(api.reason(in: try Catalogue.bundled(.ru)).contains("параметр org"))

        let layout = #expect(throws: ImportError.self) {
            try ImportLayout<MovementField>(firstRows: [["Date", "People"]], vocabulary: .api)
        }
        #expect(layout?.problems.first?.code == "import.layout.noTagRow")
        #expect(layout?.problems.first?.reason.contains("--map") == false)
        #expect(layout?.problems.first?.reason.contains("in rows 1 to 25") == true)
        let constant = #expect(throws: ImportError.self) {
            try ImportLayout<MovementField>(firstRows: [["#adm1+dest+code"]], constants: ["#nonsense": "x"], vocabulary: .api)
        }
        #expect(constant?.problems.first?.column == "set #nonsense")
        // A column mapped to a tag the records are not read from was mistyped, not left out on purpose.
        let mapped = #expect(throws: ImportError.self) {
            try ImportLayout<MovementField>(firstRows: [["Day", "Governorate", "People"]],
                                            mapping: ["Day": "#datee", "Governorate": "#adm1+dest+code", "People": "#affected+returnees+idps+num"])
        }
        #expect(mapped?.problems.map(\.code) == ["import.layout.constantNotRead", "import.movements.missing.date"], "\(String(describing: mapped?.problems))")
        #expect(mapped?.problems.first?.column == "--map Day" && mapped?.problems.first?.value == "#datee")
        // A header the mapping does not name is still passed over.
        let unnamed = try ImportLayout<MovementField>(firstRows: [["Day", "Note", "Governorate", "People"]],
                                                      mapping: ["Day": "#date", "Governorate": "#adm1+dest+code", "People": "#affected+returnees+idps+num"])
        #expect(unnamed.ignoredColumns == ["Note"])
    }

    @Test func jsonKeepsReasonAndAddsCodeAndArgumentsAsText() throws {
        let problem = ImportProblem(row: 2, column: "date", value: "2019-02-02", Message("import.date.future", ["today": .day(Day("2019-02-01")!)]))
        let russian = try Catalogue.bundled(.ru)
        let data = try JSONEncoder().encode(problem.written(in: russian))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["code"] as? String == "import.date.future")
        #expect(object["arguments"] as? [String: String] == ["today": "2019-02-01"])
        #expect(object["reason"] as? String == problem.reason(in: russian))
        #expect(try JSONEncoder().encode(problem).count > 0)

        let decoded = try JSONDecoder().decode(ImportProblem.self, from: data)
        #expect(decoded.reason == problem.reason(in: russian))
        #expect(decoded.code == problem.code && decoded.row == 2 && decoded.severity == .error)
        // An answer from before codes existed still reads.
        let old = try JSONDecoder().decode(ImportProblem.self, from: Data(#"{"row": 1, "column": "", "value": "", "reason": "no date"}"#.utf8))
        #expect(old.reason == "no date")
    }

    @Test func aSummaryReadsInTheChosenLanguage() throws {
        let summary = ImportSummary(status: .error, rows: 1_205, rejected: 1, problems: [
            ImportProblem(row: 3, column: "Date", value: "x", Message("import.date.invalid")),
            ImportProblem(row: 0, column: "", value: "", Message("import.moreProblems", ["count": .count(22)]), severity: .warning),
        ])
        #expect(summary.text.contains("rows read: 1,205"))
        #expect(summary.text.contains("  error: row 3, column 'Date', value 'x': not a real date"))
        #expect(summary.text.contains("  warning: file: 22 more problems are not listed"))
        let russian = summary.text(in: try Catalogue.bundled(.ru))
        // The status in the language's words, with the code scripts compare beside it.
        #expect(russian.hasPrefix("Статус импорта: ошибка (ERROR)"))
        // Row numbers in the language's digits, as its counts are.
        #expect(try summary.text(in: Catalogue.bundled(.ar)).contains("الصف ٣"))
        #expect(russian.contains("прочитано строк: 1\u{00A0}205"))
        #expect(russian.contains("  ошибка: строка 3, столбец «Date», значение «x»: недопустимая дата"))
        #expect(russian.contains("  предупреждение: файл: ещё 22 проблемы не показаны"))
        let arabic = summary.text(in: try Catalogue.bundled(.ar))
        #expect(arabic.contains("تحذير: الملف: ٢٢ مشكلةً أخرى لم تُدرَج"))
    }

    @Test func crossingProblemsHaveCodesAndTheCallersWords() throws {
        let rules = CrossingPointRules(gazetteer: sampleGazetteer, vocabulary: .api)
        do {
            _ = try rules.check(CrossingPoint(code: "XX-2", nameEn: "Home", country: "SYR", adminPcode: nil))
            Issue.record("a crossing to the home country passed")
        } catch {
            #expect(error.message.key == "crossing.country.home")
            #expect(error.reason == "a border crossing leads to another country; for a crossing inside SYR, leave out country")
        }
    }
}

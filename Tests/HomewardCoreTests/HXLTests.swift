import Testing
@testable import HomewardCore

@Suite struct HXLTests {
    @Test func tagsIgnoreCaseSpacesAndAttributeOrder() {
        #expect(HXLTag("#affected +returnees +IDPS +num") == HXLTag("#affected+num+idps+returnees"))
        #expect(HXLTag("Ret_Flow") == nil)
        #expect(HXLTag("#adm1+dest code") == HXLTag("#adm1+destcode"))
        #expect(HXLTag("#bad tag!") == nil)
    }

    @Test func tagsNameTheFieldsOfAMovement() {
        #expect(MovementField(tag: HXLTag("#affected+returnees+refugees+num")!) == .refugees)
        #expect(MovementField(tag: HXLTag("#affected+returnees+idps+num")!) == .idps)
        #expect(MovementField(tag: HXLTag("#affected+idps+num")!) == nil) // displaced, not returned
        #expect(MovementField(tag: HXLTag("#adm3+dest+code")!) == .destAdm3Code)
        #expect(MovementField(tag: HXLTag("#adm2+dest+name")!) == .destAdm2Name)
        #expect(MovementField(tag: HXLTag("#adm1+origin+code")!) == .originAdm1Code)
        #expect(MovementField(tag: HXLTag("#loc+crossing+code")!) == .crossingCode)
        #expect(MovementField(tag: HXLTag("#country+origin+code")!) == .originCountry)
        #expect(MovementField(tag: HXLTag("#date+start")!) == .dateStart)
        #expect(MovementField(tag: HXLTag("#meta+id")!) == .externalId)
        // One count beside its category, as a form asks them: the category's column is read as JSON's `category` is.
        #expect(MovementField(tag: HXLTag("#affected+returnees+num")!) == .persons)
        for category in ["#affected+type", "#affected+returnees+type", "#category", "#meta+category"] {
            #expect(MovementField(tag: HXLTag(category)!) == .category, "\(category)")
        }
    }

    @Test func layoutFindsTheHashtagRowBelowTheHeaders() throws {
        let layout = try ImportLayout<MovementField>(firstRows: [
            ["Date", "Crossing", "Refugees", "Notes"],
            ["#date", "#loc+crossing+code", "#affected+returnees+refugees+num", ""],
        ], constants: ["#org": "UNHCR"])
        #expect(layout.headerRowCount == 2)
        #expect(layout.labels[MovementField.refugees.rawValue] == "Refugees")
        #expect(layout.ignoredColumns == ["Notes"])
        let draft = layout.draft(row: ["2019-01-05", "LBN-01", "120", "first group"], number: 3)
        #expect(draft[.crossingCode] == "LBN-01")
        #expect(draft[.organisation] == "UNHCR")
        #expect(draft.content.contains("first group"))
        #expect(!draft.content.contains("120"))
    }

    @Test func layoutMapsPlainHeaders() throws {
        let layout = try ImportLayout<MovementField>(firstRows: [["Nahya PCODE", "Ret_Flow_Estimation"]],
                                      mapping: ["Nahya PCODE": "#adm3+dest+code", "ret_flow_estimation": "#affected+returnees+idps+num"],
                                      constants: ["#date": "2019-01"])
        #expect(layout.headerRowCount == 1)
        #expect(layout.draft(row: ["SY080006", "19452"], number: 2)[.idps] == "19452")
    }

    /// A tag a slip away from one the kind reads is named with the one it may have meant: its column is not read.
    @Test func aMistypedTagIsNamedWithTheTagItMayHaveMeant() throws {
        let layout = try ImportLayout<AidField>(firstRows: [["#date", "#adm4+code", "#activity+type", "#indicator+tonne+num", "#org", "#affected+medical+num"]])
        #expect(layout.nearTags.map(\.meant) == ["#indicator+tonnes+num"] && layout.ignoredColumns.contains("#indicator+tonne+num"))
        #expect(layout.nearTagProblems(severity: .warning).first?.reason == "not read: no field has this tag; did you mean #indicator+tonnes+num?")
        // A tag the file gives rightly elsewhere, or one far from any, is no slip.
        #expect(try ImportLayout<AidField>(firstRows: [["#date", "#adm4+code", "#activity+type", "#indicator+tonnes+num", "#indicator+tonne+num"]]).nearTags.isEmpty)
        let missing = #expect(throws: ImportError.self) { try ImportLayout<MovementField>(firstRows: [["#dat", "#adm1+dest+code", "#affected+returnees+idps+num"]]) }
        #expect(missing?.problems.map(\.code).contains("import.layout.nearTag") == true, "the slip is named beside the missing date")
    }

    @Test func layoutErrorsNameWhatIsMissingOrWrong() {
        func problems(_ rows: [[String]], mapping: [String: String] = [:], constants: [String: String] = [:]) -> [String] {
            do {
                _ = try ImportLayout<MovementField>(firstRows: rows, mapping: mapping, constants: constants)
                return []
            } catch let error as ImportError {
                return error.problems.map { $0.row > 0 && $0.code == "import.layout.otherSeparator" ? "row \($0.row): \($0.reason)" : $0.reason }
            } catch { return ["\(error)"] }
        }
        #expect(problems([["a", "b"], ["1", "2"]]).first?.contains("no HXL hashtag row") == true)
        // A spreadsheet's ';' between cells: the hashtag row reads as one cell, and the message says what to give.
        #expect(problems([["Date;People"], ["#date;#adm1+dest+code;#affected+returnees+idps+num"], ["2019-01-01;SY01;5"]])
                == ["row 2: a hashtag row with ';' between its cells: give --delimiter ';'"])
        #expect(problems([["#date\t#adm1+dest+code"]]) == ["row 1: a hashtag row with tabs between its cells: give --delimiter 'tab'"])
        // The Arabic comma, which no option reads: the file must be saved again, and the message says so.
        #expect(problems([["التاريخ،العدد"], ["#date،#adm1+dest+code،#affected+returnees+idps+num"]])
                == ["row 2 is a hashtag row whose cells are separated by the Arabic comma (،), which no CSV file is read by: "
                    + "save the file again with commas (,) or semicolons (;) between its cells"])
        #expect(problems([["X"]], mapping: ["Y": "#date"]).first?.contains("header the file does not have") == true)
        // A plain spreadsheet's ';' with --map: one problem, the separator, rather than every mapped header missing.
        #expect(problems([["grp/date;\"grp/crossing\";People"], ["2024-03-19;LBN-01;5"]], mapping: ["grp/date": "#date", "grp/crossing": "#loc+crossing+code"])
                == ["a header row with ';' between its cells: give --delimiter ';'"])
        // Two columns of one header (a form's labels): the mapping is refused, naming both, rather than read from the first.
        #expect(problems([["Date", "Number of people", "Number of people"]], mapping: ["Number of people": "#affected+returnees+refugees+num"])
                .first == "columns 2 and 3 both have this header: which one --map means cannot be told; rename one in the file")
        #expect(problems([["#date", "#adm1+dest+code"]]).contains { $0.contains("count") })
        #expect(problems([["#date", "#affected+returnees+idps+num"]]).contains { $0.contains("crossing point") })
        #expect(problems([["#adm1+dest+code", "#affected+returnees+idps+num"]]).contains { $0.contains("date") })
        #expect(problems([["#date", "#date", "#adm1+dest+code", "#affected+returnees+idps+num"]]).contains { $0.contains("already gives") })
        #expect(problems([["#adm1+dest+code", "#affected+returnees+idps+num"]], constants: ["#nonsense": "x", "#date": "2019"])
            .contains { $0.contains("not a tag Homeward reads") })
    }
}

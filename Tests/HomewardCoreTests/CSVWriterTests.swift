import Foundation
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

    /// The apostrophe is the export's, not the partner's: read back, every cell is what was recorded, one that began with
    /// an apostrophe too; JSON never went through an export and keeps its own.
    @Test func aCSVCellReadsBackAsItWasWritten() throws {
        for cell in ["=1+2 org", "-2+3", "'=x", "''@y", "'quoted'", "'-", "-", "-97", "Al-Hol", "\r\n=1", "'+ve report", ""] {
            #expect(CSVWriter.readBack(CSVWriter.inert(cell)) == cell, "\(cell.debugDescription)")
        }
        #expect(CSVWriter.inert("'=x") == "''=x" && CSVWriter.inert("\r\n=1") == "'\r\n=1")
        let layout = try ImportLayout<MovementField>(firstRows: [["#date", "#adm1+dest+code", "#affected+returnees+idps+num", "#org", "#meta+source"]])
        #expect(layout.draft(row: ["2019-01-01", "SY01", "5", CSVWriter.inert("=1+2 org"), CSVWriter.inert("'=x")], number: 2)[.source] == "'=x")
        let json = try JSONRecords.drafts(from: Data(#"[{"date": "2019-01-01", "source": "'+ve report", "idps": 5}]"#.utf8), as: MovementField.self, listKey: "movements")
        #expect(json.first?[.source] == "'+ve report")
    }
}

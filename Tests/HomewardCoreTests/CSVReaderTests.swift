import Testing
@testable import HomewardCore

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let rows = try CSVReader.rows("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n")
        #expect(rows == [["a", "b,c", "say \"hi\""], ["two\nlines", "", "x"]])
    }

    @Test func skipsTheByteOrderMarkAndReadsArabic() throws {
        let rows = try CSVReader.rows("\u{FEFF}name,name_ar\nDar'a,درعا")
        #expect(rows == [["name", "name_ar"], ["Dar'a", "درعا"]])
    }

    @Test func chunkBoundariesDoNotChangeTheRows() throws {
        let text = "h1,h2\r\n\"q,1\",\"x\"\"y\"\r\nدرعا,3\n"
        let whole = try CSVReader.rows(text)
        var reader = CSVReader()
        var rows: [[String]] = []
        for byte in Array(text.utf8) { try reader.read([byte], into: &rows) }
        try reader.finish(into: &rows)
        #expect(rows == whole)
    }

    @Test func aByteOrderMarkSplitAcrossChunksIsStillSkipped() throws {
        for split in 0 ... 3 {
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("#date\n".utf8)
            var reader = CSVReader()
            var rows: [[String]] = []
            try reader.read(bytes[..<split], into: &rows)
            try reader.read(bytes[split...], into: &rows)
            try reader.finish(into: &rows)
            #expect(rows == [["#date"]], "split at \(split)")
        }
        var reader = CSVReader()
        var rows: [[String]] = []
        try reader.read([0xEF, 0xBB, 0xBF], into: &rows)
        try reader.finish(into: &rows)
        #expect(rows.isEmpty)
    }

    @Test func refusesTextThatIsNotUTF8() {
        var reader = CSVReader()
        var rows: [[String]] = []
        #expect(throws: CSVReader.Failure.self) {
            try reader.read(Array("a,b\n".utf8) + [0xC7, 0x2C, 0x0A], into: &rows)
        }
    }

    /// ASCII cells skip the UTF-8 check: a byte that is not UTF-8 must still be found, quoted or not, after any cell.
    @Test func findsTheByteThatIsNotUTF8InAnyCellAfterAnyOther() {
        let cases: [(bytes: [UInt8], row: Int, field: Int)] = [
            (Array("a,b\nc,\"".utf8) + [0xFF] + Array("\"\n".utf8), 2, 2),
            (Array("درعا,x\n".utf8) + [0x41, 0xE2, 0x82] + Array(",y\n".utf8), 2, 1),
            (Array("x,".utf8) + [0xC7], 1, 2),
        ]
        for (bytes, row, field) in cases {
            var reader = CSVReader()
            var rows: [[String]] = []
            let failure = #expect(throws: CSVReader.Failure.self) {
                try reader.read(bytes, into: &rows)
                try reader.finish(into: &rows)
            }
            #expect(failure?.row == row && failure?.message.arguments["field"] == .count(field), "\(bytes)")
        }
    }

    /// A spreadsheet's "Unicode Text" is UTF-16: named so, with what to save instead, however the bytes arrive.
    @Test func aUTF16FileIsNamedSo() {
        for bom in [[0xFF, 0xFE] as [UInt8], [0xFE, 0xFF]] {
            let bytes = bom + Array("d\0a\0t\0e\0".utf8)
            for chunks in [[bytes], bytes.map { [$0] }, [Array(bom)]] {
                var reader = CSVReader()
                var rows: [[String]] = []
                let failure = #expect(throws: CSVReader.Failure.self) {
                    for chunk in chunks { try reader.read(chunk, into: &rows) }
                    try reader.finish(into: &rows)
                }
                #expect(failure?.row == 1 && failure?.message.key == "import.csv.utf16", "\(chunks.count) chunks")
            }
        }
    }

    /// A workbook sent as it is (a form's export downloaded as `.xlsx`): named so, not as a cell that is not UTF-8 text.
    @Test func aWorkbookIsNamedSo() {
        for signature in [[0x50, 0x4B, 0x03, 0x04] as [UInt8], [0xD0, 0xCF, 0x11, 0xE0]] {
            let bytes = signature + [0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xE3, 0xC5]
            for chunks in [[bytes], bytes.map { [$0] }] {
                var reader = CSVReader()
                var rows: [[String]] = []
                let failure = #expect(throws: CSVReader.Failure.self) {
                    for chunk in chunks { try reader.read(chunk, into: &rows) }
                    try reader.finish(into: &rows)
                }
                #expect(failure?.row == 1 && failure?.message.key == "import.csv.workbook", "\(chunks.count) chunks")
            }
        }
        // Text that begins with the letters P and K is text.
        var reader = CSVReader()
        var rows: [[String]] = []
        #expect(throws: Never.self) {
            try reader.read(Array("PK,code\nPK-1,2\n".utf8), into: &rows)
            try reader.finish(into: &rows)
        }
        #expect(rows == [["PK", "code"], ["PK-1", "2"]])
    }

    @Test func refusesAQuoteLeftOpen() throws {
        var reader = CSVReader()
        var rows: [[String]] = []
        try reader.read(Array("a,b\n\"open,x\n".utf8), into: &rows)
        let failure = #expect(throws: CSVReader.Failure.self) { try reader.finish(into: &rows) }
        #expect(failure?.row == 2)
    }

    @Test func keepsBlankLinesSoRowNumbersMatchTheSpreadsheet() throws {
        #expect(try CSVReader.rows("a\n\nb\n").count == 3)
    }
}

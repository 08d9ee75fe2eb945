/// An incremental reader of RFC 4180 CSV, fed bytes in chunks of any size, so that large files stream.
///
/// Reads quoted fields with commas, doubled quotes and line breaks; CRLF or LF line ends; a UTF-8
/// byte-order mark. Lenient where spreadsheets are sloppy (a stray quote inside an unquoted field is
/// kept as text), strict where data would be lost: text that is not UTF-8, or a quote left open at the end.
public struct CSVReader: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The record (spreadsheet row) at fault, from 1.
        public var row: Int
        /// What is wrong, for the catalogue to word.
        public var message: Message
        /// Why, in English.
        public var reason: String { Catalogue.english.text(message) }
        public var description: String { "row \(row): \(reason)" }
    }

    private let delimiter: UInt8
    private var field: [UInt8] = []
    /// The bits of every byte of the field so far: below 0x80, it is ASCII and needs no UTF-8 check.
    private var fieldBits: UInt8 = 0
    private var row: [String] = []
    private var inQuotes = false
    private var quoteInQuoted = false
    private var fieldStarted = false
    private var atStart = true
    private var head: [UInt8] = []
    private var pendingCR = false
    /// Records completed so far.
    public private(set) var rowsRead = 0
    /// Whether the input ended inside a record, with no line break after its last: a file cut off, or one saved without.
    public private(set) var endedMidRecord = false

    public init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// Reads a chunk and appends every record it completes to `rows`.
    /// - Throws: ``Failure`` when a field is not UTF-8 text.
    public mutating func read(_ chunk: some Sequence<UInt8>, into rows: inout [[String]]) throws {
        var bytes = Array(chunk)[...]
        if atStart {
            // Hold back the first bytes until there are four: a byte-order mark or a workbook's signature may arrive split.
            head += bytes
            guard head.count >= 4 else { return }
            try refuseUTF16(head)
            bytes = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
            head = []
            atStart = false
        }
        for byte in bytes {
            if pendingCR {
                pendingCR = false
                if byte == 0x0A { continue }
            }
            if inQuotes {
                if quoteInQuoted {
                    quoteInQuoted = false
                    if byte == 0x22 { field.append(0x22); continue }
                    inQuotes = false
                    // fall through: the byte after a closing quote is read as outside quotes
                } else if byte == 0x22 {
                    quoteInQuoted = true
                    continue
                } else {
                    field.append(byte)
                    fieldBits |= byte
                    continue
                }
            }
            switch byte {
            case delimiter:
                try endField()
            case 0x0A, 0x0D:
                try endField()
                try endRow(into: &rows)
                pendingCR = byte == 0x0D
            case 0x22 where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            default:
                field.append(byte)
                fieldBits |= byte
                fieldStarted = true
            }
        }
    }

    /// Completes the last record of the input.
    /// - Throws: ``Failure`` when a quoted field was never closed.
    public mutating func finish(into rows: inout [[String]]) throws {
        if atStart {
            atStart = false
            try refuseUTF16(head)
            let held = head.starts(with: [0xEF, 0xBB, 0xBF]) ? [] : head
            head = []
            if !held.isEmpty { try read(held, into: &rows) }
        }
        if inQuotes && !quoteInQuoted {
            throw Failure(row: rowsRead + 1, message: Message("import.csv.unclosedQuote"))
        }
        inQuotes = false
        quoteInQuoted = false
        if fieldStarted || !row.isEmpty {
            endedMidRecord = true
            try endField()
            try endRow(into: &rows)
        }
    }

    /// A spreadsheet's "Unicode Text" is UTF-16, told by its byte-order mark, and a workbook (`.xlsx` and `.ods` are ZIP
    /// archives, `.xls` a compound file) by its signature: said so, rather than "field 1 is not UTF-8".
    private func refuseUTF16(_ head: [UInt8]) throws {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw Failure(row: 1, message: Message("import.csv.utf16"))
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw Failure(row: 1, message: Message("import.csv.workbook"))
        }
    }

    private mutating func endField() throws {
        // Most cells are ASCII (codes, dates, counts): `String(validating:)` is generic, and its checks showed in imports.
        let text: String? = fieldBits < 0x80 ? String(decoding: field, as: UTF8.self) : field.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        guard let text else {
            throw Failure(row: rowsRead + 1, message: Message("import.csv.notUTF8", ["field": .count(row.count + 1)]))
        }
        row.append(text)
        field.removeAll(keepingCapacity: true)
        fieldBits = 0
        fieldStarted = false
    }

    private mutating func endRow(into rows: inout [[String]]) throws {
        rowsRead += 1
        // A blank line is a record of one empty field; keep it so row numbers match the spreadsheet.
        rows.append(row)
        row.removeAll(keepingCapacity: true)
    }

    /// Reads a whole text at once, for small inputs and tests.
    public static func rows(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        var reader = CSVReader(delimiter: delimiter)
        var rows: [[String]] = []
        try reader.read(Array(text.utf8), into: &rows)
        try reader.finish(into: &rows)
        return rows
    }
}

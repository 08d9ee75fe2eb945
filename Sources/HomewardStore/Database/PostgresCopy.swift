import Logging
import NIOCore
import PostgresNIO

extension PostgresConnection {
    /// Sends rows with `COPY … FROM STDIN` (text format): no statement to parse and plan, no parameters to
    /// bind, which made multi-row `INSERT`s of thousands of values the slowest part of a PostgreSQL import.
    ///
    /// - Important: `table` and `columns` go into the statement as they are: only Homeward's own names.
    func copy(into table: String, columns: [String], rows: [[BulkValue]]) async throws {
        try await copyFrom(table: table, columns: columns, format: .text(.init()), logger: Self.copyLogger) { writer in
            // Sent in 64 KiB pieces, so that the server parses the first rows while the rest are written out
            // (pieces of 1 MiB, a whole batch, made a 1,000,000-row load 0.6–2.5 s slower in four pairs).
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 16)
            for row in rows {
                for (index, value) in row.enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    switch value {
                    case .integer(let v): buffer.writeString(String(v))
                    case .real(let v): buffer.writeString("\(v)")
                    case .null: buffer.writeStaticString("\\N")
                    case .text(let v): Self.writeEscaped(v, to: &buffer)
                    }
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
                if buffer.readableBytes >= 1 << 16 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// COPY's text format: backslash, tab, newline and carriage return are escaped; everything else is as it is.
    private static func writeEscaped(_ text: String, to buffer: inout ByteBuffer) {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard text.utf8.contains(where: special) else {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    private static let copyLogger = Logger(label: "homeward.store.copy")
}

import AsyncAlgorithms
import Logging
import NIOCore
import PostgresNIO

extension PostgresConnection {
    /// Sends rows with `COPY … FROM STDIN` (text format): no statement to parse and plan, no parameters to
    /// bind, which made multi-row `INSERT`s of thousands of values the slowest part of a PostgreSQL import.
    ///
    /// - Important: `table` and `columns` go into the statement as they are: only Homeward's own names.
    func copy(into table: String, columns: [String], rows: [[BulkValue]]) async throws {
        try await copy(into: table, columns: columns, batches: [rows].async)
    }

    /// One COPY of every batch the sequence gives, as they come (``StreamingCopy``).
    /// - Parameter abandoned: whether the sequence ended because its sender let it go: the COPY then fails, not ends.
    func copy(into table: String, columns: [String], batches: some AsyncSequence<[[BulkValue]], Never>,
              abandoned: @Sendable () -> Bool = { false }) async throws {
        try await copyFrom(table: table, columns: columns, format: .text(.init()), logger: Self.copyLogger) { writer in
            // Sent in 64 KiB pieces, so that the server parses the first rows while the rest are written out
            // (pieces of 1 MiB, a whole batch, made a 1,000,000-row load 0.6–2.5 s slower in four pairs), and what is
            // left at a batch's end at once, so that the server does not wait for the next batch to have it.
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 16)
            for await rows in batches {
                for row in rows {
                    for (index, value) in row.enumerated() {
                        if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                        switch value {
                        case .integer(let v): Self.writeDecimal(v, to: &buffer)
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
                if buffer.readableBytes > 0 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if abandoned() { throw CancellationError() }
        }
    }

    /// COPY's text format: backslash, tab, newline and carriage return are escaped; everything else is as it is.
    ///
    /// Over the text's bytes in place: a generic scan of the string's UTF-8 view (with a string made for each integer,
    /// now ``writeDecimal(_:to:)``) took 0.6 CPU seconds of a 1,000,000-row PostgreSQL import.
    private static func writeEscaped(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var plain = 0 // bytes from here on are written as they are, up to the next special one
            for (index, byte) in bytes.enumerated() {
                let escaped: StaticString
                switch byte {
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case UInt8(ascii: "\t"): escaped = "\\t"
                case UInt8(ascii: "\n"): escaped = "\\n"
                case UInt8(ascii: "\r"): escaped = "\\r"
                default: continue
                }
                buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[plain ..< index])))
                buffer.writeStaticString(escaped)
                plain = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[plain...])))
        }
    }

    /// An integer's decimal digits, without a string made for each.
    private static func writeDecimal(_ value: Int, to buffer: inout ByteBuffer) {
        if value < 0 { buffer.writeInteger(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: digits[start...])))
        }
    }

    private static let copyLogger = Logger(label: "homeward.store.copy")
}

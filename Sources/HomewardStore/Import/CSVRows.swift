import HomewardCore

/// The rows of a CSV source, read and split into cells one chunk ahead of the rows being checked.
///
/// Splitting text into cells was a third of the reading task's work, and the reading task set the pace of
/// an import (the writer waited for it): done a chunk ahead, on a task of its own, it shares the cores
/// with the rules. One chunk at a time is read from the source, so the source is never read by two tasks.
struct CSVRows {
    /// One chunk's complete rows, and the reader that carries what it left unfinished to the next.
    private struct Chunk: Sendable {
        var rows: [[String]]
        var bytes: Int
        var reader: CSVReader
        var ended: Bool
    }

    private let source: ByteSource
    private var pending: Task<Chunk, any Error>?
    /// Whether the source ended inside a row (``CSVReader/endedMidRecord``), known once the last chunk is read.
    private(set) var endedMidRecord = false

    init(_ source: ByteSource, delimiter: UInt8) {
        self.source = source
        pending = Self.read(source, CSVReader(delimiter: delimiter))
    }

    /// The next chunk's rows and its size in bytes, or `nil` after the last.
    /// - Throws: ``CSVReader/Failure`` when the text is not CSV that can be read; the source's own errors.
    mutating func next() async throws -> (rows: [[String]], bytes: Int)? {
        guard let task = pending else { return nil }
        pending = nil
        // The read ahead is a task of its own: the caller's cancellation (a client gone) must reach the source's read.
        let chunk = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        if !chunk.ended { pending = Self.read(source, chunk.reader) } else { endedMidRecord = chunk.reader.endedMidRecord }
        return chunk.ended && chunk.rows.isEmpty ? nil : (chunk.rows, chunk.bytes)
    }

    /// Waits for the chunk being read, if any: the source must not be read by this task and its caller at once.
    mutating func stop() async {
        guard let task = pending else { return }
        pending = nil
        task.cancel()
        _ = await task.result
    }

    private static func read(_ source: ByteSource, _ reader: CSVReader) -> Task<Chunk, any Error> {
        Task {
            var reader = reader
            var rows: [[String]] = []
            guard let bytes = try await source.next() else {
                try reader.finish(into: &rows)
                return Chunk(rows: rows, bytes: 0, reader: reader, ended: true)
            }
            try reader.read(bytes, into: &rows)
            return Chunk(rows: rows, bytes: bytes.count, reader: reader, ended: false)
        }
    }
}

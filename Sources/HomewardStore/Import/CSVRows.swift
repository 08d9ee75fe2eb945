import HomewardCore

/// The rows of a CSV source, read and split into cells one chunk ahead of the rows being taken, and screened there
/// once a screen is given.
///
/// Splitting text into cells was a third of the reading task's work, and the reading task set the pace of
/// an import (the writer waited for it): done a chunk ahead, on a task of its own, it shares the cores
/// with the run. So do a row's own checks (``RowScreen``) once the file's layout is known. One chunk at a time is
/// read from the source, so the source is never read by two tasks.
struct CSVRows<Screened: Sendable> {
    /// What the reading task made of one chunk.
    struct Chunk: Sendable {
        /// The chunk's complete rows, when no screen was given; empty otherwise.
        var rows: [[String]]
        /// The rows as the screen made them, when one was given.
        var screened: [Screened]?
        /// The number of the chunk's first row, as a spreadsheet numbers it.
        var firstRow: Int
        var bytes: Int
        /// The reader, which carries what the chunk left unfinished to the next.
        fileprivate var reader: CSVReader
        fileprivate var ended: Bool
    }

    typealias Screen = @Sendable ([String], _ row: Int) -> Screened

    private let source: ByteSource
    private var pending: Task<Chunk, any Error>?
    private(set) var screen: Screen?

    init(_ source: ByteSource, delimiter: UInt8) {
        self.source = source
        pending = Self.read(source, CSVReader(delimiter: delimiter), screen: nil)
    }

    /// Screens the rows of every chunk read from now on (not the one already being read).
    mutating func screen(with screen: @escaping Screen) {
        self.screen = screen
    }

    /// The next chunk, or `nil` after the last.
    /// - Throws: ``CSVReader/Failure`` when the text is not CSV that can be read; the source's own errors.
    mutating func next() async throws -> Chunk? {
        guard let task = pending else { return nil }
        pending = nil
        // The read ahead is a task of its own: the caller's cancellation (a client gone) must reach the source's read.
        let chunk = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        if !chunk.ended { pending = Self.read(source, chunk.reader, screen: screen) }
        return chunk.ended && chunk.rows.isEmpty && (chunk.screened?.isEmpty ?? true) ? nil : chunk
    }

    /// Waits for the chunk being read, if any: the source must not be read by this task and its caller at once.
    mutating func stop() async {
        guard let task = pending else { return }
        pending = nil
        task.cancel()
        _ = await task.result
    }

    private static func read(_ source: ByteSource, _ reader: CSVReader, screen: Screen?) -> Task<Chunk, any Error> {
        Task {
            var reader = reader
            var rows: [[String]] = []
            let firstRow = reader.rowsRead + 1
            let bytes = try await source.next()
            if let bytes { try reader.read(bytes, into: &rows) } else { try reader.finish(into: &rows) }
            var chunk = Chunk(rows: rows, firstRow: firstRow, bytes: bytes?.count ?? 0, reader: reader, ended: bytes == nil)
            if let screen {
                chunk.screened = rows.indices.map { screen(rows[$0], firstRow + $0) }
                chunk.rows = []
            }
            return chunk
        }
    }
}

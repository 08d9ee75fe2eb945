import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

/// Writes a deterministic HXL CSV of generated movements, for benchmarks and fault tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write an HXL CSV of generated movements (the same seed gives the same file).")

    @Option(help: "How many rows.") var rows = 1_000_000
    @Option(help: "The generator's seed.") var seed: UInt64 = 1
    @Option(help: "The newest day in the file (YYYY-MM-DD).") var lastDay = "2019-12-31"
    @Option(help: "How many days the rows spread over.") var days = 5 * 365
    @Option(help: "The file to write.") var out: String

    func run() throws {
        guard let last = Day(lastDay) else { throw ValidationError("--last-day \(lastDay): expected YYYY-MM-DD") }
        try MovementFile.write(rows: rows, seed: seed, lastDay: last, days: days, to: out)
    }
}

enum MovementFile {
    /// Writes `rows` generated movements with a header and an HXL hashtag row.
    static func write(rows: Int, seed: UInt64, lastDay: Day, days: Int, to path: String) throws {
        var generator = MovementGenerator(gazetteer: try Gazetteer.bundled(), seed: seed, lastDay: lastDay, days: days)
        _ = FileManager.default.createFile(atPath: path, contents: nil) // if it could not, opening it says why
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var text = CSVWriter.line(MovementGenerator.headers) + CSVWriter.line(MovementGenerator.tags)
        for index in 0 ..< rows {
            text += CSVWriter.line(generator.next(index: index))
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
    }
}

import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore
import Logging

/// The whole benchmark: import, peer, totals, API and PostgreSQL figures, each against a baseline in the same run.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure import, totals and API speed against baselines measured in the same run.")

    @Option(help: "Rows of the import file.") var rows = 1_000_000
    @Option(help: "Movements for the large totals figures; 0 skips them.") var bigRows = 10_000_000
    @Option(help: "The data generator's seed.") var seed: UInt64 = 1
    @Option(help: "Where generated files and databases go.") var work = "/tmp/homeward-bench"
    @Option(help: "A PostgreSQL server URL (else HOMEWARD_BENCH_POSTGRES_URL); its figures are skipped without one.") var postgres: String?
    @Option(help: "Timed queries per totals figure.") var queries = 50
    @Option(help: "Seconds of load per API figure.") var apiSeconds = 10
    @Option(help: "Rounds of the imports and their baselines, one after the other; a figure is the median round's.")
    var rounds = 1

    var homeward: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("homeward").path
    }

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be 1 or more") }
    }

    func run() async throws {
        guard FileManager.default.isExecutableFile(atPath: homeward) else {
            throw ValidationError("build homeward beside homeward-bench first: swift build -c release")
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let report = Report()
        let label = Self.label(rows)
        let file = try dataFile(rows: rows)
        let small = try dataFile(rows: 100_000)
        print("homeward-bench: \(rows) rows (seed \(seed)) in \(file); work folder \(work)")

        // Import, and its baselines on the same file, in rounds: each figure is the median round's.
        let database = "\(work)/import-\(label).sqlite"
        let postgresURL = postgres ?? ProcessInfo.processInfo.environment["HOMEWARD_BENCH_POSTGRES_URL"]
        let imports = try importRounds(file, into: database, postgres: postgresURL, label: label)
        imports.report(to: report, rows: rows, label: label)
        if rows != 100_000 {
            // With --rows 100000 the main import is this one (same file, same database): measured once.
            let importedSmall = try importFile(small, into: "\(work)/import-100k.sqlite")
            report.figure("import_peak_rss_mb_100k", importedSmall.peakRSSMegabytes, "flat memory: compare with \(label)")
        }

        // Totals over the imported movements, and over many more.
        try await totalsFigures(report, database: .sqlite(path: database), label: label)
        try await bulletinFigures(report, database: .sqlite(path: database), label: label)
        if bigRows > 0 {
            let big = "\(work)/generated-\(Self.label(bigRows)).sqlite"
            let peakReset = OwnPeakMemory.reset()
            let seconds = try await fillDatabase(.sqlite(path: big), rows: bigRows, reuse: true)
            if let seconds {
                report.figure("import_seconds_\(Self.label(bigRows))_in_process", seconds)
                if peakReset, let peak = OwnPeakMemory.megabytes() {
                    report.figure("import_peak_rss_mb_\(Self.label(bigRows))_in_process", peak, "flat memory: compare with import_peak_rss_mb_\(label)")
                }
            }
            try await totalsFigures(report, database: .sqlite(path: big), label: Self.label(bigRows))
        }

        let served = "\(work)/api.sqlite"
        try copySQLite(database, to: served)
        try await apiFigures(report, serving: served)

        if let postgresDatabase = imports.postgresDatabase {
            try await totalsFigures(report, database: .postgres(url: postgresDatabase), label: label, prefix: "postgres_")
            try await apiFigures(report, serving: postgresDatabase, prefix: "postgres_")
        }
        report.table()
    }

    static func label(_ rows: Int) -> String {
        rows % 1_000_000 == 0 ? "\(rows / 1_000_000)m" : rows % 1000 == 0 ? "\(rows / 1000)k" : "\(rows)"
    }

    private func dataFile(rows: Int) throws -> String {
        let path = "\(work)/movements-\(Self.label(rows))-seed\(seed).csv"
        if !FileManager.default.fileExists(atPath: path) {
            try MovementFile.write(rows: rows, seed: seed, lastDay: Day(year: 2019, month: 12, day: 31)!, days: 5 * 365, to: path)
        }
        return path
    }

    /// Fills a database in process from the generator, streaming; `nil` when an earlier run's database is reused.
    private func fillDatabase(_ location: DatabaseLocation, rows: Int, reuse: Bool) async throws -> Double? {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        if reuse, case .sqlite(let path) = location, FileManager.default.fileExists(atPath: path) {
            let store = try await Stores.open(location, logger: logger)
            let count = try await store.ledger.ledgerExtent().movements
            await store.close()
            if count == rows { return nil }
            removeSQLiteFiles(path)
        }
        let store = try await Stores.open(location, logger: logger)
        var generator = MovementGenerator(gazetteer: try await store.places.gazetteer(), seed: seed, lastDay: Day(year: 2019, month: 12, day: 31)!, days: 5 * 365)
        var index = 0
        var header = false
        let source = ByteSource(totalBytes: nil) {
            if !header { header = true; return Array(CSVWriter.line(MovementGenerator.tags).utf8) }
            guard index < rows else { return nil }
            var text = ""
            while index < rows && text.utf8.count < 1 << 20 {
                text += CSVWriter.line(generator.next(index: index))
                index += 1
            }
            return Array(text.utf8)
        }
        let start = ContinuousClock.now
        let summary = try await store.ledger.importMovements(ImportRequest(sourceName: "bench", today: Day(year: 2020, month: 1, day: 1)!), from: source, by: .operatingSystemUser)
        let seconds = (ContinuousClock.now - start).seconds
        await store.close()
        guard summary.imported == rows else { throw ValidationError("generated import: \(summary.text.prefix(2000))") }
        return seconds
    }

    func totalsFigures(_ report: Report, database: DatabaseLocation, label: String, prefix: String = "") async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let store = try await Stores.open(database, logger: logger)
        let window = DateWindow(from: Day(year: 2018, month: 1, day: 1), to: Day(year: 2019, month: 12, day: 31))
        var all: [Double] = []
        for grouping in [Grouping.adm1, .crossing, .week] {
            let query = TotalsQuery(window: window, grouping: grouping)
            for _ in 0 ..< 3 { _ = try await store.ledger.totals(query) }
            var times: [Double] = []
            for _ in 0 ..< queries {
                let start = ContinuousClock.now
                _ = try await store.ledger.totals(query)
                times.append((ContinuousClock.now - start).seconds * 1000)
            }
            report.figure("\(prefix)totals_\(grouping.rawValue)_p50_ms_\(label)", percentiles(times).p50)
            all += times
        }
        let (p50, p99) = percentiles(all)
        report.figure("\(prefix)totals_p50_ms_\(label)", p50, "by governorate, crossing and week, 2018-2019")
        report.figure("\(prefix)totals_p99_ms_\(label)", p99)
        await store.close()
    }
}

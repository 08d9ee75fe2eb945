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

    var homeward: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("homeward").path
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

        // Import, and sqlite3's own import of the same file as the baseline.
        let database = "\(work)/import-\(label).sqlite"
        let imported = try importFile(file, into: database)
        report.figure("import_seconds_\(label)", imported.seconds)
        report.figure("import_rows_per_s_\(label)", Double(rows) / imported.seconds, "one transaction, full validation", digits: 0)
        report.figure("import_peak_rss_mb_\(label)", imported.peakRSSMegabytes)
        if rows != 100_000 {
            // With --rows 100000 the main import is this one (same file, same database): measured once.
            let importedSmall = try importFile(small, into: "\(work)/import-100k.sqlite")
            report.figure("import_peak_rss_mb_100k", importedSmall.peakRSSMegabytes, "flat memory: compare with \(label)")
        }
        let totalsRun = try ProcessRun.run([homeward, "totals", "--by", "adm1", "--format", "json", "--database", database])
        let homewardSeconds = imported.seconds + totalsRun.seconds

        if let sqlite3 = which("sqlite3") {
            let bare = "\(work)/sqlite3-bare-\(label).sqlite"
            try? FileManager.default.removeItem(atPath: bare)
            let baseline = try ProcessRun.run([sqlite3, bare, ".mode csv", ".import \(file) returns",
                                               #"SELECT "Destination governorate", SUM(CAST("IDPs" AS INTEGER)) FROM returns GROUP BY 1;"#])
            report.figure("sqlite3_import_seconds_\(label)", baseline.seconds, "sqlite3 .import into a bare table, then GROUP BY")
            report.figure("import_vs_sqlite3_ratio", imported.seconds / baseline.seconds, "Homeward import ÷ sqlite3 import+group (target ≤ 1.0)")
        } else {
            report.missing("import_vs_sqlite3_ratio", "sqlite3 not installed (Debian package sqlite3)")
        }
        try appendFigures(report, into: database, label: label)
        if let hxlcount = which("hxlcount") {
            let peer = try ProcessRun.run([hxlcount, "-t", "#adm1+dest", "-a", "sum(#affected+returnees+idps+num) as IDPs#affected+idps", file])
            report.figure("libhxl_count_seconds_\(label)", peer.seconds, "hxlcount by destination governorate")
            report.figure("import_vs_libhxl_ratio", homewardSeconds / peer.seconds, "Homeward import + totals ÷ hxlcount (target ≤ 0.2)")
        } else {
            report.missing("import_vs_libhxl_ratio", "hxlcount not installed (PyPI libhxl)")
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

        try await apiFigures(report, database: database)

        if let url = postgres ?? ProcessInfo.processInfo.environment["HOMEWARD_BENCH_POSTGRES_URL"] {
            try await postgresFigures(report, url: url, file: file, sqliteSeconds: imported.seconds, label: label)
        } else {
            report.missing("postgres_import_seconds_\(label)", "no PostgreSQL URL (--postgres or HOMEWARD_BENCH_POSTGRES_URL)")
        }
        report.table()
    }

    /// The everyday case: this week's file of 100,000 new rows into a ledger that holds the big import already,
    /// against sqlite3 appending the same file to its bare table of the big one.
    private func appendFigures(_ report: Report, into database: String, label: String) throws {
        let week = "\(work)/movements-100k-seed\(seed + 1).csv"
        if !FileManager.default.fileExists(atPath: week) {
            try MovementFile.write(rows: 100_000, seed: seed + 1, lastDay: Day(year: 2020, month: 1, day: 7)!, days: 7, to: week)
        }
        // Another seed's ids would meet the big file's ("demo-1"…); its own ids keep every row new.
        let renamed = "\(work)/movements-100k-week.csv"
        if !FileManager.default.fileExists(atPath: renamed) {
            let text = try String(contentsOfFile: week, encoding: .utf8).replacingOccurrences(of: ",demo-", with: ",week-")
            try text.write(toFile: renamed, atomically: true, encoding: .utf8)
        }
        let copy = "\(work)/append-\(label).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        let run = try ProcessRun.run([homeward, "import", renamed, "--database", copy, "--format", "json"],
                                     environment: ["HOMEWARD_TODAY": "2020-01-08"])
        guard run.status == 0, run.output.contains("\"SUCCESS\"") else {
            throw ValidationError("the import of \(renamed) failed: \(run.output.prefix(2000))")
        }
        report.figure("append_100k_seconds_into_\(label)", run.seconds, "100,000 new rows into the \(label)-row ledger")
        guard let sqlite3 = which("sqlite3") else { return }
        let bare = "\(work)/sqlite3-bare-\(label).sqlite"
        let bareCopy = "\(work)/sqlite3-append-\(label).sqlite"
        try? FileManager.default.removeItem(atPath: bareCopy)
        guard FileManager.default.fileExists(atPath: bare) else { return }
        try FileManager.default.copyItem(atPath: bare, toPath: bareCopy)
        // The bare table has its header already: skip the new file's header and hashtag rows.
        let baseline = try ProcessRun.run([sqlite3, bareCopy, ".mode csv", ".import --skip 2 \(renamed) returns"])
        report.figure("sqlite3_append_100k_seconds", baseline.seconds, "sqlite3 .import of the same file into its \(label)-row table")
        report.figure("append_vs_sqlite3_ratio", run.seconds / baseline.seconds, "Homeward append ÷ sqlite3 append")
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

    private func importFile(_ file: String, into database: String) throws -> ProcessRun {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        // A first run creates and seeds the database, so that the timed run is the import alone.
        _ = try ProcessRun.run([homeward, "crossings", "list", "--database", database])
        let run = try ProcessRun.run([homeward, "import", file, "--database", database, "--format", "json"],
                                     environment: ["HOMEWARD_TODAY": "2020-01-01"])
        guard run.status == 0, run.output.contains("\"SUCCESS\"") else {
            throw ValidationError("the import of \(file) failed: \(run.output.prefix(2000))")
        }
        return run
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
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
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

import ArgumentParser
import Foundation
import HomewardCore

/// One round of the import and its baselines, run one after the other so that each pair meets the same
/// moments of a shared machine: sqlite3's bare import, sqlite3's append, hxlcount's count and PostgreSQL's import.
/// A baseline is `nil` where its tool or server is missing.
struct ImportRound {
    var homeward: ProcessRun
    var totalsSeconds: Double
    var sqlite3: Double?
    var append: Double
    var sqlite3Append: Double?
    var hxlcount: Double?
    var postgres: Double?
}

/// The rounds of one run; each figure is the median round's, and each ratio is taken within a round.
struct ImportRounds {
    var rounds: [ImportRound] = []
    /// The last round's PostgreSQL database, for the totals figures.
    var postgresDatabase: String?

    /// Every round's value of a figure, or none where a round lacks it (its tool is missing in every round).
    private func values(_ value: (ImportRound) -> Double?) -> [Double] { rounds.compactMap(value) }

    func report(to report: Report, rows: Int, label: String) {
        let seconds = values { $0.homeward.seconds }
        report.figure("import_seconds_\(label)", values: seconds)
        report.figure("import_rows_per_s_\(label)", Double(rows) / median(seconds), "one transaction, full validation", digits: 0)
        report.figure("import_peak_rss_mb_\(label)", rounds.map(\.homeward.peakRSSMegabytes).max() ?? 0, rounds.count > 1 ? "the highest round" : "")
        let sqlite3 = values(\.sqlite3)
        if sqlite3.isEmpty {
            report.missing("import_vs_sqlite3_ratio", "sqlite3 not installed (Debian package sqlite3)")
        } else {
            report.figure("sqlite3_import_seconds_\(label)", values: sqlite3, "sqlite3 .import into a bare table, then GROUP BY")
            report.figure("import_vs_sqlite3_ratio", values: values { r in r.sqlite3.map { r.homeward.seconds / $0 } },
                          "Homeward import ÷ sqlite3 import+group (target ≤ 1.0)")
        }
        report.figure("append_100k_seconds_into_\(label)", values: values(\.append), "100,000 new rows into the \(label)-row ledger")
        let sqlite3Appends = values(\.sqlite3Append)
        if !sqlite3Appends.isEmpty {
            report.figure("sqlite3_append_100k_seconds", values: sqlite3Appends, "sqlite3 .import of the same file into its \(label)-row table")
            report.figure("append_vs_sqlite3_ratio", values: values { r in r.sqlite3Append.map { r.append / $0 } }, "Homeward append ÷ sqlite3 append")
        }
        let hxlcount = values(\.hxlcount)
        if hxlcount.isEmpty {
            report.missing("import_vs_libhxl_ratio", "hxlcount not installed (PyPI libhxl)")
        } else {
            report.figure("libhxl_count_seconds_\(label)", values: hxlcount, "hxlcount by destination governorate")
            report.figure("import_vs_libhxl_ratio", values: values { r in r.hxlcount.map { (r.homeward.seconds + r.totalsSeconds) / $0 } },
                          "Homeward import + totals ÷ hxlcount (target ≤ 0.2)")
        }
        let postgres = values(\.postgres)
        if postgres.isEmpty {
            report.missing("postgres_import_seconds_\(label)", "no PostgreSQL URL (--postgres or HOMEWARD_BENCH_POSTGRES_URL), no psql, or no answer")
        } else {
            report.figure("postgres_import_seconds_\(label)", values: postgres)
            report.figure("postgres_import_rows_per_s_\(label)", Double(rows) / median(postgres), "", digits: 0)
            report.figure("postgres_vs_sqlite_import_ratio", values: values { r in r.postgres.map { $0 / r.homeward.seconds } },
                          "PostgreSQL import ÷ SQLite import")
        }
    }
}

extension RunCommand {
    /// The import of `file` into a new ledger at `database` and its baselines, in ``rounds`` rounds.
    func importRounds(_ file: String, into database: String, postgres: String?, label: String) throws -> ImportRounds {
        var measured = ImportRounds()
        for round in 1 ... self.rounds {
            if self.rounds > 1 { print("round \(round) of \(self.rounds)") }
            let imported = try importFile(file, into: database)
            let totalsRun = try ProcessRun.run([homeward, "totals", "--by", "adm1", "--format", "json", "--database", database])
            var sqlite3Seconds: Double?
            if let sqlite3 = which("sqlite3") {
                let bare = "\(work)/sqlite3-bare-\(label).sqlite"
                try? FileManager.default.removeItem(atPath: bare)
                sqlite3Seconds = try ProcessRun.run([sqlite3, bare, ".mode csv", ".import \(file) returns",
                                                     #"SELECT "Destination governorate", SUM(CAST("IDPs" AS INTEGER)) FROM returns GROUP BY 1;"#]).seconds
            }
            let (appended, sqlite3Appended) = try appendRound(into: database, label: label)
            let hxlcountSeconds = try which("hxlcount").map { hxlcount in
                try ProcessRun.run([hxlcount, "-t", "#adm1+dest", "-a", "sum(#affected+returnees+idps+num) as IDPs#affected+idps", file]).seconds
            }
            var postgresSeconds: Double?
            if let postgres, let (seconds, url) = try postgresImport(url: postgres, file: file, label: label) {
                postgresSeconds = seconds
                measured.postgresDatabase = url
            }
            measured.rounds.append(ImportRound(homeward: imported, totalsSeconds: totalsRun.seconds, sqlite3: sqlite3Seconds, append: appended,
                                               sqlite3Append: sqlite3Appended, hxlcount: hxlcountSeconds, postgres: postgresSeconds))
        }
        return measured
    }

    /// An import of `file` into a new SQLite ledger at `database`.
    func importFile(_ file: String, into database: String) throws -> ProcessRun {
        removeSQLiteFiles(database)
        // A first run creates and seeds the database, so that the timed run is the import alone.
        _ = try ProcessRun.run([homeward, "crossings", "list", "--database", database])
        return try timedImport(file, into: database)
    }

    /// `homeward import`, timed; it must succeed. `today` is the day the rules check dates against.
    private func timedImport(_ file: String, into database: String, today: String = "2020-01-01") throws -> ProcessRun {
        let run = try ProcessRun.run([homeward, "import", file, "--database", database, "--format", "json"],
                                     environment: ["HOMEWARD_TODAY": today])
        guard run.status == 0, run.output.contains("\"SUCCESS\"") else {
            throw ValidationError("the import of \(file) into \(database) failed: \(run.output.prefix(2000))")
        }
        return run
    }

    /// A SQLite database and its WAL files gone, so that a copy or a new database starts clean.
    func removeSQLiteFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A copy of a SQLite database (checkpointed: Homeward's processes leave no WAL behind) at `copy`.
    func copySQLite(_ database: String, to copy: String) throws {
        removeSQLiteFiles(copy)
        try FileManager.default.copyItem(atPath: database, toPath: copy)
    }

    /// The everyday case: this week's file of 100,000 new rows into a ledger that holds the big import already,
    /// against sqlite3 appending the same file to its bare table of the big one.
    /// - Returns: Homeward's seconds, and sqlite3's when sqlite3 and its table are there.
    private func appendRound(into database: String, label: String) throws -> (homeward: Double, sqlite3: Double?) {
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
        try copySQLite(database, to: copy)
        let run = try timedImport(renamed, into: copy, today: "2020-01-08")
        guard let sqlite3 = which("sqlite3") else { return (run.seconds, nil) }
        let bare = "\(work)/sqlite3-bare-\(label).sqlite"
        let bareCopy = "\(work)/sqlite3-append-\(label).sqlite"
        try? FileManager.default.removeItem(atPath: bareCopy)
        guard FileManager.default.fileExists(atPath: bare) else { return (run.seconds, nil) }
        try FileManager.default.copyItem(atPath: bare, toPath: bareCopy)
        // The bare table has its header already: skip the new file's header and hashtag rows.
        let baseline = try ProcessRun.run([sqlite3, bareCopy, ".mode csv", ".import --skip 2 \(renamed) returns"])
        return (run.seconds, baseline.seconds)
    }

    /// An import into a new PostgreSQL database; `nil` when psql is missing or the server does not answer.
    /// - Returns: its seconds, and the database's URL.
    func postgresImport(url: String, file: String, label: String) throws -> (seconds: Double, url: String)? {
        guard let psql = which("psql") else { return nil }
        let name = "homeward_bench_\(label)"
        let admin = try ProcessRun.run([psql, url, "-qc", "DROP DATABASE IF EXISTS \(name)", "-c", "CREATE DATABASE \(name)"])
        guard admin.status == 0 else { return nil }
        var components = URLComponents(string: url)!
        components.path = "/\(name)"
        let database = components.string!
        _ = try ProcessRun.run([homeward, "crossings", "list", "--database", database])
        return (try timedImport(file, into: database).seconds, database)
    }
}

import Foundation
import HomewardStore
import HomewardTestSupport
import SQLKit
import Testing

/// The `homeward` command as users run it: a process, its output and its exit status.
@Suite struct CommandLineTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:] }
    }

    let database = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-cli-\(UUID().uuidString).sqlite").path
    static let sample = fixtureURL("ocha-turkey-syr-2019-01_return-flow-by-community.csv").path

    static var executable: URL {
        let directory = Bundle.main.bundleURL
        let candidates = [directory.appendingPathComponent("homeward"), directory.deletingLastPathComponent().appendingPathComponent("homeward")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// - Parameters:
    ///   - timeout: seconds after which the command is stopped (a server that started when it should not have).
    ///   - environment: variables to set; an empty value unsets one (`HOMEWARD_TODAY`, for the clock's own day).
    func run(_ arguments: [String], input: String? = nil, timeout: Double? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOMEWARD_DATABASE"] = database
        environment["HOMEWARD_TODAY"] = "2019-07-20"
        environment.merge(extra) { $1 }
        for (name, value) in extra where value.isEmpty { environment[name] = nil }
        process.environment = environment
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func cleanUp() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    /// The organisation every row takes from `--org`, refused, is said once, as the option typed and under the file's name,
    /// with the file's counts: it was said at every row as a column 'org' the file does not have, and a refusal of another
    /// organisation's rows came without the summary.
    @Test func aRefusedOrgOptionIsSaidOnceAsTheOption() throws {
        defer { cleanUp() }
        let file = "#date,#adm1+dest+code,#affected+returnees+idps+num\n2019-07-01,SY01,5\n2019-07-02,SY01,6\n2019-07-03,SY01,7\n"
        #expect(try run(["import", "-", "--org", "UNHCR"], input: file).status == 0)
        let misspelt = try run(["import", "-", "--org", "unhcr"], input: file.replacingOccurrences(of: ",5\n", with: ",8\n"))
        #expect(misspelt.status == 1 && misspelt.stdout.contains("rejected: 3"), "\(misspelt.stdout)")
        #expect(misspelt.stdout.components(separatedBy: "column '--org', value 'unhcr': the organisation is known as 'UNHCR'").count == 2, "\(misspelt.stdout)")
        #expect(!misspelt.stdout.contains("row 2"), "\(misspelt.stdout)")
        #expect(try run(["users", "add", "--login", "field1", "--name", "Field", "--org", "UNHCR", "--role", "editor"]).status == 0)
        let other = try run(["import", "-", "--org", "IOM", "--as", "field1"], input: file)
        #expect(other.status == 1 && other.stdout.contains("file: standard input") && other.stdout.contains("rows read: 3"), "\(other.stdout)\(other.stderr)")
        #expect(other.stdout.components(separatedBy: "standard input, column '--org', value 'IOM': this account may write records of UNHCR only").count == 2,
                "\(other.stdout)")
    }

    /// `database migrate`, the upgrade's command, lists the steps it applied, and refuses a schema a newer Homeward brought up
    /// to date (a program put back after an upgrade would misread or undo what it does not know).
    @Test func migrateListsTheStepsItAppliedAndRefusesANewerSchema() async throws {
        defer { cleanUp() }
        let first = try run(["database", "migrate"])
        #expect(first.status == 0 && first.stdout.contains("applied 0001_") && first.stdout.contains("applied 0029_"), "\(first.stdout)\(first.stderr)")
        let again = try run(["database", "migrate"])
        #expect(again.status == 0 && !again.stdout.contains("applied 0") && again.stdout.contains("up to date; nothing was applied"), "\(again.stdout)")
        let execute = { [database] (statement: String) async throws in
            let opened = try await Database.open(.sqlite(path: database))
            try await opened.read { try await $0.raw(SQLQueryString(statement)).run() }
            await opened.close()
        }
        try await execute("DELETE FROM homeward_migrations WHERE name LIKE '0029%'")
        let one = try run(["database", "migrate"])
        #expect(one.status == 0 && one.stdout.hasPrefix("applied 0029_") && !one.stdout.contains("applied 0028"), "\(one.stdout)")
        try await execute("INSERT INTO homeward_migrations VALUES ('0099_a_later_step', '2027-01-01T00:00:00Z')")
        for arguments in [["database", "migrate"], ["totals"]] {
            let refused = try run(arguments)
            #expect(refused.status == 1 && refused.stderr.contains("brought up to date by a newer Homeward") && refused.stderr.contains("0099_a_later_step"),
                    "\(refused.stdout)\(refused.stderr)")
        }
    }

    /// A database this user cannot read, may only read, or keeps in a folder it may not write is said as such, naming the file:
    /// a command that only reads said "nothing of this change was written", or "could not watch … for changes". Runs as the
    /// user nobody, so only where the tests run as root with `runuser` (CI's machine).
    @Test func aDatabaseThisUserCannotReadOrWriteIsSaidAsSuch() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else {
            print("aDatabaseThisUserCannotReadOrWriteIsSaidAsSuch: skipped, not root or no runuser"); return
        }
        defer { cleanUp() }
        #expect(try run(["crossings", "list"]).status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-modes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = folder + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        func asNobody() throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "nobody", "--", Self.executable.path, "totals", "--database", copy]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        let nobody = try #require(getpwnam("nobody")?.pointee.pw_uid)
        // Root's own file of mode 600: nobody cannot read it.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy)
        #expect(try asNobody().contains("copy.sqlite: this user cannot read it"))
        // Readable, not writable: every opening writes.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy)
        #expect(try asNobody().contains("copy.sqlite: it is read-only to this user, and Homeward writes to its database whenever it opens it"))
        // Nobody's file in root's folder: no room for the journal.
        #expect(chown(copy, nobody, gid_t(65534)) == 0)
        #expect(try asNobody().contains("its folder \(folder) is read-only to this user"))
    }

    /// A PostgreSQL URL that cannot be used is said so without its password, which a query may hold too, and a port out of
    /// range is refused rather than taken modulo 65,536.
    @Test func aPostgreSQLURLThatCannotBeUsedIsSaidWithoutItsPassword() throws {
        let unread = try run(["totals", "--database", "postgres://bob:pw1@127.0.0.1/hw?sslmode=bogus&password=s3cretPW"])
        #expect(unread.status == 1 && unread.stderr.contains("expected postgres://user[:password]@host[:port]/database"), "\(unread.stderr)")
        let port = try run(["totals", "--database", "postgres://bob@127.0.0.1:99999/hw?password=s3cretPW"])
        #expect(port.status == 1 && port.stderr.contains("its port 99999 is not one of 1 to 65535"), "\(port.stderr)")
        for refused in [unread, port] { #expect(!refused.stderr.contains("s3cretPW") && !refused.stderr.contains("pw1"), "\(refused.stderr)") }
    }

    /// A URL of another kind of database is refused as such, its password unsaid, not read as a file in a folder `mysql:`.
    @Test func aDatabaseURLOfAnotherKindIsRefusedNamingItsScheme() throws {
        let refused = try run(["totals", "--database", "mysql://root:pw@127.0.0.1/x"])
        #expect(refused.status == 1 && refused.stderr.contains("mysql:// is no database Homeward opens") && !refused.stderr.contains("pw"), "\(refused.stderr)")
    }

    /// A port out of range and an unknown log level are usage errors, not a port wrapped round (70000 listened on 4464)
    /// or a level silently left at info.
    @Test func servesOptionsOutOfRangeAreRefusedAsUsage() throws {
        let port = try run(["serve", "--port", "70000"])
        #expect(port.status == 64 && port.stderr.contains("--port 70000: a port is from 1 to 65535"), "\(port.stderr)")
        let level = try run(["serve", "--port", "0"], environment: ["HOMEWARD_LOG_LEVEL": "loud"])
        #expect(level.status == 64 && level.stderr.contains("HOMEWARD_LOG_LEVEL=loud: the levels are trace, debug, info"), "\(level.stderr)")
    }

    @Test func aServerThatWouldHideNoSmallCountIsRefused() throws {
        defer { cleanUp() }
        for count in ["0", "1"] {
            // act
            let refused = try run(["serve", "--port", "0", "--min-public-count", count], timeout: 30)
            // check
            #expect(refused.status == 64, "\(refused.stderr)")
            #expect(refused.stderr.contains("--min-public-count \(count): counts from 1 to this minus one are hidden from the public, so it takes 2 or more"),
                    "\(refused.stderr)")
        }
        let unrounded = try run(["serve", "--port", "0", "--public-rounding", "0"], timeout: 30)
        #expect(unrounded.status == 64 && unrounded.stderr.contains("--public-rounding 0: counts are rounded to a multiple of this"), "\(unrounded.stderr)")
    }

    /// A demo replaces only a file an earlier demo made: `--database` naming a deployment's file had wiped its records,
    /// users and audit for Syria's demo data without a word.
    @Test func aDemoRefusesAFileOfOtherRecordsAndLeavesItAsItWas() throws {
        defer { cleanUp() }
        let file = database + ".csv"
        try Data("#date,#meta+id,#adm1+dest+code,#affected+returnees+idps+num\n2019-07-01,a,SY01,30\n".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let imported = try run(["import", file, "--org", "UNHCR"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let before = try run(["totals", "--format", "json"]).json["total"] as? Int
        // act
        let refused = try run(["serve", "--demo", "--demo-rows", "10", "--database", database, "--port", "0"], timeout: 30)
        // check
        // Said as any of serve's refusals is, not with the usage of homeward itself.
        #expect(refused.status == 1 && refused.stderr.contains("is not a database that --demo made") && !refused.stderr.contains("Usage:"), "\(refused.stderr)")
        let nowhere = try run(["serve", "--database", database, "--port", "0", "--host", "127.0.0.300"], timeout: 30)
        #expect(nowhere.status == 1 && nowhere.stderr.contains("could not listen on 127.0.0.300 port 0: 127.0.0.300 is neither an address nor a name")
                && !nowhere.stderr.contains("SocketAddressError"), "\(nowhere.stderr)")
        #expect(try run(["totals", "--format", "json"]).json["total"] as? Int == before)
        #expect(before == 30)
    }

    /// `evacuations add` takes `--residents` as `plan` does, reads a negative pace as a value to refuse by its range (it said
    /// "Missing value"), and warns at once of a plan its transit centres cannot hold, as `show` would.
    @Test func anOperationIsAddedAsItIsPlannedAndItsShortfallOfPlacesSaid() throws {
        defer { cleanUp() }
        #expect(try run(["sites", "add", "--code", "HOL", "--name", "Al-Hol", "--kind", "camp", "--admin", "SY080006"]).status == 0)
        #expect(try run(["sites", "add", "--code", "TC-9", "--name", "Transit", "--kind", "transit-centre", "--admin", "SY08", "--capacity", "50"]).status == 0)
        #expect(try run(["sites", "census", "HOL", "--date", "2019-07-01", "--residents", "1100", "--org", "UNHCR"]).status == 0)
        // Typed at a site, a count names its site's operator by default, as the help says; a site without one needs --org.
        #expect(try run(["sites", "add", "--code", "ROJ", "--name", "Roj", "--kind", "camp", "--admin", "SY080006", "--org", "CCCM"]).status == 0)
        #expect(try run(["sites", "census", "ROJ", "--date", "2019-07-01", "--residents", "700"]).status == 0)
        #expect(try run(["sites", "show", "ROJ", "--format", "json"]).stdout.contains("CCCM"))
        let unnamed = try run(["sites", "census", "HOL", "--date", "2019-07-02", "--residents", "1000"])
        #expect(unnamed.status != 0 && unnamed.stderr.contains("--org"), "\(unnamed.stderr)")
        let negative = try run(["evacuations", "plan", "--site", "HOL", "--per-cycle", "-5", "--cycle-days", "5"])
        #expect(negative.status != 0 && negative.stderr.contains("whole number from 1") && !negative.stderr.contains("Missing value"), "\(negative.stderr)")
        let added = try run(["evacuations", "add", "--site", "HOL", "--baseline-date", "2019-07-01", "--residents", "1100", "--start", "2019-07-02",
                             "--per-cycle", "500", "--cycle-days", "2", "--via", "TC-9"])
        #expect(added.status == 0 && added.stdout.contains("added evacuation operation 1"), "\(added.stderr)")
        #expect(added.stderr.contains("500 transit places needed at the peak, 50 available at TC-9"), "\(added.stderr)")
        // A rule's refusal names the option typed, not the API's field.
        let early = try run(["evacuations", "add", "--site", "HOL", "--baseline-date", "2019-07-01", "--residents", "1100", "--start", "2019-07-01",
                             "--per-cycle", "400", "--cycle-days", "2"])
        #expect(early.status != 0 && early.stderr.contains("Error: --start '2019-07-01': ") && !early.stderr.contains("Error: start"), "\(early.stderr)")
        // The centre enlarged: its places change (audited), the same again changes nothing, a code no site has is named.
        let enlarged = try run(["sites", "update", "tc-9", "--capacity", "600", "--name-ru", "Транзитный"])
        #expect(enlarged.status == 0 && enlarged.stdout == "updated site TC-9\n", "\(enlarged.stderr)")
        #expect(try run(["sites", "update", "TC-9", "--capacity", "600"]).stdout.hasPrefix("nothing changed"))
        let (zero, unknown) = (try run(["sites", "update", "TC-9", "--capacity", "0"]), try run(["sites", "update", "NOPE", "--capacity", "5"]))
        #expect(zero.status != 0 && zero.stderr.contains("capacity") && unknown.status != 0 && unknown.stderr.contains("NOPE"), "\(zero.stderr)\(unknown.stderr)")
        let blank = try run(["sites", "update", "TC-9", "--org", "  "])
        #expect(blank.status != 0 && blank.stderr.contains("operator"), "\(blank.stderr)")
        let shown = try run(["evacuations", "show", "1"]).stdout
        #expect(!shown.contains("NOT ENOUGH"), "\(shown)")
        #expect(try run(["audit", "--kind", "site"]).stdout.contains("update"))
    }

    /// `sites standing`: every site and the total of those with one count, the others named; its CSV marks the rows summed.
    @Test func theSitesStandingSumsOnlySitesWithOneCount() throws {
        defer { cleanUp() }
        for (code, kind) in [("HOL", "camp"), ("ROJ", "camp"), ("SET", "informal-settlement")] {
            #expect(try run(["sites", "add", "--code", code, "--name", code, "--kind", kind, "--admin", "SY080006"]).status == 0)
        }
        #expect(try run(["sites", "census", "HOL", "--date", "2019-07-01", "--residents", "1100", "--org", "UNHCR"]).status == 0)
        #expect(try run(["sites", "departures", "HOL", "--date", "2019-07-03", "--persons", "100", "--org", "UNHCR"]).status == 0)
        #expect(try run(["sites", "census", "ROJ", "--date", "2019-07-01", "--residents", "700", "--org", "UNHCR"]).status == 0)
        #expect(try run(["sites", "census", "ROJ", "--date", "2019-07-01", "--residents", "750", "--org", "IOM"]).status == 0)
        let table = try run(["sites", "standing", "--as-of", "2019-07-10"])
        #expect(table.status == 0 && table.stdout.contains("TOTAL  1 of 3 sites"), "\(table.stdout)\(table.stderr)")
        let total = table.stdout.split(separator: "\n").first { $0.hasPrefix("TOTAL") }.map(String.init) ?? ""
        #expect(total.hasSuffix("1,100               100    9.09      1,000"), "\(total)")
        #expect(table.stdout.contains("counts of the latest census day differ: ROJ") && table.stdout.contains("nobody has counted them yet: SET"))
        let csv = try run(["sites", "standing", "--as-of", "2019-07-10", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(csv.contains("ROJ,ROJ,camp,,2019-07-01,0,,,true,false,2019-07-10,0") && csv.last == ",total,,1100,,100,9.09,1000,,,2019-07-10,0", "\(csv)")
        // More reported leaving than were counted: the share is of those counted, and the file carries how many beyond.
        #expect(try run(["sites", "departures", "HOL", "--date", "2019-07-04", "--persons", "1100", "--org", "UNHCR"]).status == 0)
        let beyond = try run(["sites", "standing", "--as-of", "2019-07-10", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(beyond.contains("HOL,HOL,camp,1100,2019-07-01,1200,100.00,0,false,true,2019-07-10,100") && beyond.last == ",total,,1100,,1200,100.00,0,,,2019-07-10,100",
                "\(beyond)")
        // An operation's departures outside its cycles' days are rows of their own.
        #expect(try run(["sites", "census", "SET", "--date", "2019-07-01", "--residents", "900", "--org", "IOM"]).status == 0)
        #expect(try run(["evacuations", "add", "--site", "SET", "--baseline-date", "2019-07-01", "--residents", "900", "--start", "2019-07-03",
                         "--per-cycle", "450", "--cycle-days", "2"]).status == 0)
        #expect(try run(["sites", "departures", "SET", "--date", "2019-07-02", "--persons", "30", "--org", "IOM"]).status == 0)
        #expect(try run(["sites", "departures", "SET", "--date", "2019-07-09", "--persons", "40", "--org", "IOM"]).status == 0)
        let shown = try run(["evacuations", "show", "1", "--as-of", "2019-07-10"]).stdout
        let rows = shown.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("before 2019-07-02 30") && rows.contains("after 2019-07-07 40"), "\(shown)")
    }

    /// A statement printed from a demo's database says its figures are generated, as the server's copies do: pasted from a
    /// terminal, it was a statement of made-up figures without a word.
    @Test func aStatementOfADemosDatabaseSaysSoOnTheCommandLine() async throws {
        defer { cleanUp() }
        #expect(try run(["sessions", "add", "--date", "2019-07-10", "--org", "UNHCR"]).status == 0)
        let plain = try run(["bulletin", "draft", "--date", "2019-07-10", "--lang", "en"]).stdout
        let stores = try await Stores.open(DatabaseLocation(database))
        try await stores.database.markAsDemo()
        await stores.close()
        let marked = try run(["bulletin", "draft", "--date", "2019-07-10", "--lang", "en"]).stdout
        let arabic = try run(["bulletin", "draft", "--date", "2019-07-10", "--lang", "ar", "--format", "html"]).stdout
        #expect(!plain.hasPrefix("Demo data") && marked.hasPrefix("Demo data: every figure in this statement"), "\(marked)")
        #expect(arabic.hasPrefix(#"<p class="demo" role="note" lang="ar" dir="rtl">"#), "\(arabic)")
        // Saved to a file and opened, a whole document declares its encoding, language and direction.
        let document = try run(["bulletin", "draft", "--date", "2019-07-10", "--lang", "ar", "--format", "document"]).stdout
        #expect(document.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head><meta charset=\"utf-8\">") && document.contains(arabic)
                && document.hasSuffix("</body>\n</html>\n"), "\(document)")
        let json = try run(["bulletin", "draft", "--date", "2019-07-10", "--lang", "en", "--format", "json"])
        #expect(json.json["demo"] as? Bool == true, "\(json.stdout)")
        // The three languages in one document: each article's figures link to its own table, no id given twice.
        _ = try run(["import", "-", "--org", "UNHCR"], input: "#date,#loc+crossing+code,#affected+returnees+refugees+num\n2019-07-09,LBN-01,40\n")
        let all = try run(["bulletin", "draft", "--date", "2019-07-10", "--lang", "all", "--format", "html"]).stdout
        let ids = all.matches(of: /id="([^"]+)"/).map { String($0.1) }
        #expect(!ids.isEmpty && Set(ids).count == ids.count, "\(ids)")
        #expect(all.contains(##"href="#entry-ar-returns.start.total""##) && all.contains(#"<tr id="entry-ar-returns.start.total">"#), "\(all)")
        #expect(all.contains(#"<tr id="entry-returns.start.total">"#), "English keeps its anchors")
    }

    /// A database or file that cannot be used is named with the reason, at once: a PostgreSQL server that is not there had
    /// hung a minute for "connectionCreationCircuitBreakerTripped", a file that is not a database said "notADatabase" with
    /// no path, a folder given to import an NSCocoaErrorDomain dump.
    @Test func aDatabaseOrFileThatCannotBeUsedIsNamedWithItsReason() throws {
        defer { cleanUp() }
        let junk = database + ".junk"
        try Data("not a database, only words that are long enough to fill a page header".utf8).write(to: URL(fileURLWithPath: junk))
        defer { try? FileManager.default.removeItem(atPath: junk) }
        let cases: [([String], String)] = [
            (["totals", "--database", "postgres://postgres@127.0.0.1:1/nowhere"], "could not connect to the PostgreSQL database postgres://…@127.0.0.1:1/nowhere: "),
            (["totals", "--database", junk], "could not open the SQLite database \(junk): the file is not an SQLite database"),
            (["totals", "--database", "/nonexistent-folder/x.sqlite"], "could not open the SQLite database /nonexistent-folder/x.sqlite: its folder /nonexistent-folder does not exist"),
            (["import", FileManager.default.temporaryDirectory.path, "--org", "UNHCR"], "a folder, not a file"),
            (["totals", "--database", FileManager.default.temporaryDirectory.path], "it is a folder"),
        ]
        for (arguments, said) in cases {
            let result = try run(arguments, timeout: 20)
            #expect(result.status == 1 && result.stderr.contains(said), "\(arguments): \(result.stderr)")
        }
    }

    /// The help says it: governorates unless a level or a parent is given.
    @Test func areasListGovernoratesUnlessALevelOrAParentIsGiven() throws {
        defer { cleanUp() }
        // act
        let plain = try run(["areas", "list", "--format", "json"])
        let districts = try run(["areas", "list", "--level", "2", "--format", "json"])
        let inside = try run(["areas", "list", "--parent", "SY01", "--format", "json"])
        let wrong = try run(["areas", "list", "--level", "5"])
        // check
        func levels(_ result: Result) throws -> [Int] {
            let areas = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stderr)")
            return areas.compactMap { $0["level"] as? Int }
        }
        let governorates = try levels(plain)
        #expect(governorates.count == 14 && Set(governorates) == [1])
        #expect(try Set(levels(districts)) == [2])
        #expect(try !levels(inside).isEmpty && Set(levels(inside)) == [2])
        #expect(wrong.status != 0 && wrong.stderr.contains("--level 5: expected 1 to 4"), "\(wrong.stderr)")
        // The CSV names each area in the three languages, as the JSON does.
        let csv = try run(["areas", "list", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(csv.first == "pcode,level,name_en,name_ar,parent_pcode,name_ru" && csv.contains("SY01,1,Damascus,مدينة دمشق,,Дамаск"), "\(csv.prefix(3))")
        let typo = try run(["areas", "list", "--parent", "SY99"])
        #expect(typo.status != 0 && typo.stderr.contains("SY99") && typo.stderr.contains("no area has this P-code"), "\(typo.stderr)")
    }

    @Test func tokensAreListedAsJSONWithEveryKeyNullOrNot() throws {
        defer { cleanUp() }
        // setup: a token never used, never revoked
        #expect(try run(["users", "add", "--login", "amal", "--name", "Amal", "--org", "UNHCR", "--role", "viewer"]).status == 0)
        #expect(try run(["tokens", "create", "--user", "amal"]).status == 0)
        // A negative number of days is refused by the range, as 0 is, not as a value missing.
        let negative = try run(["tokens", "create", "--user", "amal", "--expires-days", "-1"])
        #expect(negative.status != 0 && negative.stderr.contains("a token lasts from 1 to 3650 days"), "\(negative.stderr)")
        // act
        let listed = try run(["tokens", "list", "--format", "json"])
        // check: revoked and last_used are there, as null
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stdout)")
        #expect(tokens.count == 1)
        #expect(Set(tokens[0].keys) == ["id", "login", "created", "expires", "revoked", "last_used"])
        #expect(tokens[0]["revoked"] is NSNull && tokens[0]["last_used"] is NSNull)
    }

    /// An admin revokes a token by its id and names whose it should be: a mistyped id is refused, and nothing ends.
    @Test func aTokenIdOfAnotherAccountIsRefusedAndLoginsAreTakenInAnyCase() throws {
        defer { cleanUp() }
        #expect(try run(["users", "add", "--login", "unhcr-ed", "--name", "U", "--org", "UNHCR", "--role", "editor"]).status == 0)
        #expect(try run(["users", "add", "--login", "iom-ed", "--name", "I", "--org", "IOM", "--role", "editor"]).status == 0)
        let made = try run(["tokens", "create", "--user", "UNHCR-ED", "--format", "json"])
        let id = try #require(made.json["id"] as? Int, "\(made.stdout) \(made.stderr)")
        // act
        let wrong = try run(["tokens", "revoke", String(id), "--user", "iom-ed"])
        let listedBefore = try run(["tokens", "list", "--user", "Unhcr-Ed", "--format", "json"]).stdout
        let right = try run(["tokens", "revoke", String(id), "--user", "unhcr-ed", "--as", "UNHCR-ED"])
        // check
        #expect(wrong.status != 0 && wrong.stderr.contains("unhcr-ed") && wrong.stderr.contains("nothing was revoked"), "\(wrong.stderr)")
        #expect(listedBefore.contains("\"revoked\" : null"), "\(listedBefore)")
        #expect(right.status == 0 && right.stdout == "1 token(s) revoked (of unhcr-ed).\n", "\(right.stdout) \(right.stderr)")
        // A login in other letters names the same account wherever one is taken.
        #expect(try run(["users", "disable", "IOM-ED"]).status == 0)
        #expect(try run(["users", "list", "--format", "csv"]).stdout.contains("iom-ed,I,IOM,editor,false"))
        let audit = try run(["audit", "--user", "Unhcr-Ed", "--kind", "token", "--format", "csv"]).stdout
        #expect(audit.contains("token-revoked") && !audit.contains("token-created"), "\(audit)")
        // The audit names the account as it is written, whatever `--as` typed.
        #expect(audit.contains("person:unhcr-ed") && !audit.contains("person:UNHCR-ED"), "\(audit)")
        #expect(try run(["audit", "--user", "person:unhcr-ed", "--kind", "token", "--format", "csv"]).stdout == audit)
        #expect(try run(["audit", "--user", "token:1:unhcr-ed", "--kind", "token", "--format", "csv"]).stdout == audit)
        // What changes nothing leaves no entry: no token was left to revoke.
        let before = try run(["audit", "--format", "csv"]).stdout.split(separator: "\n").count
        #expect(try run(["tokens", "revoke", "--user", "unhcr-ed", "--all"]).stdout == "0 token(s) revoked (of unhcr-ed).\n")
        #expect(try run(["audit", "--format", "csv"]).stdout.split(separator: "\n").count == before)
        #expect(try run(["tokens", "list", "--user", "nobody"]).status != 0)
        // A login no account has (a password typed in its place) is refused and not kept: the operator's refusal says so.
        #expect(try run(["users", "disable", "iom-ed", "--as", "hunter2 my secret"]).status != 0)
        let refused = try run(["audit", "--kind", "people", "--format", "csv"]).stdout
        #expect(!refused.contains("hunter2") && refused.contains("as a login no account has: the account … is disabled or unknown"), "\(refused)")
        // A filter that can find nothing says why, rather than answer an empty log.
        let nobody = try run(["audit", "--user", "nosuch"])
        let kind = try run(["audit", "--kind", "persons"])
        let reversed = try run(["audit", "--from", "2026-02-02", "--to", "2026-02-01"])
        #expect(nobody.status != 0 && nobody.stderr.contains("no account has this login"), "\(nobody.stderr)")
        #expect(kind.status != 0 && kind.stderr.contains("person,"), "\(kind.stderr)")
        #expect(reversed.status != 0 && reversed.stderr.contains("before the start"), "\(reversed.stderr)")
        let operatorEntries = try run(["audit", "--user", "system:\(ProcessInfo.processInfo.userName)", "--format", "csv"]).stdout
        #expect(operatorEntries.contains("token-created"), "\(operatorEntries)")
    }

    /// An organisation typed a slip away from a known one is refused rather than made; a new one is said to be new.
    @Test func anAccountForAMistypedOrganisationIsRefusedAndANewOneSaid() throws {
        defer { cleanUp() }
        let first = try run(["users", "add", "--login", "u1", "--name", "U", "--org", "UNHCR", "--role", "editor"])
        // act
        let slip = try run(["users", "add", "--login", "u2", "--name", "U", "--org", "UNHRC", "--role", "editor"])
        let member = try run(["organisations", "add", "Returns WG", "--working-group", "--member", "UNHCR ", "--member", "UNHCRR"])
        let known = try run(["users", "add", "--login", "u3", "--name", "U", "--org", "UNHCR", "--role", "viewer"])
        let meant = try run(["organisations", "add", "UNHRC"])
        let afterAdding = try run(["users", "add", "--login", "u4", "--name", "U", "--org", "UNHRC", "--role", "viewer"])
        // check
        #expect(first.stdout == "Account u1 (editor, UNHCR); organisation UNHCR is new.\n", "\(first.stdout) \(first.stderr)")
        #expect(slip.status != 0 && slip.stderr.contains("did you mean 'UNHCR'") && slip.stderr.contains("organisations add 'UNHRC'"), "\(slip.stderr)")
        #expect(member.status != 0 && member.stderr.contains("--member 'UNHCRR'"), "\(member.stderr)")
        #expect(known.stdout == "Account u3 (viewer, UNHCR).\n", "\(known.stdout) \(known.stderr)")
        #expect(meant.status == 0 && afterAdding.status == 0, "\(afterAdding.stderr)")
        let figure = try run(["sources", "add", "--org", "UNHCRR", "--date", "2018-08-15", "--measure", "returns", "--value", "5"])
        #expect(figure.status != 0 && figure.stderr.contains("did you mean 'UNHCR'"), "\(figure.stderr)")
        let organisations = try run(["organisations", "list", "--format", "csv"]).stdout
        #expect(!organisations.contains("UNHCRR") && !organisations.contains("Returns WG") && organisations.contains("UNHRC"), "\(organisations)")
    }

    /// An admin at the machine changes an account after making it, and erases a departed person's name.
    @Test func anAccountIsChangedAndANameErasedFromTheCommandLine() throws {
        defer { cleanUp() }
        #expect(try run(["users", "add", "--login", "amal", "--name", "Amal Haddad", "--org", "UNHCR", "--role", "viewer"]).status == 0)
        // act
        let role = try run(["users", "set-role", "amal", "editor"])
        let sameRole = try run(["users", "set-role", "amal", "editor"])
        let reset = try run(["users", "reset-password", "amal", "--password-stdin"], input: "a new passphrase\n")
        let noPassword = try run(["users", "reset-password", "amal"])
        #expect(try run(["tokens", "create", "--user", "amal"]).status == 0)
        let erased = try run(["users", "erase", "amal"])
        let erasedAgain = try run(["users", "erase", "amal"])
        // check
        #expect(role.status == 0 && role.stdout == "Account amal is now editor.\n", "\(role.stderr)")
        // What changes nothing says so, and the audit holds one change, not two; the erasure names the token it ended.
        #expect(sameRole.status == 0 && sameRole.stdout == "Account amal was editor already: nothing changed.\n", "\(sameRole.stdout)")
        #expect(erasedAgain.status == 0 && erasedAgain.stdout == "Account amal was erased already: nothing changed.\n", "\(erasedAgain.stdout)")
        let changes = try run(["audit", "--kind", "person", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(changes.filter { $0.contains(",update,") }.count == 1 && changes.filter { $0.contains(",erase,") }.count == 1, "\(changes)")
        let tokens = try run(["audit", "--kind", "token", "--format", "csv"]).stdout
        #expect(tokens.contains("token-revoked") && tokens.contains("of amal, on erasure"), "\(tokens)")
        #expect(reset.status == 0 && noPassword.status != 0 && noPassword.stderr.contains("--password-stdin"), "\(reset.stderr)")
        #expect(erased.status == 0, "\(erased.stderr)")
        let listed = try run(["users", "list", "--format", "csv"]).stdout
        #expect(listed.contains("amal,,UNHCR,editor,false") && !listed.contains("Haddad"), "\(listed)")
        // An erased person's login is not enabled again for someone new.
        let enabled = try run(["users", "enable", "amal"])
        #expect(enabled.status != 0 && enabled.stderr.contains("was erased"), "\(enabled.stderr)")
        // The audit says a change was made at the command line, where a person's own request gives its address.
        let audit = try run(["audit", "--format", "csv"]).stdout
        #expect(audit.contains("command line ("), "\(audit)")
    }

    @Test func theOCHASampleImportsWithAMappingAndAnswersByGovernorate() throws {
        defer { cleanUp() }
        let imported = try run(["import", Self.sample, "--org", "OCHA Turkey", "--set", "#date=2019-01",
                                "--map", "Nahya PCODE=#adm3+dest+code", "--map", "Ret_Flow_Estimation=#affected+returnees+idps+num",
                                "--format", "json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = imported.json
        #expect(Set(summary.keys).isSuperset(of: ["status", "imported", "updated", "ignored", "rejected", "warnings", "problems"]))
        #expect(summary["status"] as? String == "SUCCESS")
        #expect(summary["imported"] as? Int == 278)

        let totals = try run(["totals", "--by", "adm1", "--format", "json"])
        #expect(totals.status == 0)
        let report = totals.json
        #expect(report["total"] as? Int == 103_396)
        #expect(report["idps"] as? Int == 103_396 && report["refugees"] as? Int == 0 && report["partial"] as? Int == 0)
        let groups = report["groups"] as? [[String: Any]] ?? []
        #expect(groups.first?["key"] as? String == "SY12")
        #expect(groups.first?["name"] as? String == "Dar'a")
        #expect(groups.first?["persons"] as? Int == 46_344)
        #expect(groups.map { $0["persons"] as? Int ?? 0 } == groups.map { $0["persons"] as? Int ?? 0 }.sorted(by: >))

        let csv = try run(["totals", "--by", "adm1", "--top", "2", "--format", "csv"])
        #expect(csv.stdout == "key,name,persons,refugees,idps,partial,previous,change\nSY12,Dar'a,46344,0,46344,,,\nSY08,Al-Hasakeh,19868,0,19868,,,\n")
        // The total's row keeps what the table says beside it: the movements that only overlap the window (a month
        // across its start), and with --last the window before and the change.
        let partial = try run(["totals", "--from", "2019-01-15", "--format", "csv"]).stdout
        #expect(partial == "key,name,persons,refugees,idps,partial,previous,change\n,Total,0,0,0,103396,,\n", "\(partial)")
        let compared = try run(["totals", "--last", "7", "--to", "2019-02-07", "--format", "csv"]).stdout
        // The window before (25 to 31 January) leaves the month of January out as its partial: given in a last column.
        #expect(compared == "key,name,persons,refugees,idps,partial,previous,change,previous_partial\n,Total,0,0,0,0,0,0,103396\n", "\(compared)")
        let comparedTable = try run(["totals", "--last", "7", "--to", "2019-02-07"]).stdout
        #expect(comparedTable.contains("and 103,396 before, in periods that cross that window's edge, not counted in it"), "\(comparedTable)")

        let again = try run(["import", Self.sample, "--org", "OCHA Turkey", "--set", "#date=2019-01",
                             "--map", "Nahya PCODE=#adm3+dest+code", "--map", "Ret_Flow_Estimation=#affected+returnees+idps+num"])
        #expect(again.stdout.contains("imported: 0") && again.stdout.contains("ignored: 278"))
    }

    /// Today is the deployment's day (`TZ`), not UTC's: a team east of UTC reports its own day before UTC reaches it, and a
    /// day that UTC has reached may still be tomorrow west of it.
    @Test func todayIsTheDeploymentsOwnDay() throws {
        defer { cleanUp() }
        // A zone whose day differs from UTC's now: 14 hours ahead from 11:00 UTC, 12 behind before.
        let now = Date()
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let ahead = utc.component(.hour, from: now) >= 11
        let zone = ahead ? "Etc/GMT-14" : "Etc/GMT+12" // POSIX names: the sign is reversed
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: ahead ? "Pacific/Kiritimati" : "Etc/GMT+12")
        let localDay = formatter.string(from: now)
        formatter.timeZone = utc.timeZone
        let utcDay = formatter.string(from: now)
        #expect(localDay != utcDay)
        let file = "#date,#loc+crossing+code,#affected+returnees+refugees+num\n\(ahead ? localDay : utcDay),LBN-01,10\n"
        let result = try run(["import", "-", "--org", "UNHCR", "--dry-run"], input: file, environment: ["HOMEWARD_TODAY": "", "TZ": zone])
        if ahead {
            #expect(result.status == 0 && result.stdout.contains("status: SUCCESS"), "\(result.stdout) \(result.stderr)")
        } else {
            #expect(result.status != 0 && result.stdout.contains("the date is in the future"), "\(result.stdout) \(result.stderr)")
        }
    }

    @Test func aBadRowFailsTheCommandAndSaysWhere() throws {
        defer { cleanUp() }
        let file = "Date,Crossing,Refugees\n#date,#loc+crossing+code,#affected+returnees+refugees+num\n2019-07-01,LBN-01,10\n2019-07-02,LBN-01,ten\n"
        let result = try run(["import", "-", "--org", "UNHCR"], input: file)
        #expect(result.status != 0)
        #expect(result.stdout.contains("status: ERROR"))
        #expect(result.stdout.contains("row 4, column 'Refugees', value 'ten'"))
        let totals = try run(["totals", "--format", "json"])
        #expect(totals.json["total"] as? Int == 0)
        // A file is named: on its own line, and in place of "file" where the problem is the whole file's.
        let named = database + ".returns.csv"
        defer { try? FileManager.default.removeItem(atPath: named) }
        try "Day,Crossing,Refugees\n2019-07-01,LBN-01,10\n".write(toFile: named, atomically: true, encoding: .utf8)
        let mapped = try run(["import", named, "--org", "UNHCR", "--map", "Day=#datee", "--map", "Crossing=#loc+crossing+code",
                              "--map", "Refugees=#affected+returnees+refugees+num"])
        let name = URL(fileURLWithPath: named).lastPathComponent
        #expect(mapped.status != 0 && mapped.stdout.contains("\nfile: \(name)\n"), "\(mapped.stdout)")
        #expect(mapped.stdout.contains("error: \(name), column '--map Day', value '#datee': not a tag Homeward reads"), "\(mapped.stdout)")
    }

    /// `--lang` writes the summary in Russian or Arabic; the command line names its own flags.
    @Test func theSummaryIsWrittenInTheChosenLanguage() throws {
        defer { cleanUp() }
        let file = "#date,#loc+crossing+code,#affected+returnees+refugees+num\n2019-07-01,LBN-01,10\n"
        let russian = try run(["import", "-", "--lang", "ru"], input: file)
        #expect(russian.status != 0)
        #expect(russian.stdout.contains("Статус импорта: ошибка (ERROR)"))
        #expect(russian.stdout.contains("ошибка: строка 2: не указана организация, представившая данные"))
        #expect(russian.stdout.contains("--org"))
        let json = try run(["import", "-", "--lang", "ar", "--format", "json"], input: file)
        let problem = (json.json["problems"] as? [[String: Any]])?.first
        #expect(problem?["code"] as? String == "import.organisation.missing")
        #expect((problem?["reason"] as? String)?.hasPrefix("لم تُحدَّد المنظمة المُبلِّغة") == true)
    }

    @Test func theLastSevenDaysAreComparedWithTheSevenBefore() throws {
        defer { cleanUp() }
        let file = "#date,#loc+crossing+code,#affected+returnees+refugees+num\n2019-07-10,LBN-01,40\n2019-07-18,LBN-01,25\n2019-07-19,JOR-01,5\n"
        #expect(try run(["import", "-", "--org", "UNHCR"], input: file).status == 0)
        let result = try run(["totals", "--last", "7", "--format", "json"])
        let report = result.json
        #expect(report["from"] as? String == "2019-07-14" && report["to"] as? String == "2019-07-20")
        #expect(report["total"] as? Int == 30)
        #expect((report["previous"] as? [String: Any])?["total"] as? Int == 40)
        #expect(report["change"] as? Int == -10)
        let table = try run(["totals", "--last", "7"])
        #expect(table.stdout.contains("change -10"))
        // The table's words and numbers in the reader's language, from the catalogue.
        let russian = try run(["totals", "--last", "7", "--lang", "ru"])
        #expect(russian.stdout.contains("Возвращения, с 14 июля 2019\u{202F}г. по 20 июля 2019\u{202F}г.") && russian.stdout.contains("изменение \u{2212}10"))
        // Its days too: Arabic digits in an Arabic heading, not ISO's Latin ones.
        #expect(try run(["totals", "--from", "2019-07-14", "--lang", "ar"]).stdout.hasPrefix("العائدون، منذ ١٤ تموز ٢٠١٩"))
    }

    /// Another deployment (or a spreadsheet's edits) takes Homeward's movements back as Homeward lists them: the HXL
    /// export reads into a new ledger unchanged, origins and places of every level and the partner's ids kept.
    @Test func theHXLExportImportsIntoAnotherLedgerWithTheSameTotals() throws {
        let other = database + "-other.sqlite"
        defer {
            cleanUp()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: other + suffix) }
        }
        let file = """
            #date,#loc+crossing+code,#country+origin+code,#adm1+origin+code,#adm1+dest+code,#adm4+dest+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#org,#meta+source,#meta+id
            2019-07-01,LBN-01,LBN,,SY07,C3912,40,,UNHCR,"Border monitoring, week 27",r-1
            2019-07-02,JOR-01,JOR,,SY01,,25,,UNHCR,,
            2019-07-03,,,SY06,SY07,C3912,,120,SARC,,s-1
            2019-07-04,,,SY09,SY08,,,35,SARC,,
            2019-07-04,,,SY09,SY08,,,35,SARC,,
            """ + "\n"
        // The last two are one report given twice in one file: a repeat, the last kept. Then the same again in a second
        // file: twins, both counted (a note Homeward does not read may tell them apart).
        #expect(try run(["import", "-"], input: file).status == 0)
        #expect(try run(["import", "-"], input: "#date,#adm1+origin+code,#adm1+dest+code,#affected+returnees+idps+num,#org,#meta+note\n2019-07-04,SY09,SY08,35,SARC,again\n").status == 0)
        // act
        let exported = try run(["movements", "list", "--format", "hxl"])
        let imported = try run(["import", "-", "--database", other, "--format", "json"], input: exported.stdout)
        // check: every movement read back, nothing refused or left unread, and the same totals by every grouping
        #expect(exported.stdout.split(separator: "\n").count == 7, "\(exported.stdout)")
        #expect(imported.status == 0 && imported.json["imported"] as? Int == 5 && imported.json["rejected"] as? Int == 0, "\(imported.stdout)")
        #expect(imported.json["ignored_columns"] as? [String] == ["homeward_id"], "\(imported.stdout)")
        for by in ["origin", "adm1", "adm2", "crossing", "organisation", "category"] {
            let here = try run(["totals", "--by", by, "--format", "csv"]), there = try run(["totals", "--by", by, "--format", "csv", "--database", other])
            #expect(here.status == 0 && here.stdout == there.stdout, "by \(by): \(here.stdout) against \(there.stdout)")
        }
        let listed = try run(["movements", "list", "--format", "json", "--database", other]).json["movements"] as? [[String: Any]] ?? []
        #expect(listed.compactMap { $0["external_id"] as? String }.sorted() == ["r-1", "s-1"])
        #expect(listed.contains { $0["source"] as? String == "Border monitoring, week 27" })
        // An export is every movement, not a first page: 150 movements more, and all 155 come out.
        let many = "#date,#adm1+dest+code,#affected+returnees+idps+num,#org,#meta+id\n" + (1...150).map { "2019-06-01,SY01,\($0),SARC,m\($0)" }.joined(separator: "\n")
        #expect(try run(["import", "-"], input: many + "\n").status == 0)
        #expect(try run(["movements", "list", "--format", "hxl"]).stdout.split(separator: "\n").count == 2 + 155)
        #expect(try run(["movements", "list", "--format", "hxl", "--limit", "10"]).stdout.split(separator: "\n").count == 2 + 10)
        // The plain CSV keeps its first eight columns and adds what a movement holds besides.
        let csv = try run(["movements", "list", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(csv.first == "id,start,end,category,crossing,destination,persons,organisation,origin,source,external_id,recorded_at,recorded_by")
        #expect(csv.dropFirst().allSatisfy { $0.hasSuffix(",system:\(ProcessInfo.processInfo.userName)") }, "\(csv)")
        #expect(csv.dropFirst().first?.hasPrefix("1,2019-07-01,2019-07-01,refugee,LBN-01,C3912,40,UNHCR,LBN,\"Border monitoring, week 27\",r-1,") == true,
                "\(csv)")
    }

    /// The table's group names follow `--lang` too; CSV keeps the API's keys and English names for scripts.
    @Test func weeksMonthsAndWhatIsNotReportedAreNamedInTheTablesLanguage() throws {
        defer { cleanUp() }
        let file = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#affected+returnees+idps+num\n"
            + "2019-06-28,LBN-01,SY03,40,\n2019-07-18,,SY07,,25\n"
        #expect(try run(["import", "-", "--org", "UNHCR"], input: file).status == 0)
        let weeks = try run(["totals", "--by", "week", "--lang", "ru"]).stdout
        // A week's days in words, as months are named, in the language's digits; its key keeps ISO's.
        #expect(weeks.contains("НЕДЕЛЯ") && weeks.contains("2019-W26  24—30 июня 2019\u{202F}г."), "\(weeks)")
        let arabicWeeks = try run(["totals", "--by", "week", "--lang", "ar"]).stdout
        #expect(arabicWeeks.contains("2019-W26  ٢٤–٣٠ حزيران ٢٠١٩") && !arabicWeeks.contains("2019-06-24"), "\(arabicWeeks)")
        // A week the window cuts is named by the days it counts.
        let cut = try run(["totals", "--by", "week", "--from", "2019-06-27"]).stdout
        #expect(cut.contains("2019-W26  27\u{2009}–\u{2009}30 June 2019"), "\(cut)")
        let months = try run(["totals", "--by", "month", "--lang", "ar"]).stdout
        #expect(months.contains("الشهر") && months.contains("حزيران ٢٠١٩") && months.contains("تموز ٢٠١٩"), "\(months)")
        #expect(try run(["totals", "--by", "month"]).stdout.contains("2019-07  July 2019"))
        let crossings = try run(["totals", "--by", "crossing", "--lang", "ru"]).stdout
        #expect(crossings.contains("ПУНКТ ПЕРЕСЕЧЕНИЯ") && crossings.contains("не указано"), "\(crossings)")
        let csv = try run(["totals", "--by", "crossing", "--lang", "ru", "--format", "csv"]).stdout
        #expect(csv.contains(",not reported,") && csv.contains("LBN-01,"), "\(csv)")
        // Below a governorate, the destinations given at a coarser level are not said to be unreported.
        let districts = try run(["totals", "--by", "adm2"]).stdout
        #expect(districts.contains("not reported at this level")
                && districts.components(separatedBy: "not reported").count == districts.components(separatedBy: "not reported at this level").count, "\(districts)")
    }

    /// A long audit is not cut off unseen: a full page says so on stderr and names the `--after` of the next.
    @Test func aFullPageOfTheAuditNamesWhereTheNextBegins() throws {
        defer { cleanUp() }
        for login in ["amal", "badr", "chadi"] {
            #expect(try run(["users", "add", "--login", login, "--name", login, "--org", "Centre", "--role", "viewer"]).status == 0)
        }
        let all = try #require(try run(["audit", "--format", "json"]).json["entries"] as? [[String: Any]])
        let ids = all.compactMap { $0["id"] as? Int }
        #expect(ids.count >= 3)
        let first = try run(["audit", "--limit", "2", "--format", "csv"])
        #expect(first.stderr.contains("2 entries shown, up to id \(ids[1]); more may follow: --after \(ids[1])"), "\(first.stderr)")
        let rest = try run(["audit", "--after", String(ids[1]), "--format", "json"])
        #expect((rest.json["entries"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == Array(ids.dropFirst(2)))
        #expect(!rest.stderr.contains("more may follow"))
    }

    /// Another country's centre names its levels its own way, in each language, without a change to Homeward; a file of
    /// its words that cannot be laid over the shipped ones stops every command, naming the file and the entry.
    @Test func aDeploymentNamesItsLevelsInItsOwnWords() throws {
        defer { cleanUp() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"cli.totals.column.by.adm1": "ОБЛАСТЬ", "level.adm1.count": {"plural": "count", "one": "{count} область", "few": "{count} области", "many": "{count} областей", "other": "{count} области"}}"#
            .write(to: folder.appendingPathComponent("ru.json"), atomically: true, encoding: .utf8)
        let words = ["HOMEWARD_CATALOGUE": folder.path]
        #expect(try run(["import", "-", "--org", "SARC"], input: "#date,#adm1+dest+code,#affected+returnees+idps+num\n2019-07-01,SY01,5\n").status == 0)
        let russian = try run(["totals", "--by", "adm1", "--lang", "ru"], environment: words)
        #expect(russian.status == 0 && russian.stdout.contains("ОБЛАСТЬ") && !russian.stdout.contains("МУХАФАЗА"), "\(russian.stdout)\(russian.stderr)")
        #expect(try run(["totals", "--by", "adm1"], environment: words).stdout.contains("ADM1"), "English keeps its words")
        // Arabic dates in a centre's own locale: Yemen's months (يوليو), not the Levant's (تموز).
        try #"{"locale": "ar-YE"}"#.write(to: folder.appendingPathComponent("ar.json"), atomically: true, encoding: .utf8)
        let yemen = try run(["totals", "--by", "month", "--lang", "ar"], environment: words).stdout
        #expect(yemen.contains("يوليو") && !yemen.contains("تموز"), "\(yemen)")
        #expect(try run(["totals", "--by", "month", "--lang", "ar"]).stdout.contains("تموز"))
        try #"{"locale": "en-US"}"#.write(to: folder.appendingPathComponent("ar.json"), atomically: true, encoding: .utf8)
        #expect(try run(["totals"], environment: words).stderr.contains("locale is a locale of ar"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("ar.json"))
        try #"{"level.adm1.nmae": "Province"}"#.write(to: folder.appendingPathComponent("en.json"), atomically: true, encoding: .utf8)
        let misspelt = try run(["totals"], environment: words)
        #expect(misspelt.status != 0 && misspelt.stderr.contains("en.json (HOMEWARD_CATALOGUE): level.adm1.nmae is no entry"), "\(misspelt.stderr)")
        try #"{"level.adm1.count": {"plural": "count", "one": "{n} province", "other": "{n} provinces"}}"#
            .write(to: folder.appendingPathComponent("en.json"), atomically: true, encoding: .utf8)
        let unfilled = try run(["totals"], environment: words)
        #expect(unfilled.status != 0 && unfilled.stderr.contains("level.adm1.count uses {n}"), "\(unfilled.stderr)")
        // Russian takes few and many where Homeward's entry gives them; a variant entry needs its cases or an other.
        try #"{"level.adm1.count": {"plural": "count", "one": "{count} province", "other": "{count} provinces"}}"#
            .write(to: folder.appendingPathComponent("en.json"), atomically: true, encoding: .utf8)
        try #"{"level.adm1.count": {"plural": "count", "one": "{count} область", "other": "{count} области"}}"#
            .write(to: folder.appendingPathComponent("ru.json"), atomically: true, encoding: .utf8)
        #expect(try run(["totals"], environment: words).stderr.contains("level.adm1.count lacks the form few"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("ru.json"))
        try #"{"access.role": {"select": "need", "records": "the role {role} may not write figures"}}"#
            .write(to: folder.appendingPathComponent("en.json"), atomically: true, encoding: .utf8)
        #expect(try run(["totals"], environment: words).stderr.contains("access.role lacks the form"))
        // The folder must be there and hold only the languages' files.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("en.json"))
        try "{}".write(to: folder.appendingPathComponent("RU.json"), atomically: true, encoding: .utf8)
        #expect(try run(["totals"], environment: words).stderr.contains("RU.json (HOMEWARD_CATALOGUE): not a catalogue file"))
        #expect(try run(["totals"], environment: ["HOMEWARD_CATALOGUE": folder.path + "-nowhere"]).stderr.contains("no such folder"))
    }

    /// A country given on the command line against the folder's own is taken, and the difference said.
    @Test func aCountryOtherThanTheFoldersIsTakenWithAWarning() throws {
        defer { cleanUp() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "adm1_pcode,adm1_name_en,adm1_name_ar\nIQ01,Anbar,الأنبار\n".write(to: folder.appendingPathComponent("adm1.csv"), atomically: true, encoding: .utf8)
        try "IRQ\n".write(to: folder.appendingPathComponent("home_country.txt"), atomically: true, encoding: .utf8)
        let loaded = try run(["gazetteer", "load", folder.path, "--country", "jor"])
        #expect(loaded.status == 0 && loaded.stdout.contains("home country: JOR"), "\(loaded.stdout)\(loaded.stderr)")
        #expect(loaded.stderr.contains("home_country.txt says IRQ; --country JOR is taken"))
        // Another country than the words that ship are for is told where its own go, once; not where it gave them.
        #expect(loaded.stderr.contains("a folder named by HOMEWARD_CATALOGUE gives JOR's own"), "\(loaded.stderr)")
        let words = folder.appendingPathComponent("words")
        try FileManager.default.createDirectory(at: words, withIntermediateDirectories: true)
        try "{}".write(to: words.appendingPathComponent("en.json"), atomically: true, encoding: .utf8)
        let worded = try run(["gazetteer", "load", folder.path, "--country", "jor"], environment: ["HOMEWARD_CATALOGUE": words.path])
        #expect(!worded.stderr.contains("HOMEWARD_CATALOGUE"), "\(worded.stderr)")
    }

    /// Scripts tell a refused option (64, with the command's own usage) from a request the data cannot answer (1, no usage).
    @Test func aRefusedOptionAndSomethingNotFoundExitDifferently() throws {
        defer { cleanUp() }
        for (arguments, usage) in [(["readiness", "--sort", "spaceport"], "Usage: homeward readiness"),
                                   (["areas", "list", "--level", "7"], "Usage: homeward areas list"),
                                   (["bulletin", "check-text", "/dev/null"], "Usage: homeward bulletin check-text"),
                                   (["import", "/dev/null", "--delimiter", "|"], "Usage: homeward import"),
                                   (["import", "/dev/null", "--map", "no equals sign"], "Usage: homeward import"),
                                   (["totals", "--from", "2020-07-01", "--to", "2020-06-01"], "Usage: homeward totals"),
                                   (["sources", "compare", "--measure", "returns", "--year", "2020", "--to", "2020-06-01"], "Usage: homeward sources compare")] {
            let refused = try run(arguments)
            #expect(refused.status == 64 && refused.stderr.contains(usage), "\(arguments): \(refused.stderr)")
        }
        for arguments in [["bulletin", "show", "99"], ["bulletin", "diff", "98", "99"], ["movements", "history", "99"]] {
            let missing = try run(arguments)
            #expect(missing.status == 1 && !missing.stderr.contains("Usage:"), "\(arguments): \(missing.stderr)")
        }
    }

    @Test func crossingsAreListedAndAdded() throws {
        defer { cleanUp() }
        let added = try run(["crossings", "add", "--code", "INT-01", "--name", "Abu al-Duhur corridor", "--internal", "--admin", "SY07"])
        #expect(added.status == 0, "\(added.stderr)")
        let list = try run(["crossings", "list", "--format", "csv"])
        #expect(list.stdout.contains("INT-01,Abu al-Duhur corridor,,,,SY07,"))
        #expect(list.stdout.contains("LBN-01,Jdeidet Yabous,جديدة يابوس,LBN,"))
        let refused = try run(["crossings", "add", "--code", "X-1", "--name", "X", "--country", "ZZZ"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("unknown country"))
        let neither = try run(["crossings", "add", "--code", "X-2", "--name", "X"])
        #expect(neither.status != 0)
    }

    @Test func organisationsAppearOnFirstUse() throws {
        defer { cleanUp() }
        let file = "#date,#org,#adm1+dest+code,#affected+returnees+idps+num\n2019-01-01,SARC,SY01,5\n"
        #expect(try run(["import", "-"], input: file).status == 0)
        let list = try run(["organisations", "list", "--format", "csv"])
        #expect(list.stdout == "id,name,working_group,members\n1,SARC,false,\n")
        // A working group lists its members, in every format.
        #expect(try run(["organisations", "add", "Returns WG", "--working-group", "--member", "SARC", "--member", "IOM"]).status == 0)
        let csv = try run(["organisations", "list", "--format", "csv"]).stdout
        let json = try run(["organisations", "list", "--format", "json"]).stdout
        #expect(csv.contains("Returns WG,true,IOM; SARC\n"), "\(csv)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(json)")
        #expect(listed.first { $0["name"] as? String == "Returns WG" }?["members"] as? [String] == ["IOM", "SARC"], "\(json)")
        // The table says which is a working group, one without members too.
        #expect(try run(["organisations", "add", "Empty WG", "--working-group"]).status == 0)
        let table = try run(["organisations", "list"]).stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(table.contains { $0.hasSuffix("Empty WG working group") } && table.contains { $0.hasSuffix("SARC organisation") }, "\(table)")
    }

    @Test func aCorrectedMovementsHistoryIsShownVersionByVersion() throws {
        defer { cleanUp() }
        let header = "#date,#meta+id,#org,#adm1+dest+code,#affected+returnees+idps+num\n"
        #expect(try run(["import", "-", "--records", "movements"], input: header + "2019-07-01,r1,SARC,SY01,5\n").status == 0)
        #expect(try run(["users", "add", "--login", "amal", "--name", "Amal", "--org", "Centre", "--role", "coordinator"]).status == 0)
        #expect(try run(["import", "-", "--as", "amal"], input: header + "2019-07-01,r1,SARC,SY01,8\n").status == 0)
        let history = try run(["movements", "history", "1", "--format", "json"])
        #expect(history.status == 0, "\(history.stderr)")
        let versions = try #require(history.json["versions"] as? [[String: Any]])
        #expect(versions.compactMap { ($0["movement"] as? [String: Any])?["persons"] as? Int } == [5, 8])
        #expect(versions.first?["superseded_by"] as? String == "person:amal")
        #expect(versions.last?["superseded_at"] is NSNull)
        let table = try run(["movements", "history", "1"])
        #expect(table.stdout.contains("in force"))
        // Figures of the ledger as it once stood say so, in the table and in JSON; today's do not.
        let then = try run(["totals", "--as-recorded-on", "2000-01-01", "--format", "json"])
        #expect(then.json["total"] as? Int == 0 && then.json["as_recorded_on"] as? String == "2000-01-01T23:59:59Z")
        #expect(try run(["totals", "--format", "json"]).json["as_recorded_on"] == nil)
        // Today is a moment to read by; one still to come is not.
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        #expect(try run(["totals", "--as-recorded-on", today]).status == 0)
        let future = try run(["totals", "--as-recorded-on", "2099-01-01"])
        #expect(future.status != 0 && future.stderr.contains("a moment still to come"), "\(future.stderr)")
        #expect(try run(["totals", "--as-recorded-on", "2000-01-01"]).stdout.contains("The ledger as recorded on 1 January 2000 at 23:59:59 (UTC)"))
        // In the language asked, its digits too.
        let arabic = try run(["totals", "--as-recorded-on", "2000-01-01", "--lang", "ar"]).stdout
        #expect(arabic.contains("١ كانون الثاني، ٢٠٠٠، ١١:٥٩:٥٩") && !arabic.contains("2000-01-01T"), "\(arabic)")
        #expect(try run(["totals", "--as-recorded-on", "2000-01-01", "--format", "csv"]).stdout
            == "key,name,persons,refugees,idps,partial,previous,change,as_recorded_on\n,Total,0,0,0,0,,,2000-01-01T23:59:59Z\n")
        let missing = try run(["movements", "history", "99"])
        #expect(missing.status != 0 && missing.stderr.contains("no movement has id 99"))
        let unknownKind = try run(["import", "-", "--records", "planets"], input: header)
        #expect(unknownKind.status != 0 && unknownKind.stderr.contains("--records"))
    }

    @Test func facilitiesAndAidAreRecordedSummarisedAndSetBesideReturns() throws {
        defer { cleanUp() }
        // setup: returns to two communities of Rural Damascus, schools and a road under way, aid delivered
        let movements = "#date,#adm4+dest+code,#affected+returnees+idps+num,#org\n2019-07-01,C2269,1400,UNHCR\n2019-07-02,C2270,90,UNHCR\n"
        #expect(try run(["import", "-"], input: movements).status == 0)
        #expect(try run(["facilities", "add", "--settlement", "C2269", "--kind", "school", "--status", "under-restoration",
                         "--date", "2019-03-01", "--quantity", "1203", "--org", "UNDP"]).status == 0)
        let facilities = "#date,#adm4+code,#loc+type,#status,#indicator+num,#org,#meta+id\n"
            + "2019-03-02,C2270,road,under-restoration,0.1,UNDP,r1\n2019-03-03,C2270,road,under-restoration,0.2,UNDP,r2\n"
            + "2019-07-10,C2269,school,commissioned,1,UNDP,\n"
        #expect(try run(["import", "-", "--records", "facilities"], input: facilities).status == 0)
        // A commissioning without a reported start is kept, and the command says so.
        let orphan = try run(["facilities", "add", "--settlement", "C2270", "--kind", "bakery", "--status", "commissioned", "--date", "2019-07-11",
                              "--org", "WFP"])
        #expect(orphan.status == 0 && orphan.stderr.contains("Warning") && orphan.stderr.contains("only 0 reported under restoration"))
        let badKm = try run(["facilities", "add", "--settlement", "C2270", "--kind", "road", "--status", "commissioned", "--date", "2019-07-11",
                             "--quantity", "0.25", "--org", "UNDP"])
        #expect(badKm.status != 0 && badKm.stderr.contains("0.1 km"))
        // A field team's member records as themselves: their organisation reports the delivery; without either, nobody does.
        #expect(try run(["users", "add", "--login", "sarc-field", "--name", "SARC field team", "--org", "SARC", "--role", "editor"]).status == 0)
        let nobody = try run(["aid", "add", "--locality", "C2269", "--type", "humanitarian", "--date", "2019-07-12", "--parcels", "1"])
        #expect(nobody.status != 0 && nobody.stderr.contains("no reporting organisation"))
        let delivered = try run(["aid", "add", "--locality", "C2269", "--type", "humanitarian", "--date", "2019-07-12", "--tonnes", "1234.5",
                                 "--parcels", "1250", "--as", "sarc-field"])
        #expect(delivered.status == 0, "\(delivered.stderr)")
        #expect(try run(["aid", "list", "--format", "csv"]).stdout.contains(",SARC,1234.5,1250,"))
        // Every figure listed says who recorded it and when, and its number for `aid history`: no call per record to find out.
        let actionsCSV = try run(["aid", "list", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(actionsCSV.first?.hasSuffix(",description,action,recorded_at,recorded_by,external_id") == true, "\(actionsCSV)")
        #expect(actionsCSV.last?.contains(",person:sarc-field,") == true, "\(actionsCSV)")

        let aidJSON = try #require(try run(["aid", "list", "--format", "json"]).json["actions"] as? [[String: Any]])
        #expect(aidJSON.last?["recorded_by"] as? String == "person:sarc-field" && aidJSON.last?["recorded_at"] is String, "\(aidJSON)")
        let worksCSV = try run(["facilities", "list", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(worksCSV.first == "date,settlement,kind,status,quantity,unit,organisation,id,record,recorded_at,recorded_by", "\(worksCSV)")
        #expect(worksCSV.dropFirst().allSatisfy { $0.contains(",system:") }, "\(worksCSV)")
        let worksJSON = try #require(try run(["facilities", "list", "--format", "json"]).json["facilities"] as? [[String: Any]])
        #expect(worksJSON.allSatisfy { ($0["recorded_by"] as? String)?.hasPrefix("system:") == true && $0["recorded_at"] is String })
        // A reader's tables group thousands; spreadsheets get bare numbers.
        let aidTable = try run(["aid", "list"]).stdout
        #expect(aidTable.contains("1,234.5") && aidTable.contains("1,250"), "\(aidTable)")
        #expect(try run(["facilities", "list"]).stdout.contains("1,203"))
        #expect(try run(["facilities", "list", "--format", "csv"]).stdout.contains(",1203,"))
        // act and check
        let summary = try run(["facilities", "summary", "--from", "2019-07-01", "--to", "2019-07-20", "--format", "json"])
        let stock = summary.json["under_restoration"] as? [String: Any]
        #expect(stock?["settlements"] as? Int == 2)
        #expect((stock?["by_kind"] as? [[String: Any]])?.map { $0["quantity"] as? Double } == [1_202, 0.3])
        let summaryTable = try run(["facilities", "summary", "--from", "2019-07-01", "--to", "2019-07-20"]).stdout
        #expect(summaryTable.contains("1,202"), "\(summaryTable)")
        #expect((summary.json["commissioned"] as? [String: Any])?["settlements"] as? Int == 2)
        let aid = try run(["aid", "summary", "--format", "json"])
        #expect(aid.json["kilograms"] as? Int == 1_234_500 && aid.json["localities"] as? Int == 1)
        // The delivery gave no people reached nor treated: not known, which the table says rather than 0.
        let aidSummary = try run(["aid", "summary"]).stdout
        #expect(aidSummary.contains("1,234.5") && aidSummary.contains("1,250        -        -"), "\(aidSummary)")
        #expect(aidSummary.contains("Actions that gave each figure, of 1: tonnes 1, parcels 1, reached 0, treated 0."), "\(aidSummary)")
        let aidCSV = try run(["aid", "summary", "--format", "csv"]).stdout
        #expect(aidCSV.hasPrefix("group,name,actions,localities,tonnes,parcels,people_reached,medical_treated,tonnes_reported_by,"), "\(aidCSV)")
        #expect(aidCSV.contains(",all,1,1,1234.5,1250,0,0,1,1,0,0\n"), "\(aidCSV)")
        #expect((aid.json["reported_by"] as? [String: Int])?["people_reached"] == 0)
        // By type, the table is the type table once; by region, the regions follow it.
        let byType = try run(["aid", "summary", "--by", "type"]).stdout, byRegion = try run(["aid", "summary", "--by", "adm1"]).stdout
        #expect(byType.components(separatedBy: "Humanitarian").count == 2, "\(byType)")
        #expect(byRegion.contains("Humanitarian") && byRegion.contains("Rural Damascus"), "\(byRegion)")
        let readiness = try run(["readiness", "--level", "adm4", "--format", "csv"])
        #expect(readiness.status == 0, "\(readiness.stderr)")
        #expect(readiness.stdout.split(separator: "\n").dropFirst().map { $0.prefix(6) } == ["C2269,", "C2270,"])
        #expect(readiness.stdout.contains(",1400,0,1400,"))
        // A reader's table groups thousands, as every other table does.
        let readinessTable = try run(["readiness", "--level", "adm4"]).stdout
        #expect(readinessTable.contains("1,400") && readinessTable.contains("1,234.5") && readinessTable.contains("1,202"), "\(readinessTable)")
        #expect(readinessTable.contains("1,250        -        -"), "people reached and treated not reported: \(readinessTable)")
        #expect(readinessTable.contains("- : given by none of the area's aid actions"), "\(readinessTable)")
        // A locality without aid has no tonnes, parcels or people to give: `-`, as its legend says, not 0.
        #expect(readinessTable.split(separator: "\n").contains { $0.wholeMatch(of: /C22\d\d .* 0 +- +- +- +-/) != nil }, "\(readinessTable)")
        #expect(try run(["readiness", "--sort", "index"]).status != 0)
        let spaceport = try run(["readiness", "--sort", "commissioned:spaceport"])
        #expect(spaceport.status != 0 && spaceport.stderr.contains("no facility kind has the code spaceport; the kinds are"), "\(spaceport.stderr)")
        #expect(try run(["readiness", "--sort", "commissioned:school"]).status == 0)
        // A second action of the type gives people reached (typed in Arabic digits): its line, and the whole, say how many gave them.
        #expect(try run(["aid", "add", "--locality", "C2270", "--type", "humanitarian", "--date", "٢٠١٩-٠٧-١٣", "--reached", "١٤٠٠",
                         "--as", "sarc-field"]).status == 0)
        let partly = try run(["aid", "summary"]).stdout
        #expect(partly.components(separatedBy: "1,400 (1/2)").count == 3, "the whole and the type: \(partly)")
        #expect(partly.contains("People reached with (1/2): given by 1 of the line's 2 actions."), "\(partly)")
        // And so does the readiness table of the governorate that holds both localities.
        let governorate = try run(["readiness", "--level", "adm1"]).stdout
        #expect(governorate.contains("1,400 (1/2)") && governorate.contains("REACHED with (n/m): people reached given by n of the area's m aid actions."),
                "\(governorate)")
    }

    /// A 0 given on the command line takes back the facility record it finds, and says so; one that finds none says that
    /// nothing was recorded, not "already recorded".
    @Test func aFacilityRecordOfZeroIsWithdrawnAndSaidSo() throws {
        defer { cleanUp() }
        let add = ["facilities", "add", "--settlement", "C2269", "--kind", "school", "--status", "under-restoration", "--date", "2019-03-01",
                   "--org", "UNDP", "--id", "school-12"]
        #expect(try run(add + ["--quantity", "3"]).stdout.contains("recorded"))
        let withdrawn = try run(add + ["--quantity", "0"])
        #expect(withdrawn.status == 0 && withdrawn.stdout == "withdrawn\n", "\(withdrawn.stdout) \(withdrawn.stderr)")
        let none = try run(add.map { $0 == "school-12" ? "school-99" : $0 } + ["--quantity", "0"])
        #expect(none.status == 0 && none.stdout == "nothing recorded\n", "\(none.stdout)")
        // An aid action takes back with a 0 in every figure it gives, and says so.
        let aid = ["aid", "add", "--locality", "C2269", "--type", "humanitarian", "--date", "2019-03-02", "--org", "SARC", "--id", "A1"]
        #expect(try run(aid + ["--parcels", "750", "--tonnes", "1.5"]).stdout == "recorded\n")
        // The organisation's own id of its report is the CSV's last column, by which a partner finds the row of its form.
        #expect(try run(["aid", "list", "--format", "csv"]).stdout.split(separator: "\n").last?.hasSuffix(",A1") == true)
        #expect(try run(aid + ["--parcels", "0", "--tonnes", "0"]).stdout == "withdrawn\n")
        let stock = try run(["facilities", "summary", "--as-of", "2019-06-30", "--format", "json"]).json["under_restoration"] as? [String: Any]
        #expect((stock?["by_kind"] as? [Any])?.isEmpty == true && stock?["settlements"] as? Int == 0, "the 3 schools withdrawn: \(String(describing: stock))")
    }

    @Test func organisationsCountingTheSameFigureAgreeOnABaseline() throws {
        defer { cleanUp() }
        #expect(try run(["sites", "add", "--code", "HOL", "--name", "Al-Hol", "--kind", "camp", "--admin", "SY080006"]).status == 0)
        for org in ["WHO", "CCCM"] {
            #expect(try run(["sites", "census", "HOL", "--date", "2019-06-01", "--residents", "5000", "--org", org]).status == 0)
        }
        // Two counts of 5,000 are one figure: no choice to make, as the site's standing has none.
        let added = try run(["evacuations", "add", "--site", "HOL", "--baseline-date", "2019-06-01", "--start", "2019-06-02",
                             "--per-cycle", "1000", "--cycle-days", "5"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect((try run(["evacuations", "show", "1", "--format", "json"]).json["operation"] as? [String: Any])?["baseline_residents"] as? Int == 5_000)
    }

    @Test func aCampEvacuationIsPlannedRecordedAndFollowed() throws {
        defer { cleanUp() }
        // setup: a camp, a transit centre, two organisations' censuses, two departures
        #expect(try run(["sites", "add", "--code", "HOL", "--name", "Al-Hol", "--kind", "camp", "--admin", "SY080006"]).status == 0)
        let centre = try run(["sites", "add", "--code", "TC-1", "--name", "Transit", "--kind", "transit-centre", "--admin", "SY08"])
        #expect(centre.status != 0 && centre.stderr.contains("capacity"))
        #expect(try run(["sites", "add", "--code", "TC-1", "--name", "Transit", "--kind", "transit-centre", "--admin", "SY08", "--capacity", "2000"]).status == 0)
        #expect(try run(["sites", "census", "HOL", "--date", "2019-07-01", "--residents", "10000", "--org", "UNHCR"]).status == 0)
        let censuses = "#date,#loc+site+code,#population+ind+num,#org\n2019-07-01,HOL,11000,WHO\n"
        #expect(try run(["import", "-", "--records", "censuses"], input: censuses).status == 0)
        let departures = "#date,#loc+site+code,#affected+departed+num,#loc+dest+code,#org\n2019-07-03,HOL,2500,TC-1,CCCM\n"
        let sent = try run(["import", "-", "--records", "departures"], input: departures)
        // 2,500 into a centre of 2,000 places is kept, with a warning, and the centre says when it was full
        #expect(sent.status == 0 && (sent.stdout + sent.stderr).contains("above its capacity of 2,000"), "\(sent.stdout)")
        let full = try run(["sites", "show", "TC-1"]).stdout
        #expect(full.contains("OVER        2019-07-03 to 2019-07-04: up to 2,500 on 2019-07-03, above the 2,000 places"), "\(full)")
        #expect(full.contains("estimated   0 in the centre on") && full.contains("2,500 arrived in all") && !full.contains("no census yet"))
        // act and check: where the camp stands, both censuses side by side
        let show = try run(["sites", "show", "HOL", "--format", "json"])
        #expect(show.json["left"] as? Int == 2_500)
        #expect((show.json["censuses"] as? [[String: Any]])?.count == 2)
        // a plan from a census two organisations disagree on asks which figure it counts from, as an operation does
        let planArguments = ["evacuations", "plan", "--site", "HOL", "--per-cycle", "1000", "--cycle-days", "5", "--deadline", "2019-07-30",
                             "--via", "TC-1", "--format", "json"]
        let undecided = try run(planArguments)
        #expect(undecided.status != 0 && undecided.stderr.contains("the site's censuses of 1 July 2019 differ (UNHCR: 10,000; WHO: 11,000)")
                && undecided.stderr.contains("--residents"), "\(undecided.stderr)")
        // A day to come is refused, as the API and the page refuse it: nothing is known of it yet.
        let future = try run(["sites", "show", "HOL", "--as-of", "2099-01-01"])
        #expect(future.status != 0 && future.stderr.contains("after today"), "\(future.stderr)")
        // No figure is the site's while its counters disagree: each is given.
        let shown = try run(["sites", "show", "HOL"]).stdout
        #expect(shown.contains("residents   the censuses of 2019-07-01 differ: UNHCR 10,000; WHO 11,000") && !shown.contains("remaining"), "\(shown)")
        // a plan against a deadline it cannot meet says what pace would
        let plan = try run(planArguments + ["--residents", "10000"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.json["remaining"] as? Int == 7_500)
        // From today (20 July), not from the day after the last departure (4 July), which is past.
        #expect(plan.json["start"] as? String == "2019-07-20" && plan.json["feasible"] as? Bool == false)
        #expect(plan.json["needed_per_cycle"] as? Int != nil && plan.json["transit_places_available"] as? Int == 2_000)
        // For a terminal, the counts each with their word: "cycles 1, 1 days" read as a list.
        let single = try run(["evacuations", "plan", "--site", "HOL", "--per-cycle", "7500", "--cycle-days", "1", "--residents", "10000"]).stdout
        #expect(single.contains("cycles      1 cycle over 1 day, ending"), "\(single)")
        let several = try run(["evacuations", "plan", "--site", "HOL", "--per-cycle", "2500", "--cycle-days", "5", "--residents", "10000"]).stdout
        #expect(several.contains("cycles      3 cycles over 15 days, ending"), "\(several)")
        // an operation whose baseline two organisations disagree on must say which figure it counts from
        let ambiguous = try run(["evacuations", "add", "--site", "HOL", "--baseline-date", "2019-07-01", "--start", "2019-07-02",
                                 "--per-cycle", "1000", "--cycle-days", "5"])
        #expect(ambiguous.status != 0 && ambiguous.stderr.contains("2 organisations counted"))
        #expect(try run(["evacuations", "add", "--site", "HOL", "--baseline-date", "2019-07-01", "--baseline-residents", "10000",
                         "--start", "2019-07-02", "--per-cycle", "1000", "--cycle-days", "5", "--via", "TC-1", "--status", "under-way"]).status == 0)
        let progress = try run(["evacuations", "show", "1", "--format", "json"])
        #expect(progress.json["left"] as? Int == 2_500 && progress.json["remaining"] as? Int == 7_500)
        // the operation says that a centre it goes through was estimated above its capacity, and at what pace it would end
        let table = try run(["evacuations", "show", "1", "--as-of", "2019-07-10"]).stdout
        #expect(table.contains("OVER        TC-1 estimated above its 2,000 places since the operation began: up to 2,500 on 2019-07-03"), "\(table)")
        #expect(table.contains("at the pace of the last 9 days: "), "\(table)")
        // mid-cycle, the standing is of the last cycle's end, with what had left by then (not the figure above it)
        #expect(table.contains("1,000 by 2019-07-06, the end of the last finished cycle, when 2,500 had left; ahead by 1,500 then"), "\(table)")
        // and so does the joint statement of that day
        let statement = try run(["bulletin", "draft", "--date", "2019-07-10"]).stdout
        #expect(statement.contains("Transit: at its fullest since the operation began, the transit centre was estimated to hold 2,500 people, "
                                   + "on 3 July 2019, more than its 2,000 places, from the departures sent to it."), "\(statement)")
        #expect(table.hasPrefix("Operation 1: HOL, under-way;"), "\(table)")
        // a departure that would take the camp below zero is refused, naming the numbers
        // Without --org, a departure is reported by the site's operator; a site without one needs --org.
        let unreported = try run(["sites", "departures", "HOL", "--date", "2019-07-09", "--persons", "5"])
        #expect(unreported.status != 0 && unreported.stderr.contains("--org"))
        #expect(try run(["sites", "add", "--code", "RUK", "--name", "Rukban", "--kind", "informal-settlement", "--admin", "SY08", "--org", "SARC"]).status == 0)
        #expect(try run(["sites", "census", "RUK", "--date", "2019-07-01", "--residents", "800"]).status == 0)
        let byOperator = try run(["sites", "show", "RUK", "--format", "json"])
        #expect((byOperator.json["censuses"] as? [[String: Any]])?.first?["organisation"] as? String == "SARC")
        // The same departure again, warned of for leaving more than counted, was already recorded: not "nothing recorded".
        let beyond = ["sites", "departures", "RUK", "--date", "2019-07-05", "--persons", "900"]
        #expect(try run(beyond).stdout == "recorded\n")
        let again = try run(beyond)
        #expect(again.stdout == "already recorded\n" && again.stderr.contains("more than it counted"), "\(again.stdout)\(again.stderr)")
        let overdrawn = try run(["sites", "departures", "HOL", "--date", "2019-07-10", "--persons", "8000", "--org", "CCCM"])
        #expect(overdrawn.status != 0 && overdrawn.stderr.contains("would come to 10,500, more than its 10,000 residents"))
        // The operation's baseline is fixed: a new census alone would not help, a new operation from it would.
        #expect(overdrawn.stderr.contains("record a new census and start a new operation from it"), "\(overdrawn.stderr)")
        // a 0 for a departure never recorded records nothing, and is not said to be recorded already; a 0 for one recorded takes it back
        let zero = try run(["sites", "departures", "HOL", "--date", "2019-07-10", "--persons", "0", "--org", "CCCM"])
        #expect(zero.status == 0 && zero.stdout == "nothing recorded\n" && zero.stderr.isEmpty, "\(zero.stdout)\(zero.stderr)")
        let takenBack = try run(["sites", "departures", "RUK", "--date", "2019-07-05", "--persons", "0"])
        #expect(takenBack.status == 0 && takenBack.stdout == "withdrawn\n" && takenBack.stderr.isEmpty, "\(takenBack.stdout)\(takenBack.stderr)")
        // Two convoys of one day to one place: the second corrects the first unless each has its own id, and it says so.
        let morning = try run(["sites", "departures", "RUK", "--date", "2019-07-06", "--persons", "150", "--to", "SY08", "--org", "CCCM"])
        let afternoon = try run(["sites", "departures", "RUK", "--date", "2019-07-06", "--persons", "120", "--to", "SY08", "--org", "CCCM"])
        #expect(morning.stdout.contains("recorded") && afternoon.stdout.contains("corrected") && afternoon.stderr.contains("give --id"), "\(afternoon.stderr)")
        let second = try run(["sites", "departures", "RUK", "--date", "2019-07-06", "--persons", "150", "--to", "SY08", "--org", "CCCM", "--id", "convoy-2"])
        #expect(second.status == 0 && second.stdout.contains("recorded") && !second.stdout.contains("corrected"), "\(second.stderr)")
        // The corrected convoy's earlier count is in its history, as the note says; the site's records say who recorded each.
        let records = try run(["sites", "records", "ruk", "--format", "json"])
        let corrected = try #require((records.json["departures"] as? [[String: Any]])?.first { $0["persons"] as? Int == 120 })
        #expect(corrected["recorded_by"] as? String != nil && (records.json["censuses"] as? [[String: Any]])?.first?["record_id"] as? Int != nil)
        let history = try run(["sites", "history", "departure", String(try #require(corrected["record_id"] as? Int))])
        #expect(history.status == 0 && history.stdout.contains("     150") && history.stdout.contains("in force"), "\(history.stdout)\(history.stderr)")
        #expect(try run(["sites", "records", "RUK"]).stdout.contains("RECORD  FROM"))
        // a status change is printed, kept with the day it took effect (today unless given), and a completed operation stays completed
        #expect(try run(["evacuations", "status", "1", "suspended", "--date", "2019-07-21"]).stderr.contains("by today (20 July 2019)"))
        let suspended = try run(["evacuations", "status", "1", "suspended", "--date", "2019-07-15"])
        #expect(suspended.status == 0 && suspended.stdout.contains("Operation 1 (HOL) is suspended from 2019-07-15."), "\(suspended.stdout)\(suspended.stderr)")
        // the status printed is the one of the day shown
        let before = try run(["evacuations", "show", "1", "--as-of", "2019-07-10"]).stdout
        #expect(before.hasPrefix("Operation 1: HOL, under-way;") && !before.contains("suspended from"), "a change to come is not yet one of its changes: \(before)")
        let now = try run(["evacuations", "show", "1"]).stdout
        #expect(now.hasPrefix("Operation 1: HOL, suspended;") && now.contains("under-way → suspended from 2019-07-15 (recorded "), "\(now)")
        // the status it has already, with --date, puts the day of the change that made it so right
        #expect(try run(["evacuations", "status", "1", "suspended", "--date", "2019-07-16"]).stdout.contains(
            "is suspended from 2019-07-16 (the change to suspended was recorded from 2019-07-15; its day is put right)."))
        #expect(try run(["evacuations", "show", "1", "--as-of", "2019-07-15"]).stdout.hasPrefix("Operation 1: HOL, under-way;"))
        #expect(try run(["evacuations", "status", "1", "suspended"]).stderr.contains("suspended already"))
        #expect(try run(["evacuations", "status", "1", "completed"]).stdout.contains("Operation 1 (HOL) is now completed."))
        // The statement says so, rather than the plan's end, which no longer holds.
        let completed = try run(["bulletin", "draft", "--date", "2019-07-20"]).stdout
        #expect(completed.contains("Al-Hol: the operation was completed on 20 July 2019.") && !completed.contains("the plan moves"), "\(completed)")
        let reopened = try run(["evacuations", "status", "1", "under-way"])
        #expect(reopened.status != 0 && reopened.stderr.contains("stays completed"))
        let changes = try run(["evacuations", "show", "1", "--format", "json"]).json["status_changes"] as? [[String: Any]]
        #expect(changes?.compactMap { $0["to"] as? String } == ["suspended", "completed"])
        // Once every cycle has ended, the plan's line names the last cycle's end, and the day the standing is measured.
        #expect(try run(["sites", "add", "--code", "BAB", "--name", "Bab", "--name-ru", "Баб", "--kind", "camp", "--admin", "SY08", "--org", "SARC"]).status == 0)
        #expect(try run(["sites", "list", "--format", "csv"]).stdout.contains("\nBAB,Bab,,camp,SY08,SARC,,,Баб\n"))
        #expect(try run(["sites", "census", "BAB", "--date", "2019-07-01", "--residents", "1000"]).status == 0)
        #expect(try run(["sites", "departures", "BAB", "--date", "2019-07-05", "--persons", "300"]).status == 0)
        #expect(try run(["evacuations", "add", "--site", "BAB", "--baseline-date", "2019-07-01", "--baseline-residents", "1000",
                         "--start", "2019-07-02", "--per-cycle", "500", "--cycle-days", "5", "--status", "under-way"]).status == 0)
        let ended = try run(["evacuations", "show", "2", "--as-of", "2019-07-15"]).stdout
        #expect(ended.contains("plan        1,000 by 2019-07-11, its last cycle's end; behind by 700 on 2019-07-15"), "\(ended)")
        // A plan that misses its own deadline is said when it is added, and in every show, whatever the pace seen.
        #expect(try run(["sites", "add", "--code", "MAB", "--name", "Mab", "--kind", "camp", "--admin", "SY08", "--org", "SARC"]).status == 0)
        #expect(try run(["sites", "census", "MAB", "--date", "2019-07-01", "--residents", "27000"]).status == 0)
        let late = try run(["evacuations", "add", "--site", "MAB", "--baseline-date", "2019-07-01", "--baseline-residents", "27000",
                            "--start", "2019-07-02", "--per-cycle", "3000", "--cycle-days", "5", "--deadline", "2019-08-05"])
        #expect(late.status == 0 && late.stderr.contains("its last cycle ends on 2019-08-15, after the deadline of 2019-08-05; 3,858 per cycle would meet it"),
                "\(late.stderr)")
        #expect(try run(["evacuations", "show", "3"]).stdout.contains("the plan's own last cycle ends 2019-08-15, after it"))
    }
}

extension CommandLineTests {
    /// A second figure of one organisation, day and measure corrects the first, and says so; the first stays readable; a
    /// reference of the organisation's own keeps two statements of one day side by side.
    @Test func aFigureStatedAgainIsACorrectionThatSaysSoAndKeepsItsHistory() throws {
        defer { cleanUp() }
        let figure = ["sources", "add", "--org", "Ministry", "--date", "2019-07-15", "--measure", "returns"]
        let first = try run(figure + ["--value", "1000", "--format", "json"])
        let id = try #require(first.json["id"] as? Int)
        #expect(first.json["status"] as? String == "added")
        let again = try run(figure + ["--value", "1,200", "--cite", "Press release 2"])
        #expect(again.status == 0 && again.stdout == "\(id)\n" && again.stderr.contains("figure \(id) corrected"), "\(again.stderr)")
        let same = try run(figure + ["--value", "1200", "--cite", "Press release 2", "--format", "json"])
        #expect(same.json["status"] as? String == "unchanged" && same.stderr.contains("recorded already"))
        let history = try run(["sources", "history", String(id), "--format", "json"])
        let revisions = try #require(history.json["revisions"] as? [[String: Any]])
        #expect(revisions.count == 1 && revisions.first?["value"] as? Int == 1000, "\(history.stdout)")
        #expect((revisions.first?["superseded_by"] as? String)?.hasPrefix("system:") == true, "\(history.stdout)")
        // The table lists the version in force last, under those it replaced, as the other kinds' histories do.
        let table = try run(["sources", "history", String(id)]).stdout.split(separator: "\n")
        #expect(table.count == 3 && table[1].hasPrefix("1,000") && table[2].hasPrefix("1,200") && table[2].contains("in force"), "\(table)")
        let none = try run(["sources", "history", "999"])
        #expect(none.status != 0 && none.stderr.contains("no figure has id 999"))
        let apart = try run(figure + ["--value", "900", "--reference", "TV-1", "--format", "json"])
        #expect(apart.json["status"] as? String == "added" && apart.json["id"] as? Int != id)
        let listed = try run(["sources", "list", "--measure", "returns", "--format", "json"])
        #expect((listed.json["figures"] as? [[String: Any]])?.compactMap { $0["value"] as? Int }.sorted() == [900, 1200])
        // Recorded with a warning, it says so, as a file's import would: a count whose period runs past its statement's day.
        let ahead = try run(figure + ["--value", "700", "--from", "2019-07-15", "--to", "2030-07-15", "--format", "json"])
        let warnings = try #require(ahead.json["warnings"] as? [[String: Any]])
        #expect(ahead.status == 0 && warnings.first?["code"] as? String == "import.sources.period.afterStatement", "\(ahead.stdout)")
        #expect(ahead.stderr.contains("warning: to '2030-07-15': the period ends after the figure was stated"), "\(ahead.stderr)")
    }

    @Test func sourcesAreAddedComparedCheckedAndABulletinIsPublished() throws {
        defer { cleanUp() }
        let total = try run(["sources", "add", "--org", "Ministry", "--date", "2019-07-15", "--measure", "returns", "--value", "1500",
                             "--qualifier", "more-than", "--format", "json"])
        #expect(total.status == 0, "\(total.stderr)")
        let id = try #require(total.json["id"] as? Int)
        let part = try run(["sources", "add", "--org", "Ministry", "--date", "2019-07-15", "--measure", "returns-idps", "--value", "1400", "--part-of", String(id)])
        #expect(part.status == 0 && Int(part.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) != nil, "\(part.stderr)")
        // Its breakdown by measure, IDPs and refugees, comes short of the total (1,450 against more than 1,500).
        #expect(try run(["sources", "add", "--org", "Ministry", "--date", "2019-07-15", "--measure", "returns-refugees", "--value", "50", "--part-of", String(id)]).status == 0)
        let bad = try run(["sources", "add", "--org", "Ministry", "--date", "2019-07-15", "--measure", "nope", "--value", "1"])
        #expect(bad.status != 0 && bad.stderr.contains("unknown measure"))
        // Half a period names the flag that would complete it.
        let figure = ["sources", "add", "--org", "Ministry", "--date", "2019-07-15", "--measure", "returns", "--value", "10"]
        let noEnd = try run(figure + ["--from", "2019-07-08"]), noStart = try run(figure + ["--to", "2019-07-14"])
        #expect(noEnd.status == 64 && noEnd.stderr.contains("--from 2019-07-08 needs --to, the period's last day"), "\(noEnd.stderr)")
        #expect(noStart.status == 64 && noStart.stderr.contains("--to 2019-07-14 needs --from, the period's first day"), "\(noStart.stderr)")
        // So does half a period in a file.
        let halfFile = try run(["import", "-", "--records", "sources"], input: """
            #org,#date,#indicator+code,#indicator+num,#date+start
            Ministry,2019-07-15,returns,10,2019-07-08
            """)
        let said = halfFile.stdout + halfFile.stderr
        #expect(halfFile.status != 0 && said.contains("the period has a start but no end: give its last day as to (#date+end)"), "\(said)")
        #expect(!said.contains("not a real date"))
        let compare = try run(["sources", "compare", "--measure", "returns", "--to", "2019-07-20", "--format", "json"])
        #expect((compare.json["figures"] as? [[String: Any]])?.count == 3)
        // The ledger's own row, in words a reader expects.
        #expect(try run(["import", "-", "--org", "UNHCR"], input: "#date,#adm1+dest+code,#affected+returnees+idps+num\n2019-07-10,SY03,40\n").status == 0)
        let table = try run(["sources", "compare", "--measure", "returns", "--to", "2019-07-20"])
        #expect(table.stdout.contains("ledger (whole country): 40 (1 record of 1 organisation)"), "\(table.stdout)")
        let check = try run(["sources", "check", "--format", "json"])
        #expect((check.json["problems"] as? [[String: Any]])?.first?["kind"] as? String == "parts-do-not-add-up")
        // Each problem names whose figures they are, in the language asked.
        let arabic = try run(["sources", "check", "--lang", "ar"]).stdout
        // The figures' numbers in Arabic's digits and its comma: "1, 2" stood in an Arabic line.
        #expect(arabic.range(of: #"الأرقام [٠-٩]+(، [٠-٩]+)+:"#, options: .regularExpression) != nil, "\(arabic)")
        #expect(arabic.contains("الأرقام") && !arabic.contains("figures") && ((check.json["problems"] as? [[String: Any]])?.first?["organisation"] as? String)?.isEmpty == false,
                "\(arabic)")
        #expect(try run(["sessions", "add", "--date", "2019-07-20", "--org", "Ministry", "Agency"]).status == 0)
        // A statement about days still to come is not frozen, as the API refuses it too.
        let ahead = try run(["bulletin", "publish", "--date", "2019-07-21"])
        #expect(ahead.status != 0 && ahead.stderr.contains("date '2019-07-21': after today (2019-07-20)"), "\(ahead.stderr)")
        let published = try run(["bulletin", "publish", "--date", "2019-07-20", "--format", "json"])
        #expect((published.json["sha256"] as? String)?.count == 64, "\(published.stderr)")
        #expect(published.json["id"] as? Int == 1, "the refused one left no bulletin")
        let shown = try run(["bulletin", "show", String(published.json["id"] as? Int ?? 0), "--lang", "ar", "--format", "html"])
        #expect(shown.stdout.contains(#"dir="rtl""#))
        let all = try run(["bulletin", "draft", "--date", "2019-07-20"])
        #expect(all.stdout.contains("Participants (2): Ministry, Agency.") && all.stdout.contains("Участники (2)") && all.stdout.contains("المشاركان"))
    }

    @Test func aBulletinIsMadePublicAndTheRecordsOfANumberAreListed() throws {
        let file = database + ".movements.csv"
        defer {
            cleanUp()
            try? FileManager.default.removeItem(atPath: file)
        }
        try "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n2019-07-01,LBN-01,100,UNHCR\n2019-07-19,LBN-01,3,UNHCR\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try run(["import", file]).status == 0)
        #expect(try run(["aid", "add", "--locality", "C2269", "--type", "humanitarian", "--date", "2019-07-18", "--reached", "40", "--org", "SARC"]).status == 0)
        // The CSV's total row keeps the window before and the change: 3 in the 19 days to the 20th, 100 in the 19 before.
        let compared = try run(["totals", "--last", "19", "--to", "2019-07-20", "--format", "csv"]).stdout
        #expect(compared == "key,name,persons,refugees,idps,partial,previous,change,previous_partial\n,Total,3,3,0,0,100,-97,0\n", "\(compared)")
        // The ledger's ids, a page at a time, as the API's list gives them.
        let firstPage = try run(["movements", "list", "--limit", "1", "--format", "json"])
        #expect((firstPage.json["movements"] as? [[String: Any]])?.map { $0["persons"] as? Int } == [100] && firstPage.json["next_cursor"] as? String == "1",
                "\(firstPage.stdout)")
        #expect(try run(["movements", "list", "--after", "1", "--format", "csv"]).stdout.contains(",LBN-01,,3,UNHCR,"))
        #expect(try run(["movements", "list", "--limit", "1"]).stdout.contains("more: --after 1"))
        #expect(try run(["movements", "list", "--limit=١", "--format", "csv"]).stdout.split(separator: "\n").count == 2, "an option's value in Arabic digits")
        let tomorrow = try run(["bulletin", "draft", "--date", "2019-07-21"])
        #expect(tomorrow.status != 0 && tomorrow.stderr.contains("after today (2019-07-20): a bulletin reports what happened"), "\(tomorrow.stderr)")
        let published = try run(["bulletin", "publish", "--date", "2019-07-20", "--public", "--format", "json"])
        let id = String(try #require(published.json["id"] as? Int))
        // Made public at once: told that its public copy withholds the week's 3 people.
        #expect((published.json["withheld"] as? [String])?.contains("returns.week.total") == true, "\(published.stdout)")
        #expect(try run(["bulletin", "list"]).stdout.contains("PUBLIC SINCE"))
        // The text as shown, footer and its SHA-256 included, checks; a figure typed wrongly does not.
        for language in ["en", "ar"] {
            let shown = try run(["bulletin", "show", id, "--lang", language, "--format", "text"]).stdout
            try shown.write(toFile: file + ".txt", atomically: true, encoding: .utf8)
            let check = try run(["bulletin", "check-text", file + ".txt", "--id", id, "--lang", language])
            #expect(check.status == 0 && check.stdout == "every number matches the snapshot\n", "\(language): \(check.stdout)")
        }
        try (try run(["bulletin", "show", id, "--lang", "en", "--format", "text"]).stdout.replacingOccurrences(of: "103 people", with: "104 people"))
            .write(toFile: file + ".txt", atomically: true, encoding: .utf8)
        let mistyped = try run(["bulletin", "check-text", file + ".txt", "--id", id, "--lang", "en"])
        #expect(mistyped.status != 0 && mistyped.stdout == "numbers not in the snapshot: 104, 104\n", "\(mistyped.stdout)")
        try? FileManager.default.removeItem(atPath: file + ".txt")
        let records = try run(["bulletin", "records", id, "--entry", "returns.start.total", "--format", "json"])
        #expect(records.status == 0 && records.json["matches"] as? Bool == true, "\(records.stderr)")
        // The last import the bulletin's read saw: the movements', then the aid action's.
        #expect(records.json["recorded_through"] as? Int == 2)
        #expect((records.json["records"] as? [[String: Any]])?.compactMap { $0["persons"] as? Int }.sorted() == [3, 100])
        // A number of the aid block lists the ids of the actions it sums, as the snapshot keeps them.
        let aid = try run(["bulletin", "records", id, "--entry", "aid.week.reached", "--format", "json"])
        #expect(aid.status == 0 && aid.json["kind"] as? String == "aid actions" && (aid.json["ids"] as? [Int])?.count == 1, "\(aid.stderr)")
        #expect(try run(["bulletin", "records", id, "--entry", "aid.week.reached"]).stdout.contains("1 aid action, by id"))
        // Its table gives the action as the bulletin's read saw it, to check the number by: not a correction since, however soon.
        let corrected = try run(["aid", "add", "--locality", "C2269", "--type", "humanitarian", "--date", "2019-07-18", "--reached", "55", "--org", "SARC"])
        #expect(corrected.status == 0 && corrected.stdout.contains("corrected"), "\(corrected.stdout)\(corrected.stderr)")
        let stood = try run(["bulletin", "records", id, "--entry", "aid.week.reached"]).stdout
        #expect(stood.contains("humanitarian  SARC") && stood.contains(" 40") && !stood.contains(" 55") && stood.contains("as the bulletin's read saw it"),
                "\(stood)")
        #expect(try run(["bulletin", "records", id, "--entry", "returns.week.total"]).stdout.contains("1 record, 3 persons, as recorded on"))
        // The table's rows have the header's columns: the origin had none, and the count read as the destination.
        let listed = try run(["bulletin", "records", id, "--entry", "returns.start.total"]).stdout.split(separator: "\n")
        #expect(listed.count >= 3 && listed.prefix(3).allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 9 }, "\(listed)")
        let recorded = try #require(records.json["records"] as? [[String: Any]])
        #expect(recorded.allSatisfy { ($0["recorded_by"] as? String)?.hasPrefix("system:") == true }, "\(recorded)")
        let unknown = try run(["bulletin", "records", id, "--entry", "nope"])
        #expect(unknown.status != 0 && unknown.stderr.contains("returns.start.total"))
        let withdrawn = try run(["bulletin", "public", id, "--withdraw"])
        #expect(withdrawn.status == 0 && withdrawn.stdout.contains("is internal"))
        let again = try run(["bulletin", "public", id])
        #expect(again.status == 0 && again.stderr.contains("Its public copy withholds") && again.stderr.contains("returns.week.total"), "\(again.stderr)")
        // Late reports, the day's statement published again twice: each gives the one before's total, another statement's
        // figure, which the diff of the two marks apart, its column of changes one of numbers.
        var statements: [String] = []
        for late in ["2019-07-02,LBN-01,40", "2019-07-03,LBN-01,7"] {
            try "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n\(late),UNHCR\n".write(toFile: file, atomically: true, encoding: .utf8)
            #expect(try run(["import", file]).status == 0)
            statements.append(String(try #require(try run(["bulletin", "publish", "--date", "2019-07-20", "--format", "json"]).json["id"] as? Int)))
        }
        let diff = try run(["bulletin", "diff", statements[0], statements[1]]).stdout
        let revised = diff.split(separator: "\n").filter { $0.hasPrefix("returns.revised.published") }
        #expect(revised.count == 1 && revised.first?.hasSuffix("*") == true, "\(diff)")
        #expect(diff.contains("* returns.revised.published: another statement's figure, no change of one (before: homeward bulletin show"), "\(diff)")
        // In the later one alone (the first statement of the day had no revision to give): marked too.
        let first = try run(["bulletin", "diff", id, statements[0], "--format", "json"]).json["changes"] as? [[String: Any]]
        #expect(first?.first { $0["entry"] as? String == "returns.revised.published" }?["comparable"] as? Bool == false, "\(String(describing: first))")
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import HomewardStore
import HomewardTestSupport
import SQLKit
import Testing

/// Faults a deployment meets: an import killed half way, writers at the same time, a disk that fills up.
/// Each runs the built `homeward` as processes, and looks at the database afterwards from outside them.
@Suite(.serialized) struct FaultTests {
    // MARK: 1. Kill

    /// How many times an import is killed, per database.
    static let kills = 20

    /// Rows of the killed file: a debug-build import of it takes about two seconds here on an idle machine
    /// (PostgreSQL spends about a second of it reading the gazetteer before the first row).
    static func killRows(_ backend: Backend) -> Int { backend == .sqlite ? 8_000 : 2_000 }

    @Test(.hangLimit)
    func anImportKilledAtRandomMomentsLeavesAllOfItsRowsOrNoneOnSQLite() async throws {
        try await killImports(on: .sqlite)
    }

    @Test(.hangLimit, .enabled(if: Backend.postgresURL != nil, "HOMEWARD_TEST_POSTGRES_URL is not set"))
    func anImportKilledAtRandomMomentsLeavesAllOfItsRowsOrNoneOnPostgreSQL() async throws {
        try await killImports(on: .postgres)
    }

    /// Imports one file again and again, each time killed with SIGKILL after a random delay within the time
    /// a whole import takes, and checks after each kill that the database holds all of the file or none of it.
    func killImports(on backend: Backend) async throws {
        // setup: the file, and how long a whole import of it takes here
        let rows = Self.killRows(backend)
        let file = try await Fault.generate(rows: rows, seed: 1)
        let calibration = try await TestStores.shared.location(for: backend)
        let whole = try Fault.startImport(file, into: calibration)
        let wholeExit = try await whole.wait(timeout: 90)
        try #require(wholeExit.status == 0 && !wholeExit.signalled, "\(wholeExit.output.suffix(2000))")
        let span = whole.duration ?? 2
        let imported = try await Fault.inspect(calibration)
        #expect(imported.integrity == "ok")
        #expect(imported.contents == Fault.Contents(movements: rows, persons: file.persons, imports: 1, unfinishedImports: 0))
        // a re-import changes nothing
        let again = try await Fault.startImport(file, into: calibration).wait(timeout: 90)
        #expect(again.status == 0)
        #expect(again.json["imported"] as? Int == 0 && again.json["updated"] as? Int == 0 && again.json["ignored"] as? Int == rows, "\(again.output.prefix(2000))")
        #expect(try await Fault.inspect(calibration).contents == Fault.Contents(movements: rows, persons: file.persons, imports: 2, unfinishedImports: 0))
        await Fault.dispose(calibration)

        // act and check: kill it at a random moment within that span, again and again
        var random = SeededRandom(seed: Fault.seed &+ (backend == .sqlite ? 1 : 2))
        var location = try await TestStores.shared.location(for: backend)
        var before = Fault.Contents(movements: 0, persons: 0, imports: 0, unfinishedImports: 0)
        var landed = 0, rolledBack = 0, landedAfterCommit = 0, landedInReimport = 0, completed = 0, reimports = 0
        var delays: [Double] = []
        for iteration in 1 ... Self.kills {
            let reimport = before.movements == rows
            let delay = Double.random(in: 0 ..< span, using: &random)
            delays.append(delay)
            let child = try Fault.startImport(file, into: location)
            try await Task.sleep(for: .seconds(delay))
            child.kill()
            let exit = try await child.wait(timeout: 90)
            // SQLite: look at a copy, so that the next import is the first to open what the killed one left behind
            let after = try await Fault.inspect(location, copyFirst: true)

            let context = "\(backend) kill \(iteration) after \(String(format: "%.2f", delay)) s (\(reimport ? "re-import" : "first import")): \(after.contents); \(exit.output.suffix(1000))"
            #expect(after.integrity == "ok", "\(context)")
            #expect(after.contents.unfinishedImports == 0, "\(context)")
            if exit.killed {
                landed += 1
            } else {
                #expect(exit.status == 0 && !exit.signalled, "the import ended by itself, so it should have succeeded: \(context)")
                completed += 1
            }
            if reimport {
                // all rows were there: a re-import, killed or not, leaves them as they were
                reimports += 1
                if exit.killed { landedInReimport += 1 }
                #expect(after.contents.movements == rows && after.contents.persons == file.persons, "\(context)")
                #expect(after.contents.imports == before.imports || after.contents.imports == before.imports + 1, "\(context)")
            } else if after.contents.movements == 0 {
                #expect(after.contents == before, "\(context)")
                if exit.killed { rolledBack += 1 }
            } else {
                #expect(after.contents == Fault.Contents(movements: rows, persons: file.persons, imports: 1, unfinishedImports: 0),
                        "none or all of the file's rows: \(context)")
                if exit.killed { landedAfterCommit += 1 }
            }
            if reimport {
                // start again on an empty database, so that later kills interrupt a first import
                await Fault.dispose(location)
                location = try await TestStores.shared.location(for: backend)
                before = Fault.Contents(movements: 0, persons: 0, imports: 0, unfinishedImports: 0)
            } else {
                before = after.contents
            }
        }
        await Fault.dispose(location)

        print("""
            FaultTests kill [\(backend)]: \(Self.kills) imports of \(rows) rows (a whole import takes \(String(format: "%.2f", span)) s), \
            killed after \(String(format: "%.2f", delays.min() ?? 0))–\(String(format: "%.2f", delays.max() ?? 0)) s (seed \(Fault.seed)): \
            \(landed) kills landed before the process exited (\(rolledBack) left no row, \(landedAfterCommit) came after the commit, \
            \(landedInReimport) during a re-import), \(completed) imports completed first; \(reimports) of the \(Self.kills) were re-imports \
            of the file already in; after each: integrity \(backend == .sqlite ? "ok" : "not checked (SQLite only)"), 0 or all \(rows) rows
            """)
        // The imports are fast now (PostgreSQL's COPY), so fewer random kills land before the commit; some still must.
        #expect(rolledBack >= Self.kills / 8, "too few kills landed in the middle of an import to test anything: \(rolledBack)")
    }

    // MARK: 2. Concurrency

    @Test(.hangLimit)
    func twoImportsAndManyAPIWritesAtOnceAllSucceedOnOneSQLiteDatabase() async throws {
        // setup: two files of different movements, a server on the same database
        let location = try await TestStores.shared.location(for: .sqlite)
        let first = try await Fault.generate(rows: 4_000, seed: 11, idPrefix: "first")
        let second = try await Fault.generate(rows: 4_000, seed: 12, idPrefix: "second")
        let server = try await ServerProcess(database: location)
        let running = ChildGroup()
        do {
            // act: both imports, and API writes from 5 clients while they run (20 each at least, at most 400)
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpAdditionalHeaders = ["Authorization": "Bearer \(try Fault.coordinatorToken(location.argument))"]
            configuration.timeoutIntervalForRequest = 150
            configuration.timeoutIntervalForResource = 150
            let session = URLSession(configuration: configuration)
            let base = server.base
            // the server writes one request at a time; the imports wait for it and it for them
            let clients = 5, requestsPerClient = 20, movementsPerRequest = 3
            struct Answer: Sendable { var status: Int; var body: String; var persons: Int; var imported: Int?; var sentDuringImport: Bool; var answeredDuringImport: Bool }
            running.add(try Fault.startImport(first, into: location))
            running.add(try Fault.startImport(second, into: location))
            let answers = try await withThrowingTaskGroup(of: [Answer].self) { group in
                for client in 0 ..< clients {
                    group.addTask {
                        var answers: [Answer] = []
                        var index = 0
                        // Keep writing while an import runs, so that the writes and the imports overlap whatever the speeds.
                        while index < requestsPerClient || (running.anyRunning && index < 400) {
                            defer { index += 1 }
                            var movements: [[String: Any]] = []
                            var persons = 0
                            for item in 0 ..< movementsPerRequest {
                                let count = 1 + (client * 131 + index * 17 + item * 7) % 90
                                persons += count
                                movements.append(["date": "2019-07-12", "crossing": "LBN-01", "category": "refugee", "origin": "LBN",
                                                  "persons": count, "organisation": "Fault test API", "id": "api-\(client)-\(index)-\(item)"])
                            }
                            var request = URLRequest(url: URL(string: "\(base)/api/v1/movements")!)
                            request.httpMethod = "POST"
                            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                            request.httpBody = try JSONSerialization.data(withJSONObject: movements)
                            let sentDuringImport = running.anyRunning
                            let (body, response) = try await session.data(for: request)
                            let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
                            answers.append(Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: body, as: UTF8.self),
                                                  persons: persons, imported: json?["imported"] as? Int,
                                                  sentDuringImport: sentDuringImport, answeredDuringImport: running.anyRunning))
                        }
                        return answers
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let importers = running.all
            try #require(importers.count == 2)
            let exits = [try await importers[0].wait(timeout: 150), try await importers[1].wait(timeout: 150)]

            // check: every write accepted, no lock error anywhere, and the totals add up
            #expect(answers.count >= clients * requestsPerClient)
            let refused = answers.filter { $0.status != 200 }
            #expect(refused.isEmpty, "\(refused.count) requests refused, e.g. \(refused.first.map { "\($0.status) \($0.body.prefix(500))" } ?? "")")
            #expect(answers.allSatisfy { $0.imported == movementsPerRequest }, "\(answers.first { $0.imported != movementsPerRequest }?.body.prefix(500) ?? "")")
            #expect(!answers.contains { Fault.mentionsLocked($0.body) })
            for (exit, file) in zip(exits, [first, second]) {
                #expect(exit.status == 0 && !exit.signalled, "\(exit.output.suffix(2000))")
                #expect(exit.json["imported"] as? Int == file.rows, "\(exit.stdout.prefix(1000))")
                #expect(!Fault.mentionsLocked(exit.output), "\(exit.output.suffix(2000))")
            }
            let (totalsBody, totalsResponse) = try await session.data(from: URL(string: "\(base)/api/v1/totals")!)
            #expect((totalsResponse as? HTTPURLResponse)?.statusCode == 200)
            let total = ((try? JSONSerialization.jsonObject(with: totalsBody)) as? [String: Any])?["total"] as? Int
            let apiPersons = answers.reduce(0) { $0 + $1.persons }
            #expect(total == first.persons + second.persons + apiPersons, "\(String(decoding: totalsBody, as: UTF8.self).prefix(500))")
            let stopped = try await server.stop()
            #expect(stopped.status == 0 && !stopped.signalled)
            #expect(!Fault.mentionsLocked(stopped.output), "\(stopped.output.components(separatedBy: "\n").filter { Fault.mentionsLocked($0) }.prefix(5))")
            let after = try await Fault.inspect(location)
            #expect(after.integrity == "ok")
            #expect(after.contents.movements == first.rows + second.rows + answers.count * movementsPerRequest)
            #expect(after.contents.unfinishedImports == 0)

            let sentDuring = answers.filter(\.sentDuringImport).count, answeredDuring = answers.filter(\.answeredDuringImport).count
            print("""
                FaultTests concurrency [sqlite]: 2 imports of \(first.rows) rows (\(String(format: "%.2f", importers[0].duration ?? 0)) s and \
                \(String(format: "%.2f", importers[1].duration ?? 0)) s, exit \(exits[0].status) and \(exits[1].status)) and \(answers.count) POST /api/v1/movements \
                of \(movementsPerRequest) from \(clients) clients (\(sentDuring) sent and \(answeredDuring) answered while an import ran): \
                \(answers.filter { $0.status == 200 }.count) answered 200; totals \(total ?? -1) = \(first.persons) + \(second.persons) + \(apiPersons)
                """)
            #expect(sentDuring > 0, "no API write was sent while an import ran")
        } catch {
            for importer in running.all { importer.killIfRunning() }
            server.child.killIfRunning()
            await Fault.dispose(location)
            throw error
        }
        await Fault.dispose(location)
    }

    // MARK: 3. Disk full

    /// What a user needs when the database cannot grow: which database refused, and that the disk (or its space) is why.
    static func expectClearDiskError(_ exit: Child.Exit, database path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let output = exit.output
        let lower = output.lowercased()
        #expect(exit.status != 0 && !exit.signalled, "the import should fail by itself, not be killed: \(output.suffix(2000))", sourceLocation: sourceLocation)
        #expect(["disk", "full", "space"].contains { lower.contains($0) }, "the error should say the disk is full: \(output.suffix(2000))",
                sourceLocation: sourceLocation)
        #expect(lower.contains("database") || output.contains(path) || output.contains(URL(fileURLWithPath: path).lastPathComponent),
                "the error should say it is the database that could not be written (not the file being read): \(output.suffix(2000))",
                sourceLocation: sourceLocation)
    }

    @Test(.hangLimit, arguments: [false, true])
    func anImportThatCannotGrowTheDatabaseFailsClearlyAndWritesNothing(intoAnEmptyLedger: Bool) async throws {
        // setup: a database holding an earlier import, or none (a first load, which drops the ledger's indexes
        // until its end), and a file size limit a little above its size
        let location = try await TestStores.shared.location(for: .sqlite)
        guard case .sqlite(let path) = location else { return }
        let big = try await Fault.generate(rows: Self.killRows(.sqlite), seed: 1)
        if intoAnEmptyLedger {
            await (try await Stores.open(location, logger: TestStores.shared.logger)).close()
        } else {
            let earlier = try await Fault.generate(rows: 300, seed: 31, idPrefix: "earlier")
            let earlierExit = try await Fault.startImport(earlier, into: location).wait(timeout: 60)
            try #require(earlierExit.status == 0, "\(earlierExit.output)")
        }
        let before = try await Fault.inspect(location)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let limit = size + 256 << 10

        // act
        let exit = try await Fault.startLimitedImport(big, into: location, fileSizeLimit: limit).wait(timeout: 90)

        // check: a clear refusal, and the database as it was
        Self.expectClearDiskError(exit, database: path)
        let after = try await Fault.inspect(location)
        #expect(after.integrity == "ok")
        #expect(after.contents == before.contents, "none of the refused file's rows: \(after.contents) against \(before.contents)")
        #expect(try await Self.movementIndexes(location) == ["movements_period", "movements_row_key"])
        // and once there is room again, the same import goes through
        let retry = try await Fault.startImport(big, into: location).wait(timeout: 90)
        #expect(retry.status == 0, "\(retry.output.suffix(2000))")
        let final = try await Fault.inspect(location)
        #expect(final.contents.movements == before.contents.movements + big.rows && final.contents.persons == before.contents.persons + big.persons)
        print("""
            FaultTests disk full (file size limit \(limit) bytes, ulimit -f in \(Fault.shellUlimitBlockSize)-byte blocks, database \(size) bytes): \
            exit \(exit.status), said \(exit.output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(300).debugDescription); \
            after: integrity \(after.integrity), \(after.contents) (before: \(before.contents)); the import once there was room: \(final.contents)
            """)
        await Fault.dispose(location)
    }

    /// A partner's script posting a file the server has no room for is told that trying again will not help until space is
    /// freed (a retry loop would only fill the log), under a code it can branch on; nothing is written, and reads go on.
    @Test(.hangLimit)
    func anAPIImportTheDiskCannotHoldIsAnswered503WithoutTryAgain() async throws {
        // setup: a served database with an earlier import, and a file size limit a little above its size
        let location = try await TestStores.shared.location(for: .sqlite)
        guard case .sqlite(let path) = location else { return }
        let earlier = try await Fault.generate(rows: 300, seed: 31, idPrefix: "earlier")
        try #require(try await Fault.startImport(earlier, into: location).wait(timeout: 60).status == 0)
        let token = try Fault.coordinatorToken(location.argument)
        let before = try await Fault.inspect(location)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let big = try await Fault.generate(rows: 20_000, seed: 5)
        let server = try await ServerProcess(database: location, fileSizeLimit: size + 256 << 10)
        do {
            // act
            var request = URLRequest(url: URL(string: "\(server.base)/api/v1/imports")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.setValue("text/csv", forHTTPHeaderField: "Content-Type")
            request.setValue("ru", forHTTPHeaderField: "Accept-Language")
            request.httpBody = try Data(contentsOf: big.url)
            let (body, response) = try await URLSession.shared.data(for: request)
            let read = try await URLSession.shared.data(for: {
                var totals = URLRequest(url: URL(string: "\(server.base)/api/v1/totals")!)
                totals.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                return totals
            }())

            // check
            let problem = try JSONSerialization.jsonObject(with: body) as? [String: Any]
            #expect((response as? HTTPURLResponse)?.statusCode == 503, "\(String(decoding: body, as: UTF8.self))")
            #expect(problem?["code"] as? String == "problem.database.full", "\(String(describing: problem))")
            #expect((problem?["detail"] as? String)?.contains("повторная попытка не поможет") == true, "in the caller's language: \(String(describing: problem))")
            #expect((read.1 as? HTTPURLResponse)?.statusCode == 200, "reads go on")
        } catch {
            _ = try? await server.stop()
            throw error
        }
        let stopped = try await server.stop()
        #expect(stopped.output.contains(path), "the operator's log names the database")
        let after = try await Fault.inspect(location)
        #expect(after.integrity == "ok" && after.contents == before.contents, "\(after.contents) against \(before.contents)")
        await Fault.dispose(location)
    }

    /// The indexes of `movements`, which a failed first load must leave as they were.
    static func movementIndexes(_ location: DatabaseLocation) async throws -> [String] {
        let store = try await Stores.open(location, logger: TestStores.shared.logger, seedReference: false)
        let names = try await store.database.read { db in
            try await db.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'movements' AND name NOT LIKE 'sqlite_%'")
                .all(decodingColumn: "name", as: String.self)
        }
        await store.close()
        return names.sorted()
    }

    /// The same on a real full file system (ENOSPC rather than EFBIG): a small tmpfs, when this runs as root.
    @Test(.hangLimit, .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func anImportOnAFullFileSystemFailsClearlyAndWritesNothing() async throws {
        // setup: a database with an earlier import, copied onto a tmpfs with 256 KiB to spare
        let seedLocation = try await TestStores.shared.location(for: .sqlite)
        guard case .sqlite(let seedPath) = seedLocation else { return }
        let earlier = try await Fault.generate(rows: 300, seed: 31, idPrefix: "earlier")
        let big = try await Fault.generate(rows: Self.killRows(.sqlite), seed: 1)
        let earlierExit = try await Fault.startImport(earlier, into: seedLocation).wait(timeout: 60)
        try #require(earlierExit.status == 0, "\(earlierExit.output)")
        let size = (try FileManager.default.attributesOfItem(atPath: seedPath)[.size] as? Int) ?? 0
        let mountPoint = Fault.directory.appendingPathComponent("tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let capacity = ((size + 256 << 10) / 4096 + 1) * 4096
        let mount = try await Child.start(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(capacity)", "tmpfs", mountPoint.path]).wait(timeout: 30)
        guard mount.status == 0 else {
            print("FaultTests full file system: skipped, mount -t tmpfs failed: \(mount.output)")
            await Fault.dispose(seedLocation)
            return
        }
        let path = mountPoint.appendingPathComponent("full.sqlite").path
        let location = DatabaseLocation.sqlite(path: path)
        do {
            try FileManager.default.copyItem(atPath: seedPath, toPath: path)
            let before = try await Fault.inspect(location)

            // act
            let exit = try await Fault.startImport(big, into: location).wait(timeout: 90)

            // check
            Self.expectClearDiskError(exit, database: path)
            // on a copy: the full file system has no room for the files sqlite3 opens beside it
            let after = try await Fault.inspect(location, copyFirst: true)
            #expect(after.integrity == "ok")
            #expect(after.contents == before.contents, "none of the refused file's rows: \(after.contents) against \(before.contents)")
            print("""
                FaultTests full file system (tmpfs of \(capacity) bytes, database \(size) bytes): exit \(exit.status), \
                said \(exit.output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(300).debugDescription); \
                after: integrity \(after.integrity), \(after.contents)
                """)
        } catch {
            _ = try? await Child.start(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path]).wait(timeout: 30)
            await Fault.dispose(seedLocation)
            throw error
        }
        let unmount = try await Child.start(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path]).wait(timeout: 30)
        #expect(unmount.status == 0, "\(unmount.output)")
        try? FileManager.default.removeItem(at: mountPoint)
        await Fault.dispose(seedLocation)
    }
}

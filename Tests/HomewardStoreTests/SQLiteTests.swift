import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

@Suite struct SQLiteTests {
    @Test func connectionsUseWALFullSyncForeignKeysAndWaitWhenBusy() async throws {
        try await withStores(.sqlite) { store in
            let pragmas = try await store.database.read { db in
                [try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self),
                 try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self).description,
                 try await db.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self).description,
                 try await db.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self).description]
            }
            #expect(pragmas == ["wal", "2", "1", String(Database.busyTimeoutMilliseconds)])
        }
    }

    @Test func theWritersConnectionHasItsSettingsBackAfterAFirstLoadThatWentInAndOneThatFailed() async throws {
        try await withStores(.sqlite) { store in
            func settings() async throws -> [Int] {
                try await store.database.write(by: .test, for: .bookkeeping) { write in
                    [try await write.sql.raw("PRAGMA foreign_keys").first(decodingColumn: "foreign_keys", as: Int.self) ?? -1,
                     try await write.sql.raw("PRAGMA cache_size").first(decodingColumn: "cache_size", as: Int.self) ?? -1,
                     try await write.sql.raw("PRAGMA temp_store").first(decodingColumn: "temp_store", as: Int.self) ?? -1]
                }
            }
            let usual = try await settings()
            #expect(usual == [1, -65536, 2])
            // act: a first load that fails at its end (a quote never closed), then one that goes in
            await #expect(throws: ImportError.self) { try await store.importCSV(Self.rows(day: 1) + "\n2019-01-03,\"open,SY01,3") }
            #expect(try await settings() == usual)
            #expect(try await store.importCSV(Self.rows(day: 2)).imported == 200)
            #expect(try await settings() == usual)
        }
    }

    /// A new database file is its owner's alone, under the usual umask (022) too: it holds password hashes, names and
    /// addresses. (The umask is the process's, left as the test run has it.)
    @Test func aNewFileAndItsLogAreReadableByTheirOwnerAlone() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-mode-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stores = try await Stores.open(.sqlite(path: folder + "/new.sqlite"), logger: TestStores.shared.logger)
        try await stores.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .editor), password: nil, by: .test)
        let modes = try ["", "-wal"].map { try FileManager.default.attributesOfItem(atPath: folder + "/new.sqlite" + $0)[.posixPermissions] as? Int }
        await stores.close()
        #expect(modes == [0o600, 0o600])
    }

    /// A demo may start over a file it made (marked, or from before the mark with only its imports), and no other.
    @Test func aFileHoldsOnlyADemoWhereADemoMadeIt() async throws {
        let location = try await TestStores.shared.location(for: .sqlite)
        guard case .sqlite(let path) = location else { return }
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let stores = try await Stores.open(location, logger: TestStores.shared.logger)
        #expect(await !Database.sqliteFileHoldsOnlyADemo(path: path), "a new deployment's file, with its accounts to come")
        _ = try await stores.ledger.loadDemoData(rows: 20, lastDay: TestStores.today, by: .test)
        #expect(await Database.sqliteFileHoldsOnlyADemo(path: path), "a demo made before the mark")
        #expect(try await stores.importCSV(Self.rows(day: 1)).imported == 200)
        #expect(await !Database.sqliteFileHoldsOnlyADemo(path: path), "records of a file beside the demo's")
        try await stores.database.markAsDemo()
        #expect(await Database.sqliteFileHoldsOnlyADemo(path: path))
        await stores.close()
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("not-sqlite-\(UUID().uuidString).txt").path
        try Data("no database".utf8).write(to: URL(fileURLWithPath: text))
        defer { try? FileManager.default.removeItem(atPath: text) }
        #expect(await !Database.sqliteFileHoldsOnlyADemo(path: text))
    }

    @Test func twoWritersOnOneFileWaitForEachOtherInsteadOfFailing() async throws {
        let location = try await TestStores.shared.location(for: .sqlite)
        let first = try await Stores.open(location)
        let second = try await Stores.open(location)
        // act: two imports of different rows at once, through separate connections
        async let a = first.importCSV(Self.rows(day: 1))
        async let b = second.importCSV(Self.rows(day: 2))
        let (sa, sb) = try await (a, b)
        // check
        #expect(sa.status == .success && sb.status == .success)
        #expect(try await first.movementCount() == 400)
        #expect(try await first.ledger.totals(TotalsQuery()).total == 400 * 3)
        await first.close()
        await second.close()
        await TestStores.shared.dispose(location)
    }

    static func rows(day: Int) -> String {
        "#date,#meta+id,#adm1+dest+code,#affected+returnees+idps+num\n"
            + (0 ..< 200).map { "2019-01-0\(day),d\(day)-\($0),SY01,3" }.joined(separator: "\n")
    }
}

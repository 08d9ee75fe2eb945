import Foundation
import HomewardCore
import SQLKit
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// A first load into an empty ledger takes a shorter way (on SQLite the period and key indexes dropped and built once at
/// the end, or the key's as soon as a key comes again from an earlier batch; on PostgreSQL rows copied straight in);
/// an import into a ledger that holds movements already keeps it. The same files must leave the same either way.
@Suite struct FirstLoadTests {
    /// What a ledger holds after the files, apart from the one movement that made it non-empty.
    struct Outcome: Equatable {
        var counts: [WriteCounts] = []
        var movements: [String: String] = [:]
        var rollups: [String] = []
        var revisions = 0
        /// `movements`' indexes, by name: a first load must leave the same as any other import.
        var indexes: [String] = []
        var periodIndex: Bool { indexes.contains("movements_period") }
        var keyIndex: Bool { indexes.contains("movements_row_key") }
    }

    /// Before the files' first day: no window of the files' sums includes it.
    static let seed = "#meta+id,#date,#adm1+dest+code,#affected+returnees+idps+num\nseed-1,2015-01-05,SY03,40\n"

    /// Segments of 1,000 keys: a first load of 4,500 rows seals two (a batch is 2,000), and repeats across batches are
    /// of keys in sealed segments, found through the filter and the segments' own indexes. A buffer of 500 sums: the
    /// first load's sums are written several times, the first time into empty tables (without the upsert), then added to.
    @Test(arguments: Backend.available, [true, false])
    func aFirstLoadLeavesWhatAnImportIntoAFilledLedgerLeaves(_ backend: Backend, repeatsAcrossBatches: Bool) async throws {
        var outcomes: [Outcome] = []
        let variants = [(false, FirstLoad.segmentKeys, MovementRollups.bufferLimit), (false, 1000, MovementRollups.bufferLimit),
                        (false, FirstLoad.segmentKeys, 500), (true, FirstLoad.segmentKeys, MovementRollups.bufferLimit)]
        for (seeded, segmentKeys, bufferLimit) in variants {
            try await withStores(backend) { store in
                // setup
                if seeded { _ = try await store.importCSV(Self.seed, org: "Seed") }
                let gazetteer = try await store.places.gazetteer()
                let base = ImportEquivalenceTests.rows(0 ..< ImportEquivalenceTests.rowCount, gazetteer: gazetteer)
                // Repeats and corrections within the file, across its batches, then a week's file of corrections.
                // Without them, the first load writes every batch without the key's index, and the week's file finds it.
                let first = repeatsAcrossBatches ? base + base.prefix(2500).map(ImportEquivalenceTests.corrected) + [base[3000], base[10]] : base
                let week = base.suffix(400).map(ImportEquivalenceTests.corrected)
                var outcome = Outcome()
                // act
                try await FirstLoad.$segmentKeys.withValue(segmentKeys) { try await MovementRollups.$bufferLimit.withValue(bufferLimit) {
                    for rows in [first, week] {
                        let summary = try await store.ledger.importMovements(ImportRequest(sourceName: "f.csv", today: TestStores.today),
                                                                             from: .bytes(Array(ImportEquivalenceTests.csv(rows).utf8)), by: .test)
                        // Each row of the file that repeats an earlier row's key is warned of, whichever way it is written.
                        let repeats = repeatsAcrossBatches && rows == first ? 2502 : 0
                        #expect(summary.status == (repeats > 0 ? .warning : .success) && summary.warnings == repeats)
                        outcome.counts.append(WriteCounts(imported: summary.imported, updated: summary.updated, ignored: summary.ignored))
                    }
                } }
                // check
                try await Self.read(store, into: &outcome)
                outcomes.append(outcome)
            }
        }
        #expect(outcomes.count == 4 && outcomes.allSatisfy { $0 == outcomes[0] })
        #expect(outcomes.first?.counts.first?.imported ?? 0 > 4000 && outcomes.first?.periodIndex == true && outcomes.first?.keyIndex == true)
        #expect(outcomes.first?.counts.last?.updated == 400)
    }

    @Test(arguments: Backend.available)
    func aDryRunIntoAnEmptyLedgerKeepsItsIndex(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let summary = try await store.importCSV(Self.seed, dryRun: true)
            let count = try await store.movementCount()
            #expect(summary.imported == 1 && count == 0)
            var outcome = Outcome()
            try await Self.read(store, into: &outcome)
            #expect(outcome.periodIndex && outcome.keyIndex)
        }
    }

    @Test(.enabled(if: Backend.postgresURL != nil))
    func twoFirstLoadsAtOnceIntoOnePostgreSQLLedgerWriteEachKeyOnce() async throws {
        // setup: two servers' stores on one empty database, and one file of 5,000 movements for both
        let location = try await TestStores.shared.location(for: .postgres)
        let one = try await Stores.open(location, logger: TestStores.shared.logger)
        let other = try await Stores.open(location, logger: TestStores.shared.logger)
        do {
            let rows = ImportEquivalenceTests.rows(0 ..< 5_000, gazetteer: try await one.places.gazetteer())
            let file = Array(ImportEquivalenceTests.csv(rows).utf8)
            // act: both import it at the same time; the second to lock the ledger finds it filled
            async let first = one.ledger.importMovements(ImportRequest(sourceName: "a.csv", today: TestStores.today), from: .bytes(file), by: .test)
            async let second = other.ledger.importMovements(ImportRequest(sourceName: "b.csv", today: TestStores.today), from: .bytes(file), by: .test)
            let summaries = try await [first, second]
            // check: every movement once, summed once; the second found them all there, and no duplicate key failed it
            #expect(summaries.allSatisfy { $0.status == .success && $0.rows == rows.count })
            let stored = try await one.movementCount()
            #expect(summaries.map(\.imported).sorted() == [0, stored])
            #expect(summaries.map { $0.imported + $0.updated + $0.ignored } == [rows.count, rows.count])
            let persons = try await one.database.read { db in
                try await db.raw("SELECT CAST(SUM(persons) AS BIGINT) AS n FROM movements").first(decodingColumn: "n", as: Int.self)
            }
            #expect(try await other.ledger.totals(TotalsQuery()).total == persons)
        } catch {
            Issue.record(error)
        }
        await one.close()
        await other.close()
        await TestStores.shared.dispose(location)
    }

    static func read(_ store: Stores, into outcome: inout Outcome) async throws {
        let sinceFiles = Day("2016-01-01")!
        let (movements, rollups, revisions, indexes) = try await store.database.read { db in
            let movements = try await db.raw("""
                SELECT m.row_key, m.persons, m.fingerprint, m.start_day FROM movements m
                JOIN organisations o ON o.id = m.organisation_id WHERE o.name <> 'Seed'
                """).all().map {
                (try $0.decode(column: "row_key", as: String.self),
                 "\(try $0.decode(column: "persons", as: Int.self)) \(try $0.decode(column: "fingerprint", as: String.self)) \(try $0.decode(column: "start_day", as: Int.self))")
            }
            // Organisations by name: their ids differ when the seed's came first.
            let daily = try await db.raw("""
                SELECT r.dimension, COALESCE(o.name, r.key) AS k, r.start_day, r.end_day, r.category, r.persons, r.movements
                FROM movement_rollups r LEFT JOIN organisations o ON r.dimension LIKE 'organisation%' AND CAST(o.id AS TEXT) = r.key
                WHERE r.start_day >= \(bind: sinceFiles.number)
                """).all().map {
                ["d", try $0.decode(column: "dimension", as: String.self), try $0.decode(column: "k", as: String.self),
                 String(try $0.decode(column: "start_day", as: Int.self)), String(try $0.decode(column: "end_day", as: Int.self)),
                 try $0.decode(column: "category", as: String.self), String(try $0.decode(column: "persons", as: Int.self)),
                 String(try $0.decode(column: "movements", as: Int.self))].joined(separator: " ")
            }
            let monthly = try await db.raw("""
                SELECT r.dimension, COALESCE(o.name, r.key) AS k, r.month, r.category, r.persons, r.movements
                FROM movement_rollups_monthly r LEFT JOIN organisations o ON r.dimension LIKE 'organisation%' AND CAST(o.id AS TEXT) = r.key
                WHERE r.month >= \(bind: sinceFiles.monthIndex)
                """).all().map {
                ["m", try $0.decode(column: "dimension", as: String.self), try $0.decode(column: "k", as: String.self),
                 String(try $0.decode(column: "month", as: Int.self)), try $0.decode(column: "category", as: String.self),
                 String(try $0.decode(column: "persons", as: Int.self)), String(try $0.decode(column: "movements", as: Int.self))].joined(separator: " ")
            }
            let revisions = try await db.raw("SELECT COUNT(*) AS n FROM movement_revisions").first(decodingColumn: "n", as: Int.self) ?? 0
            let indexes = try await db.raw(store.database.backend == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'movements'"
                : "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'movements'").all(decodingColumn: "name", as: String.self)
            return (movements, daily + monthly, revisions, indexes)
        }
        outcome.movements = Dictionary(uniqueKeysWithValues: movements)
        outcome.rollups = rollups.sorted()
        outcome.revisions = revisions
        outcome.indexes = indexes.sorted()
    }
}

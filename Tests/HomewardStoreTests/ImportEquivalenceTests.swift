import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// The fast import path (statements prepared once, batches overlapped) must leave exactly what the rules say:
/// the same counts, the same movements, the same revisions and the same totals (which read the rollups) as a
/// model computed in Core alone from the same files, over several batches, with repeats and corrections.
@Suite struct ImportEquivalenceTests {
    /// More rows than two batches hold, so that keys meet across batches.
    static let rowCount = 4500

    static func rows(_ range: Range<Int>, gazetteer: Gazetteer) -> [[String]] {
        var generator = MovementGenerator(gazetteer: gazetteer, seed: 7, lastDay: Day("2020-06-01")!, days: 400)
        var rows: [[String]] = []
        for index in 0 ..< range.upperBound {
            let row = generator.next(index: index)
            if index >= range.lowerBound { rows.append(row) }
        }
        return rows
    }

    /// The same row with one more person in its count: a correction.
    static func corrected(_ row: [String]) -> [String] {
        var row = row
        for column in [6, 7] where !row[column].isEmpty { row[column] = String(Int(row[column])! + 1) }
        return row
    }

    /// The same row with its count taken back: a 0 where it gave one.
    static func withdrawn(_ row: [String]) -> [String] {
        var row = row
        for column in [6, 7] where !row[column].isEmpty { row[column] = "0" }
        return row
    }

    /// The same row with its count given for the other category (and no origin, which each category reads its own way):
    /// the blank it leaves withdraws the first.
    static func moved(_ row: [String]) -> [String] {
        var row = row
        row.swapAt(6, 7)
        row[2] = ""
        row[3] = ""
        return row
    }

    static func csv(_ rows: [[String]]) -> String {
        CSVWriter.line(MovementGenerator.tags) + rows.map(CSVWriter.line).joined()
    }

    /// What the rules say a sequence of imports leaves: movements by key, and each import's counts.
    struct Model {
        var movements: [String: Movement] = [:]
        var revisions = 0
        /// Rows of the last file that repeat a key an earlier row of the same file gave: each one is warned of.
        var repeatedRows = 0

        mutating func `import`(_ rows: [[String]], rules: MovementRules) throws -> WriteCounts {
            let layout = try ImportLayout<MovementField>(firstRows: [MovementGenerator.tags])
            var counts = WriteCounts()
            var seenHere: Set<String> = [], seenAny: Set<String> = []
            // Keys this file records for the first time; keys it has imported or updated once already (later changes are ignored).
            var newHere: Set<String> = [], countedHere: Set<String> = []
            repeatedRows = 0
            for (index, row) in rows.enumerated() {
                let outcome = rules.check(layout.draft(row: row, number: index + 2))
                #expect(!outcome.isRejected)
                counts.ignored += outcome.ignored
                // A repeat is a key given again, where this row or the earlier one gave it a count (not two blank cells).
                if outcome.records.contains(where: { seenAny.contains($0.key) && ($0.countWritten || seenHere.contains($0.key)) }) { repeatedRows += 1 }
                seenAny.formUnion(outcome.records.map(\.key))
                for movement in outcome.records {
                    if movement.persons == 0 {
                        // A 0 withdraws what the key records, and is otherwise nothing (ignored, where the row wrote it); what
                        // this file recorded and takes back is as if none of its rows had been.
                        if newHere.contains(movement.key), movements[movement.key]?.persons ?? 0 > 0 {
                            counts.imported -= 1
                            counts.ignored += 1 + (movement.countWritten ? 1 : 0)
                            movements[movement.key] = nil
                            newHere.remove(movement.key)
                            countedHere.remove(movement.key)
                        } else if let stored = movements[movement.key], stored.persons > 0 {
                            if countedHere.insert(movement.key).inserted { counts.updated += 1 } else { counts.ignored += 1 }
                            if !seenHere.contains(movement.key) { revisions += 1 }
                            movements[movement.key] = movement
                        } else if movement.countWritten {
                            counts.ignored += 1
                        }
                        if movement.countWritten { seenHere.insert(movement.key) }
                        continue
                    }
                    if let stored = movements[movement.key] {
                        if stored.fingerprint == movement.fingerprint {
                            counts.ignored += 1
                        } else {
                            if countedHere.insert(movement.key).inserted { counts.updated += 1 } else { counts.ignored += 1 }
                            // A version committed by an earlier import is kept as a revision.
                            if !seenHere.contains(movement.key) { revisions += 1 }
                        }
                    } else {
                        counts.imported += 1
                        newHere.insert(movement.key)
                        countedHere.insert(movement.key)
                    }
                    movements[movement.key] = movement
                    seenHere.insert(movement.key)
                }
            }
            return counts
        }

        func total(in window: ClosedRange<Int>, _ key: (Movement) -> String?) -> [String: Int] {
            var sums: [String: Int] = [:]
            for movement in movements.values where window.contains(movement.period.start.number) && window.contains(movement.period.end.number) {
                sums[key(movement) ?? "", default: 0] += movement.persons
            }
            return sums
        }
    }

    @Test(arguments: Backend.available)
    func theImportLeavesWhatTheRulesSay(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            let gazetteer = try await store.places.gazetteer()
            let rules = MovementRules(gazetteer: gazetteer, today: TestStores.today)
            let base = Self.rows(0 ..< Self.rowCount, gazetteer: gazetteer)
            let more = Self.rows(Self.rowCount ..< Self.rowCount + 200, gazetteer: gazetteer)
            // Corrections of committed movements, withdrawals of them (a 0, or the count moved to the other category), new
            // rows, a repeat, a correction and a withdrawal within the file.
            let week = base.prefix(300).map(Self.corrected) + base[300 ..< 320].map(Self.withdrawn) + base[320 ..< 330].map(Self.moved)
                + more + [more[10], more[20], Self.corrected(more[20]), Self.withdrawn(more[30])]
            let files = [base, base, week]
            var model = Model()

            for (number, rows) in files.enumerated() {
                // act
                let dryRun = try await store.ledger.importMovements(
                    ImportRequest(sourceName: "file\(number).csv", dryRun: true, today: TestStores.today),
                    from: .bytes(Array(Self.csv(rows).utf8)), by: .test)
                let summary = try await store.ledger.importMovements(
                    ImportRequest(sourceName: "file\(number).csv", today: TestStores.today),
                    from: .bytes(Array(Self.csv(rows).utf8)), by: .test)
                // check
                let expected = try model.import(rows, rules: rules)
                for run in [dryRun, summary] {
                    #expect(run.status == (model.repeatedRows > 0 ? .warning : .success) && run.rows == rows.count && run.rejected == 0, "file \(number)")
                    #expect(run.warnings == model.repeatedRows && run.problems.allSatisfy { $0.code.hasPrefix("import.repeated.") }, "file \(number)")
                    #expect(WriteCounts(imported: run.imported, updated: run.updated, ignored: run.ignored) == expected, "file \(number)")
                }
            }

            let stored = try await store.database.read { db in
                try await db.raw("SELECT row_key, persons, fingerprint FROM movements").all().map {
                    (try $0.decode(column: "row_key", as: String.self), try $0.decode(column: "persons", as: Int.self),
                     try $0.decode(column: "fingerprint", as: String.self))
                }
            }
            #expect(stored.count == model.movements.count)
            #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.0, $0.1) }) == model.movements.mapValues(\.persons))
            #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.0, $0.2) }) == model.movements.mapValues(\.fingerprint))
            let revisions = try await store.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM movement_revisions").first(decodingColumn: "n", as: Int.self)
            }
            #expect(revisions == model.revisions && model.revisions == 330)

            // Totals read the rollups: by governorate and crossing, over windows of whole and partial months.
            for (from, to) in [("2019-01-01", "2020-06-01"), ("2019-06-15", "2019-09-10"), ("2020-02-01", "2020-02-29")] {
                let window = Day(from)!.number ... Day(to)!.number
                for (grouping, key) in [(Grouping.adm1, { (m: Movement) in m.destination[.adm1] }),
                                        (.crossing, { (m: Movement) in m.crossing })] {
                    let report = try await store.ledger.totals(TotalsQuery(window: DateWindow(from: Day(from), to: Day(to)), grouping: grouping))
                    #expect(Dictionary(uniqueKeysWithValues: report.groups.map { ($0.key ?? "", $0.persons) })
                            == model.total(in: window, key), "\(from)…\(to) by \(grouping)")
                }
            }
        }
    }
}

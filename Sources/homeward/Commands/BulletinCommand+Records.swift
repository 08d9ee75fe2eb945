import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

extension BulletinCommand {
    struct Records: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The records one number of a published bulletin summed: movements as the ledger stood when it was drafted, or the ids kept.",
            discussion: """
                The snapshot keeps each number's filters and the last import the read saw, not a million ids; this applies \
                them again to each movement's version as that import left the ledger, then says whether the count and the \
                sum still match the entry. Bulletins published before imports were numbered keep only the moment of the \
                read, to the second: a write committed within that second, or in flight across it, can make them differ.
                """)
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The bulletin's id.") var id: Int
        @Option(help: "The entry's id, as the snapshot names it (returns.start.total, returns.week.crossing.LBN-01…).") var entry: String
        @Option(help: "table, json, csv, or hxl (CSV with a hashtag row that homeward import reads back unchanged)") var format: MovementsFormat = .table

        struct Listing: Encodable {
            var entry: String
            var recordedOn: String
            var recordedThrough: Int?
            var records: [RecordedMovement]
            var persons: Int
            var matches: Bool

            enum CodingKeys: String, CodingKey { case entry, recordedOn = "recorded_on", recordedThrough = "recorded_through", records, persons, matches }

            /// `recorded_through` always, `null` for an older bulletin, as the API answers.
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(entry, forKey: .entry)
                try c.encode(recordedOn, forKey: .recordedOn)
                try c.encode(recordedThrough, forKey: .recordedThrough)
                try c.encode(records, forKey: .records)
                try c.encode(persons, forKey: .persons)
                try c.encode(matches, forKey: .matches)
            }
        }

        func run() async throws {
            try await db.withStores { stores in
                guard let bulletin = try await stores.bulletin(id) else { throw CommandFailure("no bulletin has id \(id); homeward bulletin list shows them") }
                guard let found = bulletin.snapshot.entry(entry) else {
                    throw CommandFailure("bulletin \(id) has no entry '\(entry)'; its entries: "
                                          + bulletin.snapshot.entries.map(\.id).joined(separator: ", "))
                }
                guard let selection = found.movements, let moment = bulletin.snapshot.recordedOn else {
                    guard let ids = found.ids else {
                        throw CommandFailure("'\(entry)' keeps no records to list (a plan's figure, a count across a window's edge); its question: \(found.query)")
                    }
                    try await listIDs(ids, of: bulletin.snapshot.blocks.first { $0.entries.contains { $0.id == entry } }?.kind ?? "", stores: stores,
                                      snapshot: bulletin.snapshot)
                    return
                }
                var all: [RecordedMovement] = [], count = 0, persons = 0, after: Int?
                if format == .table { print(MovementsText.header.joined(separator: "\t")) }
                if format == .csv { print(MovementsText.csvHeader) }
                if format == .hxl { print(MovementsText.hxlHeader) }
                while true {
                    guard let page = try await stores.ledger.movements(selection, readFor: bulletin.snapshot, after: after, limit: 10_000),
                          let last = page.last else { break }
                    after = last.id
                    for m in page {
                        count += 1
                        persons += m.persons
                        switch format {
                        case .json: all.append(m)
                        case .table: print(MovementsText.tableCells(m).joined(separator: "\t"))
                        case .csv: print(MovementsText.csv(m))
                        case .hxl: print(MovementsText.hxl(m))
                        }
                    }
                }
                let matches = count == found.records && persons == found.value
                switch format {
                case .json: try printJSON(Listing(entry: entry, recordedOn: moment, recordedThrough: bulletin.snapshot.recordedThrough, records: all, persons: persons, matches: matches))
                case .table:
                    let records = { Self.counted($0, "record", "records") }, people = { Self.counted($0, "person", "persons") }
                    let read = bulletin.snapshot.recordedThrough.map { "as recorded on \(moment), through import commit \($0)" } ?? "as recorded on \(moment)"
                    print("\(records(count)), \(people(persons)), \(read); the snapshot says \(records(found.records ?? 0)), \(people(found.value))"
                          + (matches ? "" : " (they differ)"))
                case .csv, .hxl: break
                }
                if !matches { throw ExitCode.failure }
            }
        }

        /// A number of the camps, reconstruction, aid or sources block: the ids the snapshot keeps of the records it sums; in a
        /// table, a facility record's or aid action's values as they stood when the bulletin was drafted, to check it by.
        func listIDs(_ ids: [Int], of block: String, stores: Stores, snapshot: BulletinSnapshot) async throws {
            let kinds: [String: (one: String, other: String)] = ["camps": ("departure", "departures"), "reconstruction": ("facility work", "facility works"),
                                                                 "aid": ("aid action", "aid actions"), "sources": ("source figure", "source figures")]
            let kind = kinds[block] ?? ("record", "records"), records = kind.other
            switch format {
            case .json: try printJSON(IDListing(entry: entry, kind: records, ids: ids))
            case .csv, .hxl:
                print("id")
                for id in ids { print(id) }
            case .table:
                switch block {
                case "reconstruction", "aid":
                    try await listAsSeen(ids, of: block, stores: stores, snapshot: snapshot)
                default:
                    for id in ids { print(id) }
                }
                let stood = ["reconstruction", "aid"].contains(block) ? ", each as the bulletin's read saw it" : ""
                print("\(Self.counted(ids.count, kind.one, kind.other)), by id, as the snapshot keeps them\(stood)")
            }
        }

        /// Each facility record or aid action of `ids` as the bulletin's read saw it (by the imports it saw, or the moment of
        /// the read), to check its number by; one the read saw no version of is said so, not left out.
        func listAsSeen(_ ids: [Int], of block: String, stores: Stores, snapshot: BulletinSnapshot) async throws {
            if block == "reconstruction" {
                try await printAsSeen(ids, stores: stores, snapshot: snapshot, history: { try await stores.reconstruction.history(ofWork: $0) },
                                      header: FacilitiesCommand.List.tableHeader, numeric: FacilitiesCommand.List.tableNumeric) {
                    FacilitiesCommand.List.cells($0, grouped: true)
                }
            } else {
                try await printAsSeen(ids, stores: stores, snapshot: snapshot, history: { try await stores.assistance.history(ofAction: $0) },
                                      header: AidCommand.List.tableHeader, numeric: AidCommand.List.tableNumeric) {
                    AidCommand.List.cells($0.action, grouped: true)
                }
            }
        }

        /// The records' table as their own `list` prints it, each record in the version the read saw.
        private func printAsSeen<R>(_ ids: [Int], stores: Stores, snapshot: BulletinSnapshot, history: (Int) async throws -> [RecordVersion<R>],
                                    header: [String], numeric: Set<Int>, cells: (R) -> [String]) async throws {
            var histories: [[RecordVersion<R>]] = []
            for id in ids { histories.append(try await history(id)) }
            let commits = try await stores.commitNumbers(ofImports: Set(histories.joined().flatMap { [$0.importID, $0.supersededInImport].compactMap { $0 } }))
            let rows = zip(ids, histories).map { id, versions in
                let seen = snapshot.recordedOn.flatMap { RecordVersion.seen(among: versions, through: snapshot.recordedThrough, at: $0, commit: { commits[$0] }) }
                return [String(id)] + (seen.map { cells($0.record) } ?? ["not recorded when the bulletin was drafted"] + Array(repeating: "", count: header.count - 2))
            }
            print(TextTable(header: header, rows: rows, numeric: numeric).rendered)
        }

        /// "1 record", "1,659 records": the command line's own English.
        static func counted(_ n: Int, _ one: String, _ other: String) -> String { n == 1 ? "1 \(one)" : "\(n.grouped) \(other)" }

        struct IDListing: Encodable {
            var entry: String
            var kind: String
            var ids: [Int]
        }
    }
}

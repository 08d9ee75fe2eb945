import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct MovementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movements",
        abstract: "Movements of the returns ledger, one by one.",
        subcommands: [List.self, History.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Movements in recording order, a page at a time, with the ids that `movements history` takes.",
            discussion: "As GET /api/v1/movements answers: pass the last id of a page as --after for the next.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Only movements whose whole period is on or after this date (YYYY-MM-DD).") var from: String?
        @Option(help: "Only movements whose whole period is on or before this date (YYYY-MM-DD).") var to: String?
        @Option(help: "Only through this crossing point (its code).") var crossing: String?
        @Option(help: "Only those this organisation reported (its name).") var org: String?
        @Option(help: "The id the previous page ended with.") var after: Int?
        @Flag(help: "Only movements of a group another organisation reported alike (same days, crossing, origin, destination and category), as a statement counts them.")
        var reportedBySeveral = false
        @Option(help: "At most this many (1 to 10000); by default 100 for a table or JSON, and every one for CSV and HXL, an export.")
        var limit: Int?
        @Option(help: "table, json, csv, or hxl (CSV with a hashtag row that homeward import reads back unchanged)") var format: MovementsFormat = .table

        func validate() throws {
            if let limit, !(1...10_000).contains(limit) { throw ValidationError("--limit \(limit): from 1 to 10000") }
            _ = try window(from: from, to: to)
        }

        func run() async throws {
            let window = try window(from: from, to: to)
            if limit == nil, format == .csv || format == .hxl {
                // An export is every movement: a file of the first hundred would read back with other totals and no word.
                print(format == .csv ? MovementsText.csvHeader : MovementsText.hxlHeader)
                try await db.withStores { stores in
                    var after = self.after
                    repeat {
                        let page = try await stores.ledger.movementPage(window: window, crossing: crossing, organisation: org, after: after, limit: 10_000,
                                                                        reportedBySeveral: reportedBySeveral)
                        for m in page.movements { print(format == .csv ? MovementsText.csv(m) : MovementsText.hxl(m)) }
                        after = page.nextCursor.flatMap { Int($0) }
                    } while after != nil
                }
                return
            }
            let page = try await db.withStores {
                try await $0.ledger.movementPage(window: window, crossing: crossing, organisation: org, after: after, limit: limit ?? 100,
                                                 reportedBySeveral: reportedBySeveral)
            }
            switch format {
            case .json: try printJSON(page)
            case .csv: print(([MovementsText.csvHeader] + page.movements.map(MovementsText.csv)).joined(separator: "\n"))
            case .hxl: print(([MovementsText.hxlHeader] + page.movements.map(MovementsText.hxl)).joined(separator: "\n"))
            case .table:
                print(TextTable(header: MovementsText.header, rows: page.movements.map(MovementsText.tableCells), numeric: [0, 7]).rendered)
                if let next = page.nextCursor { print("more: --after \(next)") }
            }
        }

    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every version of a movement: who recorded each, when, in which import, and what replaced it.",
            discussion: "The answer to \"why does last week's total differ from today's\": see also homeward totals --as-recorded-on.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The movement's id (as GET /api/v1/movements gives it).") var id: Int
        @Option(help: "table, or json as GET /api/v1/movements/{id}/history answers") var format: TableOrJSON = .table


        func run() async throws {
            let versions = try await db.withStores { try await $0.ledger.history(ofMovement: id) }
            guard !versions.isEmpty else {
                FileHandle.standardError.write(Data("Error: no movement has id \(id)\n".utf8))
                throw ExitCode.failure
            }
            switch format {
            case .json: try printJSON(["versions": versions])
            case .table:
                var table = TextTable(header: ["PERIOD", "PERSONS", "CATEGORY", "PLACE", "RECORDED", "BY", "IMPORT", "COMMITTED", "REPLACED", "BY"],
                                      numeric: [1])
                table.rows = versions.map { v in
                    let m = v.movement
                    return [m.start == m.end ? "\(m.start)" : "\(m.start) to \(m.end)", m.persons.grouped, m.category.rawValue,
                            m.crossing ?? m.destination ?? "", m.recordedAt, v.recordedBy ?? "", v.importID.map(String.init) ?? "", v.committedAt ?? "",
                            v.supersededAt ?? "in force", v.supersededBy ?? ""]
                }
                print(table.rendered)
            }
        }
    }
}

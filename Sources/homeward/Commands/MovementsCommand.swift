import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct MovementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movements",
        abstract: "Movements of the returns ledger, one by one.",
        subcommands: [History.self]
    )

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
                var table = TextTable(header: ["PERIOD", "PERSONS", "CATEGORY", "PLACE", "RECORDED", "BY", "IMPORT", "REPLACED", "BY"],
                                      numeric: [1])
                table.rows = versions.map { v in
                    let m = v.movement
                    return [m.start == m.end ? "\(m.start)" : "\(m.start) to \(m.end)", m.persons.grouped, m.category.rawValue,
                            m.crossing ?? m.destination ?? "", m.recordedAt, v.recordedBy ?? "", v.importID.map(String.init) ?? "",
                            v.supersededAt ?? "in force", v.supersededBy ?? ""]
                }
                print(table.rendered)
            }
        }
    }
}

import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct ReadinessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "What returnees come back to: per destination area, returns beside facilities and aid.",
        discussion: """
            For each area: people who returned there in the window (from the ledger), facilities commissioned there in \
            it and under restoration at its end, by kind, and aid delivered there in it. Figures recorded only at a \
            coarser level than --level are in no row. Columns side by side; no index.
            """)
    @OptionGroup var db: DatabaseOptions
    @Option(help: "From this date.") var from: String?
    @Option(help: "To this date (default today).") var to: String?
    @Option(help: "adm1, adm2, adm3 or adm4") var level: String = "adm1"
    @Option(help: "Sort by: \(ReadinessOrder.expected).") var sort: String = "returned"
    @Option(help: "table, json or csv") var format: OutputFormat = .table

    private var adminLevel: AdminLevel? { AdminLevel.allCases.first { "adm\($0.rawValue)" == level } }

    func validate() throws {
        guard adminLevel != nil else { throw ValidationError("--level '\(level)': adm1, adm2, adm3 or adm4") }
        guard ReadinessOrder(sort) != nil else { throw ValidationError("--sort '\(sort)': \(ReadinessOrder.expected)") }
        _ = try window(from: from, to: to)
    }

    func run() async throws {
        let level = adminLevel!, order = ReadinessOrder(sort)!
        let window = try window(from: from, to: to)
        let today = try today()
        let report = try await db.withStores { try await $0.readiness(window, level: level, order: order, today: today) }
        switch format {
        case .json: try printJSON(report)
        case .csv: print(ReadinessText.csv(report))
        case .table: print(ReadinessText.table(report))
        }
    }
}

import HomewardCore
import ArgumentParser
import HomewardStore

struct OrganisationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisations",
        abstract: "The partner organisations that report figures.",
        subcommands: [List.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations (created on first use by imports).")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func run() async throws {
            let organisations = try await db.withStores { try await $0.organisations.organisations() }
            switch format {
            case .json: try printJSON(organisations)
            case .csv:
                print("id,name")
                for o in organisations { print("\(o.id),\(CSVWriter.field(o.name))") }
            case .table:
                print(TextTable(header: ["ID", "NAME"], rows: organisations.map { [String($0.id), $0.name] }, numeric: [0]).rendered)
            }
        }
    }
}

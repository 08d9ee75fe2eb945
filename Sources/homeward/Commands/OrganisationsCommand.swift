import HomewardCore
import ArgumentParser
import HomewardStore

struct OrganisationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisations",
        abstract: "The partner organisations that report figures.",
        subcommands: [List.self, Add.self]
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

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organisation, or a working group and its members.",
            discussion: "Editors of a member organisation may write the working group's records.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The organisation's name.") var name: String
        @Flag(help: "The organisation is a working group of other organisations.") var workingGroup = false
        @Option(name: .customLong("member"), help: "A member organisation of the working group (repeat for each).") var members: [String] = []
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let addition = try await db.withStores { try await $0.organisations.add(name, workingGroup: workingGroup, members: members, by: who.caller) }
            switch addition {
            case .unchanged: print("\(name) is known already as asked: nothing changed.")
            case .added, .changed:
                print((workingGroup ? "Working group \(name) with \(members.count) member organisation(s)" : "Organisation \(name)")
                      + (addition == .added ? "." : ": changed."))
            }
        }
    }
}

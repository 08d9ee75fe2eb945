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
            let organisations = try await db.withStores { stores in
                let members = try await stores.organisations.members()
                return try await stores.organisations.organisations().map { ListedOrganisation($0, members: members) }
            }
            // A working group's members after the columns a script reads by position: `;` between them in CSV.
            switch format {
            case .json: try printJSON(organisations)
            case .csv:
                print("id,name,working_group,members")
                for o in organisations { print("\(o.id),\(CSVWriter.field(o.name)),\(o.workingGroup),\(CSVWriter.field(o.members.joined(separator: "; ")))") }
            case .table:
                // A working group says it is one, members or none: one without members read as a partner.
                print(TextTable(header: ["ID", "NAME", "MEMBERS", "KIND"],
                                rows: organisations.map { [String($0.id), $0.name, $0.members.joined(separator: ", "), $0.workingGroup ? "working group" : "organisation"] },
                                numeric: [0]).rendered)
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
        @Option(name: .customLong("remove-member"), help: "A member organisation to take out of the working group (repeat for each).")
        var removed: [String] = []
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let (addition, groups, new) = try await db.withStores { stores in
                let known = try await stores.organisations.organisations().map(\.name)
                let named = members.map { $0.trimmingCharacters(in: .whitespaces) }
                for member in named { try refuseSlip(member, option: "--member", known: known) }
                return (try await stores.organisations.add(name, workingGroup: workingGroup, members: members, removing: removed, by: who.caller),
                        try await stores.organisations.members(), named.filter { !known.contains($0) })
            }
            if !new.isEmpty { print("New organisation\(new.count == 1 ? "" : "s"): \(new.joined(separator: ", ")).") }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            // The members it has now, not the count given: adding to a group keeps its other members.
            let now = groups[trimmed].map { ": members \($0.joined(separator: ", "))" } ?? ""
            switch addition {
            case .unchanged: print("\(trimmed) is known already as asked: nothing changed\(now).")
            case .added: print((workingGroup || !removed.isEmpty ? "Working group \(trimmed)" : "Organisation \(trimmed)") + " added\(now).")
            case .changed: print((workingGroup || !removed.isEmpty ? "Working group \(trimmed)" : "Organisation \(trimmed)") + " changed\(now).")
            }
        }
    }
}

/// Refuses an organisation typed a slip of the keys away from a known one (`UNHRC` for UNHCR), which would otherwise be
/// made a new organisation in every list; one that is meant is added first with `organisations add`.
func refuseSlip(_ name: String, option: String, known: [String]) throws {
    let names = OrganisationNames(known)
    // Another writing of a known name (`unhcr`) is that organisation: no new one may be made of it.
    if let meant = names.otherSpelling(of: name) { throw CommandFailure("\(option) '\(name)': this is how \(meant) is written: give '\(meant)'") }
    guard let meant = names.nearMiss(of: name) else { return }
    throw CommandFailure("\(option) '\(name)': no organisation of that name; did you mean '\(meant)'? "
                         + "If it is another organisation, add it first: homeward organisations add '\(name)'")
}

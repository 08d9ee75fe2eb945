import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

extension Role: ExpressibleByArgument {}

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "People who sign in or hold tokens, their organisation and role.",
        subcommands: [Add.self, List.self, Disable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account.",
            discussion: "Roles: admin (people, organisations, reference data), coordinator (any organisation's records, sites and evacuations), "
                + "editor (its own organisation's and working groups' records), viewer (reads). Without --password-stdin the account "
                + "signs in with tokens only.")
        @OptionGroup var db: DatabaseOptions
        @Option var login: String
        @Option var name: String
        @Option var org: String
        @Option(help: "admin, coordinator, editor or viewer") var role: Role
        @Flag(help: "Read the password (at least 12 characters) from the first line of standard input.") var passwordStdin = false
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let password = passwordStdin ? try passwordFromStandardInput() : nil
            try await db.withStores {
                try await $0.access.addPerson(Person(login: login, name: name, organisation: org, role: role), password: password, by: who.caller)
            }
            print("Account \(login) (\(role.rawValue), \(org)).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func run() async throws {
            let persons = try await db.withStores { try await $0.access.persons() }
            switch format {
            case .json: try printJSON(persons)
            case .csv:
                print("login,name,organisation,role,active")
                for p in persons { print([p.login, p.name, p.organisation, p.role.rawValue, String(p.active)].map(CSVWriter.field).joined(separator: ",")) }
            case .table:
                print(TextTable(header: ["LOGIN", "NAME", "ORGANISATION", "ROLE", "ACTIVE"],
                                rows: persons.map { [$0.login, $0.name, $0.organisation, $0.role.rawValue, $0.active ? "yes" : "no"] }).rendered)
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: no more sign-in, tokens or sessions; its history stays.")
        @OptionGroup var db: DatabaseOptions
        @Argument var login: String
        @OptionGroup var who: CallerOptions

        func run() async throws {
            try await db.withStores { try await $0.access.disable(login, by: who.caller) }
            print("Account \(login) disabled.")
        }
    }
}

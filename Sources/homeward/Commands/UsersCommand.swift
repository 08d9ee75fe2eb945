import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

extension Role: ExpressibleByArgument {}

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "People who sign in or hold tokens, their organisation and role.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, SetRole.self, ResetPassword.self, Erase.self]
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
        @Flag(help: "Read the password (at least 12 characters, at most 72 bytes) from the first line of standard input.") var passwordStdin = false
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let password = passwordStdin ? try passwordFromStandardInput() : nil
            let organisation = org.trimmingCharacters(in: .whitespaces)
            let new = try await db.withStores { stores in
                let known = try await stores.organisations.organisations().map(\.name)
                try refuseSlip(organisation, option: "--org", known: known)
                try await stores.access.addPerson(Person(login: login, name: name, organisation: org, role: role), password: password, by: who.caller)
                return !known.contains(organisation)
            }
            // An organisation made here is said: a name mistyped would otherwise sit in every list unnoticed.
            print("Account \(login) (\(role.rawValue), \(organisation))" + (new ? "; organisation \(organisation) is new." : "."))
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
            let changed = try await db.withStores { try await $0.access.disable(login, by: who.caller) }
            print(changed ? "Account \(login) disabled." : "Account \(login) was disabled already: nothing changed.")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again (its old tokens stay as they were).")
        @OptionGroup var db: DatabaseOptions
        @Argument var login: String
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let changed = try await db.withStores { try await $0.access.enable(login, by: who.caller) }
            print(changed ? "Account \(login) enabled." : "Account \(login) was enabled already: nothing changed.")
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change an account's role.")
        @OptionGroup var db: DatabaseOptions
        @Argument var login: String
        @Argument(help: "admin, coordinator, editor or viewer") var role: Role
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let changed = try await db.withStores { try await $0.access.setRole(login, to: role, by: who.caller) }
            print(changed ? "Account \(login) is now \(role.rawValue)." : "Account \(login) was \(role.rawValue) already: nothing changed.")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Set a new password for someone who lost theirs; their sessions end.",
            discussion: "Give it to them by a channel of its own; they change it at /account.")
        @OptionGroup var db: DatabaseOptions
        @Argument var login: String
        @Flag(help: "Read the password (at least 12 characters, at most 72 bytes) from the first line of standard input.") var passwordStdin = false
        @Flag(help: "Revoke the account's API tokens too: where the old password may have been someone else's to use, a token made with it would go on working.")
        var revokeTokens = false
        @OptionGroup var who: CallerOptions

        func validate() throws {
            guard passwordStdin else { throw ValidationError("give the new password on standard input, with --password-stdin") }
        }

        func run() async throws {
            let password = try passwordFromStandardInput()
            try await db.withStores { try await $0.access.resetPassword(login, to: password, revokingTokens: revokeTokens, by: who.caller) }
            print("Account \(login): new password set; its sessions ended\(revokeTokens ? ", its tokens revoked" : "").")
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a person's name when they leave: the account is disabled and its password, tokens and sessions end.",
            discussion: "The login stays, as records and the audit name who wrote them by it. The audit keeps no names (entries written before this version may).")
        @OptionGroup var db: DatabaseOptions
        @Argument var login: String
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let (erased, logEmptied) = try await db.withStores { try await $0.access.erase(login, by: who.caller) }
            print(erased ? "Account \(login): name erased, account disabled." : "Account \(login) was erased already: nothing changed.")
            if !logEmptied {
                print("The database's write-ahead log may still hold the name: a server is reading it. Run this again when it is idle.")
            }
        }
    }
}

import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "Coordination sessions: the day, the participating organisations and their briefings.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a session; prints its id.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "The session's day (YYYY-MM-DD).") var date: Day
        @Option(parsing: .upToNextOption, help: "The participating organisations, in order.") var org: [String]
        @Option(help: ArgumentHelp("An organisation's briefing, as ORG=TEXT (repeatable).", valueName: "org=text")) var briefing: [String] = []

        /// Each `--briefing` by its organisation.
        private func briefings() throws -> [String: String] {
            var briefings: [String: String] = [:]
            for item in briefing {
                guard let equals = item.firstIndex(of: "="), org.contains(String(item[..<equals])) else {
                    throw ValidationError("--briefing '\(item)': expected ORG=TEXT for one of the --org organisations")
                }
                briefings[String(item[..<equals])] = String(item[item.index(after: equals)...])
            }
            return briefings
        }

        func validate() throws { _ = try briefings() }

        func run() async throws {
            let briefings = try briefings()
            let session = CoordinationSession(date: date, briefings: org.map { .init(organisation: $0, text: briefings[$0]) })
            let added = try await db.withStores { stores in
                let known = try await stores.organisations.organisations().map(\.name)
                for organisation in org { try refuseSlip(organisation.trimmingCharacters(in: .whitespaces), option: "--org", known: known) }
                return try await stores.sessions.addSession(session, today: try today(), by: who.caller)
            }
            print(added.id ?? 0)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sessions, newest first.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let sessions = try await db.withStores { try await $0.sessions.sessions() }
            switch format {
            case .json: try printJSON(["sessions": sessions])
            case .table:
                print(TextTable(header: ["ID", "DATE", "ORGANISATIONS"],
                                rows: sessions.map { [String($0.id ?? 0), $0.date.description, $0.organisations.joined(separator: ", ")] }).rendered)
            }
        }
    }
}

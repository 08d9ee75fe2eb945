import ArgumentParser
import Foundation
import HomewardCore

@main
struct Homeward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homeward",
        abstract: "The information system of a returns coordination centre.",
        discussion: """
            Records the return of refugees and internally displaced people, by crossing point and place, \
            day by day, and answers the centre's questions about them. The database is an SQLite file \
            (default ./homeward.sqlite) or a PostgreSQL server: --database, or HOMEWARD_DATABASE.
            """,
        subcommands: [
            ServeCommand.self, ImportCommand.self, TotalsCommand.self, CrossingsCommand.self, OrganisationsCommand.self,
            GazetteerCommand.self, AreasCommand.self, MovementsCommand.self, SitesCommand.self, EvacuationsCommand.self,
            UsersCommand.self, TokensCommand.self, AuditCommand.self, DatabaseCommand.self,
            FacilitiesCommand.self, AidCommand.self, ReadinessCommand.self,
            SourcesCommand.self, SessionsCommand.self, BulletinCommand.self,
        ]
    )

    /// Reads numbers and dates written in Arabic digits (`evacuations show ٣`, as the Arabic pages write ids; `--limit=٣`)
    /// as Latin ones, before any option parses them. A value with letters or other signs (a code, a name) is left as written.
    static func main() async {
        // A deployment's own words that cannot be read stop every command: otherwise messages would come out as keys.
        if let folder = Catalogue.overlayFolder {
            do {
                try Catalogue.checkOverlayFolder(folder)
                for language in Language.allCases { _ = try Catalogue.bundled(language) }
            } catch {
                exit(withError: ValidationError("\(error)"))
            }
        }
        // The audit's address of a change made here: `--as` a person is then told apart from that person's own request.
        await RequestOrigin.$address.withValue("command line (\(ProcessInfo.processInfo.userName))") {
            await RequestOrigin.$isCommandLine.withValue(true) {
                await main(CommandLine.arguments.dropFirst().map(Self.latinDigits))
            }
        }
    }

    static func latinDigits(_ argument: String) -> String {
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            let value = String(argument[argument.index(after: equals)...])
            return value.isNumberInAnotherScript ? String(argument[...equals]) + value.withLatinDigits : argument
        }
        return argument.isNumberInAnotherScript ? argument.withLatinDigits : argument
    }
}

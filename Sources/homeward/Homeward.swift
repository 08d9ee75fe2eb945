import ArgumentParser
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

    /// Reads numbers and dates written in another script's digits (`evacuations show ٣`, as the Arabic pages write ids)
    /// as Latin ones, before any option parses them.
    static func main() async {
        await main(CommandLine.arguments.dropFirst().map { $0.isNumberInAnotherScript ? $0.withLatinDigits : $0 })
    }
}

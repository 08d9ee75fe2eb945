import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "The database itself: its schema, and the role a server connects as.",
        subcommands: [Migrate.self, AppRole.self]
    )

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the schema up to date (every command does on opening; a server's own role cannot).")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let applied = try await db.withStores { $0.database.migrationsAppliedOnOpening }
            for name in applied { print("applied \(name)") }
            print("The schema of the \(db.location) is up to date\(applied.isEmpty ? "; nothing was applied" : "").")
        }
    }

    struct AppRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "app-role",
            abstract: "Create or update the PostgreSQL role a server should connect as.",
            discussion: """
                Run as the database's owner. The role reads and writes records but cannot change the schema, nor \
                change or delete the audit (it has no UPDATE, DELETE or TRUNCATE on audit_log). Tables added by later \
                versions are granted to it by default privileges; run `homeward database migrate` as the owner before \
                starting a new version.
                """)
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The role's name, such as homeward_app.") var name: String
        @Flag(help: "Read the role's password from the first line of standard input.") var passwordStdin = false
        @Flag(help: ArgumentHelp("Let the role check an import's references once per name instead of row by row (faster imports).",
                                 discussion: "Grants SET on session_replication_role, which also lets the role turn off the database's other checks for its own session. PostgreSQL 15 or later; run as a superuser."))
        var bulkImports = false
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let password = passwordStdin ? try passwordFromStandardInput() : nil
            try await db.withStores { try await $0.database.grantApplicationRole(name, password: password, bulkImports: bulkImports, by: who.caller) }
            print("Role \(name) may read and write records, and only append to the audit. Start the server with")
            print("  homeward serve --database postgres://\(name):PASSWORD@HOST:PORT/DATABASE")
        }
    }
}

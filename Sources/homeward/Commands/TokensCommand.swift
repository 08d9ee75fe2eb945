import ArgumentParser
import HomewardCore
import HomewardStore

struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "API tokens: made for an account, shown once, listed with their last use, revocable.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a token for an account and print it, this once.")
        @OptionGroup var db: DatabaseOptions
        @Option var user: String
        @Option(parsing: .unconditional, help: "Days until it expires (1 to 3650).") var expiresDays = 90
        @Option(help: "text or json") var format: TextOrJSON = .text
        @OptionGroup var who: CallerOptions


        func run() async throws {
            let issued = try await db.withStores { try await $0.access.createToken(for: user, expiresInDays: expiresDays, by: who.caller) }
            switch format {
            case .json: try printJSON(TokenMade(token: issued.token, id: issued.id, expires: issued.expires))
            case .text:
                print(issued.token)
                print("Token \(issued.id) for \(user), expires \(issued.expires). It is not shown again: keep it now.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var db: DatabaseOptions
        @Option var user: String?
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let tokens = try await db.withStores { try await $0.access.tokens(of: user) }
            switch format {
            case .json: try printJSON(tokens)
            case .table:
                print(TextTable(header: ["ID", "LOGIN", "CREATED", "EXPIRES", "REVOKED", "LAST USED"],
                                rows: tokens.map { [String($0.id), $0.login, $0.created, $0.expires, $0.revoked ?? "", $0.lastUsed ?? "never"] },
                                numeric: [0]).rendered)
            }
        }
    }

    /// What `tokens create --format json` prints: the secret, and the id that `tokens revoke` takes.
    struct TokenMade: Encodable {
        var token: String
        var id: Int
        var expires: String
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token by id, or every token of an account (--user L --all).",
            discussion: "With an id, --user names the account the token must be of: a mistyped id is refused rather than end another's token.")
        @OptionGroup var db: DatabaseOptions
        @Argument var id: Int?
        @Option var user: String?
        @Flag var all = false
        @OptionGroup var who: CallerOptions

        func validate() throws {
            guard (id != nil) != (user != nil && all) else { throw ValidationError("give a token's ID (and, to check whose it is, --user LOGIN), or --user LOGIN --all") }
        }

        func run() async throws {
            let (count, owner) = try await db.withStores { try await $0.access.revokeTokens(id: id, of: user, by: who.caller) }
            print("\(count) token(s) revoked\(owner.map { " (of \($0))" } ?? "").")
        }
    }
}

import ArgumentParser
import HomewardCore
import HomewardStore

extension BulletinCommand {
    struct MakePublic: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "public",
            abstract: "Let the public read a published bulletin, small counts hidden; --withdraw makes it internal again.",
            discussion: "The snapshot and its hash do not change; the public reads it with every count from 1 to k−1 as <k (serve --min-public-count).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Argument(help: "The bulletin's id.") var id: Int
        @Flag(help: "Make it internal again.") var withdraw = false

        func run() async throws {
            let bulletin = try await db.withStores { try await $0.setPublic(id, !withdraw, by: who.caller) }
            print(bulletin.publicSince.map { "bulletin \(bulletin.id) is public since \($0)" } ?? "bulletin \(bulletin.id) is internal")
        }
    }
}

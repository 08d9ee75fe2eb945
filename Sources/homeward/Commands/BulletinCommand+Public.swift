import ArgumentParser
import Foundation
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
        @Option(help: "The server's --min-public-count, to say what the public copy withholds.") var minPublicCount = 5

        func validate() throws { try Self.validate(minPublicCount: minPublicCount) }

        /// As `serve` takes it: counts from 1 to it minus one are hidden, so it takes 2 or more.
        static func validate(minPublicCount: Int) throws {
            guard minPublicCount >= 2 else { throw ValidationError("--min-public-count \(minPublicCount): the server's takes 2 or more") }
        }

        func run() async throws {
            let (bulletin, withheld) = try await db.withStores { stores in
                let bulletin = try await stores.setPublic(id, !withdraw, by: who.caller)
                // Told after the change is made: a failed read of it must not read as a failed change.
                return (bulletin, (try? await stores.withheldFromThePublic(bulletin, smallCounts: SmallCounts(threshold: minPublicCount))) ?? [])
            }
            print(bulletin.publicSince.map { "bulletin \(bulletin.id) is public since \($0)" } ?? "bulletin \(bulletin.id) is internal")
            Self.tell(withheld, threshold: minPublicCount)
        }

        /// What the public copy withholds, on standard error: a few people reported late can withhold a headline total.
        static func tell(_ withheld: [String], threshold: Int) {
            guard !withheld.isEmpty else { return }
            FileHandle.standardError.write(Data(("Its public copy withholds \(withheld.count == 1 ? "1 figure" : "\(withheld.count) figures") (counts from 1 to "
                + "\(threshold - 1), and figures that would give one back): \(withheld.joined(separator: ", ")).\n").utf8))
        }
    }
}

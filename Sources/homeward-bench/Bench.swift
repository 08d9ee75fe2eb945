import ArgumentParser

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homeward-bench",
        abstract: "Homeward's benchmarks, with baselines measured in the same run, and their data generator.",
        discussion: "Build in release mode first: swift build -c release; then: swift run -c release homeward-bench",
        subcommands: [RunCommand.self, GenerateCommand.self],
        defaultSubcommand: RunCommand.self)
}

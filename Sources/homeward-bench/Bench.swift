import ArgumentParser

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homeward-bench",
        abstract: "Homeward's benchmarks, with baselines measured in the same run, and their data generator.",
        subcommands: [GenerateCommand.self])
}

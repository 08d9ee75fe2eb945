import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore
import Logging

/// The options every command that touches the records shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "An SQLite file, or a postgres:// URL.",
        discussion: "Default: HOMEWARD_DATABASE, or ./homeward.sqlite.", valueName: "path-or-url"))
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation(database ?? ProcessInfo.processInfo.environment["HOMEWARD_DATABASE"] ?? DatabaseLocation.defaultPath)
    }

    /// Opens the store, with logs on stderr at warning level (HOMEWARD_LOG_LEVEL to change).
    func open() async throws -> Store {
        var logger = Logger(label: "homeward")
        logger.logLevel = ProcessInfo.processInfo.environment["HOMEWARD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return try await Store.open(location, logger: logger)
    }

    /// Runs `body` with an open store, and closes it whatever happens.
    func withStore<R>(_ body: (Store) async throws -> R) async throws -> R {
        let store = try await open()
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}

/// Today, in UTC; `HOMEWARD_TODAY` (YYYY-MM-DD) fixes it, for tests and for replaying a past day.
func today() throws -> Day {
    if let fixed = ProcessInfo.processInfo.environment["HOMEWARD_TODAY"] {
        guard let day = Day(fixed) else { throw ValidationError("HOMEWARD_TODAY '\(fixed)' is not a date of the form YYYY-MM-DD") }
        return day
    }
    let seconds = Int(Date().timeIntervalSince1970)
    return Day(number: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

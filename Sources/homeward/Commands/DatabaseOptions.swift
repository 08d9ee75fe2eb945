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

    /// Opens the stores, with logs on stderr at warning level (HOMEWARD_LOG_LEVEL to change).
    func open() async throws -> Stores {
        var logger = Logger(label: "homeward")
        logger.logLevel = ProcessInfo.processInfo.environment["HOMEWARD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return try await Stores.open(location, logger: logger)
    }

    /// Runs `body` with open stores, and closes them whatever happens.
    func withStores<R>(_ body: (Stores) async throws -> R) async throws -> R {
        let stores = try await open()
        do {
            let result = try await body(stores)
            await stores.close()
            return result
        } catch {
            await stores.close()
            throw error
        }
    }
}

/// Who the command line writes as: `--as LOGIN` when given, otherwise the operating-system user.
struct CallerOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Record the change as made by this person (their login).", valueName: "login"))
    var login: String?

    var caller: Caller { login.map { .person(login: $0) } ?? .operatingSystemUser }
}

/// The first line of standard input, for `--password-stdin`: a password never stands in the command line, where
/// other users of the machine and the shell's history would see it.
func passwordFromStandardInput() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("--password-stdin: no password on standard input") }
    return line
}

/// Today, in the deployment's time zone (`TZ`, or the machine's), so that a field team's report of its own day is not
/// "in the future" for the hours its clock runs ahead of UTC; `HOMEWARD_TODAY` (YYYY-MM-DD) fixes it, for tests and for
/// replaying a past day.
func today() throws -> Day {
    try todayClock()()
}

/// The clock of a long-running command, checked once: a malformed `HOMEWARD_TODAY` stops it at the start.
func todayClock() throws -> @Sendable () -> Day {
    if let fixed = ProcessInfo.processInfo.environment["HOMEWARD_TODAY"] {
        guard let day = Day(fixed) else { throw ValidationError("HOMEWARD_TODAY '\(fixed)' is not a date of the form YYYY-MM-DD") }
        return { day }
    }
    return { localDay(of: Date(), in: .current) }
}

/// The calendar day an instant falls on in a time zone.
func localDay(of instant: Date, in zone: TimeZone) -> Day {
    let seconds = Int(instant.timeIntervalSince1970) + zone.secondsFromGMT(for: instant)
    return Day(number: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// What a command that shows one record or an answer with parts prints: a table for people, JSON for scripts.
enum TableOrJSON: String, ExpressibleByArgument { case table, json }

/// What a command that reports one outcome prints: a sentence, or JSON for scripts.
enum TextOrJSON: String, ExpressibleByArgument { case text, json }

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// What a list of movements prints: besides the others, HXL that `homeward import` takes back as it is.
enum MovementsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, hxl
}

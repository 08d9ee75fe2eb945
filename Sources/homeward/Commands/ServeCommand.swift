import ArgumentParser
import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and the overview page.",
        discussion: """
            The API is described at /openapi.yaml; the overview page is at /. Stops cleanly on SIGINT or SIGTERM.
            With --demo, serves a new demo database (./homeward-demo.sqlite unless --database is given) \
            filled with generated movements, marked as demo data on every page. It replaces a file only where an \
            earlier demo made it: a file of other records is refused.
            """
    )

    @OptionGroup var db: DatabaseOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: "The largest request body accepted, in MiB.") var maxBodyMb = 64
    @Flag(help: "Start on a new database filled with generated demo data.") var demo = false
    @Option(help: "How many demo movements to generate.") var demoRows = 10_000
    @Option(help: "Counts shown to the public from 1 to this minus one read \"<N\"; cells that would reveal them are hidden too.")
    var minPublicCount = 5
    @Option(help: "The open totals (/api/v1/public/totals, any window) round each count to a multiple of this, so that two answers set side by side give no hidden count away; 1 leaves them exact. 5 unless given (at most twice --min-public-count).")
    var publicRounding: Int?
    @Option(name: .customLong("trusted-proxy"), help: "The address of a proxy in front of the server (TLS, say) whose X-Forwarded-For names the client, for the audit and the sign-in throttle (repeatable).")
    var trustedProxies: [String] = []

    func validate() throws {
        guard (0 ... 65_535).contains(port) else {
            throw ValidationError("--port \(port): a port is from 1 to 65535 (0 lets the system choose one)")
        }
        guard maxBodyMb >= 1 else { throw ValidationError("--max-body-mb \(maxBodyMb): a request body of 1 MiB or more") }
        if let level = ProcessInfo.processInfo.environment["HOMEWARD_LOG_LEVEL"], !level.isEmpty, Logger.Level(rawValue: level) == nil {
            throw ValidationError("HOMEWARD_LOG_LEVEL=\(level): the levels are "
                                  + Logger.Level.allCases.map(\.rawValue).joined(separator: ", ") + " (info unless given)")
        }
        guard minPublicCount >= 2 else {
            throw ValidationError("--min-public-count \(minPublicCount): counts from 1 to this minus one are hidden from the public, so it takes 2 or more")
        }
        if let publicRounding, !(1 ... 2 * minPublicCount).contains(publicRounding) {
            throw ValidationError("--public-rounding \(publicRounding): counts are rounded to a multiple of this, from 1 (exact) to twice "
                                  + "--min-public-count (\(2 * minPublicCount)), beyond which the smallest count shown would round to 0")
        }
        if demo, let path = db.database, case .postgres = DatabaseLocation(path) {
            throw ValidationError("--demo makes a new SQLite file; give a file path, not a server URL")
        }
    }

    func run() async throws {
        let today = try todayClock()
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "homeward")
        logger.logLevel = ProcessInfo.processInfo.environment["HOMEWARD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info

        // An address that resolves to nothing is refused before a database is made or changed for a server that cannot start.
        do {
            _ = try SocketAddress.makeAddressResolvingHost(host, port: max(0, port))
        } catch {
            throw CommandFailure("could not listen on \(host) port \(port): \(host) is neither an address nor a name this machine resolves")
        }
        var location = db.location
        if demo {
            let path = db.database ?? "homeward-demo.sqlite"
            if FileManager.default.fileExists(atPath: path), await !Database.sqliteFileHoldsOnlyADemo(path: path) {
                throw CommandFailure("\(path) is not a database that --demo made: a demo starts on a new file and would "
                                     + "replace it; give --database a path of its own")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            location = .sqlite(path: path)
        }
        // A file this user may not write, or whose folder it may not, is refused on opening, naming it (``Database``).
        if case .sqlite(let path) = location {
            // A copy made without care (a backup restored by `cp`, `sqlite3 .backup` under the usual umask) may be read by anyone.
            if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o044 != 0 {
                logger.warning("the SQLite database \(path) may be read by other users of this machine (mode \(String(mode, radix: 8))): it holds password hashes, people's names and addresses; chmod 600 it")
            }
        }
        let stores = try await Stores.open(location, logger: logger)
        if demo {
            try await stores.database.markAsDemo()
            let summary = try await stores.ledger.loadDemoData(rows: demoRows, lastDay: today(), by: .operatingSystemUser)
            logger.info("generated \(summary.imported) demo movements (not real data)")
            try await stores.camps.loadDemoData(lastDay: today(), by: .operatingSystemUser)
            logger.info("added demo sites, censuses, departures and an evacuation under way (not real data)")
            if summary.status != .success { logger.warning("demo data: \(summary.text.prefix(2000))") }
            for summary in try await stores.loadReconstructionDemoData(lastDay: today(), by: .operatingSystemUser) {
                logger.info("generated \(summary.imported) demo facility records or aid actions (not real data)")
            }
            try await stores.loadSourcesDemo(lastDay: today(), by: .operatingSystemUser)
            try await addDemoAccounts(stores)
        }
        let configuration = try ServerConfiguration(host: host, port: port, maxBodyBytes: maxBodyMb << 20, demo: demo, minPublicCount: minPublicCount,
                                                publicRounding: publicRounding, trustedProxies: Set(trustedProxies), logger: logger)
        // Said once the socket is bound, with the port it has (`--port 0` lets the system choose).
        let (served, day, zone) = ("\(location)", today(), TimeZone.current.identifier)
        var app = try buildApplication(stores: stores, configuration: configuration, today: today) { [logger, host, port] channel in
            logger.info("Homeward serves \(served) on http://\(host):\(channel.localAddress?.port ?? port)/; today is \(day) in \(zone)")
        }
        // The database closes when the service group shuts down, after the server has stopped.
        app.addServices(stores.database)
        // Said only where the system fell back to UTC: a path (`:/etc/localtime`) or a POSIX rule (`CET-1CEST`) is no name
        // Foundation knows, yet sets the zone.
        if let zone = ProcessInfo.processInfo.environment["TZ"], !zone.isEmpty,
           TimeZone(identifier: zone.hasPrefix(":") ? String(zone.dropFirst()) : zone) == nil,
           ["GMT", "UTC", "Etc/UTC", "Etc/GMT"].contains(TimeZone.current.identifier), !zone.uppercased().hasPrefix("UTC"), !zone.uppercased().hasPrefix("GMT") {
            logger.warning("TZ=\(zone) is no time zone this system knows: today is \(TimeZone.current.identifier)'s, which decides what date is in the future")
        }
        do {
            // As `runService` does, with the notice after the application: a group tells its last service first, so the log
            // says the signal was taken before the requests under way are finished, not after.
            try await ServiceGroup(configuration: .init(services: [app, ShutdownNotice(logger: logger)], gracefulShutdownSignals: [.sigterm, .sigint],
                                                        logger: logger)).run()
            logger.info("Homeward stopped")
        } catch let error as IOError where [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode) {
            throw CommandFailure("could not listen on \(host) port \(port): " + (error.errnoCode == EADDRINUSE ? "another program listens there"
                                 : error.errnoCode == EACCES ? "this user may not listen on that port" : "no interface here has that address"))
        }
    }

    /// One demo account of each role, each with a new random password, printed once so that whoever runs the
    /// demo can sign in.
    private func addDemoAccounts(_ stores: Stores) async throws {
        print("Demo accounts (demo data only; sign in at http://\(host):\(port)/signin):")
        for (login, role, organisation) in [("demo-admin", Role.admin, "Demo: Returns Coordination Centre"),
                                            ("demo-coordinator", .coordinator, "Demo: Returns Coordination Centre"),
                                            ("demo-editor", .editor, "Demo: Camp Management Agency"),
                                            ("demo-viewer", .viewer, "Demo: Returns Coordination Centre")] {
            let password = String(Secret.make().prefix(16))
            try await stores.access.addPerson(Person(login: login, name: login, organisation: organisation, role: role), password: password,
                                              by: .operatingSystemUser)
            print("  \(login.padding(toLength: 18, withPad: " ", startingAt: 0)) \(role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) password \(password)")
        }
        // Into a pipe or a file (nohup, a container's log) the lines would otherwise wait in the buffer until the server stops (nil: every stream, stdout among them).
        fflush(nil)
    }
}

/// Says in the log when the server is asked to stop (SIGTERM, Ctrl-C): an operator watching it sees the signal taken, and
/// that the requests under way are finished before it stops ("Homeward stopped" follows).
private struct ShutdownNotice: Service {
    let logger: Logger

    func run() async throws {
        guard (try? await gracefulShutdown()) != nil else { return }
        logger.info("stopping: no new connections; the requests under way are finished first")
    }
}

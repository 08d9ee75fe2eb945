import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HomewardTestSupport
import Testing

/// `homeward serve` as a process, over real HTTP on 127.0.0.1.
@Suite struct LiveServerTests {
    @Test func aServedImportOfTheOCHASampleReadsBackByGovernorate() async throws {
        // setup: a server on a port the system chooses
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-live-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpAdditionalHeaders = ["Authorization": "Bearer \(try Fault.coordinatorToken(database))"]
        let session = URLSession(configuration: configuration)
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["serve", "--database", database, "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOMEWARD_TODAY"] = "2019-07-20"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let port = try #require(Self.listeningPort(errors.fileHandleForReading))
        let base = "http://127.0.0.1:\(port)"

        // act: import the spreadsheet with its mapping, then ask for totals by governorate
        let query = "org=OCHA%20Turkey&set=%23date%3D2019-01&map=Nahya%20PCODE%3D%23adm3%2Bdest%2Bcode&map=Ret_Flow_Estimation%3D%23affected%2Breturnees%2Bidps%2Bnum"
        var post = URLRequest(url: URL(string: "\(base)/api/v1/imports?\(query)")!)
        post.httpMethod = "POST"
        post.setValue("text/csv", forHTTPHeaderField: "Content-Type")
        post.httpBody = try Data(contentsOf: fixtureURL("ocha-turkey-syr-2019-01_return-flow-by-community.csv"))
        let (importBody, importResponse) = try await session.data(for: post)
        let (totalsBody, totalsResponse) = try await session.data(from: URL(string: "\(base)/api/v1/totals?by=adm1")!)

        // check
        #expect((importResponse as? HTTPURLResponse)?.statusCode == 200)
        let summary = try JSONSerialization.jsonObject(with: importBody) as? [String: Any]
        #expect(summary?["imported"] as? Int == 278)
        #expect((totalsResponse as? HTTPURLResponse)?.statusCode == 200)
        let totals = try JSONSerialization.jsonObject(with: totalsBody) as? [String: Any]
        #expect(totals?["total"] as? Int == 103_396)
        let groups = totals?["groups"] as? [[String: Any]] ?? []
        #expect(groups.first?["key"] as? String == "SY12" && groups.first?["persons"] as? Int == 46_344)

        // and it stops cleanly on SIGTERM, saying so in its log: the signal taken, then the stop
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stopping = log.range(of: "stopping: no new connections"), stopped = log.range(of: "Homeward stopped")
        #expect(stopping != nil && stopped != nil && stopping!.lowerBound < stopped!.lowerBound, "\(log.suffix(600))")
    }

    /// The operator's log: the port the server listens on once it does, each request's route and status with its query's
    /// values and its path's left out (a token a script put in a URL, a person's login), and a port another program holds said as such, with no "serves" line before.
    @Test func theLogSaysThePortEachRequestsStatusAndNoQueryValue() async throws {
        // setup: a server on a port the system chooses
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-log-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let server = try await ServerProcess(database: .sqlite(path: database))
        defer { server.child.killIfRunning() }

        // act: a request with a secret in its query, then a second server on the same port
        let (_, response) = try await URLSession.shared.data(from: URL(string: server.base + "/api/v1/totals?access_token=s3cr3t-value&from=2019-01-01")!)
        _ = try await URLSession.shared.data(from: URL(string: server.base + "/api/v1/movements/987654321/history")!)
        let port = try #require(Int(server.base.split(separator: ":").last!))
        let second = try Child.start(Fault.homeward, ["serve", "--database", database, "--port", String(port)])
        let refused = try await second.wait(timeout: 60)
        let stopped = try await server.stop()

        // check
        #expect((response as? HTTPURLResponse)?.statusCode == 401)
        let log = stopped.stderr
        #expect(log.contains("Homeward serves") && log.contains(":\(port)/; today is"), "the port it listens on, not 0: \(log.prefix(1000))")
        #expect(log.contains("hb.request.path=/api/v1/totals") && log.contains("hb.response.status=401"), "\(log)")
        #expect(log.contains("hb.request.query=access_token,from") && !log.contains("s3cr3t"), "\(log)")
        #expect(log.contains("hb.request.path=/api/v1/movements/{id}/history") && !log.contains("987654321"), "the route, not what fills it: \(log)")
        #expect(refused.status == 1 && refused.stderr.contains("could not listen on 127.0.0.1 port \(port): another program listens there"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Homeward serves"), "announced before the port was bound: \(refused.stderr)")
        // Whether the schema moved, said either way: a new database's steps, then an existing one's up to date.
        #expect(log.contains("applied migration") && refused.stderr.contains("the database schema is up to date"), "\(refused.stderr)")
    }

    @Test func aDemoServerPrintsItsAccountsWhileItServesAndTheirPasswordsSignIn() async throws {
        // setup: a demo server with its output in a pipe, as under nohup or in a container
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("homeward-demo-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let process = Process()
        process.executableURL = CommandLineTests.executable
        // Behind a proxy on this machine (TLS, say), which names the client in X-Forwarded-For.
        process.arguments = ["serve", "--demo", "--demo-rows", "200", "--database", database, "--port", "0", "--trusted-proxy", "127.0.0.1"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let printed = PrintedText()
        output.fileHandleForReading.readabilityHandler = { handle in printed.append(handle.availableData) }
        defer { output.fileHandleForReading.readabilityHandler = nil } // at the end of the pipe it would fire without end
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let port = try #require(Self.listeningPort(errors.fileHandleForReading))

        // act: read the accounts while the server runs (they are printed before it listens), then sign in
        var passwords: [String: String] = [:]
        for _ in 0 ..< 50 where passwords.count < 4 {
            passwords = printed.passwords()
            if passwords.count < 4 { try await Task.sleep(for: .milliseconds(100)) }
        }
        let password = try #require(passwords["demo-viewer"], "printed while serving: \(printed.text)")
        let session = URLSession(configuration: .ephemeral)
        func signIn(_ password: String) async throws -> HTTPURLResponse? {
            var post = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/signin")!)
            post.httpMethod = "POST"
            post.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            post.httpBody = Data("login=demo-viewer&password=\(password)".utf8)
            post.setValue("203.0.113.9", forHTTPHeaderField: "X-Forwarded-For")
            return try await session.data(for: post).1 as? HTTPURLResponse
        }
        let wrong = try await signIn("not-\(password)")
        let right = try await signIn(password)

        // check: one account per role; the printed password opens a session (on to the overview), another does not
        #expect(Set(passwords.keys) == ["demo-admin", "demo-coordinator", "demo-editor", "demo-viewer"])
        #expect(wrong?.statusCode == 401)
        #expect(right?.statusCode == 200)
        #expect(right?.url?.path != "/signin")
        process.terminate()
        process.waitUntilExit()
        // The audit names the client the proxy named, not the proxy.
        let audit = try CommandLineTests().run(["audit", "--database", database, "--format", "csv"]).stdout
        #expect(audit.contains(",203.0.113.9,sign-in-failed,"), "\(audit)")
    }

    /// What a child process has printed so far, collected as it arrives.
    final class PrintedText: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
        /// The demo's accounts, by login, from lines `  LOGIN  ROLE  password SECRET`.
        func passwords() -> [String: String] {
            var found: [String: String] = [:]
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count == 4, words[2] == "password" { found[String(words[0])] = String(words[3]) }
            }
            return found
        }
    }

    /// Reads the server's log until it says where it listens; gives up after 60 seconds.
    static func listeningPort(_ handle: FileHandle) -> Int? {
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { return nil }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "listening on 127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), text[range.upperBound...].count > digits.count { return port }
            }
        }
        return nil
    }
}

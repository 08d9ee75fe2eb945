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

        // and it stops cleanly on SIGTERM
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
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

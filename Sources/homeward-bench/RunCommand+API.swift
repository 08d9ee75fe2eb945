import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore
import Logging

extension RunCommand {
    /// Requests per second and p99 latency over loopback, with wrk, against `GET /healthz` as the baseline.
    /// - Parameters:
    ///   - database: a SQLite file or a PostgreSQL URL, which the posts write into.
    ///   - prefix: before every figure's name (`postgres_`).
    func apiFigures(_ report: Report, serving database: String, prefix: String = "") async throws {
        guard let wrk = which("wrk") else {
            report.missing("\(prefix)api_totals_rps", "wrk not installed (Debian package wrk)")
            return
        }
        let token = try partnerToken(database: database)
        let port = 18_000 + Int.random(in: 0 ..< 2000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: homeward)
        server.arguments = ["serve", "--database", database, "--port", String(port)]
        server.environment = ProcessInfo.processInfo.environment.merging(["HOMEWARD_LOG_LEVEL": "error", "HOMEWARD_TODAY": "2020-01-01"]) { $1 }
        server.standardError = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"
        for _ in 0 ..< 120 where try ProcessRun.run(["/usr/bin/curl", "-sf", "\(base)/healthz"]).status != 0 {
            try await Task.sleep(for: .milliseconds(250))
        }
        let seconds = "\(apiSeconds)s"
        let health = try Self.wrk(wrk, ["-t2", "-c16", "-d\(seconds)", "--latency", "\(base)/healthz"])
        report.figure("\(prefix)api_healthz_rps", health.rps, "baseline: the server's own floor", digits: 0)
        let bearer = "Authorization: Bearer \(token)"
        let totals = try Self.wrk(wrk, ["-t2", "-c16", "-d\(seconds)", "--latency", "-H", bearer,
                                        "\(base)/api/v1/totals?by=adm1&from=2018-01-01&to=2019-12-31"])
        report.figure("\(prefix)api_totals_rps", totals.rps, "GET /api/v1/totals?by=adm1, 16 connections", digits: 0)
        report.figure("\(prefix)api_totals_p99_ms", totals.p99)
        report.figure("\(prefix)api_totals_vs_healthz_ratio", health.rps / max(totals.rps, 0.001), "healthz rps ÷ totals rps")
        let script = "\(work)/post-movements.lua"
        try Self.postScript.write(toFile: script, atomically: true, encoding: .utf8)
        let posts = try Self.wrk(wrk, ["-t1", "-c2", "-d\(seconds)", "--latency", "-H", bearer, "-s", script, "\(base)/api/v1/movements"])
        report.figure("\(prefix)api_post_1000_batches_per_s", posts.rps, "POST /api/v1/movements, 1,000 movements a batch, 2 connections")
        report.figure("\(prefix)api_post_1000_p99_ms", posts.p99)
        report.figure("\(prefix)api_post_movements_per_s", posts.rps * 1000, "", digits: 0)
    }

    /// A token for an editor of the organisation the posts name, made as a partner's would be, with the command line.
    private func partnerToken(database: String) throws -> String {
        let account = try ProcessRun.run([homeward, "users", "add", "--database", database, "--login", "bench-partner",
                                          "--name", "Bench partner", "--org", "Bench", "--role", "editor"])
        let issued = try ProcessRun.run([homeward, "tokens", "create", "--database", database, "--user", "bench-partner", "--format", "json"])
        guard account.status == 0, issued.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(issued.output.utf8)) as? [String: Any],
              let token = object["token"] as? String else {
            throw ValidationError("could not make an API token: \(account.output) \(issued.output)")
        }
        return token
    }

    /// Runs wrk and reads its requests per second and 99th percentile (ms).
    static func wrk(_ wrk: String, _ arguments: [String]) throws -> (rps: Double, p99: Double) {
        let run = try ProcessRun.run([wrk] + arguments)
        var rps = 0.0, p99 = 0.0
        for line in run.output.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.first == "Requests/sec:", fields.count > 1 { rps = Double(fields[1]) ?? 0 }
            if fields.first == "99%", fields.count > 1 { p99 = Self.milliseconds(String(fields[1])) }
            if line.contains("Non-2xx") { print("warning: \(line.trimmingCharacters(in: .whitespaces)) (\(arguments.last ?? ""))") }
        }
        return (rps, p99)
    }

    static func milliseconds(_ text: String) -> Double {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return (Double(text.dropLast(unit.count)) ?? 0) * factor
        }
        return Double(text) ?? 0
    }

    /// A wrk script posting batches of 1,000 new movements (unique ids), so that every batch is written.
    static let postScript = """
        local counter = 0
        local prefix = ""
        function init(args)
          math.randomseed(os.time() + math.floor(os.clock() * 1000000))
          prefix = tostring(math.random(1, 1000000000))
        end
        function request()
          counter = counter + 1
          local parts = {}
          for i = 1, 1000 do
            parts[i] = string.format('{"date":"2019-06-%02d","crossing":"LBN-01","category":"refugee","origin":"LBN","destination":"SY03","persons":%d,"organisation":"Bench","id":"%s-%d-%d"}',
              (i % 28) + 1, (i % 50) + 1, prefix, counter, i)
          end
          local headers = {["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"]}
          return wrk.format("POST", nil, headers, "[" .. table.concat(parts, ",") .. "]")
        end
        """
}

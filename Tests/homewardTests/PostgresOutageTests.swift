import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HomewardStore
import HomewardTestSupport
import Testing

/// PostgreSQL going away under a running server, as a restart or a network cut makes it: the server is reached through
/// a TCP relay on loopback that the test stops and starts again.
@Suite(.serialized) struct PostgresOutageTests {
    /// The health check says so within its wait and the API answers 503 ("try again"), where both hung a minute for the
    /// pool's circuit breaker and the API then answered 500; with the database back, both answer again.
    @Test(.hangLimit, .enabled(if: Backend.postgresURL != nil, "HOMEWARD_TEST_POSTGRES_URL is not set"))
    func aServerWhoseDatabaseGoesAwayAnswers503AndRecovers() async throws {
        // setup: a database reached through the relay, a server on it, a token
        let location = try await TestStores.shared.location(for: .postgres)
        var url = try #require(URLComponents(string: location.argument))
        var relay = try await Relay.start(to: try #require(url.host), port: try #require(url.port))
        defer {
            _ = Glibc.kill(relay.child.pid, SIGCONT)
            relay.child.killIfRunning()
        }
        url.port = relay.port
        let relayed = try #require(url.string)
        let token = try Fault.coordinatorToken(relayed)
        let server = try await ServerProcess(database: .postgres(url: relayed))
        defer { server.child.killIfRunning() }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 40
        let session = URLSession(configuration: configuration)
        // The health check as a load balancer asks it, without a token; the API with one.
        func status(_ path: String) async throws -> Int {
            var request = URLRequest(url: URL(string: server.base + path)!)
            if path.hasPrefix("/api/") { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            let (_, response) = try await session.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        #expect(try await status("/healthz") == 200)
        #expect(try await status("/api/v1/totals") == 200)

        // A database that keeps its connections and answers nothing (the relay stopped, its sockets open): the health check
        // says so all the same, and answers again once it does.
        _ = Glibc.kill(relay.child.pid, SIGSTOP)
        #expect(try await status("/healthz") == 503)
        _ = Glibc.kill(relay.child.pid, SIGCONT)
        var answering = 0
        for _ in 0 ..< 30 where answering != 200 {
            answering = try await status("/healthz")
            if answering != 200 { try await Task.sleep(for: .seconds(1)) }
        }
        #expect(answering == 200)

        // act: the database goes away
        relay.child.kill()
        _ = try await relay.child.wait(timeout: 10)

        // check: each answers 503 within the client's 40 s (the pool's breaker took 60 to 70)
        #expect(try await status("/healthz") == 503)
        #expect(try await status("/api/v1/totals?from=2020-01-01") == 503)
        // Under a code a script branches on, in the caller's language: trying again may help, as it does not for a full disk.
        var asked = URLRequest(url: URL(string: server.base + "/api/v1/totals?from=2020-01-03")!)
        asked.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        asked.setValue("ru", forHTTPHeaderField: "Accept-Language")
        let (body, _) = try await session.data(for: asked)
        let problem = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        #expect(problem?["code"] as? String == "problem.database.unavailable" && (problem?["detail"] as? String)?.contains("повторите") == true,
                "\(String(decoding: body, as: UTF8.self))")
        #expect(try await status("/api/v1/totals?from=2020-01-02") == 503, "again, with the pool's breaker tripped or not")

        // and with the database back on the same port, both answer again
        relay = try await Relay.start(to: try #require(URLComponents(string: location.argument)?.host),
                                      port: try #require(URLComponents(string: location.argument)?.port), listening: relay.port)
        var health = 0, totals = 0
        for _ in 0 ..< 60 where health != 200 || totals != 200 {
            try await Task.sleep(for: .seconds(1))
            health = try await status("/healthz")
            totals = health == 200 ? try await status("/api/v1/totals") : 0
        }
        #expect(health == 200 && totals == 200)
        _ = try await server.stop()
        await Fault.dispose(location)
    }
}

/// A TCP relay on 127.0.0.1 to a PostgreSQL server, in Python's asyncio: killed, its connections drop and new ones are
/// refused, as when the database stops.
struct Relay {
    let child: Child
    let port: Int

    static let script = """
        import asyncio, sys
        async def pipe(r, w):
            try:
                while True:
                    data = await r.read(65536)
                    if not data:
                        break
                    w.write(data)
                    await w.drain()
            except Exception:
                pass
            finally:
                w.close()
        async def handle(cr, cw):
            try:
                sr, sw = await asyncio.open_connection(sys.argv[1], int(sys.argv[2]))
            except Exception:
                cw.close()
                return
            await asyncio.gather(pipe(cr, sw), pipe(sr, cw))
        async def main():
            server = await asyncio.start_server(handle, '127.0.0.1', int(sys.argv[3]))
            print(server.sockets[0].getsockname()[1], flush=True)
            await server.serve_forever()
        asyncio.run(main())
        """

    /// - Parameter listening: the port to listen on; by default one the system chooses.
    static func start(to host: String, port: Int, listening: Int = 0) async throws -> Relay {
        let child = try Child.start(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, host, String(port), String(listening)])
        for _ in 0 ..< 200 {
            if let line = child.stdoutText.split(separator: "\n").first, let chosen = Int(line) { return Relay(child: child, port: chosen) }
            if child.hasExited { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        child.killIfRunning()
        throw FaultError("the relay did not start: \(child.stderrText)")
    }
}

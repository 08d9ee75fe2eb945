import HomewardTestSupport
import SQLKit
import Testing
@testable import HomewardStore

/// The pool of PostgreSQL connections at work to its last one is a busy database, not one gone.
@Suite struct PostgresPoolTests {
    /// Eight long statements hold every connection: the health check, on a connection of its own, still says the database
    /// answers, and a ninth reader waits for a connection past the lease's wait rather than being refused with 503.
    @Test(.enabled(if: Backend.postgresURL != nil, "HOMEWARD_TEST_POSTGRES_URL is not set"))
    func aPoolAtWorkToItsLastConnectionIsNoDatabaseDown() async throws {
        try await withStores(.postgres) { store in
            let database = store.database
            let holders = (0 ..< 8).map { _ in
                Task { try await database.read { try await $0.raw("SELECT pg_sleep(7)").run() } }
            }
            try await Task.sleep(for: .milliseconds(500))
            try await database.ping()
            let answer = try await database.read { try await $0.raw("SELECT 1 AS one").first(decodingColumn: "one", as: Int.self) }
            #expect(answer == 1)
            for holder in holders { try await holder.value }
        }
    }
}

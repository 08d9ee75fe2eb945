import HomewardCore
@testable import HomewardServer
import Hummingbird
import HummingbirdTesting
import NIOHTTP1
import Testing

/// A request the client sent malformed is the client's mistake: 400 with problem details, never 500 "unexpected error".
@Suite struct MalformedRequestTests {
    @Test func aBodyThatIsNotWellFormedHTTPIsABadRequest() async throws {
        // setup: a route whose body read fails as NIO's parser fails on a chunk size that is no number
        let router = Router()
        router.add(middleware: ProblemMiddleware(catalogues: [.en: try Catalogue.bundled(.en)]))
        router.post("/signin") { _, _ -> String in throw HTTPParserError.invalidChunkSize }
        // act
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/signin", method: .post)
            // check
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("not well-formed HTTP"))
        }
    }
}

import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import HTTPTypes
import HomewardTestSupport
import Hummingbird
import HummingbirdTesting
import Logging

/// Runs `body` against a fresh application in process, on a fresh store of `backend`.
func withApp(_ backend: Backend, maxBodyBytes: Int = 1 << 20,
             _ body: @escaping @Sendable (Stores, any TestClientProtocol) async throws -> Void) async throws {
    try await withStores(backend) { store in
        var logger = Logger(label: "homeward.server.test")
        logger.logLevel = .warning
        let app = try buildApplication(stores: store, configuration: ServerConfiguration(maxBodyBytes: maxBodyBytes, logger: logger),
                                   today: { TestStores.today })
        try await app.test(.router) { client in try await body(store, client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    /// The body as one of the API's response types: a body of another shape fails the test, never reads as empty.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: body))
    }

    /// The body as a JSON object, for problem details and keys the response types do not show; fails on anything else.
    var json: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                throw ResponseShapeError(body: text)
            }
            return object
        }
    }

    var jsonArray: [[String: Any]] {
        get throws {
            guard let array = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [[String: Any]] else {
                throw ResponseShapeError(body: text)
            }
            return array
        }
    }
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }

    func post(_ uri: String, _ body: String, contentType: String = "application/json", headers: HTTPFields = [:]) async throws -> TestResponse {
        var all = headers
        all[.contentType] = contentType
        return try await execute(uri: uri, method: .post, headers: all, body: ByteBuffer(string: body))
    }
}

let ochaSample = "ocha-turkey-syr-2019-01_return-flow-by-community.csv"
/// The mapping of the OCHA spreadsheet's headers, as query parameters.
let ochaMapping = "org=OCHA%20Turkey&set=%23date%3D2019-01&map=Nahya%20PCODE%3D%23adm3%2Bdest%2Bcode&map=Ret_Flow_Estimation%3D%23affected%2Breturnees%2Bidps%2Bnum"

struct ResponseShapeError: Error, CustomStringConvertible {
    var body: String
    var description: String { "the response is not JSON of the expected shape: \(body.prefix(300))" }
}

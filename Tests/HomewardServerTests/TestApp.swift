import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import HTTPTypes
import HomewardTestSupport
import Hummingbird
import HummingbirdTesting
import Logging

/// Who a test's requests come from.
enum Persona: Sendable {
    /// Nobody signed in: the public.
    case anonymous
    /// A token of an account with this role, of the organisation "Test centre" (editors: "UNHCR").
    case role(Role)
}

/// Runs `body` against a fresh application in process, on a fresh store of `backend`, its requests sent with a
/// token of `persona` (an admin, unless a test asks for someone else).
func withApp(_ backend: Backend, maxBodyBytes: Int = 1 << 20, as persona: Persona = .role(.admin), demo: Bool = false,
             _ body: @escaping @Sendable (Stores, any TestClientProtocol) async throws -> Void) async throws {
    try await withStores(backend) { store in
        var logger = Logger(label: "homeward.server.test")
        logger.logLevel = .warning
        let app = try buildApplication(stores: store, configuration: try ServerConfiguration(maxBodyBytes: maxBodyBytes, demo: demo, logger: logger),
                                   today: { TestStores.today })
        let token: String?
        switch persona {
        case .anonymous: token = nil
        case .role(let role): token = try await TestAccounts.token(store, role: role)
        }
        try await app.test(.router) { client in try await body(store, AuthorizedClient(base: client, token: token)) }
    }
}

/// Accounts for tests: one per role, each with a token.
enum TestAccounts {
    static func organisation(of role: Role) -> String { role == .editor ? "UNHCR" : "Test centre" }

    static func token(_ store: Stores, role: Role) async throws -> String {
        let login = "test-\(role.rawValue)"
        if try await store.access.person(login) == nil {
            try await store.access.addPerson(Person(login: login, name: "Test \(role.rawValue)", organisation: organisation(of: role), role: role),
                                             password: nil, by: .test)
        }
        return try await store.access.createToken(for: login, by: .test).token
    }
}

/// A test client that sends a bearer token with every request that does not bring its own `Authorization`.
struct AuthorizedClient: TestClientProtocol {
    let base: any TestClientProtocol
    let token: String?

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if let token, headers[.authorization] == nil { headers[.authorization] = "Bearer \(token)" }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    var port: Int? { base.port }
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

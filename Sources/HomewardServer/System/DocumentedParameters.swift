import Foundation
import Yams

/// The query parameters the OpenAPI document gives each operation, as `"GET /api/v1/totals"` → `["from", "to", …]`.
///
/// Read from the bundled document when the application is built, so that the contract partners read is the one the
/// server holds requests to, and a document that cannot be read stops the server instead of letting every parameter by.
struct DocumentedParameters: Sendable {
    let byOperation: [String: Set<String>]

    /// The parameters of a route, `nil` for one the document does not describe.
    func of(_ route: APIRoute) -> Set<String>? { byOperation["\(route.method.rawValue) \(route.path)"] }

    static func bundled() throws -> DocumentedParameters {
        try DocumentedParameters(yaml: SystemController<HomewardRequestContext>.openAPIDocument())
    }

    init(yaml: String) throws {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any], let paths = document["paths"] as? [String: Any] else {
            throw Problem(.internalServerError, "the OpenAPI document has no paths")
        }
        let shared = ((document["components"] as? [String: Any])?["parameters"] as? [String: Any]) ?? [:]
        func queryNames(_ list: Any?) -> [String] {
            ((list as? [Any]) ?? []).compactMap { item in
                guard var parameter = item as? [String: Any] else { return nil }
                if let ref = parameter["$ref"] as? String, let named = shared[String(ref.split(separator: "/").last ?? "")] as? [String: Any] {
                    parameter = named
                }
                return parameter["in"] as? String == "query" ? parameter["name"] as? String : nil
            }
        }
        var operations: [String: Set<String>] = [:]
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            let common = queryNames(item["parameters"])
            for (method, operation) in item where ["get", "post", "put", "patch", "delete"].contains(method) {
                operations["\(method.uppercased()) \(path)"] = Set(common + queryNames((operation as? [String: Any])?["parameters"]))
            }
        }
        byOperation = operations
    }
}

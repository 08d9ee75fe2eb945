import Foundation
import Yams

/// The query parameters the OpenAPI document gives each operation, as `"GET /api/v1/totals"` → `["from", "to", …]`.
///
/// Read from the bundled document when the application is built, so that the contract partners read is the one the
/// server holds requests to, and a document that cannot be read stops the server instead of letting every parameter by.
struct DocumentedParameters: Sendable {
    let byOperation: [String: Set<String>]
    /// The parameters that take a list, given once per value (`map`, `set`); every other one takes one value.
    let repeatable: [String: Set<String>]

    /// The parameters of a route, `nil` for one the document does not describe.
    func of(_ route: APIRoute) -> Set<String>? { byOperation["\(route.method.rawValue) \(route.path)"] }

    /// The parameters of a route that may be given more than once.
    func repeatable(_ route: APIRoute) -> Set<String> { repeatable["\(route.method.rawValue) \(route.path)"] ?? [] }

    static func bundled() throws -> DocumentedParameters {
        try DocumentedParameters(yaml: SystemController<HomewardRequestContext>.openAPIDocument())
    }

    init(yaml: String) throws {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any], let paths = document["paths"] as? [String: Any] else {
            throw Problem(.internalServerError, "the OpenAPI document has no paths")
        }
        let shared = ((document["components"] as? [String: Any])?["parameters"] as? [String: Any]) ?? [:]
        func queryParameters(_ list: Any?) -> [(name: String, isList: Bool)] {
            ((list as? [Any]) ?? []).compactMap { item in
                guard var parameter = item as? [String: Any] else { return nil }
                if let ref = parameter["$ref"] as? String, let named = shared[String(ref.split(separator: "/").last ?? "")] as? [String: Any] {
                    parameter = named
                }
                guard parameter["in"] as? String == "query", let name = parameter["name"] as? String else { return nil }
                return (name, (parameter["schema"] as? [String: Any])?["type"] as? String == "array")
            }
        }
        var operations: [String: Set<String>] = [:], lists: [String: Set<String>] = [:]
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            let common = queryParameters(item["parameters"])
            for (method, operation) in item where ["get", "post", "put", "patch", "delete"].contains(method) {
                let all = common + queryParameters((operation as? [String: Any])?["parameters"])
                operations["\(method.uppercased()) \(path)"] = Set(all.map(\.name))
                lists["\(method.uppercased()) \(path)"] = Set(all.filter(\.isList).map(\.name))
            }
        }
        byOperation = operations
        repeatable = lists
    }
}

import Foundation
import Yams

/// The query parameters the OpenAPI document gives each operation, as `"GET /api/v1/totals"` → `["from", "to", …]`.
///
/// Read from the bundled document once, so that the contract partners read is the one the server holds requests to.
enum DocumentedParameters {
    static let byOperation: [String: Set<String>] = (try? load(SystemController<HomewardRequestContext>.openAPIDocument())) ?? [:]

    static func load(_ yaml: String) throws -> [String: Set<String>] {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any], let paths = document["paths"] as? [String: Any] else { return [:] }
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
        return operations
    }
}

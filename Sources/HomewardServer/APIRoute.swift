import HTTPTypes

/// Every route the server answers: one list builds the router, the `405 Allow` header and the contract test.
public enum APIRoute: CaseIterable, Sendable {
    case overview
    case healthz, metrics, openapi
    case totals
    case listMovements, postMovements
    case postImports
    case listCrossings, postCrossings
    case areas, countries

    public var method: HTTPRequest.Method {
        switch self {
        case .postMovements, .postImports, .postCrossings: .post
        default: .get
        }
    }

    public var path: String {
        switch self {
        case .overview: "/"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .openapi: "/openapi.yaml"
        case .totals: "/api/v1/totals"
        case .listMovements, .postMovements: "/api/v1/movements"
        case .postImports: "/api/v1/imports"
        case .listCrossings, .postCrossings: "/api/v1/crossings"
        case .areas: "/api/v1/areas"
        case .countries: "/api/v1/countries"
        }
    }

    /// The methods a path answers, for `405 Method Not Allowed`.
    static func methods(for path: String) -> [HTTPRequest.Method] {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return allCases.filter { $0.path == trimmed }.map(\.method)
    }
}

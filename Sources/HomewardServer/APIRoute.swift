import HTTPTypes

/// Every route the server answers: one list builds the router, the `405 Allow` header and the contract test.
public enum APIRoute: CaseIterable, Sendable {
    case overview
    case healthz, metrics, openapi
    case totals
    case listMovements, postMovements, movementHistory
    case postImports
    case listCrossings, postCrossings
    case areas, countries
    case listSites, postSites, showSite, listCensuses, postCensuses, listDepartures, postDepartures
    case listEvacuations, postEvacuations, planEvacuation, showEvacuation
    case listSources, postSources, compareSources, checkSources, listSessions, postSessions, listBulletins, postBulletins, showBulletin
    case sourcesPage, bulletinPage

    public var method: HTTPRequest.Method {
        switch self {
        case .postMovements, .postImports, .postCrossings, .postSites, .postCensuses, .postDepartures, .postEvacuations,
             .postSources, .postSessions, .postBulletins: .post
        default: .get
        }
    }

    /// The path as the OpenAPI document writes it, parameters in braces: `/api/v1/movements/{id}/history`.
    public var path: String {
        switch self {
        case .overview: "/"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .openapi: "/openapi.yaml"
        case .totals: "/api/v1/totals"
        case .listMovements, .postMovements: "/api/v1/movements"
        case .movementHistory: "/api/v1/movements/{id}/history"
        case .postImports: "/api/v1/imports"
        case .listCrossings, .postCrossings: "/api/v1/crossings"
        case .areas: "/api/v1/areas"
        case .countries: "/api/v1/countries"
        case .listSites, .postSites: "/api/v1/sites"
        case .showSite: "/api/v1/sites/{code}"
        case .listCensuses, .postCensuses: "/api/v1/sites/{code}/censuses"
        case .listDepartures, .postDepartures: "/api/v1/sites/{code}/departures"
        case .listEvacuations, .postEvacuations: "/api/v1/evacuations"
        case .planEvacuation: "/api/v1/evacuations/plan"
        case .showEvacuation: "/api/v1/evacuations/{id}"
        case .listSources, .postSources: "/api/v1/sources"
        case .compareSources: "/api/v1/sources/compare"
        case .checkSources: "/api/v1/sources/check"
        case .listSessions, .postSessions: "/api/v1/sessions"
        case .listBulletins, .postBulletins: "/api/v1/bulletins"
        case .showBulletin: "/api/v1/bulletins/{id}"
        case .sourcesPage: "/sources"
        case .bulletinPage: "/bulletins/{id}"
        }
    }

    /// The path as the router takes it, parameters after a colon: `/api/v1/movements/:id/history`.
    public var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    /// Whether a request's path is this route's, any value standing for a parameter.
    func matches(_ requestPath: String) -> Bool {
        let wanted = path.split(separator: "/"), given = requestPath.split(separator: "/")
        return wanted.count == given.count && zip(wanted, given).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    /// The methods a path answers, for `405 Method Not Allowed`.
    static func methods(for path: String) -> [HTTPRequest.Method] {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return allCases.filter { $0.path == "/" ? trimmed == "/" : $0.matches(trimmed) }.map(\.method)
    }
}

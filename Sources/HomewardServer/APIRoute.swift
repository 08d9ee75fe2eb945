import HTTPTypes

/// Every route the server answers: one list builds the router, the `405 Allow` header and the contract test.
public enum APIRoute: CaseIterable, Sendable {
    case overview, campsPage, signInPage, signIn, signOut
    case accountPage, changePassword, createAccountToken, revokeAccountToken
    case peoplePage, addPerson, disablePerson, enablePerson, setPersonRole, resetPersonPassword, erasePerson, addOrganisation
    case healthz, metrics, openapi
    case totals, publicTotals
    case audit, listOrganisations
    case listMovements, postMovements, movementHistory
    case postImports, listImports
    case listCrossings, postCrossings
    case areas, countries
    case listSites, campStandings, postSites, showSite, patchSite, listCensuses, postCensuses, listDepartures, postDepartures, censusHistory, departureHistory
    case listEvacuations, postEvacuations, planEvacuation, showEvacuation, patchEvacuation
    case listFacilities, postFacilities, facilitiesSummary, listFacilityKinds, postFacilityKinds, facilityHistory
    case listAid, postAid, aidSummary, listAidTypes, postAidTypes, aidHistory
    case readiness
    case reconstructionPage, aidPage, readinessPage
    case listSources, postSources, sourceHistory, compareSources, checkSources, listSessions, postSessions, listBulletins, postBulletins, showBulletin
    case sourcesPage, bulletinPage
    case patchBulletin, sessionsPage, bulletinRecords, bulletinsPage, draftBulletin

    public var method: HTTPRequest.Method {
        switch self {
        case .postMovements, .postImports, .postCrossings, .postSites, .postCensuses, .postDepartures, .postEvacuations,
             .postSources, .postSessions, .postBulletins: .post
        case .patchEvacuation, .patchBulletin, .patchSite: .patch
        case .signIn, .signOut, .changePassword, .createAccountToken, .revokeAccountToken: .post
        case .addPerson, .disablePerson, .enablePerson, .setPersonRole, .resetPersonPassword, .erasePerson, .addOrganisation: .post
        case .postFacilities, .postFacilityKinds, .postAid, .postAidTypes: .post
        default: .get
        }
    }

    /// The path as the OpenAPI document writes it, parameters in braces: `/api/v1/movements/{id}/history`.
    public var path: String {
        switch self {
        case .overview: "/"
        case .campsPage: "/camps"
        case .signInPage, .signIn: "/signin"
        case .signOut: "/signout"
        case .accountPage: "/account"
        case .changePassword: "/account/password"
        case .createAccountToken: "/account/tokens"
        case .revokeAccountToken: "/account/tokens/{id}/revoke"
        case .peoplePage, .addPerson: "/people"
        case .disablePerson: "/people/{login}/disable"
        case .enablePerson: "/people/{login}/enable"
        case .setPersonRole: "/people/{login}/role"
        case .resetPersonPassword: "/people/{login}/password"
        case .erasePerson: "/people/{login}/erase"
        case .addOrganisation: "/organisations"
        case .listOrganisations: "/api/v1/organisations"
        case .publicTotals: "/api/v1/public/totals"
        case .audit: "/api/v1/audit"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .openapi: "/openapi.yaml"
        case .totals: "/api/v1/totals"
        case .listMovements, .postMovements: "/api/v1/movements"
        case .movementHistory: "/api/v1/movements/{id}/history"
        case .facilityHistory: "/api/v1/facilities/{id}/history"
        case .aidHistory: "/api/v1/aid/{id}/history"
        case .censusHistory: "/api/v1/censuses/{id}/history"
        case .departureHistory: "/api/v1/departures/{id}/history"
        case .postImports, .listImports: "/api/v1/imports"
        case .listCrossings, .postCrossings: "/api/v1/crossings"
        case .areas: "/api/v1/areas"
        case .countries: "/api/v1/countries"
        case .listSites, .postSites: "/api/v1/sites"
        case .campStandings: "/api/v1/camps"
        case .showSite, .patchSite: "/api/v1/sites/{code}"
        case .listCensuses, .postCensuses: "/api/v1/sites/{code}/censuses"
        case .listDepartures, .postDepartures: "/api/v1/sites/{code}/departures"
        case .listEvacuations, .postEvacuations: "/api/v1/evacuations"
        case .planEvacuation: "/api/v1/evacuations/plan"
        case .showEvacuation, .patchEvacuation: "/api/v1/evacuations/{id}"
        case .listFacilities, .postFacilities: "/api/v1/facilities"
        case .facilitiesSummary: "/api/v1/facilities/summary"
        case .listFacilityKinds, .postFacilityKinds: "/api/v1/facility-kinds"
        case .listAid, .postAid: "/api/v1/aid"
        case .aidSummary: "/api/v1/aid/summary"
        case .listAidTypes, .postAidTypes: "/api/v1/aid-types"
        case .readiness: "/api/v1/readiness"
        case .reconstructionPage: "/reconstruction"
        case .aidPage: "/aid"
        case .readinessPage: "/readiness"
        case .listSources, .postSources: "/api/v1/sources"
        case .sourceHistory: "/api/v1/sources/{id}/history"
        case .compareSources: "/api/v1/sources/compare"
        case .checkSources: "/api/v1/sources/check"
        case .listSessions, .postSessions: "/api/v1/sessions"
        case .listBulletins, .postBulletins: "/api/v1/bulletins"
        case .showBulletin, .patchBulletin: "/api/v1/bulletins/{id}"
        case .draftBulletin: "/api/v1/bulletins/draft"
        case .bulletinRecords: "/api/v1/bulletins/{id}/records"
        case .sourcesPage: "/sources"
        case .bulletinPage: "/bulletins/{id}"
        case .sessionsPage: "/sessions"
        case .bulletinsPage: "/bulletins"
        }
    }

    /// Who may call a route.
    public enum Access: Sendable {
        /// Anyone: health, the contract, the overview's public figures, public totals, the sign-in form, and bulletins
        /// (the public reads only those made public, small counts hidden: the controller sees to it).
        case everyone
        /// A signed-in person or a token; a page sends the public to the sign-in form instead of answering 401.
        case signedIn
    }

    public var access: Access {
        switch self {
        case .overview, .healthz, .openapi, .publicTotals, .signInPage, .signIn: .everyone
        case .listBulletins, .showBulletin, .bulletinPage, .bulletinsPage: .everyone
        default: .signedIn
        }
    }

    /// Whether the route answers with a page (HTML) rather than JSON.
    public var isPage: Bool {
        switch self {
        case .overview, .campsPage, .reconstructionPage, .aidPage, .readinessPage, .sourcesPage, .bulletinPage, .signInPage, .signIn, .signOut,
             .accountPage, .changePassword, .createAccountToken, .revokeAccountToken, .peoplePage, .addPerson, .disablePerson, .addOrganisation: true
        case .enablePerson, .setPersonRole, .resetPersonPassword, .erasePerson, .sessionsPage, .bulletinsPage: true
        default: false
        }
    }

    /// Whether the route is a page's form, which carries a session's CSRF token in its `csrf` field (checked by
    /// ``AuthenticationMiddleware`` before the route reads the form) rather than in `X-CSRF-Token`.
    public var takesForm: Bool {
        switch self {
        case .signOut, .changePassword, .createAccountToken, .revokeAccountToken, .addPerson, .disablePerson, .addOrganisation: true
        case .enablePerson, .setPersonRole, .resetPersonPassword, .erasePerson: true
        default: false
        }
    }

    /// The route a request is for, a literal segment winning over a parameter as in the router.
    ///
    /// Asked for every request (by the authentication middleware): the routes' segments are split once.
    /// A HEAD is the GET's route: the router answers it from the GET without its body, behind the same checks.
    static func route(method: HTTPRequest.Method, path: String) -> APIRoute? {
        let method = method == .head ? .get : method
        // Only among the best fits: PATCH /api/v1/evacuations/plan is the plan's path, without PATCH (405), not an operation's.
        let matching = candidates(for: path)
        return matching.first { $0.literals == matching.first?.literals && $0.route.method == method }?.route
    }

    /// The methods a path answers, for `405 Method Not Allowed`: only those of its best-matching path, so
    /// that `/api/v1/evacuations/plan` is the plan's path only, not also an operation's `{id}`.
    static func methods(for path: String) -> [HTTPRequest.Method] {
        let matching = candidates(for: path)
        return matching.filter { $0.literals == matching.first?.literals }.flatMap { $0.route.method == .get ? [.get, .head] : [$0.route.method] }
    }

    /// Each route's path split into segments (`nil` for a parameter), most literal segments first.
    private static let table: [(route: APIRoute, segments: [Substring?], literals: Int)] = allCases.map { route in
        let segments = route.path.split(separator: "/").map { $0.hasPrefix("{") ? nil : $0 }
        return (route, segments, segments.compactMap { $0 }.count)
    }.sorted { $0.literals > $1.literals }

    /// The routes whose path a request's path fits, best first.
    private static func candidates(for path: String) -> [(route: APIRoute, segments: [Substring?], literals: Int)] {
        let given = path.split(separator: "/")
        return table.filter { entry in
            entry.segments.count == given.count && zip(entry.segments, given).allSatisfy { $0 == nil || $0 == $1 }
        }
    }

    /// The path as the router takes it, parameters after a colon: `/api/v1/movements/:id/history`.
    public var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }
}

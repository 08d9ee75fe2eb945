import HomewardCore
import HTTPTypes

/// What went wrong with a page or a page's form, as a page: in the reader's language, inside the site's navigation,
/// with a way back, for a browser that would otherwise show problem details in raw JSON.
struct ProblemPageView {
    var problem: Problem
    /// The route the request was for: its page is where the way back leads.
    var route: APIRoute
    var language: Language

    func render(_ pages: Pages) -> String {
        let c = pages.catalogue(language), lang = "?\(language.pageQuery)"
        // A form whose CSRF token no longer matches was opened before the session changed (a second tab, a sign-in since).
        let heading = c.text("problem.page.\(problem.status == .forbidden && problem.field == "csrf" ? "staleForm" : Self.headingKey(problem.status))")
        let page = Self.pagePath(of: route)
        let back: (href: String, label: String) = switch problem.status {
        // A session ended (or none): sign in, then back to the page, or to the page of the form.
        case .unauthorized: ("\(APIRoute.signInPage.path)\(lang)&next=\(page)", c.text("problem.page.signIn"))
        case _ where page == APIRoute.overview.path || (problem.status == .notFound && route.method == .get):
            (APIRoute.overview.path + lang, c.text("problem.page.overview"))
        case _ where route.method == .get: (page + lang, c.text("problem.page.again"))
        default: (page + lang, c.text("problem.page.form"))
        }
        return pages.render(Context(page: PageContext(language: language, title: c.text("page.title", ["heading": .text(heading)]),
                                                      path: route.method == .get ? page : APIRoute.overview.path,
                                                      pages: pages, current: route),
                                    // An ended session's detail is for scripts (send a bearer token), an unknown address's is English
                                    // for the address itself; the heading and the link say it all.
                                    heading: heading, detail: problem.status == .unauthorized || problem.field == "csrf"
                                        || problem.detail.hasPrefix(Problem.noSuchResource) ? nil : problem.detail,
                                    field: problem.field.map { c.text("problem.page.field", ["field": .code($0)]) },
                                    backHref: back.href, backLabel: back.label), template: "problem")
    }

    /// The page a route's form is on, or the route's own page; the overview where it has none without parameters.
    static func pagePath(of route: APIRoute) -> String {
        switch route {
        case .addPerson, .disablePerson, .enablePerson, .setPersonRole, .resetPersonPassword, .erasePerson, .addOrganisation: APIRoute.peoplePage.path
        case .changePassword, .createAccountToken, .revokeAccountToken: APIRoute.accountPage.path
        case _ where route.method == .get && !route.path.contains("{"): route.path
        default: APIRoute.overview.path
        }
    }

    static func headingKey(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "notFound"
        case .conflict: "conflict"
        case _ where status.code >= 500: "server"
        default: "badRequest"
        }
    }

    struct Context {
        let page: PageContext
        let heading: String
        let detail: String?
        let field: String?
        let backHref: String
        let backLabel: String
    }
}

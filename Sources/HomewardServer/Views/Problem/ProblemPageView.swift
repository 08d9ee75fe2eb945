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
        let c = pages.catalogue(language), lang = "?lang=\(language.rawValue)"
        let heading = c.text("problem.page.\(Self.headingKey(problem.status))")
        let back: (href: String, label: String) = switch route {
        case _ where problem.status == .notFound && route.method == .get: (APIRoute.overview.path + lang, c.text("problem.page.overview"))
        case .addPerson, .disablePerson, .enablePerson, .setPersonRole, .resetPersonPassword, .erasePerson, .addOrganisation:
            (APIRoute.peoplePage.path + lang, c.text("problem.page.form"))
        case .changePassword, .createAccountToken, .revokeAccountToken: (APIRoute.accountPage.path + lang, c.text("problem.page.form"))
        case _ where route.method == .get && !route.path.contains("{"): (route.path + lang, c.text("problem.page.again"))
        default: (APIRoute.overview.path + lang, c.text("problem.page.overview"))
        }
        return pages.render(Context(page: PageContext(language: language, title: c.text("page.title", ["heading": .text(heading)]),
                                                      path: route.method == .get && !route.path.contains("{") ? route.path : APIRoute.overview.path,
                                                      pages: pages, current: route),
                                    heading: heading, detail: problem.detail,
                                    field: problem.field.map { c.text("problem.page.field", ["field": .code($0)]) },
                                    backHref: back.href, backLabel: back.label), template: "problem")
    }

    static func headingKey(_ status: HTTPResponse.Status) -> String {
        switch status {
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
        let detail: String
        let field: String?
        let backHref: String
        let backLabel: String
    }
}

import HomewardCore

/// The sign-in form, with what went wrong last time, if anything.
struct SignInView {
    var language: Language
    /// Where to go once signed in: a path of this site only.
    var next: String
    var login: String = ""
    var error: String?

    func render(_ pages: Pages) -> String {
        let c = pages.catalogue(language)
        // Asked for by a page that needs an account: said so, and kept when the reader changes the form's language.
        let asked = next != "/" && !next.hasPrefix("/?")
        return pages.render(Context(page: PageContext(language: language, title: c.text("signin.title"), path: APIRoute.signInPage.path, pages: pages,
                                                      current: .signInPage, keeping: next == "/" ? nil : "next=\(Self.encoded(next))"),
                                    heading: c.text("signin.heading"), needed: asked ? c.text("signin.needed") : nil, error: error, action: APIRoute.signIn.path + "?lang=\(language.rawValue)",
                                    next: next, login: login, loginLabel: c.text("signin.login"), passwordLabel: c.text("signin.password"),
                                    submit: c.text("signin.submit")), template: "signin")
    }

    struct Context {
        let page: PageContext
        let heading: String
        let needed: String?
        let error: String?
        let action: String
        let next: String
        let login: String
        let loginLabel: String
        let passwordLabel: String
        let submit: String
    }

    /// A path with its query as one value of a query: `/camps?lang=ar` as `%2Fcamps%3Flang%3Dar`.
    static func encoded(_ next: String) -> String {
        next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["/"])) ?? "/"
    }

    /// A `next` that stays on this site: a path, never `//host` or a scheme.
    static func safeNext(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"), !value.contains(":") else { return "/" }
        return value
    }
}

import HomewardCore
import Hummingbird

/// The sign-in form, with what went wrong last time, if anything.
struct SignInView {
    var language: Language
    /// Where to go once signed in: a path of this site only.
    var next: String
    /// Whether a page that needs an account sent the reader here (rather than the navigation's link, from any page).
    var asked = false
    var login: String = ""
    var error: String?

    func render(_ pages: Pages) -> String {
        let c = pages.catalogue(language)
        // Where to go, and why the reader is here, kept when they change the form's language.
        let keeping = [next == "/" ? nil : "next=\(Self.encoded(next))", asked ? "asked=1" : nil].compactMap { $0 }.joined(separator: "&")
        return pages.render(Context(page: PageContext(language: language, title: c.text("signin.title"), path: APIRoute.signInPage.path, pages: pages,
                                                      current: .signInPage, keeping: keeping.isEmpty ? nil : keeping),
                                    heading: c.text("signin.heading"), needed: asked ? c.text("signin.needed") : nil, error: error, action: APIRoute.signIn.path + "?\(language.pageQuery)",
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

    /// The sign-in form for a reader sent there by a page that needs an account: back to the page as asked (its query too),
    /// the form in the page's language.
    static func location(askedFor request: Request) -> String {
        let asked = request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path
        // The page's language as the page would have read it (`ar-SY`, or the browser's): the form is in it.
        let lang = (try? request.pageLanguage()).map { "&lang=\($0.rawValue)" } ?? ""
        return "\(APIRoute.signInPage.path)?next=\(encoded(asked))&asked=1\(lang)"
    }

    /// Where a reader signed in through a form in `language` goes: `next` in that language, the last one they chose.
    static func destination(_ next: String, in language: Language) -> String {
        // The fragment stays last (`/camps?lang=en#cycles`, not `/camps#cycles?lang=en`).
        let fragment = next.firstIndex(of: "#").map { String(next[$0...]) } ?? ""
        let parts = next.dropLast(fragment.count).split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let kept = parts.count > 1 ? parts[1].split(separator: "&").filter { !$0.hasPrefix("lang=") } : []
        return "\(parts[0])?" + (kept + ["\(language.pageQuery)"]).joined(separator: "&") + fragment
    }

    /// A path with its query as one value of a query: `/camps?lang=ar` as `%2Fcamps%3Flang%3Dar`.
    static func encoded(_ next: String) -> String {
        next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["/"])) ?? "/"
    }

    /// A `next` that stays on this site: a path, never `//host` or a scheme.
    static func safeNext(_ value: String?) -> String {
        // No whitespace or control character either: a browser drops a tab from a Location, and `/\t/evil.example` is then
        // `//evil.example`, another site.
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"), !value.contains(":"),
              !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else { return "/" }
        return value
    }
}

import HomewardCore

/// What the layout of every page needs: its language and direction, its title, and links to the same page
/// in the other languages (each named in its own language).
struct PageContext {
    struct LanguageLink {
        let lang: String
        let name: String
        let href: String
    }

    /// A link to another page of the site, in the same language.
    struct NavLink {
        let name: String
        let href: String
        let current: Bool
    }

    let lang: String
    let dir: String
    let title: String
    let languagesLabel: String
    let languages: [LanguageLink]
    let navLabel: String
    /// The link a keyboard or screen reader takes past the navigation to the page's own content.
    let skipLabel: String
    let nav: [NavLink]
    /// Who reads the page (a session or a bearer token), linking their account; `nil` shows a sign-in link instead.
    let account: Account?
    let signInLink: SignInLink?
    /// What the page's address asks that the page does not read (``PageQuery/ignored``), said above its content.
    let ignored: String?

    struct Account {
        let signedInAs: String
        /// The account page: password and tokens.
        let href: String
        /// The sign-out form, for a page session; a bearer token has no session to end.
        let signOut: SignOut?
    }

    struct SignOut {
        let label: String
        let csrf: String
        let action: String
    }

    struct SignInLink {
        let label: String
        let href: String
    }

    /// The pages the navigation links, in order; the public's, those it may read.
    static let navigation: [(route: APIRoute, key: String)] = [(.overview, "nav.overview"), (.campsPage, "nav.camps"),
                                                                (.reconstructionPage, "nav.reconstruction"), (.aidPage, "nav.aid"),
                                                                (.readinessPage, "nav.readiness"), (.sourcesPage, "nav.sources"),
                                                                (.sessionsPage, "nav.sessions"), (.bulletinsPage, "nav.bulletins")]

    /// The page's reader is ``PageViewer/current``.
    ///
    /// - Parameters:
    ///   - path: the page's own path; the links add `?lang=` to it.
    ///   - keeping: what the language links keep of the page's query besides the language (the sign-in form's `next`).
    init(language: Language, title: String, path: String, pages: Pages, current: APIRoute = .overview, keeping query: String? = nil) {
        let catalogue = pages.catalogue(language), viewer = PageViewer.current
        lang = language.rawValue
        dir = language.direction.rawValue
        self.title = title
        languagesLabel = catalogue.text("language.choose")
        account = viewer.map { viewer in
            Account(signedInAs: catalogue.text("signin.as", ["name": .text(viewer.login)]), href: "\(APIRoute.accountPage.path)?\(language.pageQuery)",
                    signOut: viewer.csrf.map { SignOut(label: catalogue.text("signin.out"), csrf: $0, action: "\(APIRoute.signOut.path)?\(language.pageQuery)") })
        }
        // Back to this page, in this language, once signed in.
        signInLink = viewer == nil && current != .signInPage
            ? SignInLink(label: catalogue.text("signin.link"),
                         href: "\(APIRoute.signInPage.path)?\(language.pageQuery)&next=\(SignInView.encoded("\(path)?\(language.pageQuery)"))") : nil
        let unread = PageQuery.ignored
        ignored = unread.names.isEmpty ? nil : catalogue.text("page.parameters.ignored", [
            "count": .count(unread.names.count), "names": catalogue.list(unread.names), "known": catalogue.list(unread.known)])
        navLabel = catalogue.text("nav.label")
        skipLabel = catalogue.text("nav.skip")
        // The public is offered the pages it may read, not ones that send it to sign in.
        nav = Self.navigation.filter { viewer != nil || $0.route.access == .everyone }.map {
            NavLink(name: catalogue.text($0.key), href: "\($0.route.path)?\(language.pageQuery)", current: $0.route == current)
        }
        languages = Language.allCases.filter { $0 != language }.map {
            LanguageLink(lang: $0.rawValue, name: pages.catalogue($0).text("language.name"),
                         href: "\(path)?\($0.pageQuery)" + (query.map { "&" + $0 } ?? ""))
        }
    }
}

/// What a page's address asks that the page does not read, set for the request by ``UnknownParameterMiddleware``: the
/// API refuses such a parameter, a page shows what it shows and says so above it (a misspelt `form=` or an overview asked
/// for `from=` would otherwise read as figures of that window).
struct PageQuery: Sendable {
    let names: [String]
    /// The parameters the page reads.
    let known: [String]

    @TaskLocal static var ignored = PageQuery(names: [], known: [])
}

/// Who reads a page, when not the public: their login, and for a page session its CSRF token for the page's forms.
struct PageViewer: Sendable {
    let login: String
    /// `nil` when the page is read with a bearer token, which has no session (and no form needs a token from it).
    let csrf: String?

    /// The reader of the page being answered, set for the request by ``AuthenticationMiddleware``: the one way a
    /// view learns it, so that every page shows who reads it without each route passing it along.
    @TaskLocal static var current: PageViewer?
}

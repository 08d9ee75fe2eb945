import HomewardCore

/// What the layout of every page needs: its language and direction, its title, and links to the same page
/// in the other languages (each named in its own language).
struct PageContext {
    struct LanguageLink {
        let lang: String
        let name: String
        let href: String
    }

    let lang: String
    let dir: String
    let title: String
    let languagesLabel: String
    let languages: [LanguageLink]

    /// - Parameter path: the page's own path; the links add `?lang=` to it.
    init(language: Language, title: String, path: String, pages: Pages) {
        let catalogue = pages.catalogue(language)
        lang = language.rawValue
        dir = language.direction.rawValue
        self.title = title
        languagesLabel = catalogue.text("language.choose")
        languages = Language.allCases.filter { $0 != language }.map {
            LanguageLink(lang: $0.rawValue, name: pages.catalogue($0).text("language.name"), href: "\(path)?lang=\($0.rawValue)")
        }
    }
}

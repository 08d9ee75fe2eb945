import Foundation
import HomewardCore

/// What every page shows around its content: the demo banner when the data is generated, and the footer
/// naming where its figures come from and its API route.
struct PageChrome {
    struct Demo {
        let title: String
        let body: String
    }

    struct Footer {
        let sources: String
        let api: String
        /// The route with the page's question; `route` is its path alone, as the footer shows it.
        let href: String
        let route: String
    }

    let demo: Demo?
    let footer: Footer

    /// - Parameter query: the page's question as the route takes it (its window), so that the linked figures are the page's.
    init(api: APIRoute, query: [(name: String, value: String)] = [], demo: Bool, catalogue c: Catalogue) {
        self.demo = demo ? Demo(title: c.text("demo.title"), body: c.text("demo.body")) : nil
        var link = URLComponents()
        link.path = api.path
        link.queryItems = query.isEmpty ? nil : query.map { URLQueryItem(name: $0.name, value: $0.value) }
        footer = Footer(sources: c.text("footer.sources"), api: c.text("footer.api"), href: link.string ?? api.path, route: api.path)
    }
}

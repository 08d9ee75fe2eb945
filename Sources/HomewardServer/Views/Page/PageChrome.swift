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
        let href: String
    }

    let demo: Demo?
    let footer: Footer

    init(api: APIRoute, demo: Bool, catalogue c: Catalogue) {
        self.demo = demo ? Demo(title: c.text("demo.title"), body: c.text("demo.body")) : nil
        footer = Footer(sources: c.text("footer.sources"), api: c.text("footer.api"), href: api.path)
    }
}

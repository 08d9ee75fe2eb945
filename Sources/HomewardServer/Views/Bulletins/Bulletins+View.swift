import HomewardCore
import HomewardStore

/// The bulletins page: every joint statement published, newest first, each with its day, when it was published, whether
/// the public may read it, and which it replaces or is replaced by. The public sees those made public only: the one
/// page that leads it to a statement it may read.
struct BulletinsView {
    var bulletins: [ListedBulletin]
    /// Whether the reader is the public, who is shown no internal statement and no word of one.
    var forThePublic: Bool
    var language: Language
    var demo = false

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "bulletins")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        func href(_ id: Int) -> String { APIRoute.bulletinPage.path.replacingOccurrences(of: "{id}", with: String(id)) + "?\(language.pageQuery)" }
        func name(_ id: Int) -> String { c.text("bulletin.page.title", ["id": .serial(id)]) }
        // A timestamp's day, as every page writes a day.
        func day(_ timestamp: String) -> String { Day(String(timestamp.prefix(10))).map(c.days.string) ?? timestamp }
        return Context(
            page: PageContext(language: language, title: c.text("page.title", ["heading": .text(c.text("bulletins.page.title"))]),
                              path: APIRoute.bulletinsPage.path, pages: pages, current: .bulletinsPage),
            demo: demo ? PageChrome.Demo(title: c.text("demo.title"), body: c.text("demo.body")) : nil,
            heading: c.text("bulletins.page.title"), intro: c.text(forThePublic ? "bulletins.page.introPublic" : "bulletins.page.intro"),
            bulletinHeader: c.text("bulletins.page.bulletin"), dayHeader: c.text("bulletins.page.day"),
            publishedHeader: c.text("bulletins.page.published"), readersHeader: forThePublic ? nil : c.text("bulletins.page.readers"),
            lineageHeader: c.text("bulletins.page.lineage"),
            rows: bulletins.map { b in
                Row(name: name(b.id), href: href(b.id),
                    day: b.since.map { c.text("bulletins.page.since", ["date": .day(b.date), "since": .day($0)]) } ?? c.days.string(b.date),
                    published: day(b.publishedAt),
                    readers: forThePublic ? nil : b.publicSince.map { c.text("bulletins.page.publicSince", ["date": .text(day($0))]) } ?? c.text("bulletins.page.internal"),
                    lineage: [b.lineage.replaces.map { Link(name: c.text("bulletins.page.replaces", ["id": .serial($0)]), href: href($0)) },
                              b.lineage.replacedBy.map { Link(name: c.text("bulletins.page.replacedBy", ["id": .serial($0)]), href: href($0)) }]
                        .compactMap { $0 })
            },
            none: bulletins.isEmpty ? c.text(forThePublic ? "bulletins.page.nonePublic" : "bulletins.page.none") : nil)
    }

    struct Context {
        let page: PageContext
        let demo: PageChrome.Demo?
        let heading: String
        let intro: String
        let bulletinHeader: String
        let dayHeader: String
        let publishedHeader: String
        /// Who may read each: not shown to the public, who reads only public ones.
        let readersHeader: String?
        let lineageHeader: String
        let rows: [Row]
        let none: String?
    }

    struct Row {
        let name: String
        let href: String
        let day: String
        let published: String
        let readers: String?
        let lineage: [Link]
    }

    struct Link {
        let name: String
        let href: String
    }
}

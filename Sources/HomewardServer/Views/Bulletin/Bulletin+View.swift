import HomewardCore
import HomewardStore

/// A published bulletin's page in one language: the statement rendered from its frozen snapshot, every number
/// linking to its entry; Arabic right to left, numbers and codes left to right inside it.
struct BulletinView {
    var bulletin: PublishedBulletin
    var language: Language
    /// Set for the public: small counts hidden.
    var smallCounts: SmallCounts? = nil
    /// For the public, the statements it may read: a sentence naming another is withheld.
    var publicStatements: Set<Int>? = nil
    /// For the public, what the statement's other public versions hide.
    var hiddenElsewhere: Set<String> = []
    /// A server on generated data: the statement, the page most often copied and passed on, says so above it.
    var demo = false

    func render(_ pages: Pages) -> String {
        let text = BulletinText(snapshot: bulletin.snapshot, catalogue: pages.catalogue(language), published: (bulletin.id, bulletin.sha256),
                                forThePublic: smallCounts, publicStatements: publicStatements, hiddenElsewhere: hiddenElsewhere, lineage: bulletin.lineage)
        let path = APIRoute.bulletinPage.path.replacingOccurrences(of: "{id}", with: String(bulletin.id))
        let c = pages.catalogue(language)
        return pages.render(Context(page: PageContext(language: language, title: c.text("page.title", ["heading": .text(text.title)]), path: path, pages: pages, current: .bulletinPage),
                                    demo: demo ? PageChrome.Demo(title: c.text("demo.title"), body: c.text("demo.body")) : nil, article: text.html),
                            template: "bulletin")
    }

    struct Context {
        let page: PageContext
        let demo: PageChrome.Demo?
        /// Built and escaped by ``BulletinText/html``.
        let article: String
    }
}

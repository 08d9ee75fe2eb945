import HomewardCore
import HomewardStore

/// A published bulletin's page in one language: the statement rendered from its frozen snapshot, every number
/// linking to its entry; Arabic right to left, numbers and codes left to right inside it.
struct BulletinView {
    var bulletin: PublishedBulletin
    var language: Language
    /// Set for the public: small counts hidden.
    var smallCounts: SmallCounts? = nil

    func render(_ pages: Pages) -> String {
        let text = BulletinText(snapshot: bulletin.snapshot, catalogue: pages.catalogue(language), published: (bulletin.id, bulletin.sha256),
                                forThePublic: smallCounts)
        let path = APIRoute.bulletinPage.path.replacingOccurrences(of: "{id}", with: String(bulletin.id))
        return pages.render(Context(page: PageContext(language: language, title: pages.catalogue(language).text("page.title", ["heading": .text(text.title)]), path: path, pages: pages, current: .bulletinPage), article: text.html),
                            template: "bulletin")
    }

    struct Context {
        let page: PageContext
        /// Built and escaped by ``BulletinText/html``.
        let article: String
    }
}

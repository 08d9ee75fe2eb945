import HomewardCore

/// The coordination sessions page: newest first, each with its date, who took part, each one's briefing in its own
/// words, and links to the bulletins published as its statement, in the page's language.
struct SessionsView {
    var model: SessionsModel
    var language: Language

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "sessions")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        return Context(
            page: PageContext(language: language, title: c.text("page.title", ["heading": .text(c.text("sessions.page.title"))]), path: APIRoute.sessionsPage.path, pages: pages,
                              current: .sessionsPage),
            demo: model.demo ? PageChrome.Demo(title: c.text("demo.title"), body: c.text("demo.body")) : nil,
            heading: c.text("sessions.page.title"), intro: c.text("sessions.page.intro"),
            sessions: model.items.map { item in
                Session(date: PhraseContext(c.phrase("sessions.page.date", ["date": .day(item.session.date)])),
                        participants: PhraseContext(c.phrase("sessions.page.participants", ["count": .count(item.session.briefings.count)])),
                        briefings: item.session.briefings.map { Briefing(organisation: $0.organisation, text: $0.text ?? c.text("sessions.page.noBriefing")) },
                        bulletins: item.bulletins.map { link($0.id, replacedBy: $0.replacedBy, c) },
                        hasBulletins: !item.bulletins.isEmpty, noBulletin: item.bulletins.isEmpty ? c.text("sessions.page.noBulletin") : nil)
            },
            none: model.items.isEmpty ? c.text("sessions.page.none") : nil,
            withoutSession: model.withoutSession.isEmpty ? nil
                : Apart(heading: c.text("sessions.page.withoutSession"), bulletins: model.withoutSession.map { link($0.id, replacedBy: $0.replacedBy, c) }))
    }

    /// A bulletin's link, saying which replaced it.
    private func link(_ id: Int, replacedBy: Int?, _ c: Catalogue) -> Link {
        let name = c.text("bulletin.page.title", ["id": .serial(id)])
        return Link(name: replacedBy.map { c.text("sessions.page.replacedBy", ["name": .text(name), "id": .serial($0)]) } ?? name,
                    href: APIRoute.bulletinPage.path.replacingOccurrences(of: "{id}", with: String(id)) + "?\(language.pageQuery)")
    }

    struct Context {
        let page: PageContext
        let demo: PageChrome.Demo?
        let heading: String
        let intro: String
        let sessions: [Session]
        let none: String?
        let withoutSession: Apart?
    }

    /// The statements that follow no session, under their own heading.
    struct Apart {
        let heading: String
        let bulletins: [Link]
    }

    struct Session {
        let date: PhraseContext
        let participants: PhraseContext
        let briefings: [Briefing]
        let bulletins: [Link]
        let hasBulletins: Bool
        let noBulletin: String?
    }

    struct Briefing {
        let organisation: String
        let text: String
    }

    struct Link {
        let name: String
        let href: String
    }
}

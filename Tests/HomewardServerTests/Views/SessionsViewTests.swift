import Foundation
import HomewardCore
@testable import HomewardServer
import HomewardStore
import SnapshotTesting
import Testing

extension SessionsModel {
    static var mock: SessionsModel {
        SessionsModel(items: [
            Item(session: CoordinationSession(id: 2, date: Day("2018-08-15")!, briefings: [
                .init(organisation: "UNHCR", text: "Registration at Jdaidet Yabous resumed on 13 August; queues of up to four hours."),
                .init(organisation: "Ministry of Local Administration", text: nil),
            ]), bulletins: [(3, nil), (1, 3)]),
            Item(session: CoordinationSession(id: 1, date: Day("2018-08-08")!, briefings: [.init(organisation: "SARC", text: "Two mobile clinics at Nassib.")]),
                 bulletins: []),
        ], withoutSession: [(id: 7, replacedBy: nil)], demo: false)
    }
}

/// The coordination sessions page, rendered from a `.mock` model in each language.
@Suite struct SessionsViewTests {
    let pages: Pages

    init() throws {
        pages = try Pages.bundled()
    }

    @Test(arguments: Language.allCases)
    func snapshot(_ language: Language) {
        assertSnapshot(of: PageViewer.signedIn { SessionsView(model: .mock, language: language).render(pages) }, as: .lines, named: language.rawValue)
    }

    @Test func eachSessionLinksToItsBulletinsInThePagesLanguage() {
        let html = SessionsView(model: .mock, language: .ru).render(pages)
        #expect(html.contains(#"<a href="/bulletins/3?lang=ru">"#) && html.contains(#"<a href="/bulletins/1?lang=ru">"#))
        #expect(html.contains("Заявление по этому заседанию пока не опубликовано."))
        // A statement that follows no session is listed apart, not under a session of its day.
        #expect(html.contains("Заявления, не относящиеся к записанному заседанию") && html.contains(#"<a href="/bulletins/7?lang=ru">"#))
        // A statement published again for the session replaces the one before: its link says so.
        #expect(html.contains("Заявление № 1, заменено заявлением № 3"), "\(html)")
        #expect(html.contains(#"<bdi dir="ltr">2</bdi> организации-участника:"#))
        let empty = SessionsView(model: SessionsModel(items: [], demo: true), language: .ar).render(pages)
        #expect(empty.contains("لم تُسجَّل اجتماعات تنسيق بعد.") && empty.contains(#"<html lang="ar" dir="rtl">"#))
    }

    /// A briefing is in its writer's language, not the page's: an Arabic briefing on the English page, a Latin name on the
    /// Arabic one, each takes its own direction, so that its punctuation stays on its own side.
    @Test func eachBriefingAndItsOrganisationTakeTheirOwnDirection() {
        let html = SessionsView(model: .mock, language: .ar).render(pages)
        #expect(html.contains(#"<dt dir="auto">UNHCR</dt>"#) && html.contains(#"<dd dir="auto">Two mobile clinics at Nassib.</dd>"#))
    }

    @Test func briefingsAreEscaped() {
        var model = SessionsModel.mock
        model.items[0].session.briefings[0].text = "<script>alert(1)</script>"
        #expect(!SessionsView(model: model, language: .en).render(pages).contains("<script>alert"))
    }
}

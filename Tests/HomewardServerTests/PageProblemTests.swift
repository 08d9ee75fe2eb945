import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser that gets a page's address or form wrong is shown a page in its reader's language with a way back, not raw JSON;
/// a script asking the same keeps problem details.
@Suite struct PageProblemTests {
    /// A page keeps its leniency with what an address asks that it does not read, but says so above its content: an
    /// overview asked for `from=` and `to=`, or a misspelt `form=`, would otherwise read as figures of that window.
    @Test func aPageSaysWhatItsAddressAsksThatItDoesNotRead() async throws {
        try await withApp(.sqlite) { _, client in
            // act
            let window = try await client.get("/?lang=en&from=2026-11-16&to=2026-11-22")
            let misspelt = try await client.get("/sources?lang=ru&measure=returns&form=2026-11-16")
            let arabic = try await client.get("/camps?lang=ar&sort=site")
            let plain = try await client.get("/?lang=en")
            // check
            #expect(window.status == .ok && window.text.contains("This page does not read from, to in its address: what it shows is not limited by them. It reads digits, lang."),
                    "\(window.text)")
            #expect(misspelt.status == .ok && misspelt.text.contains("Эта страница не читает form в своём адресе"), "\(misspelt.text)")
            #expect(arabic.text.contains("لا تأخذ هذه الصفحة بالمعامل sort في عنوانها") && arabic.text.contains("as_of، digits، lang"), "\(arabic.text)")
            #expect(!plain.text.contains("does not read"))
        }
    }

    @Test(arguments: Backend.available)
    func aPagesMistakeIsAPageInItsReadersLanguage(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            let browser: HTTPFields = [.accept: "text/html,application/xhtml+xml,*/*;q=0.8", .acceptLanguage: "ar"]
            // act
            let badDate = try await client.execute(uri: "/camps?lang=ru&as_of=2026-02-30", method: .get, headers: browser)
            let badLanguage = try await client.execute(uri: "/?lang=fr", method: .get, headers: browser)
            let noBulletin = try await client.execute(uri: "/bulletins/99?lang=en", method: .get, headers: browser)
            var form = browser
            form[.contentType] = "application/x-www-form-urlencoded"
            let noAccount = try await client.execute(uri: "/people/nobody/disable?lang=en", method: .post, headers: form, body: ByteBuffer(string: ""))
            let script = try await client.execute(uri: "/camps?lang=ru&as_of=2026-02-30", method: .get)
            let mistyped = try await client.execute(uri: "/camp?lang=ru", method: .get, headers: browser)
            // check
            #expect(badDate.status == .badRequest && badDate.headers[.contentType] == "text/html; charset=utf-8")
            #expect(badDate.text.contains(#"<html lang="ru" dir="ltr">"#) && badDate.text.contains("Страницу нельзя показать в таком виде")
                    && badDate.text.contains("as_of") && badDate.text.contains(#"href="/camps?lang=ru""#), "\(badDate.text)")
            #expect(badLanguage.status == .badRequest && badLanguage.text.contains(#"dir="rtl""#) && badLanguage.text.contains("تعذّر عرض الصفحة"),
                    "the browser's own language, since the one asked for is not one of the site's")
            #expect(noBulletin.status == .notFound && noBulletin.text.contains("Nothing is recorded at this address") && noBulletin.text.contains(#"href="/?lang=en""#))
            #expect(noAccount.status == .notFound && noAccount.text.contains("Back to the form") && noAccount.text.contains(#"href="/people?lang=en""#),
                    "\(noAccount.status) \(noAccount.text)")
            #expect(mistyped.status == .notFound && mistyped.text.contains("По этому адресу ничего не записано") && mistyped.text.contains(#"href="/?lang=ru""#))
            #expect(badDate.text.contains(##"<a class="skip" href="#content">Перейти к содержимому</a>"##))
            // What is wrong is said in the page's language too, not in English inside a Russian page.
            #expect(badDate.text.contains("не дата (ГГГГ-ММ-ДД) не позже сегодняшнего дня") && !badDate.text.contains("is not a date"), "\(badDate.text)")
            #expect(badLanguage.text.contains("ليس أحد"), "\(badLanguage.text)")
            #expect(script.status == .badRequest && script.headers[.contentType] == "application/problem+json")
            #expect(try script.json["field"] as? String == "as_of")
            // Scripts compare the code, which is that of every refused value.
            #expect(try script.json["code"] as? String == "problem.value.invalid" && (script.json["detail"] as? String)?.contains("is not a date") == true)
        }
    }

    /// What authentication refuses of a page's form reaches a browser as a page too: a second tab's stale form, or a form
    /// sent after the session ended (with a way to sign in and come back).
    @Test(arguments: Backend.available)
    func aFormsStaleTokenOrEndedSessionIsAPage(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            try await store.access.addPerson(Person(login: "root-admin", name: "Admin", organisation: "Centre", role: .admin),
                                             password: "correct horse battery", by: .test)
            let admin = try await AccountTests().signIn(client, "root-admin", "correct+horse+battery")
            var browser: HTTPFields = [.accept: "text/html", .contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            // act
            let stale = try await client.execute(uri: "/people?lang=en", method: .post, headers: browser,
                                                 body: ByteBuffer(string: "csrf=stale&login=x&name=X&organisation=Centre&role=viewer"))
            browser[.cookie] = "homeward_session=ended"
            let ended = try await client.execute(uri: "/people?lang=ru", method: .post, headers: browser,
                                                 body: ByteBuffer(string: "csrf=any&login=x&name=X&organisation=Centre&role=viewer"))
            // check
            #expect(stale.status == .forbidden && stale.headers[.contentType] == "text/html; charset=utf-8"
                    && stale.text.contains("This form was opened before your session changed") && stale.text.contains(#"href="/people?lang=en""#),
                    "\(stale.status) \(stale.text)")
            #expect(!ended.text.contains("Bearer"), "an ended session's page tells a person to sign in, not to send a token")
            #expect(ended.status == .unauthorized && ended.text.contains("Ваш сеанс завершён") && ended.text.contains("/signin?lang=ru&amp;next=/people"),
                    "\(ended.status) \(ended.text)")
            #expect(ended.headers[.cacheControl] == "no-store" && stale.headers[.cacheControl] == "no-store")
        }
    }
}

import Foundation
import HomewardCore
@testable import HomewardServer
import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Pages: a session cookie from the sign-in form, CSRF on every unsafe request, the public sent to sign in.
@Suite struct SignInTests {
    func form(_ client: any TestClientProtocol, _ uri: String, _ body: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return try await client.executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test(arguments: Backend.available)
    func aSessionWritesOnlyWithItsCSRFToken(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "Centre", role: .coordinator),
                                             password: "correct horse battery", by: .test)
            // act: the public is sent to sign in; a wrong password gets the form again; the right one a cookie
            let camps = try await client.get("/camps")
            let wrong = try await form(client, "/signin", "login=amal&password=wrong&next=%2Fcamps")
            let signedIn = try await form(client, "/signin", "login=amal&password=correct+horse+battery&next=%2Fcamps")
            // check
            #expect(camps.status == .seeOther && camps.headers[.location] == "/signin?next=/camps&asked=1&lang=en")
            #expect(wrong.status == .unauthorized && wrong.text.contains("Wrong login or password."))
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/camps?lang=en", "\(signedIn.headers)")
            let setCookie = try #require(signedIn.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let cookie = String(setCookie.split(separator: ";")[0])
            let page = try await client.execute(uri: "/camps", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok && page.text.contains("Signed in as amal"))
            // What cannot be a login (a NUL, which PostgreSQL refuses) is a wrong login, not a database failure.
            #expect(try await form(client, "/signin", "login=am%00al&password=x").status == .unauthorized)
            // Signing in again from another tab, cookie and all, is no forgery: the form is public.
            #expect(try await form(client, "/signin", "login=amal&password=correct+horse+battery", cookie: cookie).status == .seeOther)
            // The public asking for an Arabic page comes back to it, query and all, through an Arabic form.
            let arabic = try await client.get("/camps?lang=ar")
            #expect(arabic.headers[.location] == "/signin?next=/camps%3Flang%3Dar&asked=1&lang=ar")
            // So does one asking in a region's form, or in the browser's language (the form was in English).
            #expect(try await client.get("/camps?lang=ar-SY").headers[.location]?.hasSuffix("&lang=ar") == true)
            #expect(try await client.execute(uri: "/camps", method: .get, headers: [.acceptLanguage: "ru-RU"]).headers[.location]?.hasSuffix("&lang=ru") == true)
            // The form says why it is there, keeps where to go when its language is changed, and sends the reader back in
            // the form's language; the navigation's sign-in link comes back to the page it is on.
            let asked = try await client.get("/signin?next=%2Fcamps%3Flang%3Dar&asked=1&lang=ar")
            #expect(asked.text.contains("الصفحة المطلوبة تتطلّب حساباً") && asked.text.contains("/signin?lang=en&amp;next=/camps%3Flang%3Dar&amp;asked=1"), "\(asked.text)")
            // Only a page that needs an account says so: the navigation's link from a public page does not.
            #expect(try await !client.get("/signin?next=%2Fbulletins%2F1%3Flang%3Dar&lang=ar").text.contains("الصفحة المطلوبة تتطلّب حساباً"))
            let russian = try await form(client, "/signin?lang=ru", "login=amal&password=correct+horse+battery&next=%2Fsources")
            #expect(russian.headers[.location] == "/sources?lang=ru")
            // The form's language is the one the reader chose last: it replaces the language the page was asked in.
            let changed = try await form(client, "/signin?lang=en", "login=amal&password=correct+horse+battery&next=%2Fcamps%3Fas_of%3D2020-06-01%26lang%3Dar")
            #expect(changed.headers[.location] == "/camps?as_of=2020-06-01&lang=en")
            let sourcesPage = try await client.get("/?lang=ar")
            #expect(sourcesPage.text.contains("/signin?lang=ar&amp;next=/%3Flang%3Dar"), "the overview's own sign-in link")
            let csrf = try #require(page.text.components(separatedBy: #"name="csrf" value=""#).dropFirst().first?.prefix(64)).description
            // A write with the cookie alone is refused; with the session's token it is made.
            let site = #"{"code": "HOL", "name": "Al-Hol", "kind": "camp", "admin": "SY080006"}"#
            let noToken = try await client.execute(uri: "/api/v1/sites", method: .post, headers: [.cookie: cookie, .contentType: "application/json"],
                                                   body: ByteBuffer(string: site))
            let withToken = try await client.execute(uri: "/api/v1/sites", method: .post,
                                                     headers: [.cookie: cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: csrf],
                                                     body: ByteBuffer(string: site))
            #expect(try noToken.status == .forbidden && noToken.json["code"] as? String == "access.csrf")
            #expect(withToken.status == .created)
            #expect(try await store.access.audit().last { $0.kind == "site" }?.actor == "person:amal")
            // Signing out needs the token too; then the cookie opens nothing.
            #expect(try await form(client, "/signout", "csrf=forged", cookie: cookie).status == .forbidden)
            #expect(page.text.contains(#"action="/signout?lang=en""#), "the sign-out form keeps the page's language")
            let signedOut = try await form(client, "/signout?lang=ar", "csrf=\(csrf)", cookie: cookie)
            #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/?lang=ar")
            #expect(try await client.execute(uri: "/api/v1/sites", method: .get, headers: [.cookie: cookie]).status == .unauthorized)
            // A throttled login is told, in the reader's language, how many minutes are left, and a script is sent Retry-After.
            for _ in 1 ..< AccessStore.throttleFailures { _ = try await form(client, "/signin", "login=amal&password=wrong") }
            let throttled = try await form(client, "/signin?lang=ru", "login=amal&password=correct+horse+battery")
            #expect(throttled.status == .tooManyRequests, "\(throttled.status)")
            let retryAfter = try #require(throttled.headers[.retryAfter].flatMap { Int($0) })
            // The first failure's 15 minutes, less the seconds the test has run since: a slow machine's 14 are "минут" too.
            #expect((660...900).contains(retryAfter), "\(retryAfter)")
            #expect(throttled.text.contains("повторите через \((retryAfter + 59) / 60) минут."), "\(throttled.text)")
        }
    }

    @Test(arguments: Backend.available)
    func everyFormOfASessionIsRefusedWithoutItsToken(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: an admin signed in, who may post every form
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "Centre", role: .admin),
                                             password: "correct horse battery", by: .test)
            let cookie = try await AccountTests().signIn(client, "amal", "correct+horse+battery").cookie
            let forms = APIRoute.allCases.filter(\.takesForm)
            // act and check: each form without its token, and with another, is refused before it does anything
            for route in forms {
                let path = route.path.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{login}", with: "amal")
                let fields = "name=Returns+WG&login=new&organisation=Centre&role=viewer&expires_days=30"
                for body in [fields, "csrf=forged&" + fields] {
                    let refused = try await form(client, path, body, cookie: cookie)
                    #expect(refused.status == .forbidden, "\(route) \(body)")
                    #expect(try refused.json["field"] as? String == "csrf", "\(route)")
                }
            }
            #expect(try await store.access.persons().map(\.login) == ["amal"])
            #expect(try await store.access.tokens(of: "amal").isEmpty)
            #expect(try await client.execute(uri: "/account", method: .get, headers: [.cookie: cookie]).status == .ok)
            // Every page's POST but the public sign-in form is such a form.
            #expect(Set(forms) == Set(APIRoute.allCases.filter { $0.isPage && $0.method == .post && $0.access == .signedIn }))
        }
    }

    @Test(arguments: Backend.available)
    func aPageReadWithATokenNamesItsReader(_ backend: Backend) async throws {
        try await withApp(backend, as: .role(.coordinator)) { _, client in
            // act
            let camps = try await client.get("/camps?lang=en")
            let account = try await client.get("/account?lang=en")
            // check: the reader's account is linked, with no sign-in link and no sign-out form (a token has no session)
            for page in [camps, account] {
                #expect(page.status == .ok)
                #expect(page.text.contains(#"<a class="account" href="/account?lang=en">Signed in as test-coordinator</a>"#), "\(page.text)")
                #expect(!page.text.contains(#"href="/signin"#) && !page.text.contains(#"action="/signout""#))
            }
        }
    }

    @Test func aNextThatLeavesTheSiteGoesHomeInstead() {
        #expect(SignInView.safeNext("/camps") == "/camps")
        for evil in ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "/\t/evil.example", "/\n/evil.example", "/ /x", nil] {
            #expect(SignInView.safeNext(evil) == "/", "\(String(describing: evil))")
        }
        #expect(SignInView.destination("/camps?lang=ar#cycles", in: .en) == "/camps?lang=en#cycles")
    }
}

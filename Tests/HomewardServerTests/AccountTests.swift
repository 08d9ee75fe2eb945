import Foundation
import HomewardCore
@testable import HomewardServer
import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The account page: a person changes their own password and makes and revokes their own tokens, in a signed-in
/// session with its CSRF token; a bearer token may do neither of the first two.
@Suite struct AccountTests {
    func form(_ client: any TestClientProtocol, _ uri: String, _ body: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return try await client.executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Signs in and returns the session's cookie and CSRF token (read from the account page's forms).
    func signIn(_ client: any TestClientProtocol, _ login: String, _ password: String) async throws -> (cookie: String, csrf: String) {
        let signedIn = try await form(client, "/signin", "login=\(login)&password=\(password)&next=%2Faccount")
        let cookie = String(try #require(signedIn.headers[.setCookie]).split(separator: ";")[0])
        let page = try await client.execute(uri: "/account", method: .get, headers: [.cookie: cookie])
        let csrf = try #require(page.text.components(separatedBy: #"name="csrf" value=""#).dropFirst().first?.prefix(64)).description
        return (cookie, csrf)
    }

    /// A sign-in posted from another site's page is refused (login CSRF: a victim signed into the attacker's account would
    /// upload under it), as a current browser tells it or, in an older one, by its `Origin`; a proxy that rewrites `Host`
    /// is believed by `X-Forwarded-Host`. The cookie is Secure behind any of the three headers proxies use for TLS; a page
    /// may not be framed or sniffed as another type.
    @Test func aSignInFromAnotherSiteIsRefusedAndACookieBehindTLSIsSecure() async throws {
        try await withApp(.sqlite, as: .anonymous) { store, client in
            try await store.access.addPerson(Person(login: "amal", name: "Amal H.", organisation: "UNHCR", role: .viewer),
                                             password: "correct horse battery", by: .test)
            func signIn(_ headers: HTTPFields) async throws -> TestResponse {
                var all: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                all.append(contentsOf: headers)
                return try await client.executeRequest(uri: "/signin", method: .post, headers: all, body: ByteBuffer(string: "login=amal&password=correct+horse+battery"))
            }
            let site = HTTPField.Name("Sec-Fetch-Site")!
            #expect(try await signIn([.origin: "https://evil.example"]).status == .forbidden)
            #expect(try await signIn([.origin: "null"]).status == .forbidden)
            #expect(try await signIn([site: "cross-site"]).status == .forbidden)
            #expect(try await signIn([.origin: "http://localhost"]).status == .seeOther)
            #expect(try await signIn([.origin: "https://homeward.example", HTTPField.Name("X-Forwarded-Host")!: "homeward.example"]).status == .seeOther)
            #expect(try await signIn([.origin: "https://homeward.example", site: "same-origin"]).status == .seeOther, "a browser's own word")
            // A chain of proxies, a port written out, RFC 7239's form.
            #expect(try await signIn([.origin: "https://homeward.example", HTTPField.Name("X-Forwarded-Host")!: "homeward.example, 10.0.0.5:8080"]).status == .seeOther)
            #expect(try await signIn([.origin: "https://homeward.example", HTTPField.Name("X-Forwarded-Host")!: "homeward.example:443"]).status == .seeOther)
            #expect(try await signIn([.origin: "https://homeward.example", HTTPField.Name("Forwarded")!: "host=homeward.example;proto=https"]).status == .seeOther)
            #expect(try await signIn([.origin: "https://homeward.example:8443", HTTPField.Name("X-Forwarded-Host")!: "homeward.example"]).status == .forbidden)
            #expect(try await signIn([.origin: "https://homeward.example:8443", HTTPField.Name("X-Forwarded-Host")!: "homeward.example",
                                      HTTPField.Name("X-Forwarded-Port")!: "8443"]).status == .seeOther, "nginx's $host, its port apart")
            let plain = try await signIn([:])
            #expect(plain.status == .seeOther && plain.headers[.setCookie]?.contains("Secure") == false)
            for header in [(HTTPField.Name("X-Forwarded-Proto")!, "https"), (HTTPField.Name("Forwarded")!, "for=192.0.2.1;proto=https"),
                           (HTTPField.Name("X-Forwarded-Ssl")!, "on"), (HTTPField.Name("Forwarded")!, #"for=192.0.2.1;proto="https""#),
                           (HTTPField.Name("X-Forwarded-Proto")!, "https, http")] {
                let behindTLS = try await signIn([header.0: header.1])
                #expect(behindTLS.headers[.setCookie]?.contains("Secure") == true, "\(header.0)")
            }
            let page = try await client.execute(uri: "/signin", method: .get)
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY" && page.headers[.contentSecurityPolicy] == "frame-ancestors 'none'")
            #expect(page.headers[.xContentTypeOptions] == "nosniff" && page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
        }
    }

    /// A forged form riding a signed-in admin's session, a session's API write without its token, and a revoked token or
    /// one of a disabled account tried again are refused and audited, naming what was tried and whose session or token it
    /// was: they had left no trace. A token tried again within the minute is not audited twice.
    @Test(arguments: Backend.available)
    func forgedFormsAndDeadTokensAreAuditedWithWhatTheyTried(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            try await store.access.addPerson(Person(login: "amal", name: "Amal H.", organisation: "Returns Coordination Centre", role: .admin),
                                             password: "correct horse battery", by: .test)
            try await store.access.addPerson(Person(login: "ali", name: "Ali", organisation: "UNHCR", role: .viewer), password: "another long one", by: .test)
            let session = try await signIn(client, "amal", "correct+horse+battery")
            #expect(try await form(client, "/people/ali/role", "csrf=forged&role=admin", cookie: session.cookie).status == .forbidden)
            #expect(try await form(client, "/people/ali/role", "csrf=forged&role=editor", cookie: session.cookie).status == .forbidden)
            let other = try await signIn(client, "amal", "correct+horse+battery")
            let api = try await client.executeRequest(uri: "/api/v1/crossings", method: .post, headers: [.cookie: other.cookie, .contentType: "application/json"],
                                                      body: ByteBuffer(string: #"{"code":"INT-95","name":"x","internal":true,"admin":"SY07"}"#))
            #expect(api.status == .forbidden)
            let revoked = try await store.access.createToken(for: "ali", by: .test)
            _ = try await store.access.revokeTokens(id: revoked.id, by: .test)
            try await store.access.addPerson(Person(login: "gone", name: "Gone", organisation: "UNHCR", role: .viewer), password: "a third long one", by: .test)
            let gone = try await store.access.createToken(for: "gone", by: .test)
            try await store.access.disable("gone", by: .test)
            for token in [revoked.token, revoked.token, gone.token, "not-a-token-anyone-had"] {
                #expect(try await client.execute(uri: "/api/v1/totals", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .unauthorized)
            }
            let refusals = try await store.access.audit().filter { $0.action == "refused" }
            #expect(refusals.contains { $0.actor == "person:amal" && ($0.detail ?? "").contains("POST /people/ali/role") && ($0.detail ?? "").contains("CSRF") },
                    "\(refusals)")
            #expect(refusals.contains { $0.actor == "person:amal" && ($0.detail ?? "").contains("POST /api/v1/crossings") })
            #expect(refusals.filter { ($0.detail ?? "").contains("/people/ali/role") }.count == 1, "once a minute per session")
            let tokens = refusals.filter { $0.kind == "token" }
            #expect(tokens.map(\.record) == ["ali", "gone"], "once a minute per token; a token no account had is noise")
            #expect(tokens.map(\.detail) == ["a revoked token was sent for GET /api/v1/totals", "a token of a disabled account was sent for GET /api/v1/totals"])
        }
    }

    @Test(arguments: Backend.available)
    func aPersonChangesTheirOwnPasswordAndOtherSessionsEnd(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: a viewer signed in twice (two browsers)
            try await store.access.addPerson(Person(login: "amal", name: "Amal H.", organisation: "UNHCR", role: .viewer),
                                             password: "correct horse battery", by: .test)
            let here = try await signIn(client, "amal", "correct+horse+battery")
            let elsewhere = try await signIn(client, "amal", "correct+horse+battery")
            let page = try await client.execute(uri: "/account?lang=en", method: .get, headers: [.cookie: here.cookie])
            #expect(page.status == .ok && page.text.contains("Amal H.") && page.text.contains("UNHCR") && page.text.contains("viewer"))
            #expect(page.headers[.cacheControl] == "no-store")
            // act and check: a forged form, a wrong current password, two new ones that differ, then the change
            let change = "current=correct+horse+battery&new=a+new+long+passphrase&repeat=a+new+long+passphrase"
            #expect(try await form(client, "/account/password", "csrf=forged&\(change)", cookie: here.cookie).status == .forbidden)
            let wrong = try await form(client, "/account/password", "csrf=\(here.csrf)&current=not+my+password&new=a+new+long+passphrase&repeat=a+new+long+passphrase", cookie: here.cookie)
            #expect(wrong.status == .forbidden && wrong.text.contains("The current password is wrong."))
            let differ = try await form(client, "/account/password", "csrf=\(here.csrf)&current=correct+horse+battery&new=a+new+long+passphrase&repeat=another+one+entirely", cookie: here.cookie)
            #expect(differ.status == .badRequest && differ.text.contains("The two new passwords differ."))
            let changed = try await form(client, "/account/password", "csrf=\(here.csrf)&\(change)", cookie: here.cookie)
            #expect(changed.status == .seeOther && changed.headers[.location] == "/account?lang=en&done=password")
            // This session goes on; the other one has ended; the old password no longer signs in, the new one does.
            #expect(try await client.execute(uri: "/account", method: .get, headers: [.cookie: here.cookie]).status == .ok)
            #expect(try await client.execute(uri: "/account", method: .get, headers: [.cookie: elsewhere.cookie]).status == .seeOther)
            #expect(try await form(client, "/signin", "login=amal&password=correct+horse+battery").status == .unauthorized)
            #expect(try await form(client, "/signin", "login=amal&password=a+new+long+passphrase").status == .seeOther)
            let audit = try await store.access.audit()
            #expect(audit.contains { $0.action == "password-changed" && $0.record == "amal" && $0.actor == "person:amal" })
            // The wrong current password counted towards the login's throttle, as the session's: guesses from a stolen
            // session are traced to it, not to an anonymous caller.
            #expect(audit.contains { $0.action == "sign-in-failed" && $0.record == "amal" && $0.detail?.contains("password change") == true
                                     && $0.actor == "person:amal" }, "\(audit.filter { $0.action == "sign-in-failed" })")
        }
    }

    @Test(arguments: Backend.available)
    func aPersonMakesAndRevokesTheirOwnTokensButATokenMakesNone(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: an editor signed in, and another person's token
            try await store.access.addPerson(Person(login: "amal", name: "Amal H.", organisation: "UNHCR", role: .editor),
                                             password: "correct horse battery", by: .test)
            try await store.access.addPerson(Person(login: "omar", name: "Omar", organisation: "WFP", role: .editor), password: nil, by: .test)
            let others = try await store.access.createToken(for: "omar", by: .test)
            let session = try await signIn(client, "amal", "correct+horse+battery")
            // act: make a token on the page; it is shown once
            let made = try await form(client, "/account/tokens", "csrf=\(session.csrf)&expires_days=30", cookie: session.cookie)
            #expect(made.status == .ok && made.headers[.cacheControl] == "no-store")
            let token = try #require(made.text.components(separatedBy: #"<code dir="ltr">"#).dropFirst().first?.prefix(67)).description
            #expect(token.hasPrefix("hw_"))
            let again = try await client.execute(uri: "/account", method: .get, headers: [.cookie: session.cookie])
            #expect(!again.text.contains(token))
            // check: it works as a bearer token, as amal; with it, no password change and no new token
            let bearer: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/x-www-form-urlencoded"]
            #expect(try await client.execute(uri: "/api/v1/sites", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .ok)
            let byToken = try await client.execute(uri: "/account/tokens", method: .post, headers: bearer, body: ByteBuffer(string: "expires_days=30"))
            #expect(byToken.status == .forbidden)
            let passwordByToken = try await client.execute(uri: "/account/password", method: .post, headers: bearer,
                                                           body: ByteBuffer(string: "current=correct+horse+battery&new=a+new+long+passphrase&repeat=a+new+long+passphrase"))
            #expect(passwordByToken.status == .forbidden)
            // Another person's token is not amal's to revoke; her own is.
            #expect(try await form(client, "/account/tokens/\(others.id)/revoke", "csrf=\(session.csrf)", cookie: session.cookie).status == .forbidden)
            #expect(try await store.access.caller(forToken: others.token, at: try? await store.database.dataVersion()) != nil)
            let mine = try #require(try await store.access.tokens(of: "amal").first)
            let revoked = try await form(client, "/account/tokens/\(mine.id)/revoke", "csrf=\(session.csrf)", cookie: session.cookie)
            #expect(revoked.status == .seeOther)
            #expect(try await client.execute(uri: "/api/v1/sites", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .unauthorized)
            let audit = try await store.access.audit()
            #expect(audit.contains { $0.action == "token-created" && $0.actor == "person:amal" && $0.detail?.hasPrefix("for amal") == true })
            #expect(audit.contains { $0.action == "token-revoked" && $0.record == String(mine.id) && $0.actor == "person:amal" })
        }
    }
}

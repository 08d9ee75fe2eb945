import Foundation
import HomewardCore
@testable import HomewardServer
@testable import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The people page: the centre's admins and coordinators see every account, a partner's editors and viewers their own
/// organisation's; an admin adds and disables accounts and
/// adds working groups there, through the same checked and audited store calls as the command line.
@Suite struct PeopleTests {
    let account = AccountTests()

    @Test(arguments: Backend.available)
    func anAdminManagesAccountsAndWorkingGroupsOnThePage(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: an admin and a viewer, both signed in
            try await store.access.addPerson(Person(login: "root-admin", name: "Centre admin", organisation: "Returns Coordination Centre", role: .admin),
                                             password: "correct horse battery", by: .test)
            try await store.access.addPerson(Person(login: "reader", name: "A reader", organisation: "WFP", role: .viewer),
                                             password: "another long passphrase", by: .test)
            let admin = try await account.signIn(client, "root-admin", "correct+horse+battery")
            let viewer = try await account.signIn(client, "reader", "another+long+passphrase")
            // act: the admin adds a partner's account and a working group, then disables the viewer
            // An organisation not known is refused, the form given back as typed: a typo would have made a second one.
            let typo = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=unhcr-im&name=UNHCR+IM&organisation=UNHCRR&role=editor&password=",
                                              cookie: admin.cookie)
            #expect(typo.status == .badRequest && typo.text.contains("No organisation is named “UNHCRR”") && typo.text.contains(#"value="UNHCR IM""#), "\(typo.text)")
            #expect(try await store.organisations.organisations().allSatisfy { $0.name != "UNHCRR" })
            let otherSpelling = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=wfp-im&name=WFP+IM&organisation=wfp&role=viewer", cookie: admin.cookie)
            #expect(otherSpelling.status == .badRequest && otherSpelling.text.contains("did you mean “WFP”?"), "\(otherSpelling.text)")
            let keySlip = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=wfp-im&name=WFP+IM&organisation=WPF&role=viewer", cookie: admin.cookie)
            #expect(keySlip.status == .badRequest && keySlip.text.contains("did you mean “WFP”?"), "\(keySlip.text)")
            _ = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=UNHCR", cookie: admin.cookie)
            let added = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=unhcr-im&name=UNHCR+IM&organisation=UNHCR&role=editor&password=",
                                               cookie: admin.cookie)
            let group = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=Returns+WG&working_group=true&member=UNHCR&member=WFP",
                                               cookie: admin.cookie)
            let notAFlag = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=Other&working_group=yes", cookie: admin.cookie)
            _ = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=Border+WG&working_group=true&member=UNHCR&member=WFP",
                                       cookie: admin.cookie)
            let leaving = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=Border+WG&working_group=true&remove_member=WFP",
                                                 cookie: admin.cookie)
            let partnerAsGroup = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=UNHCR&working_group=true&member=WFP",
                                                        cookie: admin.cookie)
            // A member a slip away from a known organisation is refused, as the command line refuses it; nothing is made of it.
            let slip = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=Slip+WG&working_group=true&member=UNHRC", cookie: admin.cookie)
            #expect(slip.status == .badRequest && slip.text.contains("did you mean UNHCR"), "\(slip.text)")
            #expect(try await store.organisations.organisations().map(\.name).filter { ["UNHRC", "Slip WG"].contains($0) }.isEmpty)
            // A field the form does not take is refused, naming those it does: `members` was dropped, the group made empty.
            let misspelt = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=Misspelt+WG&working_group=true&members=UNHCR",
                                                  cookie: admin.cookie)
            #expect(misspelt.status == .badRequest && misspelt.text.contains("members") && misspelt.text.contains("member, name, remove_member, working_group"),
                    "\(misspelt.text)")
            #expect(try await store.organisations.organisations().allSatisfy { $0.name != "Misspelt WG" })
            let noFields = try await account.form(client, "/people/reader/disable", "csrf=\(admin.csrf)&really=yes", cookie: admin.cookie)
            #expect(noFields.status == .badRequest && noFields.text.contains("which takes none"), "\(noFields.text)")
            // A field given twice is refused (which login was meant?), but for a list's (a group's members); a nameless one too.
            let twice = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=a1&login=a2&name=A&organisation=WFP&role=viewer", cookie: admin.cookie)
            #expect(twice.status == .badRequest && twice.text.contains("given more than once"), "\(twice.text)")
            let nameless = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=a1&name=A&organisation=WFP&role=viewer&=x", cookie: admin.cookie)
            #expect(nameless.status == .badRequest, "\(nameless.text)")
            let (a1, a2) = (try await store.access.person("a1"), try await store.access.person("a2"))
            #expect(a1 == nil && a2 == nil)
            let nulName = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=nul&name=A%00B&organisation=UNHCR&role=viewer", cookie: admin.cookie)
            let nulMember = try await account.form(client, "/organisations", "csrf=\(admin.csrf)&name=Other&working_group=true&member=A%00B", cookie: admin.cookie)
            let badLogin = try await account.form(client, "/people?lang=ru", "csrf=\(admin.csrf)&login=has+space&name=X&organisation=UNHCR&role=viewer",
                                                  cookie: admin.cookie)
            let again = try await account.form(client, "/people", "csrf=\(admin.csrf)&login=unhcr-im&name=Again&organisation=UNHCR&role=coordinator",
                                               cookie: admin.cookie)
            // A viewer sees the page without its forms, and cannot post them either.
            let viewersPage = try await client.execute(uri: "/people", method: .get, headers: [.cookie: viewer.cookie])
            let viewersTry = try await account.form(client, "/people", "csrf=\(viewer.csrf)&login=sneaky&name=S&organisation=WFP&role=admin",
                                                    cookie: viewer.cookie)
            let disabled = try await account.form(client, "/people/reader/disable", "csrf=\(admin.csrf)", cookie: admin.cookie)
            // A login holding a `%` is disabled by the link the page gives, not the account its decoding would name.
            // (An account made before logins were held to Latin letters, digits and . _ - @.)
            try await store.database.write(by: .test, for: .people) { write in
                try await write.sql.raw("""
                    INSERT INTO persons (login, name, organisation_id, role, active, created_at, created_by)
                    VALUES ('ali%41', 'Ali', (SELECT id FROM organisations WHERE name = 'WFP'), 'viewer', \(bind: true), '2020-01-01T00:00:00Z', 'test')
                    """).run()
            }
            try await store.access.addPerson(Person(login: "aliA", name: "Another", organisation: "WFP", role: .viewer), password: nil, by: .test)
            let listed = try await client.execute(uri: "/people", method: .get, headers: [.cookie: admin.cookie]).text
            #expect(listed.contains(#"action="/people/ali%2541/disable"#), "\(listed)")
            #expect(try await account.form(client, "/people/ali%2541/disable", "csrf=\(admin.csrf)", cookie: admin.cookie).status == .seeOther)
            // check
            #expect(added.status == .seeOther && added.headers[.location] == "/people?lang=en&done=added")
            #expect(group.status == .seeOther)
            #expect(leaving.status == .seeOther && leaving.headers[.location]?.contains("done=organisationChanged") == true)
            #expect(try await store.organisations.members()["Border WG"] == ["UNHCR"])
            #expect(partnerAsGroup.status == .badRequest && partnerAsGroup.text.contains("UNHCR"), "\(partnerAsGroup.text)")
            #expect(notAFlag.status == .badRequest && notAFlag.text.contains("working_group"))
            #expect(nulMember.status == .badRequest && nulMember.text.contains("member"))
            #expect(nulName.status == .badRequest && nulName.text.contains("name"))
            #expect(badLogin.status == .badRequest && badLogin.text.contains("имя пользователя") && !badLogin.text.contains("login &#39;"), "\(badLogin.text)")
            #expect(again.status == .conflict && again.text.contains("unhcr-im"))
            // A refused form comes back as it was typed, its role too, so that nothing is typed again by mistake.
            #expect(again.text.contains(#"name="name" required maxlength="200" value="Again""#) && again.text.contains(#"<option value="coordinator" selected>"#),
                    "\(again.text)")
            #expect(badLogin.text.contains(#"value="has space""#))
            #expect(viewersPage.status == .ok && viewersPage.text.contains("A reader") && !viewersPage.text.contains(#"action="/people?"#))
            // Nor an actions column of empty cells.
            #expect(!viewersPage.text.contains("Actions") && !viewersPage.text.contains("<td></td>"), "\(viewersPage.text)")
            #expect(!viewersPage.text.contains("unhcr-im") && !viewersPage.text.contains("Centre admin"), "a partner's viewer sees its own organisation's accounts")
            try await store.access.addPerson(Person(login: "coord", name: "A coordinator", organisation: "Returns Coordination Centre", role: .coordinator),
                                             password: "a coordinator's passphrase", by: .test)
            let coordinator = try await account.signIn(client, "coord", "a+coordinator%27s+passphrase")
            let coordinatorsPage = try await client.execute(uri: "/people", method: .get, headers: [.cookie: coordinator.cookie])
            #expect(coordinatorsPage.text.contains("unhcr-im") && coordinatorsPage.text.contains("A reader"), "the centre's coordinators see every account")
            #expect(viewersTry.status == .forbidden)
            #expect(disabled.status == .seeOther)
            let people = try await store.access.persons()
            #expect(people.first { $0.login == "unhcr-im" } == Person(login: "unhcr-im", name: "UNHCR IM", organisation: "UNHCR", role: .editor))
            #expect(people.first { $0.login == "reader" }?.active == false)
            #expect(people.first { $0.login == "ali%41" }?.active == false && people.first { $0.login == "aliA" }?.active == true)
            #expect(!people.contains { $0.login == "sneaky" })
            #expect(try await store.organisations.members()["Returns WG"] == ["UNHCR", "WFP"])
            // The disabled viewer's session has ended; the admin's page lists the group with its members.
            #expect(try await client.execute(uri: "/people", method: .get, headers: [.cookie: viewer.cookie]).status == .seeOther)
            let page = try await client.execute(uri: "/people?lang=en", method: .get, headers: [.cookie: admin.cookie])
            #expect(page.text.contains("a working group of UNHCR, WFP") && page.text.contains("disabled") && page.text.contains(">Actions</span></th>"))
            // An admin cannot lock themselves out from the page: no button on their own account.
            #expect(page.text.contains("/people/unhcr-im/disable") && !page.text.contains("/people/root-admin/disable"))
            let audit = try await store.access.audit()
            #expect(audit.contains { $0.action == "create" && $0.kind == "person" && $0.record == "unhcr-im" && $0.actor == "person:root-admin" })
            #expect(audit.contains { $0.action == "refused" && $0.actor == "person:reader" })
        }
    }

    /// The organisation form says what it did: a name known already is no second creation, in the page or the audit, and
    /// another spelling of a known name is refused on the page in its reader's language.
    @Test(arguments: Backend.available)
    func theOrganisationFormSaysWhatItDid(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup
            try await store.access.addPerson(Person(login: "root-admin", name: "Centre admin", organisation: "Returns Coordination Centre", role: .admin),
                                             password: "correct horse battery", by: .test)
            let admin = try await account.signIn(client, "root-admin", "correct+horse+battery")
            func post(_ uri: String, _ body: String) async throws -> TestResponse {
                try await account.form(client, uri, "csrf=\(admin.csrf)&" + body, cookie: admin.cookie)
            }
            // act
            let added = try await post("/organisations", "name=UNHCR")
            let again = try await post("/organisations", "name=UNHCR")
            let spelling = try await post("/organisations?lang=ar", "name=unhcr")
            let group = try await post("/organisations", "name=Returns+WG&working_group=true")
            let listed = try await client.execute(uri: "/people", method: .get, headers: [.cookie: admin.cookie]).text
            let members = try await post("/organisations", "name=Returns+WG&working_group=true&member=UNHCR")
            // check
            #expect(added.headers[.location] == "/people?lang=en&done=organisation")
            #expect(again.headers[.location] == "/people?lang=en&done=organisationKnown")
            #expect(spelling.status == .badRequest && spelling.text.contains("المنظمة معروفة باسم") && spelling.text.contains("lang=\"ar\""), "\(spelling.text)")
            #expect(group.headers[.location] == "/people?lang=en&done=organisation")
            #expect(listed.contains("a working group, no members yet"))
            #expect(members.headers[.location] == "/people?lang=en&done=organisationChanged")
            let audit = try await store.access.audit().filter { $0.kind == "organisation" && $0.actor == "person:root-admin" }
            #expect(audit.map { "\($0.action) \($0.record ?? "") \($0.detail ?? "")" }
                    == ["create UNHCR ", "create Returns WG working group", "update Returns WG members added: UNHCR"], "\(audit)")
            #expect(try await store.organisations.organisations().map(\.name) == ["Returns Coordination Centre", "Returns WG", "UNHCR"])
        }
    }

    /// An admin changes another account from the page as with `homeward users`: its role, its state, a lost password, a departed
    /// person's name; each change is in the audit, and the page says what it did in its reader's language.
    @Test(arguments: Backend.available)
    func anAdminChangesAnotherAccountOnThePage(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: an admin and a viewer, both signed in
            try await store.access.addPerson(Person(login: "root-admin", name: "Centre admin", organisation: "Returns Coordination Centre", role: .admin),
                                             password: "correct horse battery", by: .test)
            try await store.access.addPerson(Person(login: "amal", name: "Amal Haddad", organisation: "UNHCR", role: .viewer),
                                             password: "the first passphrase", by: .test)
            let admin = try await account.signIn(client, "root-admin", "correct+horse+battery")
            let amal = try await account.signIn(client, "amal", "the+first+passphrase")
            func post(_ uri: String, _ body: String = "") async throws -> TestResponse {
                try await account.form(client, uri, "csrf=\(admin.csrf)" + (body.isEmpty ? "" : "&" + body), cookie: admin.cookie)
            }
            func page(_ lang: String = "en") async throws -> String {
                try await client.execute(uri: "/people?lang=\(lang)", method: .get, headers: [.cookie: admin.cookie]).text
            }
            let forms = try await page()
            let own = try await post("/people/root-admin/disable")
            let ownInCapitals = try await post("/people/ROOT-ADMIN/disable")
            // act: a role, a short password then a new one
            let role = try await post("/people/amal/role", "role=editor")
            let sameRole = try await post("/people/AMAL/role", "role=editor")
            let short = try await post("/people/amal/password", "password=short")
            let password = try await post("/people/amal/password", "password=the+second+passphrase")
            let amalAfter = try await client.execute(uri: "/people", method: .get, headers: [.cookie: amal.cookie])
            _ = try await account.signIn(client, "amal", "the+second+passphrase")
            // disabled, then enabled again
            _ = try await post("/people/amal/disable")
            let whileDisabled = try await page()
            let enabled = try await post("/people/amal/enable")
            // the name erased: only with the box ticked
            let unticked = try await post("/people/amal/erase?lang=ar")
            let nameKept = try await store.access.person("amal")?.name
            let erased = try await post("/people/amal/erase?lang=ru", "confirm=true")
            let afterErasing = try await page("ru")
            let handedOn = try await post("/people/amal/enable")
            // check: the forms are on others' rows, not the admin's own
            #expect(forms.contains(#"action="/people/amal/role?lang=en""#) && forms.contains(#"action="/people/amal/password?lang=en""#)
                    && forms.contains(#"action="/people/amal/erase?lang=en""#), "\(forms)")
            #expect(!forms.contains("/people/root-admin/"))
            #expect(forms.contains(#"<button type="submit" aria-label="Disable amal">Disable</button>"#), "a screen reader hears whose account")
            #expect(own.status == .badRequest && own.text.contains("Your own account is changed at your account page"))
            #expect(ownInCapitals.status == .badRequest && ownInCapitals.text.contains("Your own account is changed at your account page"))
            #expect(sameRole.status == .seeOther && sameRole.headers[.location] == "/people?lang=en&done=unchanged")
            #expect(try await store.access.person("root-admin")?.active == true)
            #expect(role.status == .seeOther && role.headers[.location] == "/people?lang=en&done=role")
            #expect(short.status == .badRequest && short.text.contains("at least 12 characters"))
            #expect(short.text.components(separatedBy: "<details class=\"change\" open>").count == 2, "the refused account's forms open under the alert, no other's")
            #expect(password.status == .seeOther && amalAfter.status == .seeOther, "the sessions of the old password ended")
            #expect(whileDisabled.contains(#"action="/people/amal/enable?lang=en""#) && !whileDisabled.contains("/people/amal/disable"))
            #expect(enabled.status == .seeOther && enabled.headers[.location] == "/people?lang=en&done=enabled")
            #expect(unticked.status == .badRequest && unticked.text.contains("حدّد المربع") && nameKept == "Amal Haddad")
            #expect(erased.status == .seeOther && erased.headers[.location] == "/people?lang=ru&done=erased")
            #expect(afterErasing.contains("(имя стёрто)") && !afterErasing.contains("Amal Haddad") && !afterErasing.contains("/people/amal/"))
            #expect(handedOn.status == .badRequest && handedOn.text.contains("its login stays with the records"), "\(handedOn.text)")
            #expect(try await store.access.person("amal") == Person(login: "amal", name: "", organisation: "UNHCR", role: .editor, active: false))
            let changes = try await store.access.audit().filter { $0.record == "amal" && $0.actor == "person:root-admin" }.map(\.action)
            #expect(changes == ["update", "password-reset", "update", "update", "erase"], "\(changes)")
        }
    }
}

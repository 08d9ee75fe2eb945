import Foundation
import HomewardCore
import HomewardStore
import HTTPTypes
import Hummingbird

/// The people page and an admin's forms on it: add an account; disable, enable, give another role, set a new password
/// for, or erase the name of one; add an organisation or a working group. The same store calls as `homeward users` and `homeward organisations`, so the same checks (admins
/// only, audited) and the same refusals, shown on the page in its reader's language.
struct PeopleController {
    typealias Context = HomewardRequestContext

    let stores: Stores
    let pages: Pages

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.peoplePage.routerPath), method: APIRoute.peoplePage.method) { request, context in
            let notice: String? = switch request.uri.queryParameters.get("done") {
            case "added": "people.added"
            case "disabled": "people.disabledNotice"
            case "enabled": "people.enabledNotice"
            case "role": "people.role.changed"
            case "password": "people.password.changed"
            case "passwordAndTokens": "people.password.changedTokensRevoked"
            case "erased": "people.erase.done"
            case "erasedLogKept": "people.erase.logKept"
            case "organisation": "people.organisations.added"
            case "organisationChanged": "people.organisations.changed"
            case "organisationKnown": "people.organisations.unchanged"
            case "unchanged": "people.unchanged"
            default: nil
            }
            return try await page(request, context, notice: notice)
        }
        router.on(RouterPath(APIRoute.addPerson.routerPath), method: APIRoute.addPerson.method) { request, context in
            try await refuseToken(context, "access.token.noGrant", request)
            let form = try await request.form(taking: ["login", "name", "organisation", "role", "password"])
            let role = try Self.role(form["role"])
            let password = form["password"].flatMap { $0.isEmpty ? nil : $0 }
            let person = Person(login: form["login"] ?? "", name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces),
                                organisation: (form["organisation"] ?? "").trimmingCharacters(in: .whitespaces), role: role)
            // A refusal gives the form back as it was typed (the password apart), so that nothing is typed again by mistake.
            if let password, let mistake = PasswordRule.mistake(password) {
                return try await page(request, context, error: .key(mistake), typed: person, status: .badRequest)
            }
            guard !person.name.isEmpty, !person.organisation.isEmpty else {
                return try await page(request, context, error: .key("people.add.incomplete"), typed: person, status: .badRequest)
            }
            // The form picks a known organisation: a name typed wrong would make a second one beside it without a word, and
            // split its figures and people. A new one is added by the organisations form first, as its own decision.
            let known = try await stores.organisations.organisations().map(\.name)
            if !known.contains(person.organisation) {
                // Another spelling of a known one, or one a slip of the keys away (UNHRC), is named, as the command line names it.
                let names = OrganisationNames(known)
                let error: PeopleController.Mistake = (names.otherSpelling(of: person.organisation) ?? names.nearMiss(of: person.organisation)).map {
                    .key("people.add.otherSpelling", ["organisation": .text(person.organisation), "known": .text($0)])
                } ?? .key("people.add.unknownOrganisation", ["organisation": .text(person.organisation)])
                return try await page(request, context, error: error, typed: person, status: .badRequest)
            }
            do {
                try await stores.access.addPerson(person, password: password, by: context.caller)
            } catch StoreError.refused(let problem) {
                return try await page(request, context, error: .problem(problem), typed: person, status: .badRequest)
            } catch StoreError.conflict {
                return try await page(request, context, error: .key("people.add.exists", ["login": .code(person.login)]), typed: person, status: .conflict)
            }
            return try Self.back(request, done: "added")
        }
        router.on(RouterPath(APIRoute.disablePerson.routerPath), method: APIRoute.disablePerson.method) { request, context in
            _ = try await request.form(taking: [])
            return try await change(request, context, done: "disabled") { try await stores.access.disable($0, by: context.caller) }
        }
        router.on(RouterPath(APIRoute.enablePerson.routerPath), method: APIRoute.enablePerson.method) { request, context in
            try await refuseToken(context, "access.token.noGrant", request)
            _ = try await request.form(taking: [])
            return try await change(request, context, done: "enabled") { try await stores.access.enable($0, by: context.caller) }
        }
        router.on(RouterPath(APIRoute.setPersonRole.routerPath), method: APIRoute.setPersonRole.method) { request, context in
            try await refuseToken(context, "access.token.noGrant", request)
            let role = try Self.role(try await request.form(taking: ["role"])["role"])
            return try await change(request, context, done: "role") { try await stores.access.setRole($0, to: role, by: context.caller) }
        }
        router.on(RouterPath(APIRoute.resetPersonPassword.routerPath), method: APIRoute.resetPersonPassword.method) { request, context in
            try await refuseToken(context, "access.token.noCredentials", request)
            let form = try await request.form(taking: ["password", "revoke_tokens"])
            let password = form["password"] ?? "", revoking = ["true", "on", "1", "yes"].contains(form["revoke_tokens"]?.lowercased() ?? "")
            if let mistake = PasswordRule.mistake(password) {
                return try await page(request, context, error: .key(mistake), changing: Self.login(context), status: .badRequest)
            }
            return try await change(request, context, done: revoking ? "passwordAndTokens" : "password") {
                try await stores.access.resetPassword($0, to: password, revokingTokens: revoking, by: context.caller)
                return true
            }
        }
        router.on(RouterPath(APIRoute.erasePerson.routerPath), method: APIRoute.erasePerson.method) { request, context in
            // A name erased is gone for good: the form's box must be ticked, so that no stray press erases it.
            guard try await request.form(taking: ["confirm"])["confirm"] == "true" else {
                return try await page(request, context, error: .key("people.erase.unconfirmed"), changing: Self.login(context), status: .badRequest)
            }
            var logKept = false
            let response = try await change(request, context, done: "erased") {
                let (erased, emptied) = try await stores.access.erase($0, by: context.caller)
                logKept = !emptied
                return erased
            }
            // The name erased, but a reading request kept SQLite's log, which may hold it: said, with what to do.
            guard logKept, response.status == .seeOther else { return response }
            return try Self.back(request, done: "erasedLogKept")
        }
        router.on(RouterPath(APIRoute.addOrganisation.routerPath), method: APIRoute.addOrganisation.method) { request, context in
            let items = try await request.formItems(taking: ["name", "working_group", "member", "remove_member"], lists: ["member", "remove_member"])
            let name = items.first { $0.name == "name" }?.value ?? ""
            let members = items.filter { $0.name == "member" }.map(\.value).filter { !$0.isEmpty }
            let removed = items.filter { $0.name == "remove_member" }.map(\.value).filter { !$0.isEmpty }
            let groupFlags = items.filter { $0.name == "working_group" }.map(\.value)
            if let wrong = groupFlags.first(where: { $0 != "true" }) {
                throw Problem.badRequest("working_group", "'\(wrong)' is not true; leave the field out for an organisation that is not a working group")
            }
            let workingGroup = !groupFlags.isEmpty
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, members.isEmpty || workingGroup else {
                return try await page(request, context, error: .key(members.isEmpty ? "people.organisations.nameMissing" : "people.organisations.membersOfGroup"),
                                      status: .badRequest)
            }
            // A member typed a slip of the keys away from a known organisation (IMO for IOM) would be made an organisation of
            // its own, as the command line refuses it too; one meant is added first, on its own.
            let known = OrganisationNames(try await stores.organisations.organisations().map(\.name))
            if let (member, meant) = members.lazy.compactMap({ member in known.nearMiss(of: member.trimmingCharacters(in: .whitespaces)).map { (member, $0) } }).first {
                return try await page(request, context, error: .problem(FieldProblem(field: "member", value: member, Message("organisations.member.slip", ["known": .text(meant)]))),
                                      status: .badRequest)
            }
            let addition: Organisation.Addition
            do {
                addition = try await stores.organisations.add(name, workingGroup: workingGroup, members: members, removing: removed, by: context.caller)
            } catch StoreError.refused(let problem) {
                return try await page(request, context, error: .problem(problem), status: .badRequest)
            }
            let done = switch addition {
            case .added: "organisation"
            case .changed: "organisationChanged"
            case .unchanged: "organisationKnown"
            }
            return try Self.back(request, done: done)
        }
    }

    /// Changes the account the path names, then goes back to the page; a refusal (an erased person's login) is shown on it.
    /// - Parameter body: makes the change, and tells whether it changed anything (a role given again does not).
    private func change(_ request: Request, _ context: Context, done: String,
                        _ body: (String) async throws -> Bool) async throws -> Response {
        // The login as its account writes it: `/people/AMAL/disable` is amal's own account to amal.
        let typed = Self.login(context)
        let login = try await stores.access.person(typed)?.login ?? typed
        // The page gives no button for the reader's own account; a form sent anyway is refused alike.
        if login == context.caller.login { return try await page(request, context, error: .key("people.ownAccount"), status: .badRequest) }
        let changed: Bool
        do {
            changed = try await body(login)
        } catch StoreError.refused(let problem) {
            return try await page(request, context, error: .problem(problem), changing: login, status: .badRequest)
        }
        return try Self.back(request, done: changed ? done : "unchanged")
    }

    /// The account a change's path names.
    /// Refuses a token what no token may do (grant access, set a password), audited as the store refuses it, before the
    /// form is read: what a token sent does not decide how it is refused.
    private func refuseToken(_ context: Context, _ reason: String, _ request: Request) async throws {
        guard case .token = context.caller else { return }
        throw await stores.access.auditedRefusal(Message(reason), for: .people, by: context.caller, attempt: "\(request.method) \(request.uri.path)")
    }

    private static func login(_ context: Context) -> String {
        context.parameters.get("login")?.removingPercentEncoding ?? ""
    }

    private static func role(_ text: String?) throws -> Role {
        guard let role = Role(rawValue: text ?? "") else {
            throw Problem.badRequest("role", "'\(text ?? "")' is not a role: admin, coordinator, editor or viewer")
        }
        return role
    }

    /// What went wrong, to be written in the page's language.
    enum Mistake {
        case key(String, [String: MessageArgument] = [:])
        case problem(FieldProblem)
    }

    /// - Parameters:
    ///   - typed: the account the add form was sent with, to give the form back filled in.
    ///   - changing: the account whose change was refused, its forms shown open under the alert.
    private func page(_ request: Request, _ context: Context, notice: String? = nil, error: Mistake? = nil, typed: Person? = nil,
                      changing: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = try request.pageLanguage()
        let c = pages.catalogue(language)
        var reader: Person?
        if let login = context.caller.login { reader = try await stores.access.person(login) }
        // Names, roles and states are personal data: the centre's admins and coordinators see every partner's accounts,
        // a partner's editors and viewers their own organisation's.
        let everyone = try await stores.access.persons()
        let people = [.admin, .coordinator].contains(reader?.role) ? everyone : everyone.filter { $0.organisation == reader?.organisation }
        let view = PeopleView(people: people, organisations: try await stores.organisations.organisations(),
                              groups: try await stores.organisations.members(), language: language,
                              isAdmin: reader?.role == .admin, typed: typed, changing: changing, notice: notice.map { c.text($0) },
                              error: error.map { mistake in
                                  switch mistake {
                                  case .key(let key, let arguments): c.text(key, arguments)
                                  case .problem(let problem): problem.writtenForAForm(in: c)
                                  }
                              })
        return htmlResponse(view.render(pages), language: language, status: status)
    }

    private static func back(_ request: Request, done: String) throws -> Response {
        let language = try request.pageLanguage()
        return Response(status: .seeOther, headers: [.location: "\(APIRoute.peoplePage.path)?\(language.pageQuery)&done=\(done)"])
    }
}

import Foundation
import HomewardCore

/// A person's own account: who they are to Homeward, their password, and their API tokens.
///
/// A token made here is shown in this one answer and never again; the list shows only what the store keeps
/// (when made, until when, last used, revoked).
struct AccountView {
    var person: Person
    var tokens: [TokenInfo]
    var language: Language
    var issued: IssuedToken?
    var notice: String?
    var error: String?
    /// Now, as the store writes timestamps, to tell an expired token from a live one.
    var now: String

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "account")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        let lang = "?\(language.pageQuery)"
        // The page session's token; `nil` when the page is read with a bearer token, which may not change the password.
        let csrf = PageViewer.current?.csrf
        let style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: language.locale(digits: c.numbers.digits),
                                     calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC")!)
        func when(_ timestamp: String) -> String {
            guard let date = try? Date(timestamp, strategy: .iso8601) else { return timestamp }
            return date.formatted(style) + " UTC"
        }
        let columns = ["account.tokens.id", "account.tokens.created", "account.tokens.expires", "account.tokens.lastUsed", "account.tokens.state"]
            .map { c.text($0) }
        return Context(
            page: PageContext(language: language, title: c.text("account.title"), path: APIRoute.accountPage.path, pages: pages,
                              current: .accountPage),
            heading: c.text("account.heading"),
            peopleLink: LabelledValue(label: c.text("people.heading"), value: APIRoute.peoplePage.path + lang),
            notice: notice, error: error,
            facts: [LabelledValue(label: c.text("signin.login"), value: person.login),
                    LabelledValue(label: c.text("account.name"), value: person.name),
                    LabelledValue(label: c.text("account.organisation"), value: person.organisation),
                    LabelledValue(label: c.text("account.role"), value: c.text("role.\(person.role.rawValue)"))],
            password: csrf.map { csrf in
                PasswordForm(heading: c.text("account.password.heading"), action: APIRoute.changePassword.path + lang, csrf: csrf,
                             currentLabel: c.text("account.password.current"), newLabel: c.text("account.password.new"),
                             repeatLabel: c.text("account.password.repeat"), hint: c.text("account.password.hint"),
                             submit: c.text("account.password.submit"))
            },
            passwordByTokenNote: csrf == nil ? c.text("account.password.sessionOnly") : nil,
            tokensHeading: c.text("account.tokens.heading"),
            tokensIntro: c.text("account.tokens.intro"),
            issued: issued.map { Issued(label: c.text("account.tokens.issued", ["expires": .text(when($0.expires))]), token: $0.token) },
            noTokens: tokens.isEmpty ? c.text("account.tokens.none") : nil,
            columns: columns,
            actionsHeader: c.text("table.actions"),
            tokens: tokens.map { token in
                let live = token.revoked == nil && token.expires > now
                let state = token.revoked != nil ? c.text("account.tokens.revoked") : live ? c.text("account.tokens.live") : c.text("account.tokens.expired")
                let values = [c.numbers.string(token.id), when(token.created), when(token.expires), token.lastUsed.map(when) ?? "–", state]
                return TokenRow(cells: zip(columns, values).map { LabelledValue(label: $0, value: $1) },
                                revoke: live ? csrf.map { Revoke(action: "/account/tokens/\(token.id)/revoke" + lang, csrf: $0, label: c.text("account.tokens.revoke")) }
                                    : nil)
            },
            create: csrf.map { csrf in
                CreateForm(action: APIRoute.createAccountToken.path + lang, csrf: csrf, daysLabel: c.text("account.tokens.days"),
                           submit: c.text("account.tokens.create"))
            })
    }

    struct Context {
        let page: PageContext
        let heading: String
        /// Everyone's accounts and organisations (label, link).
        let peopleLink: LabelledValue
        let notice: String?
        let error: String?
        let facts: [LabelledValue]
        let password: PasswordForm?
        let passwordByTokenNote: String?
        let tokensHeading: String
        let tokensIntro: String
        let issued: Issued?
        let noTokens: String?
        let columns: [String]
        /// The last column's header, for a screen reader: its cells are forms, and a header seen as empty names none.
        let actionsHeader: String
        let tokens: [TokenRow]
        let create: CreateForm?
    }

    struct PasswordForm {
        let heading: String
        let action: String
        let csrf: String
        let currentLabel: String
        let newLabel: String
        let repeatLabel: String
        let hint: String
        let submit: String
    }

    struct Issued {
        let label: String
        let token: String
    }

    struct TokenRow {
        let cells: [LabelledValue]
        let revoke: Revoke?
    }

    struct Revoke {
        let action: String
        let csrf: String
        let label: String
    }

    struct CreateForm {
        let action: String
        let csrf: String
        let daysLabel: String
        let submit: String
    }
}

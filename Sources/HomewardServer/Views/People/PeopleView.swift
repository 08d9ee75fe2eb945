import Foundation
import HomewardCore

/// Who may sign in, for which organisation and with which role, and the organisations and working groups they
/// belong to. Every signed-in reader sees it; only an admin gets the forms (the store refuses anyone else).
struct PeopleView {
    var people: [Person]
    var organisations: [Organisation]
    /// Each working group's member organisations, by the group's name.
    var groups: [String: [String]]
    var language: Language
    /// Whether the reader may add and change accounts and add organisations.
    var isAdmin: Bool
    /// The account the add form was refused with, to fill the form again.
    var typed: Person?
    /// The account whose change was refused: its forms open, beside the alert saying why.
    var changing: String?
    var notice: String?
    var error: String?

    func render(_ pages: Pages) -> String {
        pages.render(context(pages), template: "people")
    }

    func context(_ pages: Pages) -> Context {
        let c = pages.catalogue(language)
        let lang = "?\(language.pageQuery)"
        // Who reads the page (by session or token): their own account has no disable button.
        let viewer = PageViewer.current, csrf = viewer?.csrf ?? ""
        let columns = ["signin.login", "account.name", "account.organisation", "account.role", "account.tokens.state"].map { c.text($0) }
        return Context(
            page: PageContext(language: language, title: c.text("people.title"), path: APIRoute.peoplePage.path, pages: pages,
                              current: .peoplePage),
            heading: c.text("people.heading"),
            intro: c.text("people.intro"),
            notice: notice, error: error,
            columns: columns,
            actionsHeader: isAdmin ? c.text("table.actions") : nil,
            people: people.map { person in
                // An erased person's account keeps its login, its name gone: nothing more is done to it.
                let erased = person.name.isEmpty
                let values = [person.login, erased ? c.text("people.nameErased") : person.name, person.organisation,
                              c.text("role.\(person.role.rawValue)"), c.text(person.active ? "people.active" : "people.disabled")]
                // An admin does not change their own account here, so that nobody locks themselves out from the page.
                let changeable = isAdmin && !erased && person.login != viewer?.login
                let path = "/people/\(Self.pathSegment(person.login))/"
                return PersonRow(cells: zip(columns, values).map { LabelledValue(label: $0, value: $1) }, actions: isAdmin,
                                 disable: changeable && person.active ? Button(action: path + "disable" + lang, csrf: csrf, label: c.text("people.disable"),
                                                                               named: c.text("people.disable.named", ["login": .code(person.login)])) : nil,
                                 enable: changeable && !person.active ? Button(action: path + "enable" + lang, csrf: csrf, label: c.text("people.enable"),
                                                                               named: c.text("people.enable.named", ["login": .code(person.login)])) : nil,
                                 change: changeable ? Change(
                                    summary: c.text("people.change", ["login": .code(person.login)]), open: person.login == changing, csrf: csrf,
                                    roleAction: path + "role" + lang, roleLabel: c.text("account.role"), submitRole: c.text("people.role.submit"),
                                    roles: Role.allCases.reversed().map { RoleOption(value: $0.rawValue, label: c.text("role.\($0.rawValue)"), selected: $0 == person.role) },
                                    passwordAction: path + "password" + lang, passwordLabel: c.text("account.password.new"),
                                    passwordHint: c.text("people.password.hint"), revokeTokensLabel: c.text("people.password.revokeTokens"), submitPassword: c.text("people.password.submit"),
                                    eraseAction: path + "erase" + lang, eraseConfirm: c.text("people.erase.confirm"), submitErase: c.text("people.erase.submit"))
                                    : nil)
            },
            addPerson: isAdmin ? AddPerson(
                heading: c.text("people.add.heading"), action: APIRoute.addPerson.path + lang, csrf: csrf,
                loginLabel: c.text("signin.login"), nameLabel: c.text("account.name"), organisationLabel: c.text("account.organisation"),
                roleLabel: c.text("account.role"), passwordLabel: c.text("people.add.password"), passwordHint: c.text("people.add.passwordHint"),
                roles: Role.allCases.reversed().map { RoleOption(value: $0.rawValue, label: c.text("role.\($0.rawValue)"), selected: $0 == typed?.role ?? .viewer) },
                organisations: organisations.map(\.name), submit: c.text("people.add.submit"),
                login: typed?.login ?? "", name: typed?.name ?? "", organisation: typed?.organisation ?? "") : nil,
            organisationsHeading: c.text("people.organisations.heading"),
            organisationColumns: [c.text("account.organisation"), c.text("people.organisations.members")],
            organisationRows: organisations.map { organisation in
                let members = groups[organisation.name].map { c.text("people.organisations.groupOf", ["members": .text($0.joined(separator: ", "))]) }
                    ?? (organisation.workingGroup ? c.text("people.organisations.noMembers") : "–")
                return [LabelledValue(label: c.text("account.organisation"), value: organisation.name),
                        LabelledValue(label: c.text("people.organisations.members"), value: members)]
            }.map { OrganisationRow(cells: $0) },
            addOrganisation: isAdmin ? AddOrganisation(
                action: APIRoute.addOrganisation.path + lang, csrf: csrf, nameLabel: c.text("people.organisations.name"),
                groupLabel: c.text("people.organisations.isGroup"), membersLabel: c.text("people.organisations.chooseMembers"),
                removeMembersLabel: c.text("people.organisations.chooseRemoved"),
                organisations: organisations.map(\.name), submit: c.text("people.organisations.submit")) : nil)
    }

    struct Context {
        let page: PageContext
        let heading: String
        let intro: String
        let notice: String?
        let error: String?
        let columns: [String]
        /// The last column's header, for a screen reader: its cells are forms, and a header seen as empty names none.
        /// None for a reader who may change no account: a column of empty cells says nothing.
        let actionsHeader: String?
        let people: [PersonRow]
        let addPerson: AddPerson?
        let organisationsHeading: String
        let organisationColumns: [String]
        let organisationRows: [OrganisationRow]
        let addOrganisation: AddOrganisation?
    }

    struct PersonRow {
        let cells: [LabelledValue]
        /// Whether the row has its actions' cell (the reader is an admin), empty for the admin's own account.
        let actions: Bool
        let disable: Button?
        let enable: Button?
        let change: Change?
    }

    /// An admin's changes to another account, folded away under its row: another role, a new password, its name erased.
    struct Change {
        let summary: String
        let open: Bool
        let csrf: String
        let roleAction: String
        let roleLabel: String
        let submitRole: String
        let roles: [RoleOption]
        let passwordAction: String
        let passwordLabel: String
        let passwordHint: String
        let revokeTokensLabel: String
        let submitPassword: String
        let eraseAction: String
        let eraseConfirm: String
        let submitErase: String
    }

    struct OrganisationRow {
        let cells: [LabelledValue]
    }

    struct Button {
        let action: String
        let csrf: String
        let label: String
        /// The label with whose account it is, for a screen reader going from button to button.
        let named: String
    }

    struct RoleOption {
        let value: String
        let label: String
        let selected: Bool
    }

    struct AddPerson {
        let heading: String
        let action: String
        let csrf: String
        let loginLabel: String
        let nameLabel: String
        let organisationLabel: String
        let roleLabel: String
        let passwordLabel: String
        let passwordHint: String
        let roles: [RoleOption]
        let organisations: [String]
        let submit: String
        /// What was typed, when the form comes back refused.
        let login: String
        let name: String
        let organisation: String
    }

    struct AddOrganisation {
        let action: String
        let csrf: String
        let nameLabel: String
        let groupLabel: String
        let membersLabel: String
        let removeMembersLabel: String
        let organisations: [String]
        let submit: String
    }

    /// A login as one segment of a path: `%`, `/`, `?` and `#` encoded, as the controller decodes it.
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/%?#"))) ?? text
    }
}

/// Someone with an account: who signs in, for which organisation, with what role.
public struct Person: Hashable, Sendable, Codable {
    public var login: String
    public var name: String
    public var organisation: String
    public var role: Role
    public var active: Bool

    public init(login: String, name: String, organisation: String, role: Role, active: Bool = true) {
        self.login = login
        self.name = name
        self.organisation = organisation
        self.role = role
        self.active = active
    }
}

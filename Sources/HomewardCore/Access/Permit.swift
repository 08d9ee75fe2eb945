/// What one caller may write: a role, and the organisations whose records it may write.
///
/// The store works it out from who the caller is (the operating-system user owns the database; a person or
/// token has its person's role and organisations; the public has none) and checks it on every write.
public struct Permit: Hashable, Sendable {
    /// `nil` for the public.
    public var role: Role?
    /// The organisations whose records may be written; `nil` for any.
    public var organisations: Set<String>?

    public init(role: Role?, organisations: Set<String>?) {
        self.role = role
        self.organisations = organisations
    }

    /// The owner of the database: the command line on its own file or server.
    public static let owner = Permit(role: .admin, organisations: nil)
    /// Someone who proved no identity.
    public static let everyoneElse = Permit(role: nil, organisations: [])

    /// A person's permit: a coordinator or admin writes for any organisation, an editor for its own and the
    /// working groups it belongs to, a viewer for none.
    public init(person: Person, workingGroups: Set<String>) {
        role = person.role
        switch person.role {
        case .admin, .coordinator: organisations = nil
        case .editor: organisations = workingGroups.union([person.organisation])
        case .viewer: organisations = []
        }
    }

    /// Why a write that needs `need` is refused; `nil` when it is allowed.
    public func refusal(for need: WriteNeed) -> Message? {
        guard let least = need.leastRole else { return nil }
        guard let role else { return Message("access.public") }
        return role >= least ? nil : Message("access.role", ["role": .code(role.rawValue), "need": .code(need.rawValue)])
    }

    /// Why this caller may not write a record of `organisation`; `nil` when it may.
    public func refusal(forOrganisation organisation: String) -> Message? {
        guard let organisations, !organisations.contains(organisation) else { return nil }
        return Message("access.organisation", ["organisation": .text(organisation),
                                               "allowed": .text(organisations.sorted().joined(separator: ", "))])
    }
}

/// Who makes a change: every write names one, so that access can be checked and the change traced.
///
/// The command line works on the database as its owner would and names the operating-system user;
/// the server names the person or token a request proves, or the address of an unauthenticated one.
public enum Caller: Sendable, Hashable, CustomStringConvertible {
    /// A signed-in person, by login.
    case person(login: String)
    /// An API token, by its id and its owner's login.
    case token(id: Int, login: String)
    /// The operating-system user running the command line on the database itself.
    case system(user: String)
    /// A request that proved no identity, by the address it came from.
    case anonymous(address: String?)

    /// Whose the caller's idempotency keys are: a person's, whichever token or session they come through.
    public var owner: String {
        switch self {
        case .person(let login), .token(_, let login): "person:\(login)"
        case .system, .anonymous: description
        }
    }

    /// The person behind a session or a token; `nil` for the operating-system user and the public.
    public var login: String? {
        switch self {
        case .person(let login), .token(_, let login): login
        case .system, .anonymous: nil
        }
    }

    /// How the caller is written in the audit and in revisions: `person:amal`, `token:12:amal`,
    /// `system:root`, `anonymous:127.0.0.1`.
    public var description: String {
        switch self {
        case .person(let login): "person:\(login)"
        case .token(let id, let login): "token:\(id):\(login)"
        case .system(let user): "system:\(user)"
        case .anonymous(let address): "anonymous:\(address ?? "unknown")"
        }
    }
}

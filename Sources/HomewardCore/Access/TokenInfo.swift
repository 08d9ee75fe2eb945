/// An API token as it is listed: never the token itself, which is shown once when it is made.
public struct TokenInfo: Hashable, Sendable, Codable {
    public var id: Int
    public var login: String
    public var created: String
    public var expires: String
    public var revoked: String?
    public var lastUsed: String?

    public init(id: Int, login: String, created: String, expires: String, revoked: String?, lastUsed: String?) {
        self.id = id
        self.login = login
        self.created = created
        self.expires = expires
        self.revoked = revoked
        self.lastUsed = lastUsed
    }

    enum CodingKeys: String, CodingKey {
        case id, login, created, expires, revoked
        case lastUsed = "last_used"
    }
}

/// A token just made: the only time its secret is seen.
public struct IssuedToken: Hashable, Sendable, Codable {
    public var id: Int
    public var token: String
    public var expires: String

    public init(id: Int, token: String, expires: String) {
        self.id = id
        self.token = token
        self.expires = expires
    }
}

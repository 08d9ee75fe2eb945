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

    /// Every key, `null` where there is no value (not revoked, never used), as the API writes its answers.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(login, forKey: .login)
        try c.encode(created, forKey: .created)
        try c.encode(expires, forKey: .expires)
        try c.encode(revoked, forKey: .revoked)
        try c.encode(lastUsed, forKey: .lastUsed)
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

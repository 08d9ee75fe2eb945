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

    /// Whether a new account may take `login`: up to 32 Latin letters, digits and `.` `_` `-` `@`, so that no login is
    /// written with a letter of another script that looks like a Latin one (`аdmin1` with a Cyrillic а beside `admin1`),
    /// in the audit, the people page or a sign-in form. Logins made before the rule still sign in.
    public static func isValidNewLogin(_ login: String) -> Bool {
        !login.isEmpty && login.utf8.count <= 32 && login.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "@"): true
            default: false
            }
        }
    }
}

import HomewardCore

/// What a password must be: 12 characters at least, so that it is not soon guessed; 72 bytes at most, since bcrypt
/// reads no further, and a longer passphrase's tail would protect nothing while its owner believed it did; no NUL, since
/// bcrypt reads a password up to its first (`\0` and a long passphrase after it signed in with an empty password).
public enum PasswordRule {
    public static let minimumCharacters = 12
    public static let maximumBytes = 72

    /// The catalogue key of what is wrong with `password`, `nil` when nothing is.
    public static func mistake(_ password: String) -> String? {
        if password.containsNUL { return "account.password.nul" }
        if password.count < minimumCharacters { return "account.password.short" }
        if password.utf8.count > maximumBytes { return "account.password.long" }
        return nil
    }

    /// Refuses a password as the store refuses input, naming `field`.
    static func check(_ password: String, field: String) throws {
        guard let mistake = mistake(password) else { return }
        let reason = switch mistake {
        case "account.password.nul": "a password holds no NUL character: bcrypt reads only what comes before it"
        case "account.password.short": "a password has at least \(minimumCharacters) characters"
        default: "a password has at most \(maximumBytes) bytes (\(maximumBytes) Latin letters, \(maximumBytes / 2) Arabic or Cyrillic ones): bcrypt reads no further"
        }
        throw StoreError.invalid(field: field, value: "", reason: reason)
    }
}

/// Where returning people came from: a country (refugees), or an area inside the home country (IDPs).
public enum Origin: Hashable, Sendable {
    case country(String)
    case area(String)

    /// The ISO3 code or the P-code.
    public var code: String {
        switch self {
        case .country(let code), .area(let code): code
        }
    }
}

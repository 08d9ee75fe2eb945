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

    /// The country's ISO3 code, for the ledger's `origin_country` column; `nil` for an area.
    public var country: String? { if case .country(let code) = self { code } else { nil } }
    /// The area's P-code, for the ledger's `origin_pcode` column; `nil` for a country.
    public var area: String? { if case .area(let code) = self { code } else { nil } }
}

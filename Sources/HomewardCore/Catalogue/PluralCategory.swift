/// A CLDR plural category: which form of a phrase a count takes.
///
/// Foundation on Linux evaluates no plural rules (`.stringsdict` files are not applied there), so the rules
/// of the three languages are written out in ``PluralCategory/of(_:in:)``.
public enum PluralCategory: String, CaseIterable, Sendable, Codable {
    case zero, one, two, few, many, other

    /// The category of the whole number `n` in `language`, after CLDR's rules for integers.
    ///
    /// Counts in Homeward are integers, so the rules' fraction cases (Russian "other") never arise here.
    public static func of(_ n: Int, in language: Language) -> PluralCategory {
        let n = n.magnitude
        switch language {
        case .en:
            return n == 1 ? .one : .other
        case .ru:
            let (mod10, mod100) = (n % 10, n % 100)
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many // i%10 = 0, i%10 in 5…9, or i%100 in 11…14
        case .ar:
            let mod100 = n % 100
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(mod100) { return .few }
                if (11...99).contains(mod100) { return .many }
                return .other
            }
        }
    }
}

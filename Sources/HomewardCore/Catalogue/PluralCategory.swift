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

    /// The category of the noun after "fewer than `k`" (a hidden count shown as "<5"), which is not always `k`'s own:
    /// Russian "менее" takes the genitive ("менее 3 человек", "менее 21 человека"), and Arabic's forms for 1 and 2
    /// write no number, which would drop the "<".
    public static func fewerThan(_ k: Int, in language: Language) -> PluralCategory {
        switch language {
        case .en: .other
        case .ru: k % 10 == 1 && k % 100 != 11 ? .few : .many
        case .ar: k <= 2 ? .few : of(k, in: .ar)
        }
    }
}

import Foundation

/// A value filled into a catalogue entry's `{name}` placeholder, written the way its language writes it.
///
/// Arguments stay typed until the text is made, so one message (an import problem, a page phrase) reads
/// right in every language: a count gets the language's digits and picks the plural form, a day its month
/// names, a code stays as it is.
public enum MessageArgument: Hashable, Sendable {
    /// A count: digits and group separators of the language; chooses the plural form of the entry naming it.
    case count(Int)
    /// A number that names something, a bulletin's or an operation's: the language's digits, without groups, and
    /// no plural form chosen by it.
    case serial(Int)
    /// A change against an earlier figure, its sign always written.
    case change(Int)
    /// A share in hundredths of a percent (1234 is 12.34 %), written with two decimals and the language's
    /// percent sign.
    case percent(hundredths: Int)
    case day(Day)
    /// A code (P-code, crossing code, ISO3 country code): written as given, kept left to right.
    case code(String)
    /// A name or a value as a source gave it.
    case text(String)
    /// A level of the administrative hierarchy, written as the language names it in a sentence: the
    /// catalogue's `level.adm1.noun` … (governorate, мухафаза, محافظة).
    case level(AdminLevel)
    /// A count a public text does not give, shown as `shown` ("<5", "[withheld]"). Its noun reads as after "fewer
    /// than `threshold`" (``PluralCategory/fewerThan(_:in:)``: "<5 человек", "<٥ أشخاص"), which tells nothing of the count.
    case hidden(shown: String, threshold: Int)

    /// Whether the value runs left to right whatever the text around it: counts and codes do, so that in
    /// Arabic text `SY03` and a group of digits are not turned around. Days and names follow their own
    /// letters; so do a change, whose sign ICU leads with a direction mark (U+061C in Arabic-Indic
    /// digits, which puts the sign on the right as Arabic writes it; U+200E with Latin digits), and a
    /// percentage, whose sign ICU follows with U+061C in Arabic so that it stands after the number as
    /// Arabic reads, on its left.
    public var runsLeftToRight: Bool {
        switch self {
        case .count, .serial, .code, .hidden: true
        case .change, .percent, .day, .text, .level: false
        }
    }

    /// The argument as a program reads it, in no language: digits without groups, a change with its sign,
    /// a day as ISO 8601, a level as `adm1` … `adm4`, codes and text as given.
    ///
    /// The API lists a problem's arguments so (`"arguments": {"today": "2019-02-01"}`), and variants of an
    /// entry are chosen by it.
    public var wireText: String {
        switch self {
        case .count(let n), .serial(let n): String(n)
        case .change(let n): n > 0 ? "+\(n)" : String(n)
        case .percent(let hundredths): (Decimal(hundredths) / 100).formatted(.number.precision(.fractionLength(2)).locale(Locale(identifier: "en_US_POSIX")))
        case .day(let day): day.description
        case .code(let text), .text(let text), .hidden(let text, _): text
        case .level(let level): "adm\(level.rawValue)"
        }
    }

    /// The plural form a noun after this argument takes in `language`, if it is a number.
    func pluralCategory(in language: Language) -> PluralCategory? {
        switch self {
        case .count(let n), .change(let n): PluralCategory.of(n, in: language)
        case .hidden(_, let threshold): PluralCategory.fewerThan(threshold, in: language)
        case .serial, .day, .code, .text, .level, .percent: nil
        }
    }
}

/// A count of people who returned in a period, as one organisation reported it.
///
/// A movement passed the rules (``MovementRules``): its places exist and agree, its dates are real,
/// its count is a whole number. A count of 0 withdraws the movement stored under its key (a partner taking a figure
/// back, or moving it to the other category), and records nothing where none is stored (``KeyReplay``).
public struct Movement: Hashable, Sendable {
    public let period: Period
    public let category: MovementCategory
    /// The crossing point's code; IDP returns are often reported by destination only.
    public let crossing: String?
    public let origin: Origin?
    /// The destination with the areas above it; empty when only the crossing point is known.
    public let destination: Lineage
    public let persons: Int
    public let organisation: String
    public let source: String?
    /// The reporter's own id for the row (`#meta+id`).
    public let externalId: String?
    /// What identifies this movement across imports; see ``MovementKey``.
    public let key: String
    /// Where the count comes from: the row, or a 0 the row implies for a category it leaves out.
    public let countSource: CountSource

    /// Whether the row wrote this count: a 0 it implies is not counted as ignored where it finds nothing (every row of
    /// refugees has a blank IDPs cell).
    public var countWritten: Bool { countSource == .written }

    /// Where a movement's count comes from.
    public enum CountSource: Sendable, Hashable {
        /// The row gives it.
        case written
        /// A category column the row left blank beside another it filled: 0, withdrawing as a written 0 does (a row
        /// moved from refugees to IDPs).
        case blankCell
        /// The other category of a row with an id (`#meta+id`) that gives one count beside its category (CSV's
        /// `#affected+type`, JSON's `category`): 0, since an id is one report. It takes back what an earlier import recorded for the id in
        /// that category (a form's submission moved to the other), and gives way to any count this import gives it (a
        /// file with a row per category of one id).
        case otherCategoryOfID
    }

    public init(period: Period, category: MovementCategory, crossing: String?, origin: Origin?, destination: Lineage,
                persons: Int, organisation: String, source: String? = nil, externalId: String? = nil, key: String,
                countSource: CountSource = .written) {
        self.period = period
        self.category = category
        self.crossing = crossing
        self.origin = origin
        self.destination = destination
        self.persons = persons
        self.organisation = organisation
        self.source = source
        self.externalId = externalId
        self.key = key
        self.countSource = countSource
    }

    /// A digest of every field, so that a store can tell an unchanged movement from a corrected one. Worked out when
    /// asked: a first load asks once per movement, and the zeros of blank cells, which mostly find nothing, never.
    public var fingerprint: String {
        StableDigest.hex([period.description, category.rawValue, crossing ?? "", origin?.code ?? "", destination.finest ?? "",
                          String(persons), organisation, source ?? "", externalId ?? ""])
    }
}

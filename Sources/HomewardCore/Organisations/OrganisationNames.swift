/// The organisations a ledger knows, to catch a name that differs from a known one only in letter case or spacing.
///
/// Organisations are created on first use, so "unhcr" in a file would otherwise become a second UNHCR whose
/// figures no total of UNHCR's counts; such a name is refused, naming the spelling the ledger knows. Names are
/// compared without letter case, spaces and characters that show nothing ("U N H C R", "UN  HCR", a zero-width space
/// copied from a web page), and with full-width letters as their plain forms ("UNＨCR"); not without accents,
/// punctuation or scripts: "Croissant-Rouge" and "Croissant Rouge" stay two names.
public struct OrganisationNames: Sendable {
    private var exact: Set<String>
    private var byFolded: [String: String]

    public init(_ names: some Sequence<String>) {
        exact = Set(names)
        byFolded = Dictionary(exact.map { (Self.fold($0), $0) }, uniquingKeysWith: min)
    }

    /// The known spelling that `name` stands for, when it is not known as written but differs from a known name only
    /// in case or spacing; `nil` for a known name or a new one, which is known from then on (as the import will create it).
    public mutating func knownSpelling(of name: String) -> String? {
        if let known = otherSpelling(of: name) { return known }
        note(name)
        return nil
    }

    /// The known spelling that `name` differs from only in case or spacing, leaving a new name unknown: an import
    /// knows a new name only once a row of it is accepted.
    public func otherSpelling(of name: String) -> String? {
        exact.contains(name) ? nil : byFolded[Self.fold(name)]
    }

    /// A known name a slip of the keys away from `name`, which is not known: two neighbouring letters swapped (`UNHRC` for
    /// UNHCR, `IMO` for IOM), or beside a name of five letters or more one letter typed, left out or added. Short acronyms one
    /// letter apart are most often other organisations (NRC and DRC, UNDP and UNEP), as are names apart only in their
    /// digits ("Area 1", "Area 2"). For where a person types a name that would make an organisation of it.
    public func nearMiss(of name: String) -> String? {
        guard !exact.contains(name), otherSpelling(of: name) == nil else { return nil }
        let folded = Self.fold(name)
        let letters = { (text: String) in text.filter { !$0.isNumber } }
        return byFolded.keys.sorted().first { known in
            letters(known) == letters(folded) ? false
                : Self.swapsNeighbours(known, folded) || max(known.count, folded.count) >= 5 && editDistance(known, folded) == 1
        }.map { byFolded[$0]! }
    }

    /// Whether one text is the other with two neighbouring characters swapped.
    private static func swapsNeighbours(_ a: String, _ b: String) -> Bool {
        let a = Array(a), b = Array(b)
        guard a.count == b.count, let first = a.indices.first(where: { a[$0] != b[$0] }), first + 1 < a.count else { return false }
        return a[first] == b[first + 1] && a[first + 1] == b[first] && a[(first + 2)...] == b[(first + 2)...]
    }

    /// Knows `name` from now on, as it will be created.
    public mutating func note(_ name: String) {
        guard exact.insert(name).inserted else { return }
        byFolded[Self.fold(name)] = name
    }

    static func fold(_ name: String) -> String {
        // Compatibility forms (full-width, ligatures) as their plain letters, then nothing that shows no mark:
        // spaces, format characters (zero-width space and joiners), controls, and what Unicode says a renderer
        // ignores (a combining grapheme joiner, the Hangul fillers).
        String(String.UnicodeScalarView(name.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.filter { scalar in
            // U+2800, Braille's blank cell, shows as a space and is no letter of any name.
            !scalar.properties.isWhitespace && !scalar.properties.isDefaultIgnorableCodePoint && scalar.value != 0x2800
                && ![.format, .control].contains(scalar.properties.generalCategory)
                // Arabic's short vowels and tatweel, which writers put in or leave out.
                && !(0x064B...0x0652).contains(scalar.value) && scalar.value != 0x0640
        }.map(arabicLetter)))
    }

    /// The Arabic letters one name is written with either way: an alef with or without its hamza or madda, a final
    /// ya without its dots (alef maqsura), a ta marbuta without its dots ("ادارة" for "إدارة").
    private static func arabicLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0622, 0x0623, 0x0625, 0x0671: "\u{0627}"
        case 0x0649: "\u{064A}"
        case 0x0629: "\u{0647}"
        default: scalar
        }
    }
}

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

    /// A known name a slip of the keys away from `name`, which is not known (`UNHRC` for UNHCR): one letter in a name
    /// of up to four, two in a longer one. For where a person types a name that would make an organisation of it.
    public func nearMiss(of name: String) -> String? {
        guard !exact.contains(name) else { return nil }
        if let known = otherSpelling(of: name) { return known }
        let folded = Self.fold(name)
        let allowed = folded.count <= 4 ? 1 : 2
        return byFolded.filter { editDistance($0.key, folded) <= allowed }.min { editDistance($0.key, folded) < editDistance($1.key, folded) }?.value
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
        }))
    }
}

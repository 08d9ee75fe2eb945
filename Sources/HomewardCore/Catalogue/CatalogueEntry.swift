/// One entry of a catalogue file: a text, plural forms chosen by a count, or variants chosen by an argument.
///
/// In JSON a text is a string; plural forms are an object naming the argument they are chosen by and one
/// text per CLDR category the language uses, `other` always among them:
///
/// ```json
/// "overview.movements": {"plural": "count", "one": "{count} movement recorded", "other": "{count} movements recorded"}
/// ```
///
/// Variants (ICU's `select`) name the argument whose value chooses among them, and hold a text or plural
/// forms per value, with `other` for any value not named. Problems of an import say an option in the words
/// of whoever asked, the command line's or the API's:
///
/// ```json
/// "import.organisation.missing": {"select": "via", "cli": "… give --org …", "api": "… give the org parameter …"}
/// ```
///
/// Parts let a sentence hold a second count with its own noun without writing every pair of forms: each
/// `{part}` is written by its own entry, from the same arguments. The parts go beside the forms, or beside
/// a `text` when the sentence itself has one form:
///
/// A language whose `one` category holds more than 1 (Russian: 21, 31, 101) may give the text for exactly 1 apart, as
/// ICU's `=1`, where that text writes no count: "Участник: X." for one participant, "Участники (21): …" for 21.
///
/// ```json
/// "bulletin.camps.plan.noEnd": {"plural": "count", "one": "… moves {count} person {every}.", "other": "… moves {count} people {every}.",
///                              "parts": {"every": {"plural": "days", "one": "every day", "other": "every {days} days"}}}
/// ```
public indirect enum CatalogueEntry: Hashable, Sendable {
    case text(String)
    case plural(argument: String, forms: [PluralCategory: String], exactlyOne: String? = nil)
    case select(argument: String, cases: [String: CatalogueEntry])
    /// An entry whose `{name}` placeholders naming a part are written by that part; a part's name is no argument.
    case composed(CatalogueEntry, parts: [String: CatalogueEntry])

    /// Every text of the entry, for checks.
    public var texts: [String] {
        switch self {
        case .text(let text): [text]
        case .plural(_, let forms, let exactlyOne): PluralCategory.allCases.compactMap { forms[$0] } + (exactlyOne.map { [$0] } ?? [])
        case .select(_, let cases): cases.keys.sorted().flatMap { cases[$0]!.texts }
        case .composed(let entry, let parts): entry.texts + parts.keys.sorted().flatMap { parts[$0]!.texts }
        }
    }

    /// The plural forms of the entry, its variants' included, for checks.
    public var pluralForms: [[PluralCategory: String]] {
        switch self {
        case .text: []
        case .plural(_, let forms, _): [forms]
        case .select(_, let cases): cases.values.flatMap(\.pluralForms)
        case .composed(let entry, let parts): entry.pluralForms + parts.values.flatMap(\.pluralForms)
        }
    }

    /// Every variant the entry offers, as `argument=value`, so that a check can hold languages to the same ones.
    public var choices: Set<String> {
        switch self {
        case .text, .plural: []
        case .select(let argument, let cases):
            cases.reduce(into: Set(cases.keys.map { "\(argument)=\($0)" })) { $0.formUnion($1.value.choices) }
        case .composed(let entry, let parts): parts.values.reduce(entry.choices) { $0.union($1.choices) }
        }
    }

    /// The names of the arguments the entry takes: every placeholder of every form, and the arguments that
    /// choose a plural form or a variant.
    ///
    /// A form may leave its count unwritten (Arabic "محافظة واحدة", one governorate), so the names of all
    /// forms together are what callers must supply.
    public var argumentNames: Set<String> {
        var names = Set(texts.flatMap { Self.placeholders(in: $0) })
        switch self {
        case .text: break
        case .plural(let argument, _, _): names.insert(argument)
        case .select(let argument, let cases):
            names.insert(argument)
            for entry in cases.values { names.formUnion(entry.argumentNames) }
        case .composed(let entry, let parts):
            return parts.values.reduce(entry.argumentNames.subtracting(parts.keys)) { $0.union($1.argumentNames) }
        }
        return names
    }

    /// The text for these arguments in `language`: the plural form of the count, or `other` when the count
    /// is missing or the language's form for it is; the variant of the argument's value, or `other`.
    ///
    /// A variant the entry lacks, with no `other`, comes back as the `{argument}` placeholder, so the gap shows.
    func text(for arguments: [String: MessageArgument], in language: Language) -> String {
        switch self {
        case .text(let text):
            return text
        case .plural(let argument, let forms, let exactlyOne):
            if let exactlyOne, case .count(1)? = arguments[argument] { return exactlyOne }
            // A `zero` form is the text for a count of 0 in every language, though only Arabic has zero as a CLDR
            // category: "no return was recorded" states what the ledger holds, where "0 people returned" claims a fact.
            if let zero = forms[.zero], case .count(0)? = arguments[argument] { return zero }
            let category = arguments[argument]?.pluralCategory(in: language) ?? .other
            return forms[category] ?? forms[.other] ?? ""
        case .select(let argument, let cases):
            guard let entry = arguments[argument].flatMap({ cases[$0.wireText] }) ?? cases["other"] else { return "{\(argument)}" }
            return entry.text(for: arguments, in: language)
        case .composed(let entry, let parts):
            return Self.split(entry.text(for: arguments, in: language)).map { piece in
                switch piece {
                case .literal(let text): String(text)
                case .placeholder(let name): parts[name]?.text(for: arguments, in: language) ?? "{\(name)}"
                }
            }.joined()
        }
    }

    /// The `{name}` placeholders of a text, in order; a brace that opens no name is plain text.
    static func placeholders(in text: String) -> [String] {
        split(text).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    enum Piece: Equatable {
        case literal(Substring)
        case placeholder(String)
    }

    /// A text cut into literal runs and `{name}` placeholders (names of letters, digits and `_`).
    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                  case let name = rest[afterOpen..<close], !name.isEmpty,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                pieces.append(.literal(rest[...open]))
                rest = rest[afterOpen...]
                continue
            }
            if open > rest.startIndex { pieces.append(.literal(rest[..<open])) }
            pieces.append(.placeholder(String(name)))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(rest)) }
        return pieces
    }
}

extension CatalogueEntry: Decodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .text(text)
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        if let parts = try container.decodeIfPresent([String: CatalogueEntry].self, forKey: Key(stringValue: "parts")) {
            let entry = try Self(container, decoder: decoder, without: "parts")
            let used = Set(entry.texts.flatMap(Self.placeholders))
            if let unused = parts.keys.sorted().first(where: { !used.contains($0) }) {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "the part '\(unused)' is in no text"))
            }
            self = .composed(entry, parts: parts)
            return
        }
        self = try Self(container, decoder: decoder)
    }

    /// A text, plural forms or variants from an object's keys, less `ignored`.
    private init(_ container: KeyedDecodingContainer<Key>, decoder: any Decoder, without ignored: String? = nil) throws {
        let keys = container.allKeys.filter { $0.stringValue != ignored }
        if keys.map(\.stringValue) == ["text"] {
            self = .text(try container.decode(String.self, forKey: keys[0]))
            return
        }
        if let argument = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "select")) {
            var cases: [String: CatalogueEntry] = [:]
            for key in keys where key.stringValue != "select" {
                cases[key.stringValue] = try container.decode(CatalogueEntry.self, forKey: key)
            }
            guard !cases.isEmpty else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a select needs its variants"))
            }
            self = .select(argument: argument, cases: cases)
            return
        }
        let argument = try container.decode(String.self, forKey: Key(stringValue: "plural"))
        var forms: [PluralCategory: String] = [:]
        var exactlyOne: String?
        for key in keys where key.stringValue != "plural" {
            if key.stringValue == "=1" {
                exactlyOne = try container.decode(String.self, forKey: key)
                continue
            }
            guard let category = PluralCategory(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription:
                    "'\(key.stringValue)' is not a CLDR plural category (zero, one, two, few, many, other)")
            }
            forms[category] = try container.decode(String.self, forKey: key)
        }
        guard forms[.other] != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "plural forms need 'other'"))
        }
        self = .plural(argument: argument, forms: forms, exactlyOne: exactlyOne)
    }
}

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
public indirect enum CatalogueEntry: Hashable, Sendable {
    case text(String)
    case plural(argument: String, forms: [PluralCategory: String])
    case select(argument: String, cases: [String: CatalogueEntry])

    /// Every text of the entry, for checks.
    public var texts: [String] {
        switch self {
        case .text(let text): [text]
        case .plural(_, let forms): PluralCategory.allCases.compactMap { forms[$0] }
        case .select(_, let cases): cases.keys.sorted().flatMap { cases[$0]!.texts }
        }
    }

    /// The plural forms of the entry, its variants' included, for checks.
    public var pluralForms: [[PluralCategory: String]] {
        switch self {
        case .text: []
        case .plural(_, let forms): [forms]
        case .select(_, let cases): cases.values.flatMap(\.pluralForms)
        }
    }

    /// Every variant the entry offers, as `argument=value`, so that a check can hold languages to the same ones.
    public var choices: Set<String> {
        guard case .select(let argument, let cases) = self else { return [] }
        return cases.reduce(into: Set(cases.keys.map { "\(argument)=\($0)" })) { $0.formUnion($1.value.choices) }
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
        case .plural(let argument, _): names.insert(argument)
        case .select(let argument, let cases):
            names.insert(argument)
            for entry in cases.values { names.formUnion(entry.argumentNames) }
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
        case .plural(let argument, let forms):
            let category = arguments[argument]?.pluralOperand.map { PluralCategory.of($0, in: language) } ?? .other
            return forms[category] ?? forms[.other] ?? ""
        case .select(let argument, let cases):
            guard let entry = arguments[argument].flatMap({ cases[$0.wireText] }) ?? cases["other"] else { return "{\(argument)}" }
            return entry.text(for: arguments, in: language)
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
        if let argument = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "select")) {
            var cases: [String: CatalogueEntry] = [:]
            for key in container.allKeys where key.stringValue != "select" {
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
        for key in container.allKeys where key.stringValue != "plural" {
            guard let category = PluralCategory(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription:
                    "'\(key.stringValue)' is not a CLDR plural category (zero, one, two, few, many, other)")
            }
            forms[category] = try container.decode(String.self, forKey: key)
        }
        guard forms[.other] != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "plural forms need 'other'"))
        }
        self = .plural(argument: argument, forms: forms)
    }
}

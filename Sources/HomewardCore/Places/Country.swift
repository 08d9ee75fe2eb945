/// A country or territory, named by its ISO 3166-1 alpha-3 code, with the names bulletins need.
public struct Country: Hashable, Sendable, Encodable {
    public var iso3: String
    public var iso2: String
    public var nameEn: String
    /// This and `nameAr` are empty where the taxonomy has no name.
    public var nameRu: String
    public var nameAr: String
    /// Other names a file may give it by (Iran, Russia, UK, DR Congo): the taxonomy's other terms, in any language.
    public var otherNames: [String]
    /// The taxonomy's pattern for finding the country in a name (`turkey|t(ü|u)rkiye`), as OCHA's tools match names.
    public var namePattern: String?

    public init(iso3: String, iso2: String, nameEn: String, nameRu: String, nameAr: String, otherNames: [String] = [], namePattern: String? = nil) {
        self.iso3 = iso3
        self.iso2 = iso2
        self.nameEn = nameEn
        self.nameRu = nameRu
        self.nameAr = nameAr
        self.otherNames = otherNames
        self.namePattern = namePattern
    }

    /// The name pages show in `language`, English where that language has none.
    public func name(in language: Language) -> String {
        language.name(en: nameEn, ar: nameAr, ru: nameRu)
    }

    /// Gives the country its name in `language`, as a names file says it.
    public mutating func setName(_ name: String, in language: Language) {
        switch language {
        case .en: nameEn = name
        case .ar: nameAr = name
        case .ru: nameRu = name
        }
    }

    /// An Arabic name as a sentence reads it: the UN's term lists `إيران (جمهورية - الإسلامية)` in the order it sorts by,
    /// where a text writes جمهورية إيران الإسلامية; any other name as it is.
    public static func arabicInReadingOrder(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.range(of: " ("),
              case let inner = name[open.upperBound..<name.index(before: name.endIndex)] else { return name }
        // `هولندا (مملكة _)`: the blank stands for the name itself.
        if inner.hasSuffix(" _") { return inner.dropLast(2) + " " + name[..<open.lowerBound] }
        guard let dash = inner.range(of: " - ") else { return name }
        return [inner[..<dash.lowerBound], name[..<open.lowerBound], inner[dash.upperBound...]].joined(separator: " ")
    }

    /// Other names as one stored text, and back: a name holds no `|`.
    public static func joined(_ names: [String]) -> String? {
        let kept = names.filter { !$0.contains("|") }
        return kept.isEmpty ? nil : kept.joined(separator: "|")
    }

    /// The names ``joined(_:)`` stored as one text; none for `nil`.
    public static func split(_ names: String?) -> [String] {
        (names ?? "").split(separator: "|").map(String.init)
    }

    /// The one JSON form of a country, for the API and `--format json` alike.
    enum CodingKeys: String, CodingKey {
        case iso3, iso2
        case nameEn = "name_en", nameRu = "name_ru", nameAr = "name_ar"
    }
}

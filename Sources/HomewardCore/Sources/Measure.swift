/// What a headline figure counts (`returns`, `returns-refugees-registered`…), named in three languages.
///
/// Measures nest: `returns-refugees-registered` lies within `returns-refugees`, which lies within `returns`.
/// That is how two agencies end up far apart while both are right, so a comparison of one measure shows its
/// narrower measures beside it, each labelled with its own. The catalogue grows with the centre's needs
/// (`homeward sources measures add`); the built-in measures are seeded by the migration.
public struct Measure: Hashable, Sendable, Codable {
    public var code: String
    public var nameEn: String
    public var nameRu: String
    public var nameAr: String
    /// The broader measure this one lies within, if any.
    public var within: String?
    /// Which ledger figure answers the same question: `all`, `refugee` or `idp`; `nil` when the ledger has none.
    public var ledger: String?

    public init(code: String, nameEn: String, nameRu: String, nameAr: String, within: String? = nil, ledger: String? = nil) {
        self.code = code
        self.nameEn = nameEn
        self.nameRu = nameRu
        self.nameAr = nameAr
        self.within = within
        self.ledger = ledger
    }

    public func name(in language: Language) -> String {
        switch language {
        case .en: nameEn
        case .ru: nameRu
        case .ar: nameAr
        }
    }

    enum CodingKeys: String, CodingKey {
        case code, within, ledger
        case nameEn = "name", nameRu = "name_ru", nameAr = "name_ar"
    }

    public static let builtIn: [Measure] = [
        Measure(code: "returns", nameEn: "returns", nameRu: "возвращения", nameAr: "العائدون", ledger: "all"),
        Measure(code: "returns-refugees", nameEn: "returns of refugees from abroad", nameRu: "возвращения беженцев из-за рубежа",
                nameAr: "اللاجئون العائدون من الخارج", within: "returns", ledger: "refugee"),
        Measure(code: "returns-idps", nameEn: "returns of internally displaced persons", nameRu: "возвращения внутренне перемещённых лиц",
                nameAr: "النازحون داخلياً العائدون", within: "returns", ledger: "idp"),
        Measure(code: "returns-refugees-registered", nameEn: "refugee returns verified by a refugee agency",
                nameRu: "возвращения беженцев, подтверждённые агентством по делам беженцев",
                nameAr: "عودة اللاجئين التي تحققت منها وكالة اللاجئين", within: "returns-refugees"),
        Measure(code: "displaced", nameEn: "displaced persons", nameRu: "перемещённые лица", nameAr: "النازحون"),
        Measure(code: "camp-residents", nameEn: "camp residents", nameRu: "жители лагерей", nameAr: "المقيمون في المخيمات"),
        Measure(code: "camp-departures", nameEn: "departures from camps", nameRu: "выбытие из лагерей", nameAr: "المغادرون من المخيمات"),
    ]

    /// The measures a measure lies within, nearest first: `returns-refugees`, then `returns`, for registered refugee returns.
    public static func broader(than code: String, in measures: [Measure]) -> [String] {
        let within = Dictionary(measures.map { ($0.code, $0.within) }, uniquingKeysWith: { first, _ in first })
        var result: [String] = [], next = within[code] ?? nil
        while let parent = next, !result.contains(parent), parent != code {
            result.append(parent)
            next = within[parent] ?? nil
        }
        return result
    }

    /// `code` and every measure that lies within it, at any depth, broadest first.
    public static func family(of code: String, in measures: [Measure]) -> [String] {
        var result = [code], index = 0
        while index < result.count {
            let parent = result[index]
            result += measures.filter { $0.within == parent }.map(\.code).sorted()
            index += 1
        }
        return result
    }
}

/// A type of aid action (`humanitarian`, `charitable`, `medical`…): a catalogue in the database, seeded and
/// extended by users, with names in English, Russian and Arabic.
public struct AidType: Hashable, Sendable, Codable {
    public var code: String
    public var nameEn: String
    public var nameRu: String?
    public var nameAr: String?

    public init(code: String, nameEn: String, nameRu: String? = nil, nameAr: String? = nil) {
        self.code = code
        self.nameEn = nameEn
        self.nameRu = nameRu
        self.nameAr = nameAr
    }

    public func name(in language: Language) -> String { language.name(en: nameEn, ar: nameAr, ru: nameRu) }

    enum CodingKeys: String, CodingKey {
        case code, nameEn = "name", nameRu = "name_ru", nameAr = "name_ar"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(nameEn, forKey: .nameEn)
        try c.encode(nameRu, forKey: .nameRu)
        try c.encode(nameAr, forKey: .nameAr)
    }
}

extension AidType {
    /// The type as it will be stored (code trimmed and in lower case), or the first problem.
    public func checked(existing: [AidType]) throws(FieldProblem) -> AidType {
        var type = self
        type.code = code.trimmingCharacters(in: .whitespaces).lowercased()
        try CatalogueTerm.check(code: type.code, given: code, names: [("name", nameEn), ("name_ru", nameRu), ("name_ar", nameAr)],
                                existing: existing.map { ($0.code, [$0.nameEn, $0.nameRu, $0.nameAr]) })
        return type
    }
}

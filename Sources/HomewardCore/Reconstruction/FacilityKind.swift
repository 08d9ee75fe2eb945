/// A kind of facility that is damaged, restored and put into operation: `school`, `bakery`, `road` (km).
///
/// A catalogue in the database, seeded with the kinds coordination statements name and extended by users;
/// each carries its names in English, Russian and Arabic so that pages and statements need no translation table.
public struct FacilityKind: Hashable, Sendable, Codable {
    public var code: String
    public var unit: FacilityUnit
    public var nameEn: String
    public var nameRu: String?
    public var nameAr: String?

    public init(code: String, unit: FacilityUnit, nameEn: String, nameRu: String? = nil, nameAr: String? = nil) {
        self.code = code
        self.unit = unit
        self.nameEn = nameEn
        self.nameRu = nameRu
        self.nameAr = nameAr
    }

    public func name(in language: Language) -> String { language.name(en: nameEn, ar: nameAr, ru: nameRu) }

    enum CodingKeys: String, CodingKey {
        case code, unit
        case nameEn = "name", nameRu = "name_ru", nameAr = "name_ar"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(unit, forKey: .unit)
        try c.encode(nameEn, forKey: .nameEn)
        try c.encode(nameRu, forKey: .nameRu)
        try c.encode(nameAr, forKey: .nameAr)
    }
}

extension FacilityKind {
    /// The kind as it will be stored (code trimmed and in lower case), or the first problem: a code as sites have
    /// them, an English name, and names of at most 200 characters.
    public func checked(existing: [FacilityKind]) throws(FieldProblem) -> FacilityKind {
        var kind = self
        kind.code = code.trimmingCharacters(in: .whitespaces).lowercased()
        try CatalogueTerm.check(code: kind.code, given: code, names: [("name", nameEn), ("name_ru", nameRu), ("name_ar", nameAr)],
                                existing: existing.map { ($0.code, [$0.nameEn, $0.nameRu, $0.nameAr]) })
        return kind
    }
}

/// A place where returns are counted: a land border crossing, or a corridor or checkpoint inside the country.
public struct CrossingPoint: Hashable, Sendable {
    /// The centre's own short code, such as `LBN-01`; crossing points have no international standard code.
    public var code: String
    public var nameEn: String
    /// Empty where the reference data has none.
    public var nameAr: String
    /// From a names file or the partner who added the crossing; `nil` where there is none.
    public var nameRu: String?
    /// The neighbouring country for a border crossing; `nil` for an internal crossing.
    public var country: String?
    /// The crossing's name on the other side of the border, where it differs.
    public var counterpartName: String?
    /// The finest known area on the home side.
    public var adminPcode: String?
    public var note: String?

    public var isInternal: Bool { country == nil }

    public init(code: String, nameEn: String, nameAr: String = "", nameRu: String? = nil, country: String?, counterpartName: String? = nil,
                adminPcode: String?, note: String? = nil) {
        self.code = code
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.nameRu = nameRu
        self.country = country
        self.counterpartName = counterpartName
        self.adminPcode = adminPcode
        self.note = note
    }

    /// The name pages show in `language`, English where that language has none.
    public func name(in language: Language) -> String {
        language.name(en: nameEn, ar: nameAr, ru: nameRu)
    }

    /// Gives the crossing point its name in `language`, as a names file says it.
    public mutating func setName(_ name: String, in language: Language) {
        switch language {
        case .en: nameEn = name
        case .ar: nameAr = name
        case .ru: nameRu = name
        }
    }
}

/// The one JSON form of a crossing point, for the API and `--format json` alike: absent values are `null`.
extension CrossingPoint: Encodable {
    enum CodingKeys: String, CodingKey {
        case code, country, note, `internal`
        case nameEn = "name_en", nameAr = "name_ar", nameRu = "name_ru", counterpartName = "counterpart_name", adminPcode = "admin_pcode"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(nameEn, forKey: .nameEn)
        try c.encode(nameAr, forKey: .nameAr)
        try c.encode(nameRu, forKey: .nameRu)
        try c.encode(country, forKey: .country)
        try c.encode(counterpartName, forKey: .counterpartName)
        try c.encode(adminPcode, forKey: .adminPcode)
        try c.encode(note, forKey: .note)
        try c.encode(isInternal, forKey: .internal)
    }
}

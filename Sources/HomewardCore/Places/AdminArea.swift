/// A governorate, district, sub-district or community, named by its OCHA P-code.
public struct AdminArea: Hashable, Sendable {
    /// What ends a name the source cut short (a shapefile's 50-byte field): the reader sees it is not whole, and a name
    /// written out in full is still found by it (``Gazetteer/areas(named:level:within:)``).
    public static let cutMark = "…"

    public var pcode: String
    public var level: AdminLevel
    public var nameEn: String
    /// Empty where the gazetteer has none.
    public var nameAr: String
    /// From a names file; `nil` where there is none.
    public var nameRu: String?
    /// The P-code of the area one level up; `nil` for a governorate.
    public var parent: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(pcode: String, level: AdminLevel, nameEn: String, nameAr: String, nameRu: String? = nil, parent: String?,
                latitude: Double? = nil, longitude: Double? = nil) {
        self.pcode = pcode
        self.level = level
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.nameRu = nameRu
        self.parent = parent
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The name pages show in `language`, English where that language has none.
    public func name(in language: Language) -> String {
        language.name(en: nameEn, ar: nameAr, ru: nameRu)
    }

    /// Gives the area its name in `language`, as a names file says it.
    public mutating func setName(_ name: String, in language: Language) {
        switch language {
        case .en: nameEn = name
        case .ar: nameAr = name
        case .ru: nameRu = name
        }
    }
}

/// The one JSON form of an area, for the API and `--format json` alike: the level as its number, absent values `null`
/// (`name_ar` is empty, not `null`, where the gazetteer has none, as it always was).
extension AdminArea: Encodable {
    enum CodingKeys: String, CodingKey {
        case pcode, level, parent, latitude, longitude
        case nameEn = "name_en", nameAr = "name_ar", nameRu = "name_ru"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pcode, forKey: .pcode)
        try c.encode(level.rawValue, forKey: .level)
        try c.encode(nameEn, forKey: .nameEn)
        try c.encode(nameAr, forKey: .nameAr)
        try c.encode(nameRu, forKey: .nameRu)
        try c.encode(parent, forKey: .parent)
        try c.encode(latitude, forKey: .latitude)
        try c.encode(longitude, forKey: .longitude)
    }
}

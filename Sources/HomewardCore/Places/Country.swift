/// A country or territory, named by its ISO 3166-1 alpha-3 code, with the names bulletins need.
public struct Country: Hashable, Sendable, Encodable {
    public var iso3: String
    public var iso2: String
    public var nameEn: String
    public var nameRu: String
    public var nameAr: String

    public init(iso3: String, iso2: String, nameEn: String, nameRu: String, nameAr: String) {
        self.iso3 = iso3
        self.iso2 = iso2
        self.nameEn = nameEn
        self.nameRu = nameRu
        self.nameAr = nameAr
    }

    /// The one JSON form of a country, for the API and `--format json` alike.
    enum CodingKeys: String, CodingKey {
        case iso3, iso2
        case nameEn = "name_en", nameRu = "name_ru", nameAr = "name_ar"
    }
}

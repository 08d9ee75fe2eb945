/// A country or territory, named by its ISO 3166-1 alpha-3 code, with the names bulletins need.
public struct Country: Hashable, Sendable, Codable {
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
}

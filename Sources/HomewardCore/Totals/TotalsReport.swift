/// The answer to a ``TotalsQuery``.
///
/// A movement counts when its whole period lies in the window. One that only overlaps an edge is
/// never prorated: it is counted in `partial`, apart from the total.
public struct TotalsReport: Hashable, Sendable, Codable {
    public var from: Day?
    public var to: Day?
    public var total: Int
    public var refugees: Int
    public var idps: Int
    /// Persons in movements whose period crosses an edge of the window.
    public var partial: Int
    public var groups: [TotalsGroup]

    public init(from: Day?, to: Day?, total: Int, refugees: Int, idps: Int, partial: Int, groups: [TotalsGroup]) {
        self.from = from
        self.to = to
        self.total = total
        self.refugees = refugees
        self.idps = idps
        self.partial = partial
        self.groups = groups
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from) // null, not absent, when open
        try c.encode(to, forKey: .to)
        try c.encode(total, forKey: .total)
        try c.encode(refugees, forKey: .refugees)
        try c.encode(idps, forKey: .idps)
        try c.encode(partial, forKey: .partial)
        try c.encode(groups, forKey: .groups)
    }
}

/// One line of a breakdown: a crossing point, a country, an area, a week…
public struct TotalsGroup: Hashable, Sendable, Codable {
    /// The code (P-code, ISO3, crossing code, `2019-W03`, `2019-01`); `null` where the movements do not say.
    public var key: String?
    /// In English, as the API has always said it.
    public var name: String
    /// The place's Arabic and Russian names where the reference data has them; `nil` for weeks,
    /// months, categories and organisations.
    public var nameAr: String?
    public var nameRu: String?
    public var persons: Int
    public var refugees: Int
    public var idps: Int

    public init(key: String?, name: String, nameAr: String? = nil, nameRu: String? = nil, persons: Int, refugees: Int, idps: Int) {
        self.key = key
        self.name = name
        self.nameAr = nameAr
        self.nameRu = nameRu
        self.persons = persons
        self.refugees = refugees
        self.idps = idps
    }

    /// The name pages show in `language`, English where that language has none.
    public func name(in language: Language) -> String {
        language.name(en: name, ar: nameAr, ru: nameRu)
    }

    enum CodingKeys: String, CodingKey {
        case key, name, persons, refugees, idps
        case nameAr = "name_ar", nameRu = "name_ru"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(name, forKey: .name)
        try c.encode(nameAr, forKey: .nameAr)
        try c.encode(nameRu, forKey: .nameRu)
        try c.encode(persons, forKey: .persons)
        try c.encode(refugees, forKey: .refugees)
        try c.encode(idps, forKey: .idps)
    }
}

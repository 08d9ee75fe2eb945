/// A camp, settlement or centre whose population the returns centre follows.
public struct Site: Hashable, Sendable, Codable {
    /// The usual stay in a transit centre when none is given, in hours.
    public static let defaultStayHours = 48

    public var code: String
    public var name: String
    public var nameAr: String?
    public var nameRu: String?
    public var kind: SiteKind
    /// The administrative area it lies in, at any level (a P-code of the gazetteer).
    public var admin: String
    /// The organisation that runs it, when known.
    public var operatorName: String?
    /// Places; required for a transit centre, whose capacity bounds an evacuation's pace.
    public var capacity: Int?
    /// How long evacuees usually stay (transit centres).
    public var stayHours: Int?

    public init(code: String, name: String, nameAr: String? = nil, nameRu: String? = nil, kind: SiteKind, admin: String,
                operatorName: String? = nil, capacity: Int? = nil, stayHours: Int? = nil) {
        self.code = code
        self.name = name
        self.nameAr = nameAr
        self.nameRu = nameRu
        self.kind = kind
        self.admin = admin
        self.operatorName = operatorName
        self.capacity = capacity
        self.stayHours = stayHours
    }

    enum CodingKeys: String, CodingKey {
        case code, name, kind, admin, capacity
        case nameAr = "name_ar", nameRu = "name_ru"
        case operatorName = "operator"
        case stayHours = "stay_hours"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(nameAr, forKey: .nameAr)
        try c.encode(nameRu, forKey: .nameRu)
        try c.encode(kind, forKey: .kind)
        try c.encode(admin, forKey: .admin)
        try c.encode(operatorName, forKey: .operatorName)
        try c.encode(capacity, forKey: .capacity)
        try c.encode(stayHours, forKey: .stayHours)
    }
}

extension Site {
    /// The site's name as a reader of the language sees it: the Arabic or Russian name where there is one.
    public func name(in language: Language) -> String {
        language.name(en: name, ar: nameAr, ru: nameRu)
    }
}

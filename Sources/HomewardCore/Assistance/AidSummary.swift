/// Aid in a period: actions, distinct localities, weight, parcels, people reached and treated, by type and
/// by a breakdown. Localities are counted once however many actions reached them.
public struct AidSummary: Hashable, Sendable, Encodable {
    public struct Group: Hashable, Sendable, Encodable {
        /// A type's code, a P-code or an organisation's name; `nil` where the actions do not say this level.
        public var key: String?
        public var name: String
        public var nameRu: String?
        public var nameAr: String?
        public var figures: AidFigures

        public init(key: String?, name: String, nameRu: String? = nil, nameAr: String? = nil, figures: AidFigures) {
            self.key = key
            self.name = name
            self.nameRu = nameRu
            self.nameAr = nameAr
            self.figures = figures
        }

        public func name(in language: Language) -> String { language.name(en: name, ar: nameAr, ru: nameRu) }

        enum CodingKeys: String, CodingKey { case key, name, nameRu = "name_ru", nameAr = "name_ar" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(name, forKey: .name)
            try c.encode(nameRu, forKey: .nameRu)
            try c.encode(nameAr, forKey: .nameAr)
            try figures.encode(to: encoder)
        }
    }

    public var from: Day?
    public var to: Day?
    public var figures: AidFigures
    /// Every type with actions, in catalogue order; `key` is the type's code.
    public var byType: [Group]
    public var groups: [Group]

    public init(tallies: [AidTally], types: [AidType], from: Day?, to: Day?, grouping: AidGrouping? = nil,
                names: (String) -> AdminArea? = { _ in nil }) {
        self.from = from
        self.to = to
        figures = AidFigures(tallies)
        let typeNames = Dictionary(types.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        func grouped(_ grouping: AidGrouping) -> [Group] {
            let byKey = Dictionary(grouping: tallies) { tally -> String? in
                switch grouping {
                case .type: tally.type
                case .adm1: tally.place[.adm1]
                case .adm2: tally.place[.adm2]
                case .adm3: tally.place[.adm3]
                case .locality: tally.place.finest
                case .organisation: tally.organisation
                }
            }
            return byKey.map { key, tallies in
                let type = grouping == .type ? key.flatMap { typeNames[$0] } : nil
                let area = grouping == .type || grouping == .organisation ? nil : key.flatMap(names)
                return Group(key: key, name: type?.nameEn ?? area?.nameEn ?? key ?? "not known", nameRu: type?.nameRu ?? area?.nameRu,
                             nameAr: type?.nameAr ?? area?.nameAr, figures: AidFigures(tallies))
            }.sorted { ($0.key ?? "\u{10FFFF}") < ($1.key ?? "\u{10FFFF}") }
        }
        let order = Dictionary(types.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        byType = grouped(.type).sorted { order[$0.key ?? "", default: .max] < order[$1.key ?? "", default: .max] }
        let byType = byType
        self.groups = grouping.map { $0 == .type ? byType : grouped($0) } ?? []
    }

    enum CodingKeys: String, CodingKey { case from, to, byType = "by_type", groups }

    /// A line of `by_type`, which names its key `type`.
    private struct TypeLine: Encodable {
        let group: Group

        enum CodingKeys: String, CodingKey { case type, name, nameRu = "name_ru", nameAr = "name_ar" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(group.key, forKey: .type)
            try c.encode(group.name, forKey: .name)
            try c.encode(group.nameRu, forKey: .nameRu)
            try c.encode(group.nameAr, forKey: .nameAr)
            try group.figures.encode(to: encoder)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try figures.encode(to: encoder)
        try c.encode(byType.map(TypeLine.init), forKey: .byType)
        try c.encode(groups, forKey: .groups)
    }
}

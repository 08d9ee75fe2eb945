/// What is under restoration on a day and what was commissioned in a period, in how many settlements,
/// by kind and by a breakdown: the two figures coordination statements give; and what was reported damaged.
///
/// Stock: per settlement and kind, what entered restoration by `asOf` less what was commissioned by then,
/// never below zero on any day. Flow: what was commissioned between `from` and `to`. Damaged: what the records reported
/// damaged by `asOf`, each a facility or group of them (a correction under a record's key replaces it; a 0 withdraws it).
/// All are integer sums of tenths.
public struct ReconstructionSummary: Hashable, Sendable, Encodable {
    public struct Group: Hashable, Sendable, Encodable {
        /// A kind's code or a P-code; `nil` for records that do not say this level.
        public var key: String?
        public var name: String
        public var nameRu: String?
        public var nameAr: String?
        public var underRestoration: FacilityFigures
        public var commissioned: FacilityFigures
        public var damaged: FacilityFigures

        public init(key: String?, name: String, nameRu: String? = nil, nameAr: String? = nil, underRestoration: FacilityFigures,
                    commissioned: FacilityFigures, damaged: FacilityFigures = FacilityFigures()) {
            self.key = key
            self.name = name
            self.nameRu = nameRu
            self.nameAr = nameAr
            self.underRestoration = underRestoration
            self.commissioned = commissioned
            self.damaged = damaged
        }

        public func name(in language: Language) -> String { language.name(en: name, ar: nameAr, ru: nameRu) }

        enum CodingKeys: String, CodingKey {
            case key, name, nameRu = "name_ru", nameAr = "name_ar", underRestoration = "under_restoration", commissioned, damaged
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(name, forKey: .name)
            try c.encode(nameRu, forKey: .nameRu)
            try c.encode(nameAr, forKey: .nameAr)
            try c.encode(underRestoration, forKey: .underRestoration)
            try c.encode(commissioned, forKey: .commissioned)
            try c.encode(damaged, forKey: .damaged)
        }
    }

    public var asOf: Day
    public var from: Day?
    public var to: Day
    public var underRestoration: FacilityFigures
    public var commissioned: FacilityFigures
    /// Reported damaged by `asOf`: every damage record's quantity, summed.
    public var damaged: FacilityFigures
    public var groups: [Group]

    /// - Parameters:
    ///   - from: the commissioned figures' first day; `nil` for since the first record.
    ///   - names: a P-code's names, for groups by area.
    public init(tallies: [FacilityTally], kinds: [FacilityKind], asOf: Day, from: Day?, to: Day,
                grouping: ReconstructionGrouping? = nil, names: (String) -> AdminArea? = { _ in nil }) {
        self.asOf = asOf
        self.from = from ?? tallies.map(\.day).min()
        self.to = to
        let stock = Self.stock(tallies, asOf: asOf)
        let flow = Self.commissioned(tallies, from: from, to: to)
        let assessed = Self.damaged(tallies, asOf: asOf)
        let settlementCodes = FacilityTally.settlementCodes(tallies)
        underRestoration = FacilityFigures(stock, kinds: kinds, settlementCodes: settlementCodes)
        commissioned = FacilityFigures(flow, kinds: kinds, settlementCodes: settlementCodes)
        damaged = FacilityFigures(assessed, kinds: kinds, settlementCodes: settlementCodes)
        guard let grouping else { groups = []; return }
        if grouping == .organisation {
            groups = Dictionary(grouping: tallies, by: \.organisation).map { organisation, own in
                let alone = ReconstructionSummary(tallies: own, kinds: kinds, asOf: asOf, from: from, to: to)
                return Group(key: organisation, name: organisation, underRestoration: alone.underRestoration, commissioned: alone.commissioned,
                             damaged: alone.damaged)
            }
            .filter { !$0.underRestoration.byKind.isEmpty || !$0.commissioned.byKind.isEmpty || !$0.damaged.byKind.isEmpty }
            .sorted { ($0.key ?? "") < ($1.key ?? "") }
            return
        }
        let lineages = Dictionary(tallies.map { ($0.settlement, $0.place) }, uniquingKeysWith: { a, _ in a })
        func key(_ place: RestorationLedger.Place) -> String? {
            switch grouping {
            case .kind: place.kind
            case .settlement: place.settlement
            case .adm1: lineages[place.settlement]?[.adm1]
            case .adm2: lineages[place.settlement]?[.adm2]
            case .adm3: lineages[place.settlement]?[.adm3]
            case .organisation: nil
            }
        }
        let stockByKey = Dictionary(grouping: stock, by: { key($0.key) })
        let flowByKey = Dictionary(grouping: flow, by: { key($0.key) })
        let damagedByKey = Dictionary(grouping: assessed, by: { key($0.key) })
        let keys = Set(stockByKey.keys).union(flowByKey.keys).union(damagedByKey.keys)
        groups = keys.map { key in
            let stock = FacilityFigures(Dictionary(uniqueKeysWithValues: (stockByKey[key] ?? []).map { ($0.key, $0.value) }), kinds: kinds,
                                        settlementCodes: settlementCodes)
            let flow = FacilityFigures(Dictionary(uniqueKeysWithValues: (flowByKey[key] ?? []).map { ($0.key, $0.value) }), kinds: kinds,
                                       settlementCodes: settlementCodes)
            let damaged = FacilityFigures(Dictionary(uniqueKeysWithValues: (damagedByKey[key] ?? []).map { ($0.key, $0.value) }), kinds: kinds,
                                          settlementCodes: settlementCodes)
            let kind = grouping == .kind ? kinds.first { $0.code == key } : nil
            let area = grouping == .kind ? nil : key.flatMap(names)
            return Group(key: key, name: kind?.nameEn ?? area?.nameEn ?? key ?? "not known", nameRu: kind?.nameRu ?? area?.nameRu,
                         nameAr: kind?.nameAr ?? area?.nameAr, underRestoration: stock, commissioned: flow, damaged: damaged)
        }
        .filter { !$0.underRestoration.byKind.isEmpty || !$0.commissioned.byKind.isEmpty || !$0.damaged.byKind.isEmpty }
        .sorted { ($0.key ?? "\u{10FFFF}") < ($1.key ?? "\u{10FFFF}") }
        if grouping == .kind {
            let order = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1.code, $0) })
            groups.sort { order[$0.key ?? "", default: .max] < order[$1.key ?? "", default: .max] }
        }
    }

    /// Under restoration on `asOf`, per settlement and kind (``RestorationLedger/stock(_:on:)``).
    static func stock(_ tallies: [FacilityTally], asOf: Day) -> [RestorationLedger.Place: Int] {
        let byPlace = Dictionary(grouping: tallies) { RestorationLedger.Place(settlement: $0.settlement, kind: $0.kind) }
        return byPlace.mapValues { RestorationLedger.stock($0.map { .init(day: $0.day, status: $0.status, tenths: $0.tenths) }, on: asOf) }
    }

    /// Reported damaged by `asOf`, per settlement and kind: each record is a facility or a group of them (school A on
    /// 1 May, school B on 5 May are two), so all are summed, whoever reported them; an assessment sent again is a correction
    /// of its record (its id, or its cells), not a second one.
    static func damaged(_ tallies: [FacilityTally], asOf: Day) -> [RestorationLedger.Place: Int] {
        var damaged: [RestorationLedger.Place: Int] = [:]
        for tally in tallies where tally.status == .damaged && tally.day <= asOf {
            damaged[RestorationLedger.Place(settlement: tally.settlement, kind: tally.kind), default: 0] += tally.tenths
        }
        return damaged
    }

    /// Commissioned between `from` and `to`, per settlement and kind.
    static func commissioned(_ tallies: [FacilityTally], from: Day?, to: Day) -> [RestorationLedger.Place: Int] {
        var flow: [RestorationLedger.Place: Int] = [:]
        for tally in tallies where tally.status == .commissioned && tally.day <= to && from.map({ tally.day >= $0 }) ?? true {
            flow[RestorationLedger.Place(settlement: tally.settlement, kind: tally.kind), default: 0] += tally.tenths
        }
        return flow
    }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", from, to, underRestoration = "under_restoration", commissioned, damaged, groups
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(underRestoration, forKey: .underRestoration)
        try c.encode(commissioned, forKey: .commissioned)
        try c.encode(damaged, forKey: .damaged)
        try c.encode(groups, forKey: .groups)
    }
}

/// For each destination area: the people who returned there in a window, beside the facilities commissioned
/// there in it and under restoration at its end, by kind, and the aid delivered there in it.
///
/// Factual columns side by side, no index: the centre sees where many came back and few schools, clinics or
/// water stations work. A figure recorded only at a coarser level than the table's is not in any row.
public struct ReadinessReport: Hashable, Sendable, Encodable {
    public struct Row: Hashable, Sendable, Encodable {
        public var area: String
        public var name: String
        public var nameRu: String?
        public var nameAr: String?
        public var returned: Int
        public var refugees: Int
        public var idps: Int
        public var commissioned: FacilityFigures
        public var underRestoration: FacilityFigures
        public var aid: AidFigures

        public func name(in language: Language) -> String { language.name(en: name, ar: nameAr, ru: nameRu) }

        enum CodingKeys: String, CodingKey {
            case area, name, nameRu = "name_ru", nameAr = "name_ar", returned, refugees, idps, commissioned
            case underRestoration = "under_restoration", aid
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(area, forKey: .area)
            try c.encode(name, forKey: .name)
            try c.encode(nameRu, forKey: .nameRu)
            try c.encode(nameAr, forKey: .nameAr)
            try c.encode(returned, forKey: .returned)
            try c.encode(refugees, forKey: .refugees)
            try c.encode(idps, forKey: .idps)
            try c.encode(commissioned, forKey: .commissioned)
            try c.encode(underRestoration, forKey: .underRestoration)
            try c.encode(aid, forKey: .aid)
        }
    }

    public var from: Day?
    public var to: Day
    public var level: AdminLevel
    public var order: ReadinessOrder
    /// The kinds with any figure in the table, in catalogue order: the columns of a table view.
    public var kinds: [FacilityKind]
    public var rows: [Row]

    /// - Parameters:
    ///   - returns: the ledger's totals by `level` in the window.
    ///   - facilities: every facility tally up to `to` (the stock needs the starts before `from`).
    ///   - aid: aid tallies in the window.
    public init(returns: [TotalsGroup], facilities: [FacilityTally], aid: [AidTally], kinds: [FacilityKind], from: Day?, to: Day,
                level: AdminLevel, order: ReadinessOrder = .returned, names: (String) -> AdminArea?) {
        self.from = from
        self.to = to
        self.level = level
        self.order = order
        let returnsByArea = Dictionary(returns.compactMap { g in g.key.map { ($0, g) } }, uniquingKeysWith: { a, _ in a })
        let atLevel = facilities.filter { $0.place[level] != nil }
        let stock = ReconstructionSummary.stock(atLevel, asOf: to)
        let flow = ReconstructionSummary.commissioned(atLevel, from: from, to: to)
        let areaOf = Dictionary(atLevel.map { ($0.settlement, $0.place[level]!) }, uniquingKeysWith: { a, _ in a })
        func byArea(_ quantities: [RestorationLedger.Place: Int]) -> [String: [RestorationLedger.Place: Int]] {
            Dictionary(grouping: quantities.filter { $0.value > 0 }, by: { areaOf[$0.key.settlement]! })
                .mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) }
        }
        let stockByArea = byArea(stock), flowByArea = byArea(flow)
        let settlementCodes = FacilityTally.settlementCodes(atLevel)
        let aidByArea = Dictionary(grouping: aid.filter { $0.place[level] != nil }, by: { $0.place[level]! })
        let areas = Set(returnsByArea.keys).union(stockByArea.keys).union(flowByArea.keys).union(aidByArea.keys)
        rows = areas.map { code in
            let area = names(code), returned = returnsByArea[code]
            return Row(area: code, name: area?.nameEn ?? returned?.name ?? code, nameRu: area?.nameRu ?? returned?.nameRu,
                       nameAr: area?.nameAr ?? returned?.nameAr, returned: returned?.persons ?? 0, refugees: returned?.refugees ?? 0,
                       idps: returned?.idps ?? 0, commissioned: FacilityFigures(flowByArea[code] ?? [:], kinds: kinds, settlementCodes: settlementCodes),
                       underRestoration: FacilityFigures(stockByArea[code] ?? [:], kinds: kinds, settlementCodes: settlementCodes), aid: AidFigures(aidByArea[code] ?? []))
        }
        let used = Set(rows.flatMap { $0.commissioned.byKind.map(\.kind.code) + $0.underRestoration.byKind.map(\.kind.code) })
        self.kinds = kinds.filter { used.contains($0.code) }
        rows.sort(by: Self.ordering(order))
    }

    /// Largest first by the column, then by area code, so that equal rows keep one order.
    static func ordering(_ order: ReadinessOrder) -> (Row, Row) -> Bool {
        let value: (Row) -> Int = switch order {
        case .returned: { $0.returned }
        case .area: { _ in 0 }
        case .actions: { $0.aid.actions }
        case .kilograms: { $0.aid.kilograms }
        case .reached: { $0.aid.reached }
        case .treated: { $0.aid.treated }
        case .commissioned(let kind): { $0.commissioned.tenths(of: kind) }
        case .restoring(let kind): { $0.underRestoration.tenths(of: kind) }
        }
        return { a, b in value(a) != value(b) ? value(a) > value(b) : a.area < b.area }
    }

    enum CodingKeys: String, CodingKey { case from, to, level, order, rows }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode("adm\(level.rawValue)", forKey: .level)
        try c.encode(order.description, forKey: .order)
        try c.encode(rows, forKey: .rows)
    }
}

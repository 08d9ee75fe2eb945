/// A quantity of one kind of facility, as summaries list them: `{"kind": "road", "unit": "km", "quantity": 12.5}`.
public struct KindQuantity: Hashable, Sendable, Encodable {
    public var kind: FacilityKind
    /// Tenths of the kind's unit.
    public var tenths: Int

    public init(kind: FacilityKind, tenths: Int) {
        self.kind = kind
        self.tenths = tenths
    }

    /// As people read it: `3`, `12.5`.
    public var quantity: String { ScaledNumber.string(tenths, decimals: 1) }

    enum CodingKeys: String, CodingKey { case kind, name, nameRu = "name_ru", nameAr = "name_ar", unit, quantity }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind.code, forKey: .kind)
        try c.encode(kind.nameEn, forKey: .name)
        try c.encode(kind.nameRu, forKey: .nameRu)
        try c.encode(kind.nameAr, forKey: .nameAr)
        try c.encode(kind.unit, forKey: .unit)
        try c.encode(ScaledNumber.double(tenths, decimals: 1), forKey: .quantity)
    }
}

/// Quantities by kind in the settlements that have any: one side (under restoration, or commissioned) of a summary.
public struct FacilityFigures: Hashable, Sendable, Encodable {
    /// Distinct settlements (places of the gazetteer's finest level) with a quantity above zero of any kind: work
    /// recorded for a whole district or governorate is in the quantities, but is no settlement.
    public var settlements: Int
    public var byKind: [KindQuantity]

    public init(settlements: Int = 0, byKind: [KindQuantity] = []) {
        self.settlements = settlements
        self.byKind = byKind
    }

    /// Sums quantities per settlement and kind (zeros left out), kinds in catalogue order.
    /// - Parameter settlementCodes: the places among the quantities' that are settlements (``FacilityTally/settlementCodes(_:)``).
    init(_ quantities: [RestorationLedger.Place: Int], kinds: [FacilityKind], settlementCodes: Set<String>) {
        let positive = quantities.filter { $0.value > 0 }
        settlements = Set(positive.keys.map(\.settlement).filter(settlementCodes.contains)).count
        var byCode: [String: Int] = [:]
        for (place, tenths) in positive { byCode[place.kind, default: 0] += tenths }
        byKind = kinds.compactMap { kind in byCode[kind.code].map { KindQuantity(kind: kind, tenths: $0) } }
    }

    public func tenths(of kind: String) -> Int { byKind.first { $0.kind.code == kind }?.tenths ?? 0 }

    enum CodingKeys: String, CodingKey { case settlements, byKind = "by_kind" }
}

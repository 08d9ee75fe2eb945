/// What a column of a facilities import says: `#date`, `#adm1+code` … `#adm4+code` (the settlement), `#loc+type`
/// (the kind's code), `#status`, `#indicator+num` (the quantity, 1 when absent), `#org`, `#meta+id`.
public enum FacilityField: Int, ImportField {
    case date, adm1, adm2, adm3, adm4, settlement, kind, status, quantity, organisation, externalId

    /// The fields that name the settlement, coarsest first.
    public static let place: [FacilityField] = [.adm1, .adm2, .adm3, .adm4, .settlement]

    public static let tags = [
        "#date", "#adm4+code", "#loc+type", "#status", "#adm1+code", "#adm2+code", "#adm3+code", "#indicator+num", "#org", "#meta+id",
    ]

    public init?(tag: HXLTag) {
        if let level = tag.areaCodeLevel {
            self = FacilityField.place[level.rawValue - 1]
            return
        }
        let a = tag.attributes
        switch tag.hashtag {
        case "date": self = .date
        case "loc" where a.contains("type"): self = .kind
        case "status": self = .status
        case "indicator" where a.contains("num"): self = .quantity
        case "org": self = .organisation
        case "meta" where a.contains("id"): self = .externalId
        default: return nil
        }
    }

    public var jsonKey: String? {
        ["date", "adm1", "adm2", "adm3", "adm4", "settlement", "kind", "status", "quantity", "organisation", "id"][rawValue]
    }

    public var isFigure: Bool { self == .quantity }
    public static var namedWhenAbsent: [FacilityField] { [.date, .settlement, .kind, .status, .organisation] }

    public static func missing(given: (FacilityField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        var missing: [Message] = []
        if !given(.date) { missing.append(Message("import.facilities.missing.date")) }
        if !place.contains(where: given) { missing.append(Message("import.facilities.missing.settlement")) }
        if !given(.kind) { missing.append(Message("import.facilities.missing.kind")) }
        if !given(.status) { missing.append(Message("import.facilities.missing.status")) }
        return missing
    }
}

/// What a column of a facilities import says: `#date`, `#adm1+code` … `#adm4+code` (the settlement, or `#adm1+name` …
/// `#adm4+name` by name), `#loc+type`
/// (the kind's code), `#status`, `#indicator+num` (the quantity, 1 when absent), `#org`, `#meta+id`.
public enum FacilityField: Int, ImportField {
    case date, adm1, adm2, adm3, adm4, settlement, kind, status, quantity, organisation, externalId
    case adm1Name, adm2Name, adm3Name, adm4Name

    /// The fields that name the settlement, coarsest first.
    public static let place: [FacilityField] = [.adm1, .adm2, .adm3, .adm4, .settlement]
    /// The fields whose codes are of one level alone; `#adm4+code` is the settlement, of whatever level the gazetteer's finest is.
    public static let placeLevels: [FacilityField: AdminLevel] = [.adm1: .adm1, .adm2: .adm2, .adm3: .adm3]
    /// The fields that name the settlement's areas by name (`#adm4+name`), coarsest first: engineers' sheets list settlements so.
    public static let placeNames: [FacilityField] = [.adm1Name, .adm2Name, .adm3Name, .adm4Name]

    public static let tags = [
        "#date", "#adm4+code", "#loc+type", "#status", "#adm1+code", "#adm2+code", "#adm3+code", "#indicator+num", "#org", "#meta+id", "#adm4+name", "#adm1+name", "#adm2+name", "#adm3+name",
    ]

    public init?(tag: HXLTag) {
        if let level = tag.areaCodeLevel {
            self = FacilityField.place[level.rawValue - 1]
            return
        }
        if let level = tag.areaNameLevel {
            self = FacilityField.placeNames[level.rawValue - 1]
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
        ["date", "adm1", "adm2", "adm3", "adm4", "settlement", "kind", "status", "quantity", "organisation", "id", nil, nil, nil, nil][rawValue]
    }

    public var isFigure: Bool { self == .quantity }
    public static var namedWhenAbsent: [FacilityField] { [.date, .settlement, .kind, .status, .organisation] }

    public static func missing(given: (FacilityField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        var missing: [Message] = []
        if !given(.date) { missing.append(Message("import.facilities.missing.date")) }
        if !(place + placeNames).contains(where: given) { missing.append(Message("import.facilities.missing.settlement")) }
        if !given(.kind) { missing.append(Message("import.facilities.missing.kind")) }
        if !given(.status) { missing.append(Message("import.facilities.missing.status")) }
        return missing
    }
}

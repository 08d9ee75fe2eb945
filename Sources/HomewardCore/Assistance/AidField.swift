/// What a column of an aid import says: `#date`, `#adm1+code` … `#adm4+code` (the locality, or `#adm1+name` … `#adm4+name`
/// by name), `#org`, `#activity+type`,
/// `#indicator+tonnes+num`, `#indicator+parcels+num`, `#reached+ind+num`, `#reached+medical+num` (people treated),
/// `#description`, `#meta+id`.
public enum AidField: Int, ImportField {
    case date, adm1, adm2, adm3, adm4, locality, organisation, type, tonnes, parcels, reached, treated, description, externalId
    case adm1Name, adm2Name, adm3Name, adm4Name

    /// The fields that name the locality, coarsest first.
    public static let place: [AidField] = [.adm1, .adm2, .adm3, .adm4, .locality]
    /// The fields whose codes are of one level alone; `#adm4+code` is the locality, of whatever level the gazetteer's finest is.
    public static let placeLevels: [AidField: AdminLevel] = [.adm1: .adm1, .adm2: .adm2, .adm3: .adm3]
    /// The fields that name the locality's areas by name (`#adm4+name`), coarsest first: a convoy's sheet lists places so.
    public static let placeNames: [AidField] = [.adm1Name, .adm2Name, .adm3Name, .adm4Name]

    public static let tags = [
        "#date", "#adm4+code", "#activity+type", "#org", "#adm1+code", "#adm2+code", "#adm3+code", "#indicator+tonnes+num",
        "#indicator+parcels+num", "#reached+ind+num", "#reached+medical+num", "#description", "#meta+id", "#adm4+name", "#adm1+name", "#adm2+name", "#adm3+name",
    ]

    public init?(tag: HXLTag) {
        if let level = tag.areaCodeLevel {
            self = AidField.place[level.rawValue - 1]
            return
        }
        if let level = tag.areaNameLevel {
            self = AidField.placeNames[level.rawValue - 1]
            return
        }
        let a = tag.attributes
        switch tag.hashtag {
        case "date": self = .date
        case "org": self = .organisation
        case "activity" where a.contains("type"): self = .type
        case "indicator" where a.contains("tonnes"): self = .tonnes
        case "indicator" where a.contains("parcels"): self = .parcels
        case "reached" where a.contains("medical"): self = .treated
        case "reached": self = .reached
        case "description": self = .description
        case "meta" where a.contains("id"): self = .externalId
        default: return nil
        }
    }

    public var jsonKey: String? {
        ["date", "adm1", "adm2", "adm3", "adm4", "locality", "organisation", "type", "tonnes", "parcels", "reached", "treated",
         "description", "id", nil, nil, nil, nil][rawValue]
    }

    public var isFigure: Bool { [.tonnes, .parcels, .reached, .treated].contains(self) }
    public static var namedWhenAbsent: [AidField] { [.date, .locality, .type, .organisation] }

    public static func missing(given: (AidField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        var missing: [Message] = []
        if !given(.date) { missing.append(Message("import.aid.missing.date")) }
        if !(place + placeNames).contains(where: given) { missing.append(Message("import.aid.missing.locality")) }
        if !given(.type) { missing.append(Message("import.aid.missing.type")) }
        return missing
    }
}

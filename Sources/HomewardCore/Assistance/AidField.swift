/// What a column of an aid import says: `#date`, `#adm1+code` … `#adm4+code` (the locality), `#org`, `#activity+type`,
/// `#indicator+tonnes+num`, `#indicator+parcels+num`, `#reached+ind+num`, `#reached+medical+num` (people treated),
/// `#description`, `#meta+id`.
public enum AidField: Int, ImportField {
    case date, adm1, adm2, adm3, adm4, locality, organisation, type, tonnes, parcels, reached, treated, description, externalId

    /// The fields that name the locality, coarsest first.
    public static let place: [AidField] = [.adm1, .adm2, .adm3, .adm4, .locality]

    public static let tags = [
        "#date", "#adm4+code", "#activity+type", "#org", "#adm1+code", "#adm2+code", "#adm3+code", "#indicator+tonnes+num",
        "#indicator+parcels+num", "#reached+ind+num", "#reached+medical+num", "#description", "#meta+id",
    ]

    public init?(tag: HXLTag) {
        if let level = tag.areaCodeLevel {
            self = AidField.place[level.rawValue - 1]
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
         "description", "id"][rawValue]
    }

    public var isFigure: Bool { [.tonnes, .parcels, .reached, .treated].contains(self) }
    public static var namedWhenAbsent: [AidField] { [.date, .locality, .type, .organisation] }

    public static func missing(given: (AidField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        var missing: [Message] = []
        if !given(.date) { missing.append(Message("import.aid.missing.date")) }
        if !place.contains(where: given) { missing.append(Message("import.aid.missing.locality")) }
        if !given(.type) { missing.append(Message("import.aid.missing.type")) }
        return missing
    }
}

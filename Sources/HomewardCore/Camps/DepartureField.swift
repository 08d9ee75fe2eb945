/// What a column of a departures import says: `#date` (or `#date+start`/`#date+end`), `#loc+site+code`,
/// `#affected+departed+num`, `#loc+dest+code` (a site, or an area of any level) or `#adm1+dest+code`…`#adm4+dest+code`, `#org`, `#meta+id`.
public enum DepartureField: Int, ImportField {
    case date, dateStart, dateEnd, site, persons, destinationSite, destAdm1, destAdm2, destAdm3, destAdm4, destination
    case organisation, externalId, siteName

    public static let tags = [
        "#date", "#loc+site+code", "#affected+departed+num", "#org", "#date+start", "#date+end", "#loc+site+name", "#loc+dest+code",
        "#adm1+dest+code", "#adm2+dest+code", "#adm3+dest+code", "#adm4+dest+code", "#meta+id",
    ]

    public init?(tag: HXLTag) {
        let a = tag.attributes
        switch tag.hashtag {
        case "date": self = a.contains("start") ? .dateStart : a.contains("end") ? .dateEnd : .date
        case "loc" where a.contains("dest"): self = .destinationSite
        case "loc" where a.contains("site") && a.contains("name"): self = .siteName
        case "loc" where a.contains("site"): self = .site
        case "affected" where a.contains("departed"): self = .persons
        case "adm1" where a.contains("dest"): self = .destAdm1
        case "adm2" where a.contains("dest"): self = .destAdm2
        case "adm3" where a.contains("dest"): self = .destAdm3
        case "adm4" where a.contains("dest"): self = .destAdm4
        case "org": self = .organisation
        case "meta" where a.contains("id"): self = .externalId
        default: return nil
        }
    }

    public var jsonKey: String? {
        switch self {
        case .date: "date"
        case .dateStart: "start"
        case .dateEnd: "end"
        case .site: "site"
        case .persons: "persons"
        case .destination: "destination"
        case .organisation: "organisation"
        case .externalId: "id"
        default: nil
        }
    }

    public var isFigure: Bool { self == .persons }
    public static var namedWhenAbsent: [DepartureField] { [.date, .site, .persons, .organisation] }

    public static func missing(given: (DepartureField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        var missing: [Message] = []
        if !(given(.date) || (given(.dateStart) && given(.dateEnd))) { missing.append(Message("import.departures.missing.date")) }
        if !given(.site) && !given(.siteName) { missing.append(Message("import.departures.missing.site")) }
        if !given(.persons) { missing.append(Message("import.departures.missing.persons")) }
        return missing
    }
}

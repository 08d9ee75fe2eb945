/// What a column of a census import says: `#date`, `#loc+site+code` (or the site's name, `#loc+site+name`), `#population+ind+num`,
/// `#population+hh+num`, `#org`.
public enum CensusField: Int, ImportField {
    case date, site, residents, households, organisation, siteName

    public static let tags = ["#date", "#loc+site+code", "#population+ind+num", "#org", "#loc+site+name", "#population+hh+num"]

    public init?(tag: HXLTag) {
        let a = tag.attributes
        switch tag.hashtag {
        case "date": self = .date
        case "loc" where a.contains("site") && a.contains("name"): self = .siteName
        case "loc" where a.contains("site"): self = .site
        case "population" where a.contains("hh"): self = .households
        case "population" where a.contains("num") || a.contains("ind"): self = .residents
        case "org": self = .organisation
        default: return nil
        }
    }

    public var jsonKey: String? { self == .siteName ? nil : ["date", "site", "residents", "households", "organisation"][rawValue] }
    public var isFigure: Bool { self == .residents || self == .households }
    public static var namedWhenAbsent: [CensusField] { [.date, .site, .residents, .organisation] }

    public static func missing(given: (CensusField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        [CensusField.date, .site, .residents].filter { !given($0) && !($0 == .site && given(.siteName)) }
            .map { Message("import.censuses.missing.\($0.jsonKey!)") }
    }
}

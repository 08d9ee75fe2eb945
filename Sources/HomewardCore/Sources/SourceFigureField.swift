/// What a column of a source-figure import says.
///
/// `#org`, `#date` (the statement's date), `#indicator+code` (the measure), `#indicator+num` (the value),
/// `#indicator+qualifier`, `#indicator+type` (count, estimate, projection), `#date+since`, `#date+start`,
/// `#date+end`, `#date+year`, `#adm+code` (the area), `#meta+source` (the citation), `#meta+url`,
/// `#meta+id` (the organisation's reference), `#meta+part` (the reference or id of the total it is part of).
public enum SourceFigureField: Int, ImportField {
    case organisation, date, measure, value, qualifier, kind, since, from, to, year, area, citation, url, reference, partOf

    public static let tags = [
        "#date", "#indicator+code", "#indicator+num", "#org", "#indicator+qualifier", "#indicator+type", "#date+since", "#date+start",
        "#date+end", "#date+year", "#adm1+code", "#meta+source", "#meta+url", "#meta+id", "#meta+part",
    ]

    public init?(tag: HXLTag) {
        let a = tag.attributes
        switch tag.hashtag {
        case "org": self = .organisation
        case "date" where a.contains("since"): self = .since
        case "date" where a.contains("start"): self = .from
        case "date" where a.contains("end"): self = .to
        case "date" where a.contains("year"): self = .year
        case "date": self = .date
        case "indicator" where a.contains("code"): self = .measure
        case "indicator" where a.contains("qualifier"): self = .qualifier
        case "indicator" where a.contains("type"): self = .kind
        case "indicator" where a.contains("num") || a.contains("value"): self = .value
        case "adm", "adm1", "adm2", "adm3", "adm4", "loc":
            guard a.contains("code") else { return nil }
            self = .area
        case "meta" where a.contains("source"): self = .citation
        case "meta" where a.contains("url"): self = .url
        case "meta" where a.contains("part"): self = .partOf
        case "meta" where a.contains("id"): self = .reference
        default: return nil
        }
    }

    public var jsonKey: String? {
        ["organisation", "date", "measure", "value", "qualifier", "kind", "since", "from", "to", "year", "area",
         "citation", "url", "reference", "part_of"][rawValue]
    }

    /// Numbers JSON may give as numbers. A figure's identity is its own (``SourceFigure/identity``), not the
    /// draft's content, so a year or a total's id read as a number changes nothing else.
    public var isFigure: Bool { self == .value || self == .year || self == .partOf }
    /// With `from` and `to`: half a period names the key that is missing.
    public static var namedWhenAbsent: [SourceFigureField] { [.organisation, .date, .measure, .value, .from, .to] }

    public static func missing(given: (SourceFigureField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        [SourceFigureField.date, .measure, .value].filter { !given($0) }.map { Message("import.sources.missing.\($0.jsonKey!)") }
    }
}

/// What a column (or a constant) of an import says about a movement.
///
/// HXL hashtags, mapped spreadsheet headers and JSON keys all arrive here, so that one set of rules reads them.
public enum MovementField: Int, ImportField {
    case date, dateStart, dateEnd
    case crossing, crossingCode, crossingName
    case originCountry, origin
    case originAdm1Code, originAdm2Code, originAdm3Code, originAdm4Code
    case originAdm1Name, originAdm2Name, originAdm3Name, originAdm4Name
    case destination
    case destAdm1Code, destAdm2Code, destAdm3Code, destAdm4Code
    case destAdm1Name, destAdm2Name, destAdm3Name, destAdm4Name
    case refugees, idps, persons, category
    case organisation, source, externalId

    public static func originCode(_ level: AdminLevel) -> MovementField { MovementField(rawValue: originAdm1Code.rawValue + level.rawValue - 1)! }
    public static func originName(_ level: AdminLevel) -> MovementField { MovementField(rawValue: originAdm1Name.rawValue + level.rawValue - 1)! }
    public static func destCode(_ level: AdminLevel) -> MovementField { MovementField(rawValue: destAdm1Code.rawValue + level.rawValue - 1)! }
    public static func destName(_ level: AdminLevel) -> MovementField { MovementField(rawValue: destAdm1Name.rawValue + level.rawValue - 1)! }

    /// Counts are the values that may change between two versions of the same row.
    public var isFigure: Bool { self == .refugees || self == .idps || self == .persons }

    public static let tags = [
        "#date", "#adm1+dest+code", "#affected+returnees+refugees+num", "#affected+returnees+idps+num", "#date+start", "#date+end",
        "#loc+crossing+code", "#loc+crossing+name", "#country+origin+code", "#adm1+origin+code", "#adm2+origin+code", "#adm3+origin+code",
        "#adm4+origin+code", "#adm1+origin+name", "#adm2+origin+name", "#adm3+origin+name", "#adm4+origin+name", "#adm2+dest+code", "#adm3+dest+code", "#adm4+dest+code", "#adm1+dest+name",
        "#adm2+dest+name", "#adm3+dest+name", "#adm4+dest+name", "#loc+dest+code", "#loc+origin+code", "#affected+returnees+num",
        "#affected+type", "#org", "#meta+source", "#meta+id",
    ]

    /// The field an HXL hashtag with attributes stands for, or `nil` when Homeward does not read it.
    public init?(tag: HXLTag) {
        let a = tag.attributes
        let level = ["adm1": AdminLevel.adm1, "adm2": .adm2, "adm3": .adm3, "adm4": .adm4][tag.hashtag]
        switch tag.hashtag {
        case "date":
            self = a.contains("start") ? .dateStart : a.contains("end") ? .dateEnd : .date
        case "loc" where a.contains("crossing"):
            self = a.contains("code") ? .crossingCode : a.contains("name") ? .crossingName : .crossing
        // A place of any level by its code, as JSON's `origin` and `destination` are: Homeward's own export writes them so.
        case "loc" where a.contains("dest") && !a.contains("name"):
            self = .destination
        case "loc" where a.contains("origin") && !a.contains("name"):
            self = .origin
        case "country" where !a.contains("dest"):
            self = .originCountry
        case _ where level != nil:
            let byName = a.contains("name") && !a.contains("code")
            if a.contains("origin") {
                self = byName ? .originName(level!) : .originCode(level!)
            } else {
                self = byName ? .destName(level!) : .destCode(level!)
            }
        case "affected" where a.contains("returnees") && a.contains("num"):
            self = a.contains("refugees") ? .refugees : a.contains("idps") ? .idps : .persons
        // A form's one question "refugee or IDP?" beside one count, as JSON's `category` is.
        case "affected" where a.contains("type") || a.contains("category"):
            self = .category
        case "category":
            self = .category
        case "meta" where a.contains("category"):
            self = .category
        case "org":
            self = .organisation
        case "meta" where a.contains("source"):
            self = .source
        case "meta" where a.contains("id"):
            self = .externalId
        default:
            return nil
        }
    }

    /// The keys of a movement in JSON, as the API and `--format json` imports take it.
    public var jsonKey: String? {
        switch self {
        case .date: "date"
        case .dateStart: "start"
        case .dateEnd: "end"
        case .crossing: "crossing"
        case .origin: "origin"
        case .destination: "destination"
        case .refugees: "refugees"
        case .idps: "idps"
        case .persons: "persons"
        case .category: "category"
        case .organisation: "organisation"
        case .source: "source"
        case .externalId: "id"
        default: nil
        }
    }

    public static var namedWhenAbsent: [MovementField] { [.persons, .category, .date, .organisation] }

    public static func missing(given: (MovementField) -> Bool, via vocabulary: Vocabulary) -> [Message] {
        var missing: [Message] = []
        if !(given(.refugees) || given(.idps) || given(.persons)) {
            missing.append(Message("import.movements.missing.count"))
        }
        if given(.persons) && !given(.category) {
            missing.append(Message("import.movements.missing.category"))
        }
        if !(given(.date) || (given(.dateStart) && given(.dateEnd))) {
            missing.append(Message("import.movements.missing.date", ["via": vocabulary.argument]))
        }
        let places: [MovementField] = [.crossing, .crossingCode, .crossingName, .destination]
            + AdminLevel.allCases.flatMap { [MovementField.destCode($0), .destName($0)] }
        if !places.contains(where: given) {
            missing.append(Message("import.movements.missing.place"))
        }
        return missing
    }
}

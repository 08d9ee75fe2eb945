/// A place's name in one language, read from a names file (`code,kind,name_en,name_ru`).
///
/// Names files add languages the gazetteer files lack (the OCHA files name areas in English and Arabic
/// only) without changing those files; the places themselves come from the gazetteer files.
public struct PlaceName: Hashable, Sendable {
    /// The kind of place a code names, as the file's `kind` column says it.
    public enum Kind: Hashable, Sendable {
        case area(AdminLevel)
        case crossing
        case country

        /// `adm1` … `adm4`, `crossing` or `country`.
        public init?(_ text: String) {
            switch text.lowercased() {
            case "crossing": self = .crossing
            case "country": self = .country
            default:
                guard let level = AdminLevel.allCases.first(where: { "adm\($0.rawValue)" == text.lowercased() }) else { return nil }
                self = .area(level)
            }
        }

        /// What error messages call it.
        var noun: String {
            switch self {
            case .area(let level): "adm\(level.rawValue) area"
            case .crossing: "crossing point"
            case .country: "country"
            }
        }
    }

    public var kind: Kind
    /// The P-code, crossing code or ISO3 code.
    public var code: String
    public var language: Language
    public var name: String
    /// Where the name was read, so that an error can point at it.
    public var file: String
    /// The row as a spreadsheet numbers it (the header is row 1).
    public var row: Int

    public init(kind: Kind, code: String, language: Language, name: String, file: String, row: Int) {
        self.kind = kind
        self.code = code
        self.language = language
        self.name = name
        self.file = file
        self.row = row
    }
}

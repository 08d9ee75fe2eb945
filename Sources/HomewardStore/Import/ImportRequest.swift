import HomewardCore

/// How to read one import: the format, the mapping of a plain spreadsheet, and what to do with bad rows.
public struct ImportRequest: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, json }

    /// The file's name, kept with the import's record.
    public var sourceName: String
    public var format: Format
    /// Header to HXL tag (`--map`).
    public var mapping: [String: String]
    /// HXL tag to a value for every row (`--set`).
    public var constants: [String: String]
    /// The organisation of rows that name none (`--org`).
    public var organisation: String?
    /// Validate and count against the database, then write nothing.
    public var dryRun: Bool
    /// Write the valid rows and report the rejected ones, instead of writing nothing.
    public var skipInvalid: Bool
    /// The day imports are checked against (nothing after it).
    public var today: Day
    /// The byte between a CSV's cells: `,` but in a spreadsheet's semicolon or tab files.
    public var delimiter: UInt8
    /// Whose words problems use for options: the command line's (`--org`) or the API's (`org`).
    public var vocabulary: Vocabulary
    /// Which comes first in dates written with day and month apart (`--date-order`); without it only those that read one way.
    public var dateOrder: DateOrder?

    public init(sourceName: String, format: Format = .csv, mapping: [String: String] = [:], constants: [String: String] = [:],
                organisation: String? = nil, dryRun: Bool = false, skipInvalid: Bool = false, today: Day,
                delimiter: UInt8 = UInt8(ascii: ","), vocabulary: Vocabulary = .commandLine) {
        self.sourceName = sourceName
        self.format = format
        self.mapping = mapping
        self.constants = constants
        self.organisation = organisation
        self.dryRun = dryRun
        self.skipInvalid = skipInvalid
        self.today = today
        self.delimiter = delimiter
        self.vocabulary = vocabulary
    }

    /// The delimiters a person may name (`,`, `;`, `tab`), as `--delimiter` and the API's `delimiter` take them.
    public static func delimiter(named name: String) -> UInt8? {
        switch name {
        case ",": UInt8(ascii: ",")
        case ";": UInt8(ascii: ";")
        case "tab", "\\t", "\t": UInt8(ascii: "\t")
        default: nil
        }
    }
}

/// The fields one kind of record is read from, whichever way it arrives.
///
/// HXL hashtags, mapped spreadsheet headers, `--set` constants and JSON keys all become the same
/// fields, so that one ``ImportLayout``, one ``JSONRecords`` reader and one set of rules per kind
/// serve CSV and JSON alike. A new kind of record declares its fields here and nothing else about reading.
public protocol ImportField: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == Int, AllCases == [Self] {
    /// The field an HXL hashtag with attributes stands for, or `nil` when this kind does not read it.
    init?(tag: HXLTag)
    /// The key that gives this field in JSON, or `nil` when JSON does not give it.
    var jsonKey: String? { get }
    /// A figure that a later version of the same record may change (a count, a quantity): it is not
    /// part of a row's identity, and JSON may give it as a number.
    var isFigure: Bool { get }
    /// Fields that JSON messages name by their key even when an object leaves them out, so that a
    /// client learns which key to send.
    static var namedWhenAbsent: [Self] { get }
    /// The hashtags this kind reads, as a file writes them, the four a file most needs first (the example of a hashtag row): what a refusal of a tag, or of
    /// a file without a hashtag row, tells its user to write (the binary alone reaches many, without the README).
    static var tags: [String] { get }
    /// What a layout that gives only the fields for which `given` holds lacks to be read at all, one
    /// message each ("the file gives no date (#date …)"), naming options in the words of `vocabulary`.
    static func missing(given: (Self) -> Bool, via vocabulary: Vocabulary) -> [Message]
}

extension ImportField {
    public static var namedWhenAbsent: [Self] { [] }

    /// The field each JSON key names: made once per body and asked for every key of every object, rather than a
    /// search through the fields each time (that search was a seventh of the server's time in posts of 1,000 movements).
    public static var byJSONKey: [String: Self] {
        Dictionary(uniqueKeysWithValues: allCases.compactMap { field in field.jsonKey.map { ($0, field) } })
    }

    /// The tags, joined for a message.
    public static var tagList: String { tags.joined(separator: ", ") }

    /// Every JSON key, in the order of the fields.
    public static var jsonKeys: [String] { allCases.compactMap(\.jsonKey) }
}

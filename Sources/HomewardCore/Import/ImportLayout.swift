/// Which column of a file gives which field of a record, worked out once from its first rows.
///
/// A file is read by its HXL hashtag row when it has one; a plain spreadsheet through a mapping of its
/// headers to tags (`--map 'Ret_Flow_Estimation=#affected+returnees+idps+num'`); values missing from
/// every row come as constants (`--set '#date=2019-01'`). The API takes the same as `map=` and `set=`.
public struct ImportLayout<Field: ImportField>: Sendable {
    /// How far into a file the hashtag row is looked for, as libhxl does.
    public static var tagRowSearchDepth: Int { 25 }

    /// Column index per field, `nil` where the field comes from a constant or not at all.
    public private(set) var columns: [Int?] = Array(repeating: nil, count: Field.allCases.count)
    public private(set) var constants: [String?] = Array(repeating: nil, count: Field.allCases.count)
    public private(set) var labels: [String] = Array(repeating: "", count: Field.allCases.count)
    /// Indices of the columns that make a row's identity: all but the figures, in header order.
    public private(set) var contentColumns: [Int] = []
    public private(set) var ignoredColumns: [String] = []
    /// Columns not read whose tag is a slip away from one the kind reads and the file does not give otherwise
    /// (`#indicator+tonne+num`): the column, and the tag it may have meant.
    public private(set) var nearTags: [(column: String, tag: String, meant: String)] = []
    /// How many rows precede the data (headers and the hashtag row).
    public private(set) var headerRowCount = 0
    /// How many columns the header and hashtag rows name, up to the last named: a data row's values past them have no column.
    public private(set) var width = 0
    /// Whether the header row goes on past its last named column (separators at its end): a value there is named as lying
    /// under no header, not past the file's end.
    public private(set) var endsUnnamed = false
    /// A KoboToolbox export read by its submissions' `meta/rootUuid`, and its `_uuid` column for rows without one (which
    /// is then no column "not read", though no field names it).
    private var koboRoot: (column: Int, uuid: Int?)?

    /// Works out the layout from the first rows of a file.
    ///
    /// - Parameters:
    ///   - firstRows: up to ``tagRowSearchDepth`` rows from the top of the file.
    ///   - mapping: header to HXL tag, for files with no hashtag row (or to override one).
    ///   - constants: HXL tag to the value every row takes.
    ///   - vocabulary: whose words messages and labels use for `--map` and `--set`.
    /// - Throws: ``ImportError`` naming the header or tag at fault.
    public init(firstRows: [[String]], mapping: [String: String] = [:], constants: [String: String] = [:],
                vocabulary: Vocabulary = .commandLine) throws {
        var problems: [ImportProblem] = []
        let via = vocabulary.argument
        let tagRowIndex = firstRows.prefix(Self.tagRowSearchDepth).firstIndex(where: Self.isTagRow)
        if tagRowIndex == nil && mapping.isEmpty {
            // A hashtag row that reads as one cell was written with another separator (a spreadsheet's ';'), or the
            // one given is not the file's.
            for (index, row) in firstRows.prefix(Self.tagRowSearchDepth).enumerated() where row.count == 1 {
                for separator in [";", "\t", ","] where Self.isTagRow(row[0].components(separatedBy: separator)) {
                    throw ImportError([ImportProblem(row: index + 1, column: "", value: "", Message("import.layout.otherSeparator", [
                        "row": .count(index + 1), "via": via, "separator": .code(separator == "\t" ? "tab" : separator)]))])
                }
            }
            // The Arabic comma (،), which an Arabic keyboard gives for ',': no separator a CSV file may have, so the file must
            // be saved again, not read with another option.
            if let index = firstRows.prefix(Self.tagRowSearchDepth).firstIndex(where: { $0.count == 1 && Self.isTagRow($0[0].components(separatedBy: "،")) }) {
                throw ImportError([ImportProblem(row: index + 1, column: "", value: "", Message("import.layout.arabicComma", ["row": .count(index + 1)]))])
            }
            throw ImportError(Message("import.layout.noTagRow", ["first": .count(1), "last": .count(Self.tagRowSearchDepth), "via": via,
                                                                  "example": .code(Field.tags.prefix(4).joined(separator: ","))]))
        }
        let headers: [String]
        var tags: [String?]
        if let tagRowIndex {
            headers = tagRowIndex > 0 ? firstRows[tagRowIndex - 1] : firstRows[tagRowIndex]
            tags = firstRows[tagRowIndex].map { $0 }
            headerRowCount = tagRowIndex + 1
        } else {
            headers = firstRows.first ?? []
            tags = Array(repeating: nil, count: headers.count)
            headerRowCount = 1
        }
        if tags.count < headers.count { tags += Array(repeating: nil, count: headers.count - tags.count) }
        // A header row ending in separators (a spreadsheet's or Kobo's `;;;`) names no columns there: a value shifted past
        // the last named column by an unquoted separator (`1,200`) would land in one unread, and the count read as 1.
        width = (tags.indices.last { !(tags[$0] ?? "").isBlank || ($0 < headers.count && !headers[$0].isBlank) } ?? -1) + 1
        endsUnnamed = max(tags.count, headers.count) > width

        // A header that reads as one cell holding another separator (a spreadsheet's ';'): every header the mapping names
        // would be missing, and the separator is what to mend.
        if !mapping.isEmpty, headers.count == 1, let separator = [";", "\t"].first(where: { headers[0].contains($0) }),
           !mapping.keys.contains(where: { $0.trimmingCharacters(in: .whitespaces) == headers[0].trimmingCharacters(in: .whitespaces) }) {
            throw ImportError([ImportProblem(row: 1, column: "", value: "", Message("import.layout.headerOtherSeparator", [
                "via": via, "separator": .code(separator == "\t" ? "tab" : separator)]))])
        }

        // The columns a mapping named: a tag given there that the records are not read from is a typing error, not a
        // column to pass over, since the user asked for that column to be read.
        var mapped: [Int: String] = [:]
        for (header, tag) in mapping {
            let wanted = header.trimmingCharacters(in: .whitespaces)
            var matches = headers.indices.filter { headers[$0].trimmingCharacters(in: .whitespaces) == wanted }
            if matches.isEmpty { matches = headers.indices.filter { headers[$0].trimmingCharacters(in: .whitespaces).lowercased() == wanted.lowercased() } }
            // Two columns of one header (a form's labels): which one the mapping means cannot be told.
            if matches.count > 1 {
                problems.append(ImportProblem(row: 1, column: header, value: tag, Message("import.layout.mapTwoColumns",
                    ["first": .serial(matches[0] + 1), "second": .serial(matches[1] + 1), "via": via])))
                continue
            }
            guard let index = matches.first else {
                problems.append(ImportProblem(row: 1, column: header, value: tag, Message("import.layout.mapUnknownHeader",
                    ["headers": .text(headers.joined(separator: ", ")), "via": via])))
                continue
            }
            tags[index] = tag
            mapped[index] = header
        }

        // A KoboToolbox export names its submission as `#meta+id` names a record: read so where the file gives no id, so that
        // the same submissions exported again (one validated or edited since, a column added) update rather than count twice.
        // `meta/rootUuid` stays the submission's through its edits, where `_uuid` is each edit's own (an edited submission
        // would come in beside its first version); it is the first `_uuid` with a prefix (`uuid:`), so ledgers keyed by
        // `_uuid` before find their submissions by it.
        let untagged = { (column: Int) in tags[column].map { $0.trimmingCharacters(in: .whitespaces).isEmpty } ?? true }
        if let idField = HXLTag("#meta+id").flatMap(Field.init(tag:)),
           !tags.contains(where: { $0.flatMap(HXLTag.init).flatMap(Field.init(tag:)) == idField }) {
            let uuid = headers.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "_uuid" }.flatMap { untagged($0) ? $0 : nil }
            if let root = headers.firstIndex(where: Self.isKoboRootUuid), untagged(root) {
                tags[root] = "#meta+id"
                koboRoot = (root, uuid)
            } else if let uuid {
                tags[uuid] = "#meta+id"
            }
        }
        for (index, tagText) in tags.enumerated() {
            let header = index < headers.count ? headers[index] : ""
            let label = header.isEmpty || header == tagText ? (tagText ?? "column \(index + 1)") : header
            guard let tagText, !tagText.trimmingCharacters(in: .whitespaces).isEmpty else {
                if !header.isEmpty && index != koboRoot?.uuid { ignoredColumns.append(label) }
                contentColumns.append(index)
                continue
            }
            guard let tag = HXLTag(tagText) else {
                problems.append(ImportProblem(row: headerRowCount, column: label, value: tagText, Message("import.layout.notATag")))
                continue
            }
            guard let field = Field(tag: tag) else {
                if let header = mapped[index] {
                    problems.append(ImportProblem(row: 0, column: (vocabulary == .commandLine ? "--map " : "map ") + header, value: tagText,
                                                  Message("import.layout.constantNotRead", ["tags": .text(Field.tagList)])))
                    continue
                }
                ignoredColumns.append(label)
                contentColumns.append(index)
                continue
            }
            if let other = columns[field.rawValue] {
                problems.append(ImportProblem(row: headerRowCount, column: label, value: tagText, Message("import.layout.duplicate",
                    ["other": .text(labels[field.rawValue]), "position": .code(String(other + 1))])))
                continue
            }
            columns[field.rawValue] = index
            labels[field.rawValue] = label
            if !field.isFigure { contentColumns.append(index) }
        }

        for (tagText, value) in constants.sorted(by: { $0.key < $1.key }) {
            let label = vocabulary == .commandLine ? "--set \(tagText)" : "set \(tagText)"
            guard let tag = HXLTag(tagText), let field = Field(tag: tag) else {
                problems.append(ImportProblem(row: 0, column: label, value: value, Message("import.layout.constantNotRead", ["tags": .text(Field.tagList)])))
                continue
            }
            if columns[field.rawValue] != nil {
                problems.append(ImportProblem(row: 0, column: label, value: value,
                    Message("import.layout.constantGivenByColumn", ["other": .text(labels[field.rawValue])])))
                continue
            }
            self.constants[field.rawValue] = value
            labels[field.rawValue] = label
        }
        problems += Field.missing(given: gives, via: vocabulary).map { ImportProblem(row: 0, column: "", value: "", $0) }
        nearTags = zip(tags.indices, tags).compactMap { index, text in
            guard let text, let tag = HXLTag(text), Field(tag: tag) == nil, mapped[index] == nil else { return nil }
            // Compared as the standard compares tags (attributes in any order), named as the kind's tags are written.
            let known = Field.tags.filter { HXLTag($0).flatMap(Field.init(tag:)).map { !gives($0) } ?? false }
            guard let meant = known.first(where: { (1 ... 2).contains(editDistance(HXLTag($0)!.description, tag.description)) }) else { return nil }
            let header = index < headers.count ? headers[index] : ""
            return (header.isEmpty || header == text ? text : header, text.trimmingCharacters(in: .whitespaces), meant)
        }
        // A field missing because its tag was mistyped: the slip is what to mend.
        if !problems.isEmpty { problems += nearTagProblems(severity: .error) }
        if !problems.isEmpty { throw ImportError(problems) }
    }

    /// The columns whose tags look mistyped, as problems of the hashtag row.
    public func nearTagProblems(severity: ImportProblem.Severity) -> [ImportProblem] {
        nearTags.map { ImportProblem(row: headerRowCount, column: $0.column, value: $0.tag, Message("import.layout.nearTag", ["meant": .code($0.meant)]),
                                     severity: severity) }
    }

    /// Where a field's value stands in a draft's `content` (its column's place, or its constant's after the columns), so
    /// that what the import reads it as (a date written another way) is the row's identity too: `nil` for a figure.
    public func contentIndex(of field: Field) -> Int? {
        if let column = columns[field.rawValue] { return contentColumns.firstIndex(of: column) }
        guard constants[field.rawValue] != nil else { return nil }
        return contentColumns.count + constants[..<field.rawValue].compactMap { $0 }.count
    }

    /// Whether the layout gives a field at all (by column or constant).
    public func gives(_ field: Field) -> Bool { !labels[field.rawValue].isEmpty }

    /// Whether a header is a KoboToolbox export's `meta/rootUuid`, with its group's path or without (`rootUuid`).
    static func isKoboRootUuid(_ header: String) -> Bool {
        header.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "/" || $0 == "." }).last == "rootUuid"
    }

    /// A submission's id without its namespace (`uuid:…`, or a server's own such as `org.kobotoolbox:…`): as `_uuid` gives it.
    public static func submissionID(_ value: String) -> String {
        value.lastIndex(of: ":").map { String(value[value.index(after: $0)...]) } ?? value
    }

    /// Whether a row looks like an HXL hashtag row: most of its filled cells are hashtags.
    static func isTagRow(_ row: [String]) -> Bool {
        let filled = row.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !filled.isEmpty else { return false }
        let tagged = filled.filter { HXLTag($0) != nil }.count
        return tagged * 2 > filled.count
    }

    /// A problem for a row that gives values past the file's last column, `nil` for any other.
    ///
    /// A value that holds the separator without quotes (`Aleppo, city`) moves every value after it one column on:
    /// a count can then be read as a place, or go unread. Empty cells past the end (a spreadsheet's trailing
    /// separators) are no values.
    public func extraValues(in cells: [String], row: Int) -> ImportProblem? {
        guard cells.count > width, let extra = cells[width...].firstIndex(where: { !$0.isBlank }),
              let last = cells.lastIndex(where: { !$0.isBlank }) else { return nil }
        return ImportProblem(row: row, column: "column \(extra + 1)", value: cells[extra].trimmingBlanks,
                             Message("import.row.extraValues", ["values": .count(last + 1), "columns": .count(width),
                                                                "header": .code(endsUnnamed ? "unnamed" : "named")]))
    }

    /// The draft of one data row.
    public func draft(row cells: [String], number: Int) -> ImportDraft<Field> {
        var values = constants
        for (fieldIndex, column) in columns.enumerated() {
            if let column, column < cells.count { values[fieldIndex] = CSVWriter.readBack(cells[column]) }
        }
        if let koboRoot, let id = columns.firstIndex(of: koboRoot.column) {
            let root = values[id].map(Self.submissionID) ?? ""
            values[id] = root.isBlank ? koboRoot.uuid.flatMap { $0 < cells.count ? cells[$0] : nil } : root
        }
        let content = contentColumns.map { $0 < cells.count ? cells[$0] : "" }
            + constants.compactMap { $0 }
        return ImportDraft(row: number, values: values, labels: labels, content: content)
    }
}

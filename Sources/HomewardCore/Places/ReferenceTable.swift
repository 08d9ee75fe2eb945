/// A gazetteer file read from CSV: administrative areas of one level, countries, crossing points, or
/// names of places in more languages.
///
/// Each kind is known by its columns, not its file name, so another country's gazetteer loads from
/// files laid out as the bundled ones (`adm1_pcode,adm1_name_en,adm1_name_ar,…`).
public enum ReferenceTable: Sendable {
    /// With the file and row each came from, for the checks that need the rest of the gazetteer (``ReferenceCheck``).
    case areas([AdminArea], rows: [ReferenceRow])
    case countries([Country])
    case crossings([CrossingPoint], rows: [ReferenceRow])
    /// From `code,kind,name_en,name_ru` (and/or `name_ar`); `name_en` is there for the reader and is not loaded.
    case names([PlaceName])

    /// How many of a file's problems are listed; the rest are counted.
    public static var listedProblemLimit: Int { 1000 }

    /// Reads the rows of one file, the first row its header.
    ///
    /// Every row is checked, so that a file made by hand is mended in one round rather than one row per attempt.
    /// - Throws: ``ImportError`` naming the row and column of each problem, or the header's.
    public static func read(rows: [[String]], file: String) throws -> ReferenceTable {
        guard let header = rows.first else { throw ImportError("\(file): the file is empty") }
        var problems: [ImportProblem] = []
        func fault(_ row: Int, _ column: String, _ value: String, _ reason: String) {
            problems.append(ImportProblem(row: row, column: column, value: value, reason: "\(file): \(reason)"))
        }
        let columns = Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces), $0) }, uniquingKeysWith: { a, _ in a })
        let body = rows.dropFirst().enumerated().filter { !($0.element.allSatisfy { $0.isEmpty }) }
        // A row with values past the header's last column has had them moved by a separator without quotes (`41,15` for a
        // latitude of 41.15): every value after it would be read from the wrong column.
        var shifted = Set<Int>()
        for (offset, row) in body where row.count > header.count {
            if let extra = row[header.count...].firstIndex(where: { !$0.isBlank }) {
                fault(offset + 2, "column \(extra + 1)", row[extra], "the row gives more values than the header has columns (\(row.count) against \(header.count))")
                shifted.insert(offset)
            }
        }
        // A shifted row's other values are in the wrong columns: its own checks would only repeat that.
        let rowsRead = body.filter { !shifted.contains($0.offset) }
        func cell(_ row: [String], _ name: String) -> String {
            guard let index = columns[name], index < row.count else { return "" }
            return row[index].trimmingCharacters(in: .whitespaces)
        }
        /// The value, or `nil` with its problem noted.
        func required(_ row: [String], _ number: Int, _ name: String) -> String? {
            let value = cell(row, name)
            if value.isEmpty { fault(number, name, "", "required, and empty") }
            return value.isEmpty ? nil : value
        }

        /// A file's columns that its kind cannot do without: a header without one is the file's problem, not each row's.
        func requireColumns(_ names: [String]) throws {
            let missing = names.filter { columns[$0] == nil }
            guard !missing.isEmpty else { return }
            throw ImportError([ImportProblem(row: 1, column: missing.joined(separator: ", "), value: "",
                                             reason: "\(file): the header has no column \(missing.joined(separator: ", "))")])
        }
        /// Each code once in a file, in any letter case: a second row for it would silently replace the first, or (`geo-01`
        /// beside `GEO-01`) make a second place whose rows split the first's figures.
        var seen: [String: Int] = [:]
        func once(_ code: String, _ number: Int, _ column: String) {
            if let first = seen[code.uppercased()] {
                fault(number, column, code, "\(code) is given again (first on row \(first))")
            } else {
                seen[code.uppercased()] = number
            }
        }
        func coordinate(_ row: [String], _ number: Int, _ names: [String], within limit: Double) -> Double? {
            for name in names {
                let text = cell(row, name)
                guard !text.isEmpty else { continue }
                guard let value = Double(text), value.isFinite, abs(value) <= limit else {
                    fault(number, name, text, "not a number of degrees from -\(Int(limit)) to \(Int(limit))")
                    return nil
                }
                return value
            }
            return nil
        }
        /// The table, unless a row had a problem.
        func checked(_ table: ReferenceTable) throws -> ReferenceTable {
            guard !problems.isEmpty else { return table }
            let unlisted = problems.count - Self.listedProblemLimit
            var listed = Array(problems.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
                .map(\.element).prefix(Self.listedProblemLimit))
            if unlisted > 0 { listed.append(ImportProblem(row: 0, column: "", value: "", Message("import.moreProblems", ["count": .count(unlisted)]))) }
            throw ImportError(listed)
        }

        if let level = AdminLevel.allCases.last(where: { columns["adm\($0.rawValue)_pcode"] != nil }) {
            let n = level.rawValue
            // A finer level's columns without its P-code (`adm2_pcod`): the file would be read as its parents', every row a
            // repeat of the one before.
            if let finer = AdminLevel.allCases.first(where: { finer in finer.rawValue > n && columns.keys.contains { $0.hasPrefix("adm\(finer.rawValue)_") } }) {
                let given = columns.keys.filter { $0.hasPrefix("adm\(finer.rawValue)_") }.sorted()
                throw ImportError([ImportProblem(row: 1, column: given.joined(separator: ", "), value: "",
                                                 reason: "\(file): the header has adm\(finer.rawValue) columns but no adm\(finer.rawValue)_pcode")])
            }
            try requireColumns(["adm\(n)_pcode", "adm\(n)_name_en"] + (level.coarser.map { ["adm\($0.rawValue)_pcode"] } ?? []))
            var rows: [ReferenceRow] = []
            let areas = rowsRead.compactMap { offset, row -> AdminArea? in
                let number = offset + 2
                let pcode = required(row, number, "adm\(n)_pcode")
                let parent = level.coarser.map { cell(row, "adm\($0.rawValue)_pcode") }
                if let parent, parent.isEmpty { fault(number, "adm\(n - 1)_pcode", "", "an adm\(n) area needs its parent's P-code") }
                if let pcode { once(pcode, number, "adm\(n)_pcode") }
                let name = required(row, number, "adm\(n)_name_en")
                let latitude = coordinate(row, number, ["lat", "centroid_lat"], within: 90)
                let longitude = coordinate(row, number, ["lon", "centroid_lon"], within: 180)
                guard let pcode, let name else { return nil }
                rows.append(ReferenceRow(file: file, row: number))
                // A name the source cut short (a shapefile's 50-byte field) is shown as cut, not as a whole name: an ellipsis,
                // which name matching ignores, so a file that writes the cut name still finds it.
                var nameAr = cell(row, "adm\(n)_name_ar")
                if !nameAr.isEmpty, cell(row, "note").split(separator: ";").contains("ar_name_truncated_in_source") { nameAr += AdminArea.cutMark }
                return AdminArea(pcode: pcode, level: level, nameEn: name, nameAr: nameAr, parent: parent,
                                 latitude: latitude, longitude: longitude)
            }
            return try checked(.areas(areas, rows: rows))
        }
        if columns["ISO 3166-1 Alpha 3-Codes"] != nil {
            return try checked(.countries(rowsRead.compactMap { offset, row in
                let iso3 = cell(row, "ISO 3166-1 Alpha 3-Codes")
                guard !iso3.isEmpty else { return nil } // taxonomy rows for regions without a code
                // The UN's own term in English (Falkland Islands (Malvinas), not the short form that drops one name); where the
                // short form has no Russian or Arabic name, the M49 one (Western Sahara, Hong Kong), so none falls back to English.
                let first = { (names: [String]) in names.lazy.map { cell(row, $0) }.first { !$0.isEmpty } ?? "" }
                let preferred = first(["Preferred Term", "English Short"])
                guard let name = preferred.isEmpty ? required(row, offset + 2, "Preferred Term") : preferred else { return nil }
                let others = ["ISO Alt Term", "DGACM Alt Term", "HPC Tools Alt Term", "RW Short Name", "RW API Alt Term", "English Short",
                              "English Formal", "M49 English", "French Short", "Spanish Short", "M49 Russian", "M49 Arabic"]
                    .map { cell(row, $0) }.filter { !$0.isEmpty }
                let pattern = cell(row, "Regex")
                return Country(iso3: iso3, iso2: cell(row, "ISO 3166-1 Alpha 2-Codes"), nameEn: name,
                               nameRu: first(["Russian Short", "M49 Russian"]),
                               nameAr: Country.arabicInReadingOrder(first(["Arabic Short", "M49 Arabic"])),
                               otherNames: Array(Set(others.map { $0.hasPrefix("the ") ? String($0.dropFirst(4)) : $0 })).sorted(),
                               namePattern: pattern.isEmpty ? nil : pattern)
            }))
        }
        if columns["iso3"] != nil {
            return try checked(.countries(rowsRead.compactMap { offset, row in
                let iso3 = required(row, offset + 2, "iso3"), name = required(row, offset + 2, "name_en")
                let pattern = cell(row, "name_pattern")
                if !pattern.isEmpty, !CountryPatterns.isReadable(pattern) {
                    fault(offset + 2, "name_pattern", pattern, "not a regular expression this reads")
                }
                guard let iso3, let name else { return nil }
                let others = cell(row, "other_names").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                return Country(iso3: iso3, iso2: cell(row, "iso2"), nameEn: name, nameRu: cell(row, "name_ru"), nameAr: cell(row, "name_ar"),
                               otherNames: others, namePattern: pattern.isEmpty ? nil : pattern)
            }))
        }
        if columns["crossing_code"] != nil {
            try requireColumns(["crossing_code", "name_en"])
            var rows: [ReferenceRow] = []
            let crossings = rowsRead.compactMap { offset, row -> CrossingPoint? in
                let country = cell(row, "country_iso3")
                let admin = cell(row, "admin_pcode")
                let code = required(row, offset + 2, "crossing_code")
                if let code { once(code, offset + 2, "crossing_code") }
                guard let code, let name = required(row, offset + 2, "name_en") else { return nil }
                rows.append(ReferenceRow(file: file, row: offset + 2))
                return CrossingPoint(code: code,
                                     nameEn: name, nameAr: cell(row, "name_ar"),
                                     country: country.isEmpty ? nil : country,
                                     counterpartName: cell(row, "counterpart_name").isEmpty ? nil : cell(row, "counterpart_name"),
                                     adminPcode: admin.isEmpty ? nil : admin,
                                     note: cell(row, "note").isEmpty ? nil : cell(row, "note"))
            }
            return try checked(.crossings(crossings, rows: rows))
        }
        if columns["code"] != nil, columns["kind"] != nil {
            let languages = Language.allCases.filter { $0 != .en && columns["name_\($0.rawValue)"] != nil }
            // A names file whose name column is mistyped (`name_rus`) would load no name at all, and say nothing.
            let known = Set(["code", "kind"] + Language.allCases.map { "name_\($0.rawValue)" })
            let unknown = columns.keys.filter { !known.contains($0) && !$0.isEmpty }.sorted()
            guard unknown.isEmpty, !languages.isEmpty else {
                throw ImportError([ImportProblem(row: 1, column: unknown.joined(separator: ", "), value: "",
                                                 reason: "\(file): a names file's columns are code, kind and "
                                                    + Language.allCases.filter { $0 != .en }.map { "name_\($0.rawValue)" }.joined(separator: " or ")
                                                    + (unknown.isEmpty ? "" : "; not \(unknown.joined(separator: ", "))"))])
            }
            return try checked(.names(rowsRead.flatMap { offset, row -> [PlaceName] in
                let number = offset + 2
                let code = required(row, number, "code")
                let text = required(row, number, "kind")
                let kind = text.flatMap(PlaceName.Kind.init)
                if let text, kind == nil { fault(number, "kind", text, "the kind of place is adm1 to adm4, crossing or country") }
                guard let code, let kind else { return [] }
                return languages.compactMap { language in
                    let name = cell(row, "name_\(language.rawValue)")
                    return name.isEmpty ? nil : PlaceName(kind: kind, code: code, language: language, name: name, file: file, row: number)
                }
            }))
        }
        throw ImportError("\(file): not a gazetteer file; its header has none of adm1_pcode … adm4_pcode, iso3, "
            + "ISO 3166-1 Alpha 3-Codes, crossing_code, or code and kind")
    }
}

/// Where a line of the gazetteer came from, for problems that only the whole gazetteer shows (a parent in another file).
public struct ReferenceRow: Hashable, Sendable {
    public var file: String
    public var row: Int

    public init(file: String, row: Int) {
        self.file = file
        self.row = row
    }
}

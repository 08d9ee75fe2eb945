/// A gazetteer file read from CSV: administrative areas of one level, countries, crossing points, or
/// names of places in more languages.
///
/// Each kind is known by its columns, not its file name, so another country's gazetteer loads from
/// files laid out as the bundled ones (`adm1_pcode,adm1_name_en,adm1_name_ar,…`).
public enum ReferenceTable: Sendable {
    case areas([AdminArea])
    case countries([Country])
    case crossings([CrossingPoint])
    /// From `code,kind,name_en,name_ru` (and/or `name_ar`); `name_en` is there for the reader and is not loaded.
    case names([PlaceName])

    /// Reads the rows of one file, the first row its header.
    /// - Throws: ``ImportError`` naming the row and column at fault.
    public static func read(rows: [[String]], file: String) throws -> ReferenceTable {
        guard let header = rows.first else { throw ImportError("\(file): the file is empty") }
        let columns = Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces), $0) }, uniquingKeysWith: { a, _ in a })
        let body = rows.dropFirst().enumerated().filter { !($0.element.allSatisfy { $0.isEmpty }) }
        func cell(_ row: [String], _ name: String) -> String {
            guard let index = columns[name], index < row.count else { return "" }
            return row[index].trimmingCharacters(in: .whitespaces)
        }
        func required(_ row: [String], _ number: Int, _ name: String) throws -> String {
            let value = cell(row, name)
            if value.isEmpty { throw ImportError([ImportProblem(row: number, column: name, value: "", reason: "\(file): required, and empty")]) }
            return value
        }

        if let level = AdminLevel.allCases.last(where: { columns["adm\($0.rawValue)_pcode"] != nil }) {
            let n = level.rawValue
            return .areas(try body.map { offset, row in
                let number = offset + 2
                let parent = level.coarser.map { cell(row, "adm\($0.rawValue)_pcode") }
                if let parent, parent.isEmpty {
                    throw ImportError([ImportProblem(row: number, column: "adm\(n - 1)_pcode", value: "", reason: "\(file): a \(level.noun) needs its parent's P-code")])
                }
                return AdminArea(pcode: try required(row, number, "adm\(n)_pcode"), level: level,
                                 nameEn: try required(row, number, "adm\(n)_name_en"), nameAr: cell(row, "adm\(n)_name_ar"),
                                 parent: parent,
                                 latitude: Double(cell(row, "lat")) ?? Double(cell(row, "centroid_lat")),
                                 longitude: Double(cell(row, "lon")) ?? Double(cell(row, "centroid_lon")))
            })
        }
        if columns["ISO 3166-1 Alpha 3-Codes"] != nil {
            return .countries(try body.compactMap { offset, row in
                let iso3 = cell(row, "ISO 3166-1 Alpha 3-Codes")
                guard !iso3.isEmpty else { return nil } // taxonomy rows for regions without a code
                let name = cell(row, "English Short").isEmpty ? try required(row, offset + 2, "Preferred Term") : cell(row, "English Short")
                return Country(iso3: iso3, iso2: cell(row, "ISO 3166-1 Alpha 2-Codes"), nameEn: name,
                               nameRu: cell(row, "Russian Short"), nameAr: cell(row, "Arabic Short"))
            })
        }
        if columns["iso3"] != nil {
            return .countries(try body.map { offset, row in
                Country(iso3: try required(row, offset + 2, "iso3"), iso2: cell(row, "iso2"),
                        nameEn: try required(row, offset + 2, "name_en"), nameRu: cell(row, "name_ru"), nameAr: cell(row, "name_ar"))
            })
        }
        if columns["crossing_code"] != nil {
            return .crossings(try body.map { offset, row in
                let country = cell(row, "country_iso3")
                let admin = cell(row, "admin_pcode")
                return CrossingPoint(code: try required(row, offset + 2, "crossing_code"),
                                     nameEn: try required(row, offset + 2, "name_en"), nameAr: cell(row, "name_ar"),
                                     country: country.isEmpty ? nil : country,
                                     counterpartName: cell(row, "counterpart_name").isEmpty ? nil : cell(row, "counterpart_name"),
                                     adminPcode: admin.isEmpty ? nil : admin,
                                     note: cell(row, "note").isEmpty ? nil : cell(row, "note"))
            })
        }
        if columns["code"] != nil, columns["kind"] != nil {
            let languages = Language.allCases.filter { $0 != .en && columns["name_\($0.rawValue)"] != nil }
            return .names(try body.flatMap { offset, row in
                let number = offset + 2
                let code = try required(row, number, "code")
                let text = try required(row, number, "kind")
                guard let kind = PlaceName.Kind(text) else {
                    throw ImportError([ImportProblem(row: number, column: "kind", value: text,
                                                     reason: "\(file): the kind of place is adm1 to adm4, crossing or country")])
                }
                return languages.compactMap { language in
                    let name = cell(row, "name_\(language.rawValue)")
                    return name.isEmpty ? nil : PlaceName(kind: kind, code: code, language: language, name: name, file: file, row: number)
                }
            })
        }
        throw ImportError("\(file): not a gazetteer file; its header has none of adm1_pcode … adm4_pcode, iso3, "
            + "ISO 3166-1 Alpha 3-Codes, crossing_code, or code and kind")
    }
}

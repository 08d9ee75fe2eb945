// libFuzzer target for Homeward's CSV/HXL reading path: CSVReader, ImportLayout, MovementDraft and
// MovementRules. Compiled into the HomewardCore module by scripts/fuzz-csv-reader (not by SwiftPM).
//
// Thrown errors are expected answers to bad input; only a crash, a trap or a hang is a bug. The one
// deliberate fatalError is the differential check: reading the same bytes whole and in chunks must
// give the same rows (or the same failure), since imports stream in chunks of any size.

import Foundation

/// A tiny deployment: two governorates with districts, sub-districts and communities, a few
/// countries and crossing points, with English and Arabic names (one name shared on purpose).
private let fuzzGazetteer = Gazetteer(
    homeCountry: "SYR",
    areas: [
        AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", parent: nil),
        AdminArea(pcode: "SY1203", level: .adm2, nameEn: "Izra'", nameAr: "ازرع", parent: "SY12"),
        AdminArea(pcode: "SY120302", level: .adm3, nameEn: "Hrak", nameAr: "الحراك", parent: "SY1203"),
        AdminArea(pcode: "C6116", level: .adm4, nameEn: "Hrak", nameAr: "الحراك", parent: "SY120302"),
        AdminArea(pcode: "SY1200", level: .adm2, nameEn: "Dar'a", nameAr: "درعا", parent: "SY12"),
        AdminArea(pcode: "SY120000", level: .adm3, nameEn: "Dar'a", nameAr: "درعا", parent: "SY1200"),
        AdminArea(pcode: "C5994", level: .adm4, nameEn: "Atman", nameAr: "عتمان", parent: "SY120000"),
        AdminArea(pcode: "SY08", level: .adm1, nameEn: "Al-Hasakeh", nameAr: "الحسكة", parent: nil),
        AdminArea(pcode: "SY0800", level: .adm2, nameEn: "Al-Hasakeh", nameAr: "الحسكة", parent: "SY08"),
        AdminArea(pcode: "SY080006", level: .adm3, nameEn: "Hole", nameAr: "الهول", parent: "SY0800"),
        AdminArea(pcode: "C4519", level: .adm4, nameEn: "Hole", nameAr: "الهول", parent: "SY080006"),
    ],
    countries: [
        Country(iso3: "SYR", iso2: "SY", nameEn: "Syria", nameRu: "Сирия", nameAr: "سوريا"),
        Country(iso3: "LBN", iso2: "LB", nameEn: "Lebanon", nameRu: "Ливан", nameAr: "لبنان"),
        Country(iso3: "JOR", iso2: "JO", nameEn: "Jordan", nameRu: "Иордания", nameAr: "الأردن"),
        Country(iso3: "TUR", iso2: "TR", nameEn: "Türkiye", nameRu: "Турция", nameAr: "تركيا"),
    ],
    crossings: [
        CrossingPoint(code: "LBN-01", nameEn: "Jdaidet Yabous", nameAr: "جديدة يابوس", country: "LBN",
                      counterpartName: "Masnaa", adminPcode: "SY12"),
        CrossingPoint(code: "JOR-01", nameEn: "Nasib", nameAr: "نصيب", country: "JOR",
                      counterpartName: "Jaber", adminPcode: "C5994"),
        CrossingPoint(code: "TUR-01", nameEn: "Bab al-Hawa", nameAr: "باب الهوى", country: "TUR", adminPcode: nil),
        CrossingPoint(code: "INT-01", nameEn: "Nasib", nameAr: "", country: nil, adminPcode: "SY12"),
    ])

private let fuzzRules = MovementRules(gazetteer: fuzzGazetteer, today: Day(year: 2020, month: 1, day: 1)!,
                                      defaultOrganisation: "X")

/// Tags handed to the headers of a file that has no hashtag row, so that the mapping path runs too.
private let fuzzMappingTags = [
    "#date", "#adm1+dest+code", "#affected+returnees+idps+num", "#loc+crossing+code", "#country+origin+code",
    "#adm4+dest+code", "#affected+returnees+refugees+num", "#org", "#meta+id", "#adm3+dest+name",
    "#date+start", "#date+end", "#affected+returnees+num", "#meta+source", "#adm1+origin+code",
]

private let fuzzTurkeyMapping = [
    "Nahya PCODE": "#adm3+dest+code", "Community PCODE": "#adm4+dest+code",
    "Ret_Flow_Estimation": "#affected+returnees+idps+num",
]

/// `FUZZ_TOLERATE_BOM_SPLIT=1`: never cut the first three bytes apart, to fuzz on past the known bug
/// in Fuzz/crashes/bom-split-across-chunks (a BOM cut by a chunk boundary is kept as text).
private let tolerateBOMSplit = ProcessInfo.processInfo.environment["FUZZ_TOLERATE_BOM_SPLIT"] == "1"

private enum ReadResult: Equatable {
    case rows([[String]])
    case failure(String)
}

/// Reads `bytes` cut at `cuts` (sorted offsets), each piece a separate `read` call.
private func readCSV(_ bytes: [UInt8], cuts: [Int]) -> ReadResult {
    var reader = CSVReader()
    var rows: [[String]] = []
    do {
        var start = 0
        for cut in cuts + [bytes.count] {
            try reader.read(bytes[start..<cut], into: &rows)
            start = cut
        }
        try reader.finish(into: &rows)
        return .rows(rows)
    } catch let failure as CSVReader.Failure {
        return .failure(failure.description)
    } catch {
        fatalError("CSVReader threw something other than CSVReader.Failure: \(error)")
    }
}

private func describe(_ bytes: [UInt8]) -> String {
    bytes.prefix(200).map { String(format: "%02x", $0) }.joined(separator: " ")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    // (a) The whole input in one chunk, against two cuts derived from the input, and against one byte at a time
    // (after an empty chunk, which must change nothing).
    let whole = readCSV(bytes, cuts: [])
    let floor = tolerateBOMSplit ? min(3, size) : 0
    var first = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
    var second = size == 0 ? 0 : Int(bytes[size - 1]) % (size + 1)
    first = max(first, floor)
    second = max(second, floor)
    let splits: [[Int]] = [
        [first],
        [min(first, second), max(first, second)],
        [0] + (max(floor, 1)..<max(size, 1)).map { $0 },
    ]
    for cuts in splits {
        let chunked = readCSV(bytes, cuts: cuts)
        if chunked != whole {
            fatalError("""
                CSVReader: reading in chunks differs from reading whole.
                input (\(size) bytes): \(describe(bytes))
                cuts: \(cuts.prefix(8))\(cuts.count > 8 ? "… (\(cuts.count))" : "")
                whole:   \(whole)
                chunked: \(chunked)
                """)
        }
    }

    guard case .rows(let rows) = whole, !rows.isEmpty else { return 0 }

    // Every cell through the value parsers the rules use.
    for row in rows.prefix(200) {
        for cell in row {
            _ = Period.parse(cell)
            _ = MovementRules.wholeNumber(cell)
            _ = MovementRules.category(cell)
            _ = HXLTag(cell)
        }
    }

    // (b) The layout from the first rows, then every following row through the rules.
    let head = Array(rows.prefix(ImportLayout<MovementField>.tagRowSearchDepth))
    var layouts: [ImportLayout<MovementField>] = []
    if let layout = try? ImportLayout<MovementField>(firstRows: head) { layouts.append(layout) }
    // The same file as a plain spreadsheet: its first row's headers mapped to tags, with constants.
    if let headers = rows.first, !headers.isEmpty {
        var mapping: [String: String] = [:]
        for (index, header) in headers.prefix(fuzzMappingTags.count).enumerated() {
            mapping[header] = fuzzMappingTags[index]
        }
        let constants = ["#org": "X", "#date": "2019-01"]
        if let layout = try? ImportLayout<MovementField>(firstRows: head, mapping: mapping, constants: constants) {
            layouts.append(layout)
        }
    }
    // OCHA Turkey's community sheet as the README imports it (its seed is Fuzz/corpus/20-ocha-turkey-head.csv).
    if let layout = try? ImportLayout<MovementField>(firstRows: head, mapping: fuzzTurkeyMapping, constants: ["#date": "2019-01"]) {
        layouts.append(layout)
    }
    for layout in layouts {
        _ = layout.gives(.date)
        for (offset, row) in rows.enumerated().dropFirst(layout.headerRowCount).prefix(500) {
            let draft = layout.draft(row: row, number: offset + 1)
            for field in MovementField.allCases { _ = draft[field]; _ = draft.label(field) }
            let outcome = fuzzRules.check(draft)
            _ = outcome.isRejected
            _ = outcome.problems.map(\.description)
            for movement in outcome.records {
                // A 0 passes: it withdraws what its key holds (a blank cell's is not one the row wrote).
                precondition(movement.persons >= 0 && movement.persons <= MovementRules.maximumPersons,
                             "a movement with \(movement.persons) persons passed the rules")
                precondition(movement.persons > 0 || movement.countWritten || draft[movement.category == .refugee ? .refugees : .idps] == nil,
                             "a blank cell's 0 said to be written")
                precondition(movement.period.end >= movement.period.start, "a period that ends before it starts passed the rules")
                precondition(movement.period.end <= fuzzRules.today, "a future movement passed the rules")
            }
        }
    }
    return 0
}

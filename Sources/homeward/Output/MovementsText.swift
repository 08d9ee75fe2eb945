import HomewardCore

/// Movements one per line, for a terminal and for spreadsheets: `movements list` and `bulletin records`.
enum MovementsText {
    static let header = ["ID", "START", "END", "CATEGORY", "CROSSING", "DESTINATION", "PERSONS", "ORGANISATION"]
    static let csvHeader = "id,start,end,category,crossing,destination,persons,organisation"

    static func cells(_ m: RecordedMovement) -> [String] {
        [String(m.id), m.start.description, m.end.description, m.category.rawValue, m.crossing ?? "", m.destination ?? "",
         String(m.persons), m.organisation]
    }

    static func csv(_ m: RecordedMovement) -> String { cells(m).map(CSVWriter.field).joined(separator: ",") }
}

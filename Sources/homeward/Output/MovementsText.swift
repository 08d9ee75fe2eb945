import HomewardCore

/// Movements one per line, for a terminal and for spreadsheets: `movements list` and `bulletin records`.
enum MovementsText {
    /// The table's columns: the origin beside the crossing, to check a movement's attribution where it is listed.
    static let header = ["ID", "START", "END", "CATEGORY", "CROSSING", "ORIGIN", "DESTINATION", "PERSONS", "ORGANISATION"]
    /// The CSV's columns: the first eight as they always were, then what a movement holds besides, who recorded it last.
    static let csvColumns = ["id", "start", "end", "category", "crossing", "destination", "persons", "organisation",
                             "origin", "source", "external_id", "recorded_at", "recorded_by"]
    static var csvHeader: String { csvColumns.joined(separator: ",") }
    /// The HXL export's columns and their hashtags, which `homeward import` reads as they are: another deployment, or a
    /// spreadsheet's edits, take the file back unchanged. Homeward's own id has no tag, so the importer reads it only as part
    /// of a row without an id of its own: two such movements alike in all else (twins, both counted) stay two, not a repeat.
    static let hxlColumns = [("homeward_id", ""), ("start", "#date+start"), ("end", "#date+end"), ("category", "#affected+type"),
                             ("crossing", "#loc+crossing+code"), ("origin", "#loc+origin+code"), ("destination", "#loc+dest+code"),
                             ("persons", "#affected+returnees+num"), ("organisation", "#org"), ("source", "#meta+source"),
                             ("external_id", "#meta+id")]
    static var hxlHeader: String { [hxlColumns.map(\.0), hxlColumns.map(\.1)].map { $0.joined(separator: ",") }.joined(separator: "\n") }

    static func tableCells(_ m: RecordedMovement) -> [String] {
        [String(m.id), m.start.description, m.end.description, m.category.rawValue, m.crossing ?? "", m.origin ?? "", m.destination ?? "",
         m.persons.grouped, m.organisation]
    }

    static func csv(_ m: RecordedMovement) -> String {
        [String(m.id), m.start.description, m.end.description, m.category.rawValue, m.crossing ?? "", m.destination ?? "",
         String(m.persons), m.organisation, m.origin ?? "", m.source ?? "", m.externalId ?? "", m.recordedAt, m.recordedBy ?? ""]
            .map(CSVWriter.field).joined(separator: ",")
    }

    static func hxl(_ m: RecordedMovement) -> String {
        [String(m.id), m.start.description, m.end.description, m.category.rawValue, m.crossing ?? "", m.origin ?? "", m.destination ?? "",
         String(m.persons), m.organisation, m.source ?? "", m.externalId ?? ""].map(CSVWriter.field).joined(separator: ",")
    }
}

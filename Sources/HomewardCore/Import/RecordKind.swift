/// The kinds of record an import can bring (`homeward import FILE --records KIND`).
///
/// Each part of Homeward adds its kind here, with its fields, rules and writer; the name is also the
/// key under which a JSON body lists its records (`{"movements": [...]}`).
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case movements
    case censuses
    case departures
    case facilities
    case aid
    case sources
}

/// The names people give things (a person, an organisation, a measure, a catalogue term): what they may be.
///
/// One rule for every name a store keeps, so that the API's `maxLength` (JSON Schema counts Unicode code points)
/// and the store agree, and no control character (a NUL among them, which PostgreSQL refuses in text) reaches
/// the database.
public enum PlainName {
    public static let maximum = 200

    /// Not blank once trimmed, at most `maximum` code points, no control character.
    public static func isValid(_ name: String, maximum: Int = maximum) -> Bool {
        !name.trimmingCharacters(in: .whitespaces).isEmpty && fits(name, maximum: maximum)
    }

    /// At most `maximum` code points, no control character and no direction override; blank allowed (an optional name left empty).
    public static func fits(_ name: String, maximum: Int = maximum) -> Bool {
        name.unicodeScalars.count <= maximum && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
            && !name.containsDirectionControl
    }
}

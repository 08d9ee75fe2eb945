/// Where a facility stands on a date. A change of status is a new dated record, never an overwrite of the old one.
public enum FacilityStatus: String, CaseIterable, Sendable, Codable {
    case damaged
    case underRestoration = "under-restoration"
    case commissioned

    /// Reads a status as people write it: `under-restoration`, `Under restoration`, `commissioned`.
    public init?(text: String) {
        let folded = text.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        self.init(rawValue: folded)
    }
}

/// The ways the centre breaks a total down.
public enum Grouping: String, CaseIterable, Codable, Sendable {
    case crossing, origin, destination, adm1, adm2, adm3, adm4, category, week, month, organisation

    /// Groupings by time, whose groups are calendar buckets rather than codes.
    public var isCalendar: Bool { self == .week || self == .month }

    /// The administrative level a breakdown by area groups at; nil for the others.
    public var level: AdminLevel? { AdminLevel.allCases.first { "adm\($0.rawValue)" == rawValue } }
}

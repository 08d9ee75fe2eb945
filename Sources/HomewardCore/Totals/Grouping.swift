/// The ways the centre breaks a total down.
public enum Grouping: String, CaseIterable, Codable, Sendable {
    case crossing, origin, destination, adm1, adm2, adm3, adm4, category, week, month, organisation

    /// Groupings by time, whose groups are calendar buckets rather than codes.
    public var isCalendar: Bool { self == .week || self == .month }

}

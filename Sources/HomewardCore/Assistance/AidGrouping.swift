/// How `aid summary --by` breaks the figures down.
public enum AidGrouping: String, CaseIterable, Sendable, Codable {
    case type, adm1, adm2, adm3, locality, organisation

    /// The administrative level a breakdown by area groups at; nil for the others.
    public var level: AdminLevel? { AdminLevel.allCases.first { "adm\($0.rawValue)" == rawValue } }
}

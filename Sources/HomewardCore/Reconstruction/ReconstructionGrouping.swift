/// How `facilities summary --by` breaks the figures down.
public enum ReconstructionGrouping: String, CaseIterable, Sendable, Codable {
    case kind, adm1, adm2, adm3, settlement

    /// The administrative level a breakdown by area groups at; nil for the others.
    public var level: AdminLevel? { AdminLevel.allCases.first { "adm\($0.rawValue)" == rawValue } }
}

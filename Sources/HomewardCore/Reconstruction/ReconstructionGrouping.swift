/// How `facilities summary --by` breaks the figures down.
public enum ReconstructionGrouping: String, CaseIterable, Sendable, Codable {
    /// By reporting organisation: each organisation's figures from its own records alone, side by side, as the aid
    /// summary gives them; the whole is not their sum where one organisation commissions what another started.
    case kind, adm1, adm2, adm3, settlement, organisation

    /// The administrative level a breakdown by area groups at; nil for the others.
    public var level: AdminLevel? { AdminLevel.allCases.first { "adm\($0.rawValue)" == rawValue } }
}

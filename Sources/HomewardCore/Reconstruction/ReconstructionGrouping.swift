/// How `facilities summary --by` breaks the figures down.
public enum ReconstructionGrouping: String, CaseIterable, Sendable, Codable {
    case kind, adm1, adm2, adm3, settlement
}

/// How `aid summary --by` breaks the figures down.
public enum AidGrouping: String, CaseIterable, Sendable, Codable {
    case type, adm1, adm2, adm3, locality, organisation
}

/// Who is returning: refugees from abroad, or people displaced inside the country (IDPs).
public enum MovementCategory: String, CaseIterable, Codable, Sendable {
    case refugee
    case idp
}

/// The direction text runs in; the raw value is the HTML `dir` attribute's.
public enum TextDirection: String, Sendable {
    case ltr, rtl
}

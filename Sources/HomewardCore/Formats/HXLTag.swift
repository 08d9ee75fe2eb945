/// An HXL hashtag with its attributes, such as `#affected+returnees+idps+num`.
///
/// Tags compare without regard to case, spaces or the order of attributes, as the HXL standard says.
public struct HXLTag: Hashable, Sendable, CustomStringConvertible {
    public let hashtag: String
    public let attributes: Set<String>

    /// Parses a tag cell; `nil` when the cell is not a hashtag.
    public init?(_ text: String) {
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        guard compact.hasPrefix("#") else { return nil }
        let parts = compact.dropFirst().split(separator: "+", omittingEmptySubsequences: false)
        let valid = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }
        guard let head = parts.first, valid(head), parts.dropFirst().allSatisfy(valid) else { return nil }
        hashtag = String(head)
        attributes = Set(parts.dropFirst().map(String.init))
    }

    public var description: String { "#" + hashtag + attributes.sorted().map { "+" + $0 }.joined() }
}

import Foundation

/// The taxonomy's patterns for finding a country in a name, compiled once and asked once per name: a file of a hundred
/// thousand rows that each say "Turkey" matches the patterns once, not a hundred thousand times.
///
/// A name is the country's only when exactly one pattern finds it, as OCHA's country tools take it.
final class CountryPatterns: @unchecked Sendable {
    private let patterns: [(code: String, pattern: String)]
    private var compiled: [(code: String, expression: NSRegularExpression)]?
    private var found: [String: String?] = [:]
    private let lock = NSLock()
    /// Names remembered at most: a file of every different misspelling does not hold them all.
    private static let remembered = 10_000

    init(_ patterns: [(code: String, pattern: String)]) {
        self.patterns = patterns
    }

    func country(matching name: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = found[name] { return known }
        let expressions = compiled ?? patterns.compactMap { code, pattern in
            (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])).map { (code, $0) }
        }
        compiled = expressions
        let range = NSRange(name.startIndex..., in: name)
        let matches = expressions.filter { $0.expression.firstMatch(in: name, range: range) != nil }
        let country = matches.count == 1 ? matches[0].code : nil
        if found.count < Self.remembered { found[name] = country }
        return country
    }
}

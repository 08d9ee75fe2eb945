import Foundation

/// The taxonomy's patterns for finding a country in a name, compiled once and asked once per name: a file of a hundred
/// thousand rows that each say "Turkey" matches the patterns once, not a hundred thousand times.
///
/// A name is the country's only when exactly one pattern finds it, as OCHA's country tools take it. The gazetteer, and so
/// this, lives as long as a server: matching runs outside the lock (a compiled expression is safe to share), and the
/// names remembered are forgotten all at once when they reach ``remembered``, rather than no longer remembered.
final class CountryPatterns: @unchecked Sendable {
    private let patterns: [(code: String, pattern: String)]
    private var compiled: [(code: String, expression: NSRegularExpression)]?
    private var found: [String: String?] = [:]
    private let lock = NSLock()
    private static let remembered = 10_000

    init(_ patterns: [(code: String, pattern: String)]) {
        self.patterns = patterns
    }

    /// Whether a pattern is one this reads: a countries file's `name_pattern` is checked by it when loaded.
    static func isReadable(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil
    }

    func country(matching name: String) -> String? {
        let (known, expressions) = lock.withLock { () -> (String??, [(code: String, expression: NSRegularExpression)]) in
            if let known = found[name] { return (known, []) }
            let expressions = compiled ?? patterns.compactMap { code, pattern in
                (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])).map { (code, $0) }
            }
            compiled = expressions
            return (nil, expressions)
        }
        if let known { return known }
        let range = NSRange(name.startIndex..., in: name)
        let matches = expressions.filter { $0.expression.firstMatch(in: name, range: range) != nil }
        let country = matches.count == 1 ? matches[0].code : nil
        lock.withLock {
            if found.count >= Self.remembered { found.removeAll(keepingCapacity: true) }
            found[name] = country
        }
        return country
    }
}

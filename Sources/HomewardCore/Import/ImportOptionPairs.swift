/// Reads the `Header=#tag` mappings and `#tag=value` constants of an import, as the command line
/// (`--map`, `--set`) and the API (`map=`, `set=`) both take them.
public enum ImportOptionPairs {
    /// A pair without its `=`, or with nothing before it.
    public struct Malformed: Error, Sendable {
        public var value: String
        /// The form the value should have had: `Header=#tag` or `#tag=value`.
        public var expected: String
    }

    /// `Header=#tag`, split at the last `=`: a header may itself contain one, a tag never does.
    public static func mapping(_ values: [String]) throws(Malformed) -> [String: String] {
        try pairs(values, expected: "Header=#tag") { $0.lastIndex(of: "=") }
    }

    /// `#tag=value`, split at the first `=`: the value may contain one.
    public static func constants(_ values: [String]) throws(Malformed) -> [String: String] {
        try pairs(values, expected: "#tag=value") { $0.firstIndex(of: "=") }
    }

    private static func pairs(_ values: [String], expected: String, split: (String) -> String.Index?) throws(Malformed) -> [String: String] {
        var result: [String: String] = [:]
        for value in values {
            guard let index = split(value), index != value.startIndex else { throw Malformed(value: value, expected: expected) }
            result[String(value[..<index])] = String(value[value.index(after: index)...])
        }
        return result
    }
}

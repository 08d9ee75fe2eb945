/// The short codes people give crossing points and sites (`LBN-07`, `HOL`): what they may be made of.
public enum RecordCode {
    /// Up to 32 Unicode code points (as JSON Schema's maxLength counts), none of them a space, a comma or a control character (a NUL among them,
    /// which PostgreSQL refuses in text), so that a code survives a CSV file, a URL and either database.
    public static func isValid(_ code: String) -> Bool {
        !code.isEmpty && code.unicodeScalars.count <= 32 && !code.unicodeScalars.contains {
            $0.properties.isWhitespace || $0 == "," || $0.properties.generalCategory == .control
        } && !code.containsDirectionControl
    }

    /// The code among `stored` that `code` is another writing of, or is: codes are one whatever their letter case, as imports
    /// read them (`lbn-01` is LBN-01), so a second in another case would split one place's figures. Folded here, not in
    /// SQL, whose `UPPER` differs between SQLite and PostgreSQL beyond ASCII.
    public static func taken(_ code: String, among stored: some Sequence<String>) -> String? {
        let folded = code.uppercased()
        return stored.first { $0.uppercased() == folded }
    }

}

/// Stored codes found by any letter case with one lookup: asked for every row of a file, where most codes given are
/// not these at all (a departure's destination is most often a P-code, not a site).
public struct RecordCodes: Sendable {
    private let byFolded: [String: String]

    public init(_ codes: some Sequence<String>) {
        byFolded = Dictionary(codes.map { ($0.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The stored code that `code` names, in any letter case, as ``RecordCode/taken(_:among:)`` keeps codes apart.
    public func stored(_ code: String) -> String? { byFolded[code.uppercased()] }
}

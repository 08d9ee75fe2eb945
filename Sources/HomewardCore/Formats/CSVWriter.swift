/// Writes RFC 4180 CSV lines, quoting only the fields that need it.
public enum CSVWriter {
    public static func field(_ text: String) -> String {
        let cell = inert(text)
        return cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// One line, ending in a line feed.
    public static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\n"
    }

    /// The characters a spreadsheet reads a cell's formula from when the cell begins with one.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet would run as a formula, with an apostrophe before it (which spreadsheets show as text): a
    /// partner's `=HYPERLINK(…)` in an aid action's description would otherwise run on the machine of whoever opens the
    /// export. Numbers (`-97`, `+3`) and a lone `-` are no formula and stay as they are; a cell that already begins with
    /// apostrophes before such a character gets one more, so that ``readBack(_:)`` gives every cell back as it was.
    public static func inert(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return text }
        if first == "'", let next = scalars.drop(while: { $0 == "'" }).first, formulaStarts.contains(next) { return "'" + text }
        guard formulaStarts.contains(first), scalars.count > 1 else { return text }
        let rest = scalars.dropFirst()
        if first == "+" || first == "-", rest.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }), rest.contains(where: { ("0"..."9").contains($0) }) {
            return text
        }
        return "'" + text
    }

    /// A cell of a CSV as it was before ``inert(_:)``: the importer reads Homeward's own exports back unchanged. Only a
    /// CSV's cells: JSON and forms never went through an export, and keep their apostrophes.
    public static func readBack(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'") else { return cell }
        let rest = String(cell.unicodeScalars.dropFirst())
        return inert(rest) == cell ? rest : cell
    }
}

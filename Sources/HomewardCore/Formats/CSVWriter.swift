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
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet would run as a formula, with an apostrophe before it (which spreadsheets show as text): a
    /// partner's `=HYPERLINK(…)` in an aid action's description would otherwise run on the machine of whoever opens the
    /// export. Numbers (`-97`, `+3`) and a lone `-` are no formula and stay as they are; the importer takes the
    /// apostrophe off again (``ImportDraft``), so that an export reads back as it was.
    public static func inert(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first), text.count > 1 else { return text }
        let rest = text.dropFirst()
        if "+-".contains(first), rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), rest.contains(where: \.isNumber) { return text }
        return "'" + text
    }
}

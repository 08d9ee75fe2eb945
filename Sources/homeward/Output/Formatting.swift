import HomewardCore
import Foundation


/// Columns aligned for a terminal: text to the left, numbers to the right.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns whose cells are numbers, aligned right.
    var numeric: Set<Int> = []

    var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").droppingTrailingSpaces
        }.joined(separator: "\n")
    }
}

func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

extension String {
    /// The line without the spaces that pad its last column; a first column aligned right keeps its padding.
    var droppingTrailingSpaces: String {
        var line = self
        while line.last == " " { line.removeLast() }
        return line
    }
}

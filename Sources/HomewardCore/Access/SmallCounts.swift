/// A count as the public sees it: exact, only "fewer than k", or withheld.
public enum PublicCount: Hashable, Sendable, Encodable {
    case exact(Int)
    /// A count from 1 to k−1.
    case fewerThan(Int)
    /// Hidden so that a small count cannot be worked out by subtraction; it may be large, so "<k" would be false.
    case withheld

    /// A number in JSON, the string `"<k"`, or `null` when withheld.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .exact(let n): try c.encode(n)
        case .fewerThan(let k): try c.encode("<\(k)")
        case .withheld: try c.encodeNil()
        }
    }

    public var isHidden: Bool {
        if case .exact = self { false } else { true }
    }

    /// A count shown, to the nearest multiple of `base` (halves up), and never to 0 unless it is 0: a zero reads as
    /// "none"; hidden ones stay as they are.
    public func rounded(to base: Int) -> PublicCount {
        guard case .exact(let n) = self, base > 1 else { return self }
        return .exact(n == 0 ? 0 : max(base, (n + base / 2) / base * base))
    }
}

/// Hides small counts in what the public sees, so that no one is singled out by a table of returns: a count
/// from 1 to k−1 shows as "<k" (primary suppression), and wherever a single hidden cell could be worked out by
/// subtraction from a shown total, in a row or a column, a second cell is withheld too (secondary suppression).
///
/// Homeward holds counts, not people; this keeps its public tables from pointing at a family.
public struct SmallCounts: Sendable {
    public let threshold: Int

    public init(threshold: Int = 5) {
        precondition(threshold >= 2)
        self.threshold = threshold
    }

    /// A table whose last column is each row's total and whose last row is each column's total, every total
    /// the sum of the cells before it (`nil` for a total that is not such a sum, which protects nothing and
    /// betrays nothing). Returns the same grid with hidden cells.
    /// - Parameter hiding: cells to hide whatever their value (`true`), by row and column: those another copy of the table
    ///   hides, which this one must not give back; they are protected as any hidden cell is.
    /// - Parameter weak: of those, cells a reader knows to within k−1 all the same (a total withheld for the few between it and
    ///   a shown one): hidden, and protected, but protecting no other cell of their lines.
    public func suppress(_ grid: [[Int?]], hiding: [[Bool]] = [], weak: [[Bool]] = []) -> [[PublicCount?]] {
        var hidden = grid.enumerated().map { r, row in
            row.enumerated().map { c, value in
                value.map { (1..<threshold).contains($0) || r < hiding.count && c < hiding[r].count && hiding[r][c] } ?? false
            }
        }
        // Each line: a row or a column, its components and its total, when the total is a sum.
        var lines: [[(Int, Int)]] = []
        let rows = grid.count, columns = grid.first?.count ?? 0
        for r in 0..<rows where columns > 1 && grid[r][columns - 1] != nil {
            lines.append((0..<columns).map { (r, $0) })
        }
        for c in 0..<columns where rows > 1 && grid[rows - 1][c] != nil {
            lines.append((0..<rows).map { ($0, c) })
        }
        var changed = true
        while changed {
            changed = false
            // A line gives back its one hidden cell; and several, each a small count, whose sum leaves each one value only:
            // their sum is known and each is from 1 to k−1 (two 1s of a 97 that a shown 95 leaves, or two 4s of 103).
            let isSmall = { (cell: (Int, Int)) in grid[cell.0][cell.1].map { (1..<threshold).contains($0) } ?? false }
            for line in lines {
                let hiddenCells = line.filter { hidden[$0.0][$0.1] }
                let strong = hiddenCells.filter { cell in !(cell.0 < weak.count && cell.1 < weak[cell.0].count && weak[cell.0][cell.1]) }
                let sum = hiddenCells.reduce(0) { $0 + (grid[$1.0][$1.1] ?? 0) }
                let pinned = hiddenCells.count > 1 && hiddenCells.allSatisfy(isSmall)
                    && (sum == hiddenCells.count || sum == hiddenCells.count * (threshold - 1))
                guard !hiddenCells.isEmpty && strong.count < 2 || pinned else { continue }
                // Hide the smallest other shown cell of the line, a component before the total; not a zero while
                // another cell (the total first) will do, as a zero protects nothing when readers know it (no IDP
                // crosses a border).
                let shown = line.dropLast().filter { !hidden[$0.0][$0.1] && grid[$0.0][$0.1] != nil }
                let smallest = { (cells: [(Int, Int)]) in cells.min(by: { grid[$0.0][$0.1]! < grid[$1.0][$1.1]! }) }
                guard let pick = smallest(shown.filter { grid[$0.0][$0.1]! > 0 }) ?? line.last.flatMap({ hidden[$0.0][$0.1] ? nil : $0 })
                        ?? smallest(shown)
                else { continue }
                hidden[pick.0][pick.1] = true
                changed = true
            }
        }
        return grid.enumerated().map { r, row in
            row.enumerated().map { c, value in
                value.map { !hidden[r][c] ? .exact($0) : (1..<threshold).contains($0) ? .fewerThan(threshold) : .withheld }
            }
        }
    }
}

import HomewardCore
import SQLKit

/// The running sums behind fast totals, kept in step with `movements` inside each write's transaction.
///
/// Changes are summed in memory and written when the buffer fills or the write ends, so a daily
/// ledger of millions of rows adds only one rollup row per day, key and category. A million-row import
/// touches some 700,000 sums (districts by day are nearly one per movement), so each sum is held as a few
/// integers, its key text interned once, and the buffer holds a whole import's sums before writing any:
/// a sum written twice costs an upsert, a sum held costs some 50 bytes.
struct MovementRollups: Sendable {
    /// The breakdowns that are summed ahead; others are summed from `movements` when asked.
    enum Dimension: String, CaseIterable, Sendable {
        case all, crossing, origin, adm1, adm2, organisation

        init?(_ grouping: Grouping?) {
            switch grouping {
            case nil, .week, .month, .category: self = .all
            case .crossing: self = .crossing
            case .origin: self = .origin
            case .adm1: self = .adm1
            case .adm2: self = .adm2
            case .organisation: self = .organisation
            case .destination, .adm3, .adm4: return nil
            }
        }
    }

    /// One movement as the sums see it: its key in each dimension (`nil` where it has none).
    struct Entry: Sendable {
        var start: Int
        var end: Int
        var category: MovementCategory
        var crossing: String?
        var origin: String?
        var adm1: String?
        var adm2: String?
        var organisationID: Int
        var persons: Int
    }

    /// A sum's identity: dimension (bits 56 up), whether it spans months (bit 49), category (bit 48, IDPs) and
    /// key (interned, the low 48 bits), packed in one word; then the day range (daily sums) or the month in both.
    private typealias Cell = RollupCells.Cell
    private typealias Sums = RollupCells.Sums

    /// How many distinct sums are held before they are written (some 50 bytes each); tests make it small.
    @TaskLocal static var bufferLimit = 1_000_000
    private var daily = RollupCells()
    private var keyIndex: [String: UInt64] = ["": 0]
    private var keyNames: [String] = [""]
    private var organisationKeys: [Int: UInt64] = [:]
    private var removed = false
    /// Whether the tables hold no sums yet (a first load's, until its first flush): the sums then go in as they are,
    /// without the upsert (on PostgreSQL, 2.5 s of a 1,000,000-row load).
    var tablesEmpty = false

    var needsFlush: Bool { daily.count >= Self.bufferLimit }

    private mutating func intern(_ key: String?) -> UInt64 {
        guard let key else { return 0 }
        if let index = keyIndex[key] { return index }
        let index = UInt64(keyNames.count)
        keyIndex[key] = index
        keyNames.append(key)
        return index
    }

    private mutating func intern(organisation id: Int) -> UInt64 {
        if let index = organisationKeys[id] { return index }
        let index = intern(String(id))
        organisationKeys[id] = index
        return index
    }

    mutating func add(_ entry: Entry, sign: Int) {
        if sign < 0 { removed = true }
        let span = Day(number: entry.start).monthIndex != Day(number: entry.end).monthIndex
        let flags = (span ? 2 : 0) | (entry.category == .idp ? 1 : 0) as UInt64
        // One cell per dimension, in the order of `Dimension.allCases`.
        func cell(_ dimension: UInt64, _ key: UInt64) -> Cell {
            Cell(head: dimension << 56 | flags << 48 | key, start: entry.start, end: entry.end)
        }
        let cells = [cell(0, 0), cell(1, intern(entry.crossing)), cell(2, intern(entry.origin)), cell(3, intern(entry.adm1)),
                     cell(4, intern(entry.adm2)), cell(5, intern(organisation: entry.organisationID))]
        // All six slots first, so that their cache misses overlap (1,000,000 rows: RollupCells from 6.6 % of the
        // samples to 2.6 % with the touches).
        for cell in cells { daily.touch(cell) }
        for cell in cells { daily.add(cell, persons: entry.persons, sign: sign) }
    }

    /// The monthly sums of the daily ones held: every change is in a daily sum, and a movement within one
    /// month adds to its month what it adds to its day, so the months need no second lookup per movement.
    private func monthly() -> RollupCells {
        var months = RollupCells(capacity: daily.count / 8)
        for (cell, sums) in daily.all where cell.head >> 49 & 1 == 0 {
            let month = Day(number: cell.start).monthIndex
            months.add(Cell(head: cell.head, start: month, end: month), sums)
        }
        return months
    }

    mutating func flush(on connection: Connection) async throws {
        // In the order of each table's primary key (dimension, days or month, category, key), so that SQLite
        // walks its index page by page instead of jumping about. Compared as integers: the ranks of the
        // key texts are worked out once.
        let rank = keyRanks()
        func order(_ cell: Cell) -> (Int, Int, Int, Int, Int) {
            let dimension = Int(cell.head >> 56), flags = Int(cell.head >> 48 & 0xFF)
            // "adm1" < "adm1+span" < "adm2": the span flag ranks just after its dimension.
            return (Self.dimensionRank[dimension] * 2 + (flags >> 1), cell.start, cell.end, flags & 1, rank[Int(cell.head & 0xFFFF_FFFF_FFFF)])
        }
        func values(_ cell: Cell, _ sums: Sums, monthly: Bool) -> [BulkValue] {
            let dimension = Dimension.allCases[Int(cell.head >> 56)], flags = cell.head >> 48 & 0xFF
            let name = dimension.rawValue + (flags & 2 != 0 ? "+span" : "")
            let category = flags & 1 != 0 ? MovementCategory.idp.rawValue : MovementCategory.refugee.rawValue
            let key = keyNames[Int(cell.head & 0xFFFF_FFFF_FFFF)]
            return monthly ? [.text(name), .text(key), .integer(cell.start), .text(category), .integer(sums.persons), .integer(sums.movements)]
                : [.text(name), .text(key), .integer(cell.start), .integer(cell.end), .text(category), .integer(sums.persons), .integer(sums.movements)]
        }
        func sorted(_ sums: RollupCells) -> [(cell: Cell, sums: Sums)] {
            var cells = Array(sums.all.filter { $0.sums.persons != 0 || $0.sums.movements != 0 })
            cells.sort { order($0.cell) < order($1.cell) }
            return cells
        }
        let fresh = tablesEmpty
        tablesEmpty = false
        func insert(into table: String, columns: [String], rows: [[BulkValue]], upsert: String) async throws {
            try await connection.bulkInsert(into: table, columns: columns, rows: rows, suffix: fresh ? "" : upsert)
        }
        // Bound in chunks, so that the rows as values never all exist at once (a million sums would take 150 MB).
        let months = sorted(monthly())
        for start in stride(from: 0, to: months.count, by: 20_000) {
            try await insert(into: "movement_rollups_monthly", columns: ["dimension", "key", "month", "category", "persons", "movements"],
                             rows: months[start ..< min(start + 20_000, months.count)].map { values($0.cell, $0.sums, monthly: true) },
                             upsert: "ON CONFLICT (dimension, month, category, key) DO UPDATE SET persons = movement_rollups_monthly.persons + excluded.persons, movements = movement_rollups_monthly.movements + excluded.movements")
        }
        let days = sorted(daily)
        daily = RollupCells()
        for start in stride(from: 0, to: days.count, by: 20_000) {
            try await insert(into: "movement_rollups", columns: ["dimension", "key", "start_day", "end_day", "category", "persons", "movements"],
                             rows: days[start ..< min(start + 20_000, days.count)].map { values($0.cell, $0.sums, monthly: false) },
                             upsert: "ON CONFLICT (dimension, start_day, end_day, category, key) DO UPDATE SET persons = movement_rollups.persons + excluded.persons, movements = movement_rollups.movements + excluded.movements")
        }
        if removed {
            // A corrected movement that left a day, key or category leaves an empty sum behind.
            try await connection.sql.raw("DELETE FROM movement_rollups WHERE movements = 0").run()
            try await connection.sql.raw("DELETE FROM movement_rollups_monthly WHERE movements = 0").run()
            removed = false
        }
    }

    /// Each interned key's place in text order, by its index.
    private func keyRanks() -> [Int] {
        var rank = Array(repeating: 0, count: keyNames.count)
        for (position, index) in keyNames.indices.sorted(by: { keyNames[$0] < keyNames[$1] }).enumerated() { rank[index] = position }
        return rank
    }

    /// Each dimension's place in the text order of the names the tables store.
    private static let dimensionRank: [Int] = {
        let sorted = Dimension.allCases.sorted { $0.rawValue < $1.rawValue }
        return Dimension.allCases.map { dimension in sorted.firstIndex(of: dimension)! }
    }()
}

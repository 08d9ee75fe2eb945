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

    /// A sum's identity: dimension, key (interned), category and whether it spans months, packed in one word.
    private struct Cell: Hashable {
        var head: UInt64
        /// The day range (daily sums) or the month in both (monthly sums).
        var start: Int
        var end: Int
    }

    /// How many distinct sums are held before they are written (some 50 bytes each).
    static let bufferLimit = 1_000_000
    private var daily: [Cell: Sums] = [:]
    private var monthly: [Cell: Sums] = [:]
    private var keyIndex: [String: UInt64] = ["": 0]
    private var keyNames: [String] = [""]
    private var organisationKeys: [Int: UInt64] = [:]
    private var removed = false

    private struct Sums {
        var persons = 0
        var movements = 0

        mutating func add(_ persons: Int, _ sign: Int) {
            self.persons += sign * persons
            movements += sign
        }
    }

    var needsFlush: Bool { daily.count + monthly.count >= Self.bufferLimit }

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
        let startMonth = Day(number: entry.start).monthIndex
        let span = startMonth != Day(number: entry.end).monthIndex
        // In the order of `Dimension.allCases`.
        let keys = [0, intern(entry.crossing), intern(entry.origin), intern(entry.adm1), intern(entry.adm2),
                    intern(organisation: entry.organisationID)]
        let flags = (span ? 2 : 0) | (entry.category == .idp ? 1 : 0) as UInt64
        for dimension in 0 ..< keys.count {
            let head = UInt64(dimension) << 56 | flags << 48 | keys[dimension]
            daily[Cell(head: head, start: entry.start, end: entry.end), default: Sums()].add(entry.persons, sign)
            if !span {
                monthly[Cell(head: head, start: startMonth, end: startMonth), default: Sums()].add(entry.persons, sign)
            }
        }
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
        func rows(_ sums: [Cell: Sums], monthly: Bool) -> [[BulkValue]] {
            sums.filter { $0.value.persons != 0 || $0.value.movements != 0 }
                .map { (order: order($0.key), cell: $0.key, sums: $0.value) }
                .sorted { $0.order < $1.order }
                .map { values($0.cell, $0.sums, monthly: monthly) }
        }
        let dailyRows = rows(daily, monthly: false)
        let monthRows = rows(monthly, monthly: true)
        daily.removeAll(keepingCapacity: true)
        monthly.removeAll(keepingCapacity: true)
        try await connection.bulkInsert(into: "movement_rollups_monthly", columns: ["dimension", "key", "month", "category", "persons", "movements"],
                                        rows: monthRows,
                                        suffix: "ON CONFLICT (dimension, month, category, key) DO UPDATE SET persons = movement_rollups_monthly.persons + excluded.persons, movements = movement_rollups_monthly.movements + excluded.movements")
        try await connection.bulkInsert(into: "movement_rollups", columns: ["dimension", "key", "start_day", "end_day", "category", "persons", "movements"],
                                        rows: dailyRows,
                                        suffix: "ON CONFLICT (dimension, start_day, end_day, category, key) DO UPDATE SET persons = movement_rollups.persons + excluded.persons, movements = movement_rollups.movements + excluded.movements")
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

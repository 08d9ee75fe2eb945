import HomewardCore
import SQLKit

/// The running sums behind fast totals, kept in step with `movements` inside each write's transaction.
///
/// Changes are summed in memory and written when the buffer fills or the write ends, so a daily
/// ledger of millions of rows adds only one rollup row per day, key and category.
struct MovementRollups: Sendable {
    /// The breakdowns that are summed ahead; others are summed from `movements` when asked.
    enum Dimension: String, CaseIterable, Sendable {
        case all, crossing, origin, adm1, adm2, organisation

        /// The `movements` expression whose value is the key (`''` where it is null).
        var column: String {
            switch self {
            case .all: "NULL"
            case .crossing: "crossing_code"
            case .origin: "COALESCE(origin_country, origin_pcode)"
            case .adm1: "dest_adm1"
            case .adm2: "dest_adm2"
            case .organisation: "CAST(organisation_id AS TEXT)"
            }
        }

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

    /// One movement as the sums see it.
    struct Entry: Sendable {
        var start: Int
        var end: Int
        var category: String
        var keys: [Dimension: String]
        var persons: Int
    }

    private struct Cell: Hashable, Sendable {
        var dimension: Dimension
        var key: String
        var start: Int
        var end: Int
        var category: String
        /// Whether the period runs across months (kept apart as `dimension+span`).
        var span: Bool
    }

    private struct MonthCell: Hashable, Sendable {
        var dimension: Dimension
        var key: String
        var month: Int
        var category: String
    }

    /// How many distinct sums are held before they are written: more means fewer sums written twice (a
    /// ledger over years has about as many as movements), at some 150 bytes each.
    static let bufferLimit = 100_000
    private var pending: [Cell: (persons: Int, movements: Int)] = [:]
    private var pendingMonths: [MonthCell: (persons: Int, movements: Int)] = [:]
    private var removed = false

    var needsFlush: Bool { pending.count + pendingMonths.count >= Self.bufferLimit }

    mutating func add(_ entry: Entry, sign: Int) {
        if sign < 0 { removed = true }
        let startMonth = Day(number: entry.start).monthIndex
        let span = startMonth != Day(number: entry.end).monthIndex
        for dimension in Dimension.allCases {
            let key = entry.keys[dimension] ?? ""
            let cell = Cell(dimension: dimension, key: key, start: entry.start, end: entry.end, category: entry.category, span: span)
            let current = pending[cell] ?? (0, 0)
            pending[cell] = (current.persons + sign * entry.persons, current.movements + sign)
            if !span {
                let month = MonthCell(dimension: dimension, key: key, month: startMonth, category: entry.category)
                let sums = pendingMonths[month] ?? (0, 0)
                pendingMonths[month] = (sums.persons + sign * entry.persons, sums.movements + sign)
            }
        }
    }

    mutating func flush(on connection: Connection) async throws {
        // In the order of each table's primary key, so that SQLite walks its index page by page instead of
        // jumping about: the sums are as many as the movements on a ledger spread over years.
        let rows: [[BulkValue]] = pending.filter { $0.value.persons != 0 || $0.value.movements != 0 }
            .map { (dimension: $0.key.dimension.rawValue + ($0.key.span ? "+span" : ""), cell: $0.key, sums: $0.value) }
            .sorted { ($0.dimension, $0.cell.start, $0.cell.end, $0.cell.category, $0.cell.key)
                    < ($1.dimension, $1.cell.start, $1.cell.end, $1.cell.category, $1.cell.key) }
            .map { [.text($0.dimension), .text($0.cell.key), .integer($0.cell.start), .integer($0.cell.end),
                    .text($0.cell.category), .integer($0.sums.persons), .integer($0.sums.movements)] }
        let monthRows: [[BulkValue]] = pendingMonths.filter { $0.value.persons != 0 || $0.value.movements != 0 }
            .sorted { ($0.key.dimension.rawValue, $0.key.month, $0.key.category, $0.key.key)
                    < ($1.key.dimension.rawValue, $1.key.month, $1.key.category, $1.key.key) }
            .map { [.text($0.key.dimension.rawValue), .text($0.key.key), .integer($0.key.month), .text($0.key.category),
                    .integer($0.value.persons), .integer($0.value.movements)] }
        pending.removeAll(keepingCapacity: true)
        pendingMonths.removeAll(keepingCapacity: true)
        try await connection.bulkInsert(into: "movement_rollups_monthly", columns: ["dimension", "key", "month", "category", "persons", "movements"],
                                        rows: monthRows,
                                        suffix: "ON CONFLICT (dimension, month, category, key) DO UPDATE SET persons = movement_rollups_monthly.persons + excluded.persons, movements = movement_rollups_monthly.movements + excluded.movements")
        try await connection.bulkInsert(into: "movement_rollups", columns: ["dimension", "key", "start_day", "end_day", "category", "persons", "movements"],
                                        rows: rows,
                                        suffix: "ON CONFLICT (dimension, start_day, end_day, category, key) DO UPDATE SET persons = movement_rollups.persons + excluded.persons, movements = movement_rollups.movements + excluded.movements")
        if removed {
            // A corrected movement that left a day, key or category leaves an empty sum behind.
            try await connection.sql.raw("DELETE FROM movement_rollups WHERE movements = 0").run()
            try await connection.sql.raw("DELETE FROM movement_rollups_monthly WHERE movements = 0").run()
            removed = false
        }
    }
}

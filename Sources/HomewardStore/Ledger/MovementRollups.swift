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

    /// How many distinct sums are held before they are written.
    static let bufferLimit = 50_000
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
        let rows: [[BulkValue]] = pending.compactMap { cell, sums in
            sums.persons == 0 && sums.movements == 0 ? nil
                : [.text(cell.dimension.rawValue + (cell.span ? "+span" : "")), .text(cell.key), .integer(cell.start), .integer(cell.end),
                   .text(cell.category), .integer(sums.persons), .integer(sums.movements)]
        }
        let monthRows: [[BulkValue]] = pendingMonths.compactMap { cell, sums in
            sums.persons == 0 && sums.movements == 0 ? nil
                : [.text(cell.dimension.rawValue), .text(cell.key), .integer(cell.month), .text(cell.category),
                   .integer(sums.persons), .integer(sums.movements)]
        }
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

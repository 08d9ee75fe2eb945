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
    }

    /// How many distinct sums are held before they are written.
    static let bufferLimit = 200_000
    private var pending: [Cell: (persons: Int, movements: Int)] = [:]
    private var removed = false

    var needsFlush: Bool { pending.count >= Self.bufferLimit }

    mutating func add(_ entry: Entry, sign: Int) {
        if sign < 0 { removed = true }
        for dimension in Dimension.allCases {
            let cell = Cell(dimension: dimension, key: entry.keys[dimension] ?? "", start: entry.start, end: entry.end, category: entry.category)
            let current = pending[cell] ?? (0, 0)
            pending[cell] = (current.persons + sign * entry.persons, current.movements + sign)
        }
    }

    mutating func flush(on connection: Connection) async throws {
        let rows: [[BulkValue]] = pending.compactMap { cell, sums in
            sums.persons == 0 && sums.movements == 0 ? nil
                : [.text(cell.dimension.rawValue), .text(cell.key), .integer(cell.start), .integer(cell.end), .text(cell.category),
                   .integer(sums.persons), .integer(sums.movements)]
        }
        pending.removeAll(keepingCapacity: true)
        try await connection.bulkInsert(into: "movement_rollups", columns: ["dimension", "key", "start_day", "end_day", "category", "persons", "movements"],
                                        rows: rows,
                                        suffix: "ON CONFLICT (dimension, start_day, end_day, category, key) DO UPDATE SET persons = movement_rollups.persons + excluded.persons, movements = movement_rollups.movements + excluded.movements")
        if removed {
            // A corrected movement that left a day, key or category leaves an empty sum behind.
            try await connection.sql.raw("DELETE FROM movement_rollups WHERE movements = 0").run()
            removed = false
        }
    }
}

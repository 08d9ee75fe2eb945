/// The sums an import holds, by cell: a hash table of its own, open-addressed, with a cheap integer mix.
///
/// A million-row import adds to some 700,000 sums six times per movement; `Dictionary` seeds and runs
/// SipHash for every lookup and grows by copying, which was a tenth of the import's time. Keys are packed
/// integers already, so a multiply-and-shift mix spreads them well enough, and the slots sit in one array.
struct RollupCells: Sendable {
    /// A sum's identity: dimension, flags and interned key packed in `head`, then the day range (or the month in both);
    /// days and months of the years 0 to 9999 that dates may name fit in 32 bits.
    struct Cell: Hashable, Sendable {
        var head: UInt64
        private var startDay: Int32
        private var endDay: Int32

        init(head: UInt64, start: Int, end: Int) {
            self.head = head
            startDay = Int32(truncatingIfNeeded: start)
            endDay = Int32(truncatingIfNeeded: end)
        }

        var start: Int { Int(startDay) }
        var end: Int { Int(endDay) }
        /// What no cell's head is (its dimension byte is small): marks a free slot, so that a slot is 32 bytes.
        fileprivate static let free = Cell(head: .max, start: 0, end: 0)
    }

    struct Sums: Sendable {
        var persons = 0
        var movements = 0

        /// A movement taken back (0 persons) is no record of anyone: it counts in no sum of records or organisations.
        mutating func add(_ persons: Int, _ sign: Int) {
            self.persons += sign * persons
            if persons > 0 { movements += sign }
        }

        mutating func add(_ other: Sums) {
            persons += other.persons
            movements += other.movements
        }
    }

    private struct Slot {
        var cell: Cell
        var sums: Sums
        var used: Bool { cell.head != .max }
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0
    /// What ``touch(_:)`` read: kept, so that the reads are not optimised away.
    private var touched: UInt64 = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size * 4 < capacity * 5 { size <<= 1 }
        slots = Array(repeating: Slot(cell: .free, sums: Sums()), count: size)
        mask = size - 1
    }

    private static func position(of cell: Cell, mask: Int) -> Int {
        var x = cell.head ^ UInt64(bitPattern: Int64(cell.start)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(cell.end)) &* 0xC2B2_AE3D_27D4_EB4F
        x ^= x >> 29
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x >> 32
        return Int(truncatingIfNeeded: x) & mask
    }

    /// Reads the slot where the cell's search starts, so that a later ``add(_:persons:sign:)`` finds it in the cache.
    ///
    /// A movement adds to six sums scattered over tens of megabytes, each lookup a miss of the processor's cache
    /// (a tenth of an import's time). Touched first, one after another, the six misses overlap: no load waits
    /// for another's address.
    mutating func touch(_ cell: Cell) {
        touched ^= slots[Self.position(of: cell, mask: mask)].cell.head
    }

    /// Adds `persons` (and one movement) times `sign` to the cell's sums.
    mutating func add(_ cell: Cell, persons: Int, sign: Int) {
        update(cell) { $0.add(persons, sign) }
    }

    mutating func add(_ cell: Cell, _ sums: Sums) {
        update(cell) { $0.add(sums) }
    }

    private mutating func update(_ cell: Cell, _ change: (inout Sums) -> Void) {
        // Full to four fifths at most: linear probing stays short, and 700,000 sums fit in 2^20 slots (32 MB).
        if (count + 1) * 5 > slots.count * 4 { grow() }
        var index = Self.position(of: cell, mask: mask)
        while slots[index].used {
            if slots[index].cell == cell {
                change(&slots[index].sums)
                return
            }
            index = (index + 1) & mask
        }
        slots[index].cell = cell
        change(&slots[index].sums)
        count += 1
    }

    private mutating func grow() {
        var larger = RollupCells(capacity: slots.count * 2 * 4 / 5)
        for slot in slots where slot.used {
            var index = Self.position(of: slot.cell, mask: larger.mask)
            while larger.slots[index].used { index = (index + 1) & larger.mask }
            larger.slots[index] = slot
        }
        larger.count = count
        self = larger
    }

    /// Every cell held, in no particular order.
    var all: some Sequence<(cell: Cell, sums: Sums)> {
        slots.lazy.filter(\.used).map { (cell: $0.cell, sums: $0.sums) }
    }
}

/// The sums an import holds, by cell: a hash table of its own, open-addressed, with a cheap integer mix.
///
/// A million-row import adds to some 700,000 sums six times per movement; `Dictionary` seeds and runs
/// SipHash for every lookup and grows by copying, which was a tenth of the import's time. Keys are packed
/// integers already, so a multiply-and-shift mix spreads them well enough, and the slots sit in one array.
struct RollupCells: Sendable {
    /// A sum's identity: dimension, flags and interned key packed in `head`, the day range (or month) in `days`.
    struct Cell: Hashable, Sendable {
        var head: UInt64
        var start: Int
        var end: Int
    }

    struct Sums: Sendable {
        var persons = 0
        var movements = 0

        mutating func add(_ persons: Int, _ sign: Int) {
            self.persons += sign * persons
            movements += sign
        }

        mutating func add(_ other: Sums) {
            persons += other.persons
            movements += other.movements
        }
    }

    private struct Slot {
        var cell: Cell
        var sums: Sums
        var used: Bool
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(cell: Cell(head: 0, start: 0, end: 0), sums: Sums(), used: false), count: size)
        mask = size - 1
    }

    private static func position(of cell: Cell, mask: Int) -> Int {
        var x = cell.head ^ UInt64(bitPattern: Int64(cell.start)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(cell.end)) &* 0xC2B2_AE3D_27D4_EB4F
        x ^= x >> 29
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x >> 32
        return Int(truncatingIfNeeded: x) & mask
    }

    /// Adds `persons` (and one movement) times `sign` to the cell's sums.
    mutating func add(_ cell: Cell, persons: Int, sign: Int) {
        update(cell) { $0.add(persons, sign) }
    }

    mutating func add(_ cell: Cell, _ sums: Sums) {
        update(cell) { $0.add(sums) }
    }

    private mutating func update(_ cell: Cell, _ change: (inout Sums) -> Void) {
        if (count + 1) * 10 > slots.count * 7 { grow() }
        var index = Self.position(of: cell, mask: mask)
        while slots[index].used {
            if slots[index].cell == cell {
                change(&slots[index].sums)
                return
            }
            index = (index + 1) & mask
        }
        slots[index].cell = cell
        slots[index].used = true
        change(&slots[index].sums)
        count += 1
    }

    private mutating func grow() {
        var larger = RollupCells(capacity: slots.count)
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

import Foundation

/// Every number of a bulletin, with the question that produced it, frozen when the bulletin is published.
///
/// The text in each language renders from the snapshot alone, so a published bulletin reads the same forever,
/// whatever is imported later; its SHA-256 over the canonical JSON lets anyone check the figures they were given.
public struct BulletinSnapshot: Hashable, Sendable, Codable {
    /// The day of the session the bulletin reports to: the data as of the end of it.
    public var date: Day
    /// The chosen date returns are also counted from.
    public var since: Day?
    /// The session the bulletin is the statement of, if recorded.
    public var session: Int?
    /// The organisations that took part in the session, as recorded.
    public var participants: [String]
    public var blocks: [BulletinBlock]
    /// When the data was read (ISO 8601, UTC, to the second). Snapshots that keep ``recordedThrough`` list their records
    /// by it; older ones, which keep only this, list them by this moment (``LedgerStore/movements(_:readFor:after:limit:)``).
    /// Absent from snapshots taken before it was kept.
    public var recordedOn: String?
    /// The number of the last import the read saw, in the order imports commit: the records are listed again from the
    /// versions of imports numbered up to it, exactly, where `recordedOn` (to the second, and blind to an import in
    /// flight across the read) may count a write the read did not see. Absent from snapshots taken before it was kept.
    public var recordedThrough: Int?

    public init(date: Day, since: Day?, session: Int? = nil, participants: [String] = [], blocks: [BulletinBlock], recordedOn: String? = nil,
                recordedThrough: Int? = nil) {
        self.date = date
        self.since = since
        self.session = session
        self.participants = participants
        self.blocks = blocks
        self.recordedOn = recordedOn
        self.recordedThrough = recordedThrough
    }

    enum CodingKeys: String, CodingKey {
        case date, since, session, participants, blocks, recordedOn = "recorded_on", recordedThrough = "recorded_through"
    }

    public var entries: [SnapshotEntry] { blocks.flatMap(\.entries) }

    public func entry(_ id: String) -> SnapshotEntry? { entries.first { $0.id == id } }

    /// The snapshot as stored and hashed: keys sorted, no spaces, dates as ISO 8601.
    public var canonicalJSON: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

}

/// One number of a bulletin: its value, the question it answers, and how many records (and of how many
/// organisations) it sums.
public struct SnapshotEntry: Hashable, Sendable, Codable {
    public enum Unit: String, Hashable, Sendable, Codable {
        /// A whole number of persons, sites, figures…
        case count
        /// A percentage in hundredths: 4133 is 41.33 %.
        case hundredths
        /// A quantity in tenths of its unit: 125 is 12.5 km of road.
        case tenths
        /// A quantity in thousandths of its unit: tonnes of aid, kept in kilograms.
        case thousandths

        /// Decimal places the value is held to; `nil` for a whole count.
        public var decimals: Int? {
            switch self {
            case .count: nil
            case .hundredths: 2
            case .tenths: 1
            case .thousandths: 3
            }
        }
    }

    /// Unique in the bulletin: `returns.total`, `returns.crossing.LBN-07`, `camps.HOL.left`.
    public var id: String
    public var value: Int
    public var unit: Unit
    /// The question, as the command line or the API would ask it: `homeward totals --to 2018-08-15 --category refugee`.
    public var query: String
    /// How many records the number sums, where it is a sum of records.
    public var records: Int?
    public var organisations: Int?
    /// The records it sums or restates, by id, where they are few enough to keep: a site's departures, a week's
    /// aid actions, a kind's facility works, a source figure. Sums of movements keep their filters instead.
    public var ids: [Int]?
    /// The movements it sums, as filters to apply again (see ``BulletinSnapshot/recordedOn``).
    public var movements: MovementSelection?

    public init(id: String, value: Int, unit: Unit = .count, query: String, records: Int? = nil, organisations: Int? = nil, ids: [Int]? = nil,
                movements: MovementSelection? = nil) {
        self.id = id
        self.value = value
        self.unit = unit
        self.query = query
        self.records = records
        self.organisations = organisations
        self.ids = ids
        self.movements = movements
    }
}

/// One block of a bulletin (returns, camps, source figures…): a heading and sentences, each a catalogue key
/// whose numbers refer to the block's entries.
public struct BulletinBlock: Hashable, Sendable, Codable {
    /// `returns`, `camps`, `sources`: the part the block comes from.
    public var kind: String
    /// The catalogue key of the block's heading.
    public var heading: String
    public var lines: [BulletinLine]
    public var entries: [SnapshotEntry]

    public init(kind: String, heading: String, lines: [BulletinLine], entries: [SnapshotEntry]) {
        self.kind = kind
        self.heading = heading
        self.lines = lines
        self.entries = entries
    }
}

/// One sentence: a catalogue key and its arguments, numbers by reference to entries.
public struct BulletinLine: Hashable, Sendable, Codable {
    public var key: String
    public var arguments: [String: BulletinValue]

    public init(_ key: String, _ arguments: [String: BulletinValue] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The statements the sentence names (`bulletin`: "the statement no. 2 published"), by argument: its numbers are that
    /// statement's, which a diff does not subtract and the public is not told of where it may not read it.
    public var statements: [String: Int] {
        arguments.compactMapValues { value -> Int? in if case .serial(let number) = value { number } else { nil } }
    }

    /// The snapshot entries the sentence's numbers come from.
    public var entryIDs: [String] { arguments.values.compactMap { value -> String? in if case .entry(let id) = value { id } else { nil } } }
}

/// A value of a sentence, frozen: a number by its entry, a day, a code, a name in every language, or a number that names
/// something (a statement's), written in the text's digits.
public enum BulletinValue: Hashable, Sendable, Codable {
    case entry(String)
    case day(Day)
    case code(String)
    case name(en: String, ru: String?, ar: String?)
    case serial(Int)
    /// Names listed as the reader's language lists them (`, ` or `، `): the organisations whose reports a figure adds up.
    case names([String])
}

extension BulletinSnapshot {
    /// Whether the two say the same: every block, entry and line alike, whenever their data was read, and but for how they
    /// revise the statements before them (a statement published again with nothing new revises the one it would repeat by
    /// nothing, and so has no revision line where that one had one).
    public func sayingTheSame(as other: BulletinSnapshot) -> Bool {
        func plain(_ snapshot: BulletinSnapshot) -> Data {
            var s = snapshot
            (s.recordedOn, s.recordedThrough) = (nil, nil)
            let revised = { (id: String) in ReturnsBlock.revisionPrefixes.contains { id.hasPrefix($0 + ".") } }
            s.blocks = s.blocks.map { block in
                var block = block
                block.lines = block.lines.filter { !$0.entryIDs.contains(where: revised) }
                block.entries = block.entries.filter { !revised($0.id) }
                return block
            }
            return s.canonicalJSON
        }
        return plain(self) == plain(other)
    }
}

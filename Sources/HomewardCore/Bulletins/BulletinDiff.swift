/// What changed between two bulletins: entries whose value differs, and entries only one of them has.
public struct BulletinDiff: Sendable, Encodable {
    public struct Change: Hashable, Sendable, Encodable {
        public var entry: String
        /// `nil` where the entry is new in the later bulletin.
        public var before: Int?
        /// `nil` where the entry is gone from the later bulletin.
        public var after: Int?
        /// What `before` and `after` count in: tenths of a km, kilograms of a tonne… as the snapshot keeps them.
        public var unit: SnapshotEntry.Unit
        public var query: String
        /// A source figure's qualifier before and after (`more-than`), `nil` where exact: a change of it alone is a change.
        public var beforeQualifier: String?
        public var afterQualifier: String?
        /// The earlier bulletin's query where it differs from the later one's: a total to another day, another week's sum
        /// (whose difference is the change between them), or a figure of another statement (see ``isComparable``).
        public var beforeQuery: String?
        /// Whether `after − before` is a change of one figure, rather than figures of different statements (the total that
        /// statement no. 2 published, then no. 3's), whose difference means nothing.
        public var isComparable = true

        enum CodingKeys: String, CodingKey {
            case entry, before, after, unit, query, comparable
            case beforeQualifier = "before_qualifier", afterQualifier = "after_qualifier", beforeQuery = "before_query"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(entry, forKey: .entry)
            try c.encode(before, forKey: .before)
            try c.encode(after, forKey: .after)
            try c.encode(unit, forKey: .unit)
            try c.encode(query, forKey: .query)
            try c.encode(beforeQualifier, forKey: .beforeQualifier)
            try c.encode(afterQualifier, forKey: .afterQualifier)
            try c.encode(isComparable, forKey: .comparable)
            try c.encode(beforeQuery, forKey: .beforeQuery)
        }

        /// A value as the bulletin writes it: `12.5` for 125 tenths, `30.094` for 30,094 kilograms of tonnes.
        public func written(_ value: Int, grouped: Bool = true) -> String {
            unit.decimals.map { ScaledNumber.string(value, decimals: $0, grouped: grouped) } ?? (grouped ? value.grouped : String(value))
        }
    }

    public var changes: [Change]
    /// Entries with the same value (unit and qualifier) in both, of the same statement.
    public var unchanged: Int

    /// The qualifier a sentence gives a number (a source figure's `more-than` beside its entry), by entry; none for exact.
    /// Read from the sentences, which every snapshot has kept, so that a bulletin stored before this compares alike.
    static func qualifiers(_ snapshot: BulletinSnapshot) -> [String: String] {
        var found: [String: String] = [:]
        for line in snapshot.blocks.flatMap(\.lines) {
            guard case .code(let qualifier)? = line.arguments["qualifier"], qualifier != Qualifier.exact.rawValue else { continue }
            for id in line.entryIDs { found[id] = qualifier }
        }
        return found
    }

    /// The statements a sentence names beside a number (``BulletinLine/statements``), by entry: a number of another
    /// statement in the later bulletin is not a change of the earlier one's.
    static func referents(_ snapshot: BulletinSnapshot) -> [String: [String: Int]] {
        var found: [String: [String: Int]] = [:]
        for line in snapshot.blocks.flatMap(\.lines) where !line.statements.isEmpty {
            for id in line.entryIDs { found[id] = line.statements }
        }
        return found
    }

    public init(from old: BulletinSnapshot, to new: BulletinSnapshot) {
        let before = Dictionary(old.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let (qualifiedBefore, qualifiedAfter) = (Self.qualifiers(old), Self.qualifiers(new))
        let (referredBefore, referredAfter) = (Self.referents(old), Self.referents(new))
        var changes: [Change] = [], unchanged = 0
        for id in Set(before.keys).union(after.keys).sorted() {
            let a = before[id], b = after[id]
            // Another statement's figure: the sentence names another statement and the question asked of it differs. Equal
            // values of two statements are no "unchanged" either.
            let queried = a != nil && b != nil && a!.query != b!.query ? a!.query : nil
            // In one of the two only, a figure of another statement is no change of this one's either.
            let otherStatement = queried != nil && referredBefore[id] != referredAfter[id]
                || (a == nil || b == nil) && (referredBefore[id] ?? referredAfter[id]) != nil
            if a?.value == b?.value && a?.unit == b?.unit && qualifiedBefore[id] == qualifiedAfter[id] && !otherStatement { unchanged += 1; continue }
            // Entries whose unit changed compare as written; the later unit names both.
            let unit = (b ?? a)!.unit
            changes.append(Change(entry: id, before: a?.value, after: b?.value, unit: unit, query: (b ?? a)!.query,
                                  beforeQualifier: a.flatMap { _ in qualifiedBefore[id] }, afterQualifier: b.flatMap { _ in qualifiedAfter[id] },
                                  beforeQuery: queried, isComparable: !otherStatement))
        }
        self.changes = changes
        self.unchanged = unchanged
    }
}

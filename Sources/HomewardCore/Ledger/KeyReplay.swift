/// What the records an import gives under one key do to the movement stored under it, taken in the file's order.
///
/// A count records the movement, or corrects it; a 0 withdraws it (leaves it at 0 persons, the version before kept)
/// where it records people, and otherwise changes nothing; a 0 implied for a category an id's row leaves out gives way
/// to any count the records give the key. Where the key ends as it was stored, the file changed
/// nothing, and each record is counted as ignored rather than as corrections that undid each other.
public struct KeyReplay: Sendable {
    /// The version stored under the key, as far as the replay needs it.
    public struct Stored: Sendable {
        public var fingerprint: String
        public var persons: Int

        public init(fingerprint: String, persons: Int) {
            self.fingerprint = fingerprint
            self.persons = persons
        }
    }

    public private(set) var imported = 0
    public private(set) var updated = 0
    public private(set) var ignored = 0
    /// The index of the record whose values the key is left with; `nil` when the key is left as it was.
    public private(set) var final: Int?

    /// - Parameter stored: the version stored before these records, `nil` when the key is new.
    public init(_ records: [Movement], over stored: Stored?) {
        var state = stored
        // A category an id's row leaves out gives way to a count the file gives the key: a row per category of one id.
        let given = records.contains { $0.countWritten }
        // A key is imported or updated once by a file: its later changes are the file's own versions, never in force.
        var counted = false
        for (index, record) in records.enumerated() where !(given && record.countSource == .otherCategoryOfID) {
            if record.persons > 0 {
                let fingerprint = record.fingerprint
                if state?.fingerprint == fingerprint {
                    ignored += 1
                    continue
                }
                if counted { ignored += 1 } else if state == nil { imported += 1 } else { updated += 1 }
                counted = true
                state = Stored(fingerprint: fingerprint, persons: record.persons)
                final = index
            } else if let current = state, current.persons > 0 {
                if counted { ignored += 1 } else { updated += 1 }
                counted = true
                state = Stored(fingerprint: record.fingerprint, persons: 0)
                final = index
            } else if record.countWritten {
                ignored += 1
            }
        }
        // A movement the file records and then takes back (200, then 0), with none stored: as if neither row had been, as a
        // lone 0 for a new key is.
        if stored == nil, let last = final, records[last].persons == 0 {
            imported = 0
            updated = 0
            ignored = records.count { $0.countWritten }
            final = nil
        }
        if let stored, final.map({ records[$0].fingerprint == stored.fingerprint }) ?? false {
            // Back where it was stored (x1 = 10, then 20 again, with 20 stored): nothing changed.
            imported = 0
            updated = 0
            ignored = records.count { $0.countWritten }
            final = nil
        }
    }
}

import HomewardCore

/// Writes one kind of checked record in batches inside an import's transaction, telling new records
/// from corrections and repeats.
///
/// A new kind of record brings its writer; ``ImportRun`` brings everything else (reading, the layout,
/// the rules, the transaction, the summary), and overlaps one batch's write with the next one's reading.
protocol BatchWriter: Sendable {
    associatedtype Record: Sendable

    /// Records per round trip.
    static var batchSize: Int { get }

    /// - Parameter rows: the row of the file (or position of the JSON object) each record came from, for the problems it meets.
    mutating func write(_ batch: [Record], rows: [Int]) async throws
    /// Writes what is still held (sums, the last batch's leftovers); called once, before the transaction commits.
    mutating func finish() async throws
    /// Lets anything the writer still has running end, without writing more; called instead of ``finish()`` when
    /// the transaction is to roll back, so that nothing of it reaches the connection after the rollback.
    mutating func abandon() async
    var counts: WriteCounts { get }
}

extension BatchWriter {
    static var batchSize: Int { 2000 }
    mutating func finish() async throws {}
    mutating func abandon() async {}
}

/// What a writer did with the records it was given.
struct WriteCounts: Sendable, Equatable {
    /// Records that were not there before.
    var imported = 0
    /// Records that were there with other figures, and now have these: once per import, however many of its rows change
    /// the record (the later ones count as ignored); negative in one record's counts where a later row of the file puts it
    /// back as it was before the import, undoing the update an earlier row counted.
    var updated = 0
    /// Records that were there as they are.
    var ignored = 0
    /// Records whose key an earlier row of the same import gave already: two groups, or a typo in an id,
    /// that would otherwise leave only the last figure without a word.
    var repeats: [RepeatedRecord] = []
    /// New records without an id that an earlier import recorded the same way but for cells Homeward does not read:
    /// both are counted, which is right for two groups and wrong for one report sent again with a note or a status changed.
    var twins: [TwinRecord] = []
    /// New movements beside another organisation's report of an earlier import for the same days, crossing, origin,
    /// destination and category: the ledger adds both, twice the people where both counted the same group. New departures
    /// beside another's of the same site, days and destination likewise.
    var shared: [SharedRecord] = []
    /// Corrections that put back what an earlier import recorded, undoing a later one's: an old file imported again.
    var reverts: [RevertedRecord] = []
    /// Movements of an earlier import taken back because a row gives their id under the other category only.
    var moves: [MovedRecord] = []
    /// Figures a correction left blank where the record it corrects gave them: no longer counted, which a partner re-sending
    /// one figure would not mean.
    var cleared: [ClearedFigure] = []
    /// Rows of parts whose total the same file withdrew above them: stored as part of none, which their file did not mean.
    var unlinked: [Int] = []
    /// What one kind's writer alone finds, said at a row (a census correction an operation now counts from).
    var notes: [RowNote] = []
}

/// A warning a writer gives at a row, in its own words.
struct RowNote: Sendable, Equatable {
    var row: Int
    var message: Message
}

/// A figure a correction leaves out (blank) that the version it replaces gave.
struct ClearedFigure: Sendable, Equatable {
    var row: Int
    /// The field's JSON key: `reached`, `tonnes`.
    var field: String
    /// The decimals `before` is stored to (3 for tonnes, kept in kilograms).
    var decimals: Int
    /// What the replaced version gave, as stored.
    var before: Int
    /// Whether the field names another record (a figure's total, by id) rather than gives a figure.
    var link = false
    /// What the replaced version said, where the field holds words rather than a figure.
    var words: String?
}

/// A movement an earlier import recorded for an id in one category, taken back by a row that gives the id in the other
/// category only: one report moved (a form's submission edited), not a second group. Said, since it is inferred.
struct MovedRecord: Sendable, Equatable {
    var row: Int
    /// The movement taken back, and what it counted.
    var movement: Int
    var persons: Int
}

/// A correction of an import that gives a record as an earlier import had it, before a later one corrected it.
struct RevertedRecord: Sendable, Equatable {
    var row: Int
    /// The import whose version it puts back, where the version names one.
    var importID: Int?
}

/// A new record of an import, without an id, beside a stored one of an earlier import that it matches in all Homeward reads.
struct TwinRecord: Sendable, Equatable {
    var row: Int
    /// The stored record's id.
    var twin: Int
    /// The warning's catalogue key, which names what the kind's records share (`import.movements.twin`), and the name
    /// it gives the stored record's id.
    var message = "import.movements.twin"
    var argument = "movement"
    /// Other stored records alike, after `twin`: named instead where a later row of the file withdraws it.
    var others: [Int] = []
    /// The new record's key, where the warning is dropped should a later row of the file take it back.
    var key: String?
}

/// A new record beside another organisation's record of an earlier import of the same group, delivery or work: a movement
/// of the same days, crossing, origin, destination and category; a departure; an aid action; a facility record.
struct SharedRecord: Sendable, Equatable {
    var row: Int
    /// The other organisation's record (the first recorded, where it reported several), what it counted (people, where the
    /// records count them), and its name.
    var record: Int
    var persons: Int?
    var organisation: String
    /// Whether this import gave the other record, and the row of its file that did where the writer knows it.
    var thisImport = false
    var earlierRow: Int?
    /// Whether the movements name a crossing point: a move inside the country may name none, and the warning says so.
    var crossing = true
    /// The warning's key, and the argument that numbers the other record: a departure's is its own.
    var message = "import.movements.otherOrganisation"
    var recordArgument = "movement"
    /// Other organisations' records alike after `record`, named instead where a later row of the file withdraws it.
    var others: [SharedRecord] = []
}

/// A record of an import whose key an earlier row of the same import gave: the last is kept, and the author told.
struct RepeatedRecord: Sendable, Equatable {
    var row: Int
    /// The earlier row, where the writer still knows it (within one batch).
    var earlierRow: Int?
}

import HomewardCore
import SQLKit

extension LedgerStore {
    /// The movements a selection picks, each in the version in force at `moment` (the current row if recorded by
    /// then, else the revision recorded by then and superseded after it), in id order, a page at a time.
    ///
    /// This is how a bulletin's number lists the records it summed: its ``MovementSelection`` applied again to the
    /// ledger as it stood when the snapshot was read, whatever was corrected or imported since.
    public func movements(_ selection: MovementSelection, asRecordedOn moment: String, after: Int? = nil,
                          limit: Int = 1000) async throws -> [RecordedMovement] {
        try await movements(in: Self.movementsSource(asRecordedOn: moment), window: selection.window, category: selection.category,
                            crossing: selection.crossing, withoutCrossing: selection.withoutCrossing == true, after: after, limit: limit)
    }
}

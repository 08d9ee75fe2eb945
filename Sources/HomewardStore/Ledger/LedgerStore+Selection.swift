import HomewardCore
import SQLKit

extension LedgerStore {
    /// The movements a selection picks, each in the version in force at `moment` (written by an import committed by
    /// then, and not superseded by one), in id order, a page at a time.
    public func movements(_ selection: MovementSelection, asRecordedOn moment: String, after: Int? = nil,
                          limit: Int = 1000) async throws -> [RecordedMovement] {
        try await movements(in: Self.movementsSource(asRecordedOn: moment), selection, after: after, limit: limit)
    }

    /// The movements a selection picks as a bulletin's read saw them, in id order, a page at a time; `nil` for a
    /// snapshot that kept neither its last import nor its moment.
    ///
    /// This is how a bulletin's number lists the records it summed: its ``MovementSelection`` applied again to the
    /// ledger as it stood when the snapshot was read, whatever was corrected or imported since: by the last import the
    /// read saw (``BulletinSnapshot/recordedThrough``), exactly, or for older snapshots by the moment of the read.
    public func movements(_ selection: MovementSelection, readFor snapshot: BulletinSnapshot, after: Int? = nil,
                          limit: Int = 1000) async throws -> [RecordedMovement]? {
        let source: SQLQueryString
        if let number = snapshot.recordedThrough {
            source = Self.movementsSource(recordedThrough: number)
        } else if let moment = snapshot.recordedOn {
            source = Self.movementsSource(asRecordedOn: moment)
        } else {
            return nil
        }
        return try await movements(in: source, selection, after: after, limit: limit)
    }

    private func movements(in source: SQLQueryString, _ selection: MovementSelection, after: Int?, limit: Int) async throws -> [RecordedMovement] {
        try await movements(in: source, window: selection.window, category: selection.category, crossing: selection.crossing,
                            withoutCrossing: selection.withoutCrossing == true, withdrawn: false, after: after, limit: limit)
    }
}

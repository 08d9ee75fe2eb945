import HomewardCore

extension LedgerStore {
    /// Fills the ledger with generated movements, marked as demo data in every row's source.
    ///
    /// - Returns: the import summary (everything goes through the same rules as real data).
    public func loadDemoData(rows: Int, seed: UInt64 = 2018, lastDay: Day, days: Int = 365, by caller: Caller) async throws -> ImportSummary {
        var generator = MovementGenerator(gazetteer: try await places.gazetteer(), seed: seed, lastDay: lastDay, days: days)
        var index = 0
        var sentHeader = false
        let source = ByteSource(totalBytes: nil) {
            if !sentHeader {
                sentHeader = true
                return Array(CSVWriter.line(MovementGenerator.tags).utf8)
            }
            guard index < rows else { return nil }
            var text = ""
            let end = min(rows, index + 5_000)
            while index < end {
                text += CSVWriter.line(generator.next(index: index))
                index += 1
            }
            return Array(text.utf8)
        }
        return try await importMovements(ImportRequest(sourceName: "demo data", today: lastDay), from: source, by: caller)
    }
}

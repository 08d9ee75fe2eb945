import Foundation
import HomewardCore
import SQLKit

extension LedgerStore {
    /// Imports movements from CSV (HXL-tagged, or mapped) or JSON, in one transaction, through the one importer.
    ///
    /// - Parameter progress: called with the bytes read so far, after each chunk.
    /// - Throws: ``ImportError`` when the input as a whole cannot be read (not CSV or JSON of the
    ///   expected shape, no hashtag row and no mapping, a quote left open); nothing is written.
    public func importMovements(_ request: ImportRequest, from source: ByteSource, by caller: Caller,
                                progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        let rules = MovementRules(gazetteer: try await places.gazetteer(), today: request.today,
                                  defaultOrganisation: request.organisation?.trimmingCharacters(in: .whitespaces),
                                  vocabulary: request.vocabulary)
        let summary = try await database.runImport(.movements, request, from: source, by: caller, rules: rules,
                                                   progress: progress, foreignKeys: false) { write, importID in
            MovementWriter(write: write, importID: importID)
        }
        try await refreshStatistics(after: summary)
        return summary
    }

    /// Brings the planner's statistics up to date after a large import, so that the next totals use the indexes.
    func refreshStatistics(after summary: ImportSummary) async throws {
        guard !summary.dryRun, summary.imported + summary.updated >= 10_000 else { return }
        try await database.read { db in
            switch database.backend {
            case .postgres: try await db.raw("ANALYZE movements, movement_rollups, movement_rollups_monthly").run()
            case .sqlite: try await db.raw("PRAGMA optimize").run()
            }
        }
    }
}

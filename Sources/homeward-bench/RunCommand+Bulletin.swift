import Foundation
import HomewardCore
import HomewardStore
import Logging

extension RunCommand {
    /// A bulletin over the ledger: building its snapshot (the queries) and rendering all three languages from it
    /// (text and HTML), each against one totals query in the same run.
    func bulletinFigures(_ report: Report, database: DatabaseLocation, label: String) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let store = try await Stores.open(database, logger: logger)
        let date = Day(year: 2019, month: 12, day: 31)!, since = Day(year: 2019, month: 7, day: 1)!
        let query = TotalsQuery(window: DateWindow(to: date))
        _ = try await store.ledger.totals(query)
        var start = ContinuousClock.now
        _ = try await store.ledger.totals(query)
        let totalsMs = (ContinuousClock.now - start).seconds * 1000
        start = ContinuousClock.now
        let snapshot = try await store.draftBulletin(date: date, since: since)
        let draftMs = (ContinuousClock.now - start).seconds * 1000
        let catalogues = try Language.allCases.map { try Catalogue.bundled($0) }
        start = ContinuousClock.now
        var characters = 0
        for catalogue in catalogues {
            let text = BulletinText(snapshot: snapshot, catalogue: catalogue)
            characters += text.text.count + text.html.count
        }
        let renderMs = (ContinuousClock.now - start).seconds * 1000
        report.figure("bulletin_draft_ms_\(label)", draftMs, "the snapshot's queries: returns, crossings, camps, reconstruction, aid, sources")
        report.figure("bulletin_render_3_languages_ms_\(label)", renderMs, "text and HTML in en, ru, ar from the snapshot (\(characters) characters)")
        report.figure("bulletin_render_vs_totals_ratio_\(label)", renderMs / max(totalsMs, 0.001),
                      "three languages rendered ÷ one totals query since the start (target: the render under a second)")
        report.figure("bulletin_draft_and_render_ms_\(label)", draftMs + renderMs,
                      "a bulletin from the ledger to its text in three languages (target: under a second on 1,000,000 movements)")
        report.figure("bulletin_draft_vs_totals_ratio_\(label)", draftMs / max(totalsMs, 0.001),
                      "the snapshot's queries ÷ one totals query: sums and records from the rollups, one query per window")
        await store.close()
    }
}

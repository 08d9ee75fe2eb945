import HomewardCore

extension Stores {
    /// Demo source figures that disagree, a session and a published bulletin, all marked as demo in their
    /// citations and organisation names; the figures are derived from the demo ledger so that the page has
    /// something to compare, and none is real.
    public func loadSourcesDemo(lastDay: Day, by caller: Caller) async throws {
        let returned = try await sources.ledgerSum(window: DateWindow(to: lastDay)).value
        let refugees = try await sources.ledgerSum(window: DateWindow(to: lastDay), category: .refugee).value
        let weekAgo = lastDay.adding(days: -7), twoWeeksAgo = lastDay.adding(days: -14)
        let ministry = "Demo ministry", agency = "Demo refugee agency", cite = "demo statement (not real)"
        let rows: [[String]] = [
            [ministry, twoWeeksAgo.description, "returns", String(returned * 12 / 10), "more-than", "count", "", "", "", cite, "m-1", ""],
            [ministry, lastDay.description, "returns", String(returned * 13 / 10), "more-than", "count", "", "", "", cite, "m-2", ""],
            [ministry, lastDay.description, "returns-idps", String(returned * 13 / 10 - refugees * 15 / 10), "at-least", "count", "", "", "", cite, "m-3", "m-2"],
            [ministry, lastDay.description, "returns-refugees", String(refugees * 15 / 10), "more-than", "count", "", "", "", cite, "m-4", "m-2"],
            [agency, weekAgo.description, "returns-refugees-registered", String(refugees / 5), "exact", "count", "", "", "", cite, "a-1", ""],
            [agency, lastDay.description, "returns-refugees-registered", String(refugees / 4), "exact", "count", "", "", "", cite, "a-2", ""],
            [ministry, lastDay.description, "returns", String(returned * 3), "about", "projection", "", "", "", cite, "m-5", ""],
        ]
        let header = "#org,#date,#indicator+code,#indicator+num,#indicator+qualifier,#indicator+type,#date+since,#date+start,#date+end,#meta+source,#meta+id,#meta+part\n"
        let csv = header + rows.map { CSVWriter.line($0) }.joined()
        _ = try await sources.importFigures(ImportRequest(sourceName: "demo source figures", today: lastDay), from: .bytes(Array(csv.utf8)), by: caller)
        _ = try await sessions.addSession(CoordinationSession(date: lastDay, briefings: [
            .init(organisation: ministry, text: "Demo briefing (not real)."), .init(organisation: agency, text: "Demo briefing (not real)."),
        ]), today: lastDay, by: caller)
        _ = try await publishBulletin(date: lastDay, since: lastDay.adding(days: -30), isPublic: true, today: lastDay, by: caller)
    }
}

import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct TotalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totals",
        abstract: "How many people returned: in a window, broken down by crossing, origin, destination, week…",
        discussion: """
            A movement counts when its whole date or period lies in the window; one whose period crosses \
            an edge of the window is never prorated, and is shown apart as partial.

            The centre's weekly questions:
              homeward totals                                   # since the start
              homeward totals --from 2018-07-01                 # since a date
              homeward totals --last 7                          # the past week, against the week before
              homeward totals --by crossing                     # by crossing point
              homeward totals --by origin --category refugee    # by origin country
              homeward totals --year 2018 --by adm1 --top 5     # top five destination areas of the first level in a year
            """
    )

    @OptionGroup var db: DatabaseOptions

    @Option(help: "First day of the window (YYYY-MM-DD).") var from: Day?
    @Option(help: "Last day of the window (YYYY-MM-DD).") var to: Day?
    @Option(help: "A whole calendar year as the window.") var year: Int?
    @Option(help: "The last N days up to --to (or today), compared with the N days before.") var last: Int?
    @Option(help: "crossing, origin, destination, adm1…adm4, category, week, month or organisation.") var by: Grouping?
    @Option(help: "Show only the N largest groups.") var top: Int?
    @Option(help: "Only refugee or idp movements.") var category: MovementCategory?
    @Option(help: "Only movements through this crossing point (its code).") var crossing: String?
    @Option(help: "Only movements reported by this organisation.") var org: String?
    @Option(help: ArgumentHelp("The ledger as it stood at this moment: an ISO 8601 date-time such as 2019-07-24T14:00:00Z, or a date (the end of that day, UTC).",
                               valueName: "when")) var asRecordedOn: String?
    @Option(help: "table, json or csv") var format: OutputFormat = .table
    @Option(help: "The language of the table's words and numbers: en, ru or ar (JSON and CSV are the same in every language).")
    var lang: Language = .en

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top takes 1 or more") }
        if top != nil, by == nil { throw ValidationError("--top: the largest groups of a breakdown: give --by too") }
        if let asRecordedOn {
            guard RecordingMoment.parse(asRecordedOn) != nil else {
                throw ValidationError("--as-recorded-on '\(asRecordedOn)': expected \(RecordingMoment.expected)")
            }
            if RecordingMoment.isToCome(asRecordedOn, now: Date()) { throw ValidationError("--as-recorded-on '\(asRecordedOn)': \(RecordingMoment.toCome)") }
        }
        _ = try resolvedWindow(asked)
    }

    private var asked: DateWindow.Asked { .init(from: from, to: to, year: year, last: last) }

    func run() async throws {
        let (window, previousWindow) = try resolvedWindow(asked)
        let query = TotalsQuery(window: window, grouping: by, top: top, category: category, crossing: crossing, organisation: org,
                                asRecordedOn: asRecordedOn.flatMap(RecordingMoment.parse))
        let answer = try await db.withStores { try await $0.ledger.totals(query, comparedWith: previousWindow) }
        let (report, previous) = (answer.report, answer.previous)
        switch format {
        case .json: try printJSON(answer)
        case .csv: printCSV(report, previous: previous, asRecordedOn: answer.asRecordedOn)
        case .table: printTable(report, previous: previous, asRecordedOn: answer.asRecordedOn)
        }
    }

    /// The table's figures, the total's row (without `--by`) with what the table says beside it: the persons in movements
    /// that only overlap the window (`partial`, not in the total) and, with `--last`, the window before and the change.
    /// Group rows leave those columns empty: they are the whole's, and a total row among the groups would be summed with them.
    /// With `--as-recorded-on`, a column after those says the moment, so that a saved file says it is not today's; with
    /// `--last`, a last column gives the window before's `partial` (`previous_partial`), which its `previous` leaves out.
    private func printCSV(_ report: TotalsReport, previous: TotalsReport?, asRecordedOn: Date?) {
        let moment = asRecordedOn.map { [$0.formatted(.iso8601)] } ?? []
        let before = previous.map { [String($0.partial)] } ?? []
        print((["key,name,persons,refugees,idps,partial,previous,change"] + (moment.isEmpty ? [] : ["as_recorded_on"])
               + (before.isEmpty ? [] : ["previous_partial"])).joined(separator: ","))
        if by == nil {
            let comparison = previous.map { [String($0.total), String(report.total - $0.total)] } ?? ["", ""]
            print(([",Total", String(report.total), String(report.refugees), String(report.idps), String(report.partial)] + comparison + moment + before)
                .joined(separator: ","))
        }
        for g in report.groups {
            print(([g.key ?? "", g.name, String(g.persons), String(g.refugees), String(g.idps)].map(CSVWriter.field) + ["", "", ""] + moment
                   + before.map { _ in "" }).joined(separator: ","))
        }
    }

    private func printTable(_ report: TotalsReport, previous: TotalsReport?, asRecordedOn: Date?) {
        let c = Catalogue.shipped[lang] ?? .english
        /// A window in words and the language's digits, for the headings.
        func window(_ from: Day?, _ to: Day?) -> String {
            let day = { (day: Day) in MessageArgument.day(day) }
            return switch (from, to) {
            case (nil, nil): c.text("cli.totals.window.all")
            case (let from?, nil): c.text("cli.totals.window.from", ["from": day(from)])
            case (nil, let to?): c.text("cli.totals.window.upTo", ["to": day(to)])
            case (let from?, let to?): c.text("cli.totals.window.between", ["from": day(from), "to": day(to)])
            }
        }
        print(c.text("cli.totals.heading", ["window": .text(window(report.from, report.to))]))
        if let asRecordedOn {
            print(c.text("cli.totals.asRecordedOn", ["moment": .text(c.days.moment(asRecordedOn))]))
        }
        print(c.text("cli.totals.total", ["total": .count(report.total), "refugees": .count(report.refugees), "idps": .count(report.idps)]))
        if let previous, previous.from != nil, previous.to != nil {
            print(c.text("cli.totals.before", ["previous": .count(previous.total), "window": .text(window(previous.from, previous.to)),
                                               "change": .change(report.total - previous.total)]))
            // The window before leaves out, as this one does, the periods across its edges: said, not dropped from the comparison unseen.
            if previous.partial > 0 { print(c.text("cli.totals.before.partial", ["partial": .count(previous.partial)])) }
        }
        if report.partial > 0 {
            print(c.text("cli.totals.partial", ["partial": .count(report.partial)]))
        }
        guard let by else { return }
        print("")
        // Weeks, months and "not reported" in the table's language; CSV and JSON keep the API's English names.
        func name(_ group: TotalsGroup) -> String {
            // Below a governorate, most of such movements gave a coarser destination, not none.
            guard let key = group.key else { return c.text((by.level?.rawValue ?? 1) > 1 ? "totals.notReported.atLevel" : "totals.notReported") }
            guard by.isCalendar, let start = TotalsBuilder.calendarStart(key, by) else { return group.name(in: lang) }
            // Days as the language writes a span (9–15 November 2026), as months are named in words; the key beside keeps ISO's.
            if let slash = key.firstIndex(of: "/"), let end = Day(String(key[key.index(after: slash)...])) { return c.days.range(start, end) }
            // A week the window cuts (2020-W53 asked from 2021-01-01) is named by the days it counts, not its whole span.
            if by == .week, let days = TotalsBuilder.weekDays(key, window: DateWindow(from: report.from, to: report.to)) {
                return c.days.range(days.first, days.last)
            }
            return c.days.month(start)
        }
        var table = TextTable(header: [c.text("cli.totals.column.by.\(by.rawValue)"), c.text("cli.totals.column.name"), c.text("cli.totals.column.persons"),
                                       c.text("cli.totals.column.refugees"), c.text("cli.totals.column.idps")], numeric: [2, 3, 4])
        table.rows = report.groups.map { [$0.key ?? "-", name($0), c.numbers.string($0.persons), c.numbers.string($0.refugees),
                                          c.numbers.string($0.idps)] }
        print(table.rendered)
    }
}

extension Grouping: ExpressibleByArgument {}
extension MovementCategory: ExpressibleByArgument {}


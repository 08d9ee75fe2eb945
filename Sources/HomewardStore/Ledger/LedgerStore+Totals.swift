import Foundation
import HomewardCore
import SQLKit

extension LedgerStore {
    /// Answers a totals question: sums in SQL, names and calendar buckets in ``TotalsBuilder``.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` for a crossing point the database does not know: a misspelt
    ///   code is said so, not answered with 0; and for an organisation written as another spelling of a known one
    ///   (`unhcr` for `UNHCR`), which would read as "reported none". A name not known at all is 0: one that has not
    ///   reported yet, as a partner's script polling a list of them expects.
    public func totals(_ query: TotalsQuery) async throws -> TotalsReport {
        try await database.read { db in
            var query = query
            if let crossing = query.crossing { query.crossing = try await Self.crossingCode(crossing, on: db) }
            if let grouping = query.grouping, let level = grouping.level {
                try await PlacesStore.refuseAbsentLevel(level, field: "by", value: grouping.rawValue, on: db)
            }
            let report = try await LedgerStore.totals(query, on: db)
            // Only an empty answer can come from a misspelt name: a known one's answer needs no list of names read.
            if let organisation = query.organisation, report.total == 0, report.partial == 0 {
                try await OrganisationsStore.refuseOtherSpelling(organisation, on: db)
            }
            return report
        }
    }

    static func totals(_ query: TotalsQuery, on db: any SQLDatabase) async throws -> TotalsReport {
        // Breakdowns summed ahead answer from the rollups; the rest, and filters by crossing or
        // organisation, sum the movements themselves. Both are aliased `m` with the same columns.
        // A question about the past sums the versions then in force, which the rollups (kept for the present) cannot answer.
        let rollup = query.crossing == nil && query.organisation == nil && query.asRecordedOn == nil
            ? MovementRollups.Dimension(query.grouping) : nil
        let movements = movementsSource(asRecordedOn: query.asRecordedOn)
        let calendar = query.grouping?.isCalendar == true ? query.grouping : nil
        let inside: SQLQueryString
        switch (rollup, calendar) {
        case (nil, _): inside = movements + " m WHERE " + windowCondition(query.window, inside: true) + filters(query)
        case (let dimension?, nil): inside = rollupSource(dimension, query)
        case (let dimension?, _):
            inside = "movement_rollups m WHERE m.dimension IN (\(bind: dimension.rawValue), \(bind: dimension.rawValue + "+span")) AND "
                + windowCondition(query.window, inside: true) + filters(query)
        }
        var sums: [TotalsBuilder.Sum] = []
        var names: [String: [Language: String]] = [:]

        if let calendar {
            let rows = try await db.raw("""
                SELECT m.start_day AS start_day, m.end_day AS end_day, m.category AS category, CAST(SUM(m.persons) AS BIGINT) AS persons
                FROM \(inside) GROUP BY m.start_day, m.end_day, m.category
                """).all()
            for row in rows {
                let period = Period(start: Day(number: try row.decode(column: "start_day", as: Int.self)),
                                    end: Day(number: try row.decode(column: "end_day", as: Int.self)))
                sums.append(.init(key: TotalsBuilder.calendarKey(period, calendar),
                                  category: try LedgerStore.category(try row.decode(column: "category", as: String.self)),
                                  persons: try row.decode(column: "persons", as: Int.self)))
            }
        } else {
            var (keyExpression, nameJoin, name) = groupingSQL(query.grouping)
            if rollup != nil && query.grouping != .category && query.grouping != nil { keyExpression = "NULLIF(m.key, '')" }
            let rows = try await db.raw("""
                SELECT g.k AS k, g.category AS category, g.persons AS persons, \(unsafeRaw: name.en) AS name,
                    \(unsafeRaw: name.ar) AS name_ar, \(unsafeRaw: name.ru) AS name_ru FROM (
                    SELECT \(unsafeRaw: keyExpression) AS k, m.category AS category, CAST(SUM(m.persons) AS BIGINT) AS persons
                    FROM \(inside) GROUP BY \(unsafeRaw: query.grouping == nil ? "" : keyExpression + ", ")m.category
                ) g \(unsafeRaw: nameJoin)
                """).all()
            for row in rows {
                var key = try row.decode(column: "k", as: String?.self)
                // Organisations are known to people by name; the id is only the grouping's handle.
                if query.grouping == .organisation { key = try row.decode(column: "name", as: String?.self) }
                if let key {
                    let named: [Language: String?] = [.en: try row.decode(column: "name", as: String?.self),
                                                      .ar: try row.decode(column: "name_ar", as: String?.self),
                                                      .ru: try row.decode(column: "name_ru", as: String?.self)]
                    names[key] = named.compactMapValues { $0 }
                    if query.grouping == .category {
                        names[key] = Catalogue.shipped.mapValues { $0.text("category.\(key)") }
                    }
                }
                sums.append(.init(key: query.grouping == nil ? nil : key,
                                  category: try LedgerStore.category(try row.decode(column: "category", as: String.self)),
                                  persons: try row.decode(column: "persons", as: Int.self)))
            }
        }
        var partial = 0
        if query.window.from != nil || query.window.to != nil {
            let all: SQLQueryString = rollup != nil ? "movement_rollups m WHERE m.dimension IN ('all', 'all+span') AND " : movements + " m WHERE "
            let edge = all + windowCondition(query.window, inside: false) + filters(query)
            partial = try await db.raw("SELECT CAST(COALESCE(SUM(m.persons), 0) AS BIGINT) AS persons FROM \(edge)")
                .first(decodingColumn: "persons", as: Int.self) ?? 0
        }
        let report = TotalsBuilder().report(window: query.window, sums: sums, partial: partial, top: query.top,
                                            calendar: calendar) { key, language in names[key]?[language] }
        return query.grouping == nil ? TotalsReport(from: report.from, to: report.to, total: report.total, refugees: report.refugees,
                                                    idps: report.idps, partial: report.partial, groups: []) : report
    }

    /// The rollup rows that add up to the movements inside the window, as `(…) m WHERE …` with `key`,
    /// `category`, `persons` and `movements` (records): whole months from the monthly sums, the partial
    /// months at either end from the daily ones, and movements across months from their own daily sums.
    static func rollupSource(_ dimension: MovementRollups.Dimension, _ query: TotalsQuery) -> SQLQueryString {
        let from = query.window.from, to = query.window.to
        let lowest = Int(Int32.min), highest = Int(Int32.max)
        // The first and last months that lie wholly inside the window.
        let firstMonth = from.map { $0.components.day == 1 ? $0.monthIndex : $0.monthIndex + 1 } ?? lowest
        let lastMonth = to.map { $0.adding(days: 1).components.day == 1 ? $0.monthIndex : $0.monthIndex - 1 } ?? highest
        let fromDay = from?.number ?? lowest, toDay = to?.number ?? highest
        let category: SQLQueryString = query.category.map { " AND category = \(bind: $0.rawValue)" } ?? ""
        let name = dimension.rawValue
        var branches: [SQLQueryString] = [
            "SELECT key, category, persons, movements FROM movement_rollups WHERE dimension = \(bind: name + "+span") AND start_day >= \(bind: fromDay) AND end_day <= \(bind: toDay)\(category)"
        ]
        if firstMonth <= lastMonth {
            branches.append("SELECT key, category, persons, movements FROM movement_rollups_monthly WHERE dimension = \(bind: name) AND month BETWEEN \(bind: firstMonth) AND \(bind: lastMonth)\(category)")
            if from != nil {
                let headEnd = Day.firstOfMonth(index: firstMonth).number - 1
                branches.append("SELECT key, category, persons, movements FROM movement_rollups WHERE dimension = \(bind: name) AND start_day BETWEEN \(bind: fromDay) AND \(bind: headEnd) AND end_day <= \(bind: toDay)\(category)")
            }
            if to != nil {
                let tailStart = Day.firstOfMonth(index: lastMonth + 1).number
                branches.append("SELECT key, category, persons, movements FROM movement_rollups WHERE dimension = \(bind: name) AND start_day BETWEEN \(bind: tailStart) AND \(bind: toDay) AND end_day <= \(bind: toDay)\(category)")
            }
        } else {
            branches.append("SELECT key, category, persons, movements FROM movement_rollups WHERE dimension = \(bind: name) AND start_day >= \(bind: fromDay) AND end_day <= \(bind: toDay)\(category)")
        }
        return "(" + branches.joined(separator: " UNION ALL ") + ") m WHERE 1 = 1"
    }

    /// The movements as they stand, or as they stood at a past moment.
    static func movementsSource(asRecordedOn moment: Date?) -> SQLQueryString {
        moment.map { movementsSource(asRecordedOn: Database.timestamp($0)) } ?? "movements"
    }

    /// Each movement's version written by an import committed by `moment` and not yet superseded then by another so
    /// committed, under its movement's id: the rule of `--as-recorded-on`. An import in flight at `moment` is not in it,
    /// though it began before; imports from before commits were timed (``NumberImportCommits``) count from their start.
    static func movementsSource(asRecordedOn moment: String) -> SQLQueryString {
        versions(committed: "SELECT id FROM imports WHERE COALESCE(committed_at, started_at) <= \(bind: moment)",
                 unnumbered: "recorded_at <= \(bind: moment)", supersededUnnumbered: "superseded_at > \(bind: moment)")
    }

    /// Each movement's version written by an import numbered up to `number` in the order imports commit, and not
    /// superseded by one so numbered: the ledger exactly as a read that saw import `number` last
    /// (``BulletinSnapshot/recordedThrough``). Imports from before the numbering committed before any number.
    static func movementsSource(recordedThrough number: Int) -> SQLQueryString {
        versions(committed: "SELECT id FROM imports WHERE COALESCE(commit_number, 0) <= \(bind: number)",
                 unnumbered: "1 = 1", supersededUnnumbered: "1 = 0")
    }

    /// The versions of movements that the imports `committed` selects had written, and that no import it selects had
    /// superseded; `unnumbered` and `supersededUnnumbered` decide for a version without an import's id.
    private static func versions(committed: SQLQueryString, unnumbered: SQLQueryString, supersededUnnumbered: SQLQueryString) -> SQLQueryString {
        let columns = "start_day, end_day, category, crossing_code, origin_country, origin_pcode, dest_pcode, "
            + "dest_adm1, dest_adm2, dest_adm3, dest_adm4, persons, organisation_id, source, external_id, recorded_at, recorded_by"
        let written: SQLQueryString = "(import_id IN (" + committed + ") OR (import_id IS NULL AND " + unnumbered + "))"
        return "(SELECT id, \(unsafeRaw: columns) FROM movements WHERE " + written + " UNION ALL "
            + "SELECT movement_id, \(unsafeRaw: columns) FROM movement_revisions WHERE " + written
            + " AND (superseded_in_import NOT IN (" + committed + ") OR (superseded_in_import IS NULL AND " + supersededUnnumbered + ")))"
    }

    /// A category as stored; anything else means the table was written by something other than Homeward.
    static func category(_ text: String) throws -> MovementCategory {
        guard let category = MovementCategory(rawValue: text) else {
            throw StoreError.database("a movement's category is '\(text)', neither refugee nor idp")
        }
        return category
    }

    /// Movements wholly inside the window, or (`inside: false`) those that only overlap its edge.
    private static func windowCondition(_ window: DateWindow, inside: Bool) -> SQLQueryString {
        let from = window.from?.number ?? Int(Int32.min)
        let to = window.to?.number ?? Int(Int32.max)
        if inside { return "m.start_day >= \(bind: from) AND m.end_day <= \(bind: to)" }
        return "NOT (m.start_day >= \(bind: from) AND m.end_day <= \(bind: to)) AND m.end_day >= \(bind: from) AND m.start_day <= \(bind: to)"
    }

    private static func filters(_ query: TotalsQuery) -> SQLQueryString {
        var sql: SQLQueryString = ""
        if let category = query.category { sql += " AND m.category = \(bind: category.rawValue)" }
        if let crossing = query.crossing { sql += " AND m.crossing_code = \(bind: crossing)" }
        if let organisation = query.organisation {
            sql += " AND m.organisation_id IN (SELECT id FROM organisations WHERE name = \(bind: organisation))"
        }
        return sql
    }

    /// The group key, and how to find its names in English, Arabic and Russian, per grouping.
    ///
    /// An empty name is no name (`NULLIF`): the gazetteer files leave Arabic cells empty where they have none.
    private static func groupingSQL(_ grouping: Grouping?) -> (key: String, join: String, name: (en: String, ar: String, ru: String)) {
        let none = (en: "NULL", ar: "NULL", ru: "NULL")
        func names(_ table: String) -> (en: String, ar: String, ru: String) {
            ("\(table).name_en", "NULLIF(\(table).name_ar, '')", "NULLIF(\(table).name_ru, '')")
        }
        switch grouping {
        case nil, .week, .month:
            return ("NULL", "", none)
        case .crossing:
            return ("m.crossing_code", "LEFT JOIN crossing_points n ON n.code = g.k", names("n"))
        case .origin:
            let (c, a) = (names("c"), names("a"))
            return ("COALESCE(m.origin_country, m.origin_pcode)",
                    "LEFT JOIN countries c ON c.iso3 = g.k LEFT JOIN admin_areas a ON a.pcode = g.k",
                    ("COALESCE(\(c.en), \(a.en))", "COALESCE(\(c.ar), \(a.ar))", "COALESCE(\(c.ru), \(a.ru))"))
        case .destination:
            return ("m.dest_pcode", "LEFT JOIN admin_areas n ON n.pcode = g.k", names("n"))
        case .adm1, .adm2, .adm3, .adm4:
            return ("m.dest_\(grouping!.rawValue)", "LEFT JOIN admin_areas n ON n.pcode = g.k", names("n"))
        case .category:
            // Named from the catalogue below, in every language.
            return ("m.category", "", ("NULL", "NULL", "NULL"))
        case .organisation:
            return ("CAST(m.organisation_id AS TEXT)", "LEFT JOIN organisations o ON CAST(o.id AS TEXT) = g.k", ("o.name", "NULL", "NULL"))
        }
    }
}

extension LedgerStore {
    /// Totals for the query's window and, when given, the same question (without its breakdown) for an earlier window.
    public func totals(_ query: TotalsQuery, comparedWith earlier: DateWindow?) async throws -> TotalsComparison {
        let report = try await totals(query)
        guard let earlier else { return TotalsComparison(report: report, asRecordedOn: query.asRecordedOn) }
        var before = query
        before.window = earlier
        before.grouping = nil
        return TotalsComparison(report: report, previous: try await totals(before), asRecordedOn: query.asRecordedOn)
    }
}

import HomewardCore
import SQLKit

/// Which records a number of the camps, reconstruction and aid blocks sums, kept by id in the snapshot: a site's
/// departures, a week's aid actions, a kind's facility works are few enough to list, unlike the ledger's
/// movements, which keep their filters instead (``MovementSelection``).
///
/// Each query repeats the rule of the figure it stands beside, so that the ids are exactly the records summed;
/// `homeward bulletin records` lists them, and the tests hold their count to the figures.
extension Stores {
    /// The records a figure sums: their table, and the condition (on its columns, unprefixed) that picks them.
    struct BlockRecords {
        let table: String
        let condition: SQLQueryString

        /// Those of the records in a group, alike in `columns`, that more than one organisation reported: the records
        /// behind a statement's count of such groups, and what `aid list --reported-by-several` lists.
        /// - Important: the columns must be `NOT NULL`: a row value with a null is in no `IN`, where `GROUP BY` groups nulls.
        func reportedBySeveral(alike columns: [String]) -> BlockRecords {
            let alike = columns.joined(separator: ", ")
            return BlockRecords(table: table, condition: condition + " AND (\(unsafeRaw: alike)) IN (SELECT \(unsafeRaw: alike) FROM \(unsafeRaw: table) WHERE "
                                + condition + " GROUP BY \(unsafeRaw: alike) HAVING COUNT(DISTINCT organisation_id) > 1)")
        }
    }

    /// What makes two aid actions, or two facility records, one delivery or work reported twice when two organisations give them.
    static let aidAlike = ["day", "place_pcode", "type_code"]
    static let worksAlike = ["day", "place_pcode", "kind_code", "status"]

    /// A site's departures counted as having left under an operation: after its baseline day, up to the bulletin's.
    static func departures(site: String, after baseline: Day, upTo date: Day) -> BlockRecords {
        BlockRecords(table: "site_departures", condition: """
            site_code = \(bind: site) AND persons > 0 AND end_day > \(bind: baseline.number) AND end_day <= \(bind: date.number)
            """)
    }

    /// The aid actions of a window, as ``AssistanceStore/tallies(_:)`` sums them; with `giving`, those of them that gave
    /// that figure's column, as `reported_by` counts them.
    static func aidActions(_ window: DateWindow, giving column: String? = nil) -> BlockRecords {
        var condition: SQLQueryString = "\(unsafeRaw: AidActionWriter.counted)"
        if let from = window.from { condition += " AND day >= \(bind: from.number)" }
        if let to = window.to { condition += " AND day <= \(bind: to.number)" }
        if let column { condition += " AND \(ident: column) IS NOT NULL" }
        return BlockRecords(table: "aid_actions", condition: condition)
    }

    /// A kind's facility works of the given statuses from `from` (or the first) to `to`: the stock sums what entered
    /// restoration and what was commissioned by the day; the week's flow, what was commissioned in it.
    static func facilityWorks(kind: String?, statuses: [FacilityStatus], from: Day?, to: Day?) -> BlockRecords {
        var condition: SQLQueryString = "quantity_tenths > 0"
        if let to { condition += " AND day <= \(bind: to.number)" }
        if let from { condition += " AND day >= \(bind: from.number)" }
        if let kind { condition += " AND kind_code = \(bind: kind)" }
        condition += " AND status IN (\(binds: statuses.map(\.rawValue)))"
        return BlockRecords(table: "facility_works", condition: condition)
    }

    func departureIDs(site: String, after baseline: Day, upTo date: Day) async throws -> [Int] {
        try await ids(Self.departures(site: site, after: baseline, upTo: date))
    }

    func aidActionIDs(_ window: DateWindow, giving column: String? = nil) async throws -> [Int] {
        try await ids(Self.aidActions(window, giving: column))
    }

    func facilityWorkIDs(kind: String?, statuses: [FacilityStatus], from: Day?, to: Day) async throws -> [Int] {
        try await ids(Self.facilityWorks(kind: kind, statuses: statuses, from: from, to: to))
    }

    func idsReportedBySeveral(_ records: BlockRecords, alike columns: [String]) async throws -> [Int] {
        try await ids(records.reportedBySeveral(alike: columns))
    }

    /// How many groups of the records, alike in `columns`, more than one organisation reported: every figure adds each report,
    /// which counts one delivery, convoy or work twice where they are the same, so a statement says how many there are.
    func groupsReportedBySeveral(_ records: BlockRecords, alike columns: [String]) async throws -> Int {
        try await database.read { db in
            try await db.raw("""
                SELECT CAST(COUNT(*) AS BIGINT) AS groups FROM (SELECT 1 AS one FROM \(unsafeRaw: records.table) WHERE \(records.condition)
                GROUP BY \(unsafeRaw: columns.joined(separator: ", ")) HAVING COUNT(DISTINCT organisation_id) > 1) g
                """).first(decodingColumn: "groups", as: Int.self) ?? 0
        }
    }

    /// The organisations of the records a block's figures sum, by name, each once and in order: the block names them, as
    /// every figure of a statement names its source.
    func reporters(of selections: [BlockRecords]) async throws -> [String] {
        var names: Set<String> = []
        for records in selections {
            names.formUnion(try await database.read { db in
                try await db.raw("""
                    SELECT DISTINCT o.name FROM \(unsafeRaw: records.table) r JOIN organisations o ON o.id = r.organisation_id
                    WHERE r.id IN (SELECT id FROM \(unsafeRaw: records.table) WHERE \(records.condition))
                    """).all(decodingColumn: "name", as: String.self)
            })
        }
        return names.sorted()
    }

    /// The organisations that counted a site on a day (an operation's baseline census).
    func censusReporters(site: String, on day: Day) async throws -> [String] {
        try await database.read { db in
            try await db.raw("""
                SELECT DISTINCT o.name FROM site_censuses c JOIN organisations o ON o.id = c.organisation_id
                WHERE c.site_code = \(bind: site) AND c.day = \(bind: day.number) ORDER BY o.name
                """).all(decodingColumn: "name", as: String.self)
        }
    }

    private func ids(_ records: BlockRecords) async throws -> [Int] {
        try await database.read { try await $0.raw("SELECT id FROM \(unsafeRaw: records.table) WHERE \(records.condition) ORDER BY id").all(decodingColumn: "id", as: Int.self) }
    }
}

extension BulletinBlock {
    /// The block with the ids (and their count) of the records each entry sums, where `records` knows them.
    func withRecords(_ records: (SnapshotEntry) async throws -> [Int]?) async rethrows -> BulletinBlock {
        var block = self
        for index in block.entries.indices {
            guard let ids = try await records(block.entries[index]) else { continue }
            block.entries[index].ids = ids
            block.entries[index].records = ids.count
        }
        return block
    }
}

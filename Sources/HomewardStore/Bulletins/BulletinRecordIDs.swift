import HomewardCore
import SQLKit

/// Which records a number of the camps, reconstruction and aid blocks sums, kept by id in the snapshot: a site's
/// departures, a week's aid actions, a kind's facility works are few enough to list, unlike the ledger's
/// movements, which keep their filters instead (``MovementSelection``).
///
/// Each query repeats the rule of the figure it stands beside, so that the ids are exactly the records summed;
/// `homeward bulletin records` lists them, and the tests hold their count to the figures.
extension Stores {
    /// A site's departures counted as having left under an operation: after its baseline day, up to the bulletin's.
    func departureIDs(site: String, after baseline: Day, upTo date: Day) async throws -> [Int] {
        try await ids("""
            SELECT id FROM site_departures WHERE site_code = \(bind: site) AND persons > 0 AND end_day > \(bind: baseline.number)
            AND end_day <= \(bind: date.number) ORDER BY id
            """)
    }

    /// The aid actions of a window, as ``AssistanceStore/tallies(_:)`` sums them; with `givingPeopleReached`, those of
    /// them that gave the people reached, as `reported_by` counts them.
    func aidActionIDs(_ window: DateWindow, givingPeopleReached: Bool = false) async throws -> [Int] {
        var query: SQLQueryString = "SELECT id FROM aid_actions WHERE \(unsafeRaw: AidActionWriter.counted)"
        if let from = window.from { query += " AND day >= \(bind: from.number)" }
        if let to = window.to { query += " AND day <= \(bind: to.number)" }
        if givingPeopleReached { query += " AND reached IS NOT NULL" }
        return try await ids(query + " ORDER BY id")
    }

    /// A kind's facility works of the given statuses from `from` (or the first) to `to`: the stock sums what entered
    /// restoration and what was commissioned by the day; the week's flow, what was commissioned in it.
    func facilityWorkIDs(kind: String?, statuses: [FacilityStatus], from: Day?, to: Day) async throws -> [Int] {
        var query: SQLQueryString = "SELECT id FROM facility_works WHERE day <= \(bind: to.number) AND quantity_tenths > 0"
        if let from { query += " AND day >= \(bind: from.number)" }
        if let kind { query += " AND kind_code = \(bind: kind)" }
        query += " AND status IN (\(binds: statuses.map(\.rawValue))) ORDER BY id"
        return try await ids(query)
    }

    /// The tables whose records a statement's blocks sum.
    enum RecordTable: String {
        case departures = "site_departures", facilityWorks = "facility_works", aidActions = "aid_actions"
    }

    /// The organisations of the records of `table` a block's figures sum, by name, each once and in order: the block
    /// names them, as every figure of a statement names its source.
    func reporters(of table: RecordTable, ids: [Int]) async throws -> [String] {
        var names: Set<String> = []
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let slice = Array(ids[start ..< min(start + 1000, ids.count)])
            names.formUnion(try await database.read { db in
                try await db.raw("""
                    SELECT DISTINCT o.name FROM \(unsafeRaw: table.rawValue) r JOIN organisations o ON o.id = r.organisation_id
                    WHERE r.id IN (\(binds: slice))
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

    private func ids(_ query: SQLQueryString) async throws -> [Int] {
        try await database.read { try await $0.raw(query).all(decodingColumn: "id", as: Int.self) }
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

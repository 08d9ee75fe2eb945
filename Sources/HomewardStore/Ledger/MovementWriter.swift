import HomewardCore
import SQLKit

/// Writes checked movements in batches, telling new ones from corrections and repeats.
///
/// A movement whose key is new is imported; one whose key exists with other values is updated in
/// place; one that is already there as it is, is ignored. Runs inside the caller's transaction.
struct MovementWriter {
    struct Counts: Sendable, Equatable {
        var imported = 0
        var updated = 0
        var ignored = 0
    }

    let db: any SQLDatabase
    let importID: Int?
    let recordedAt: String
    private var organisationIDs: [String: Int] = [:]
    private(set) var counts = Counts()

    static let columns = ["row_key", "fingerprint", "start_day", "end_day", "category", "crossing_code", "origin_country",
                          "origin_pcode", "dest_pcode", "dest_level", "dest_adm1", "dest_adm2", "dest_adm3", "dest_adm4",
                          "persons", "organisation_id", "source", "external_id", "import_id", "recorded_at"]

    init(db: any SQLDatabase, importID: Int?, recordedAt: String = Store.timestamp()) {
        self.db = db
        self.importID = importID
        self.recordedAt = recordedAt
    }

    mutating func write(_ batch: [Movement]) async throws {
        guard !batch.isEmpty else { return }
        var existing: [String: (id: Int, fingerprint: String)] = [:]
        let keys = Array(Set(batch.map(\.key)))
        for start in stride(from: 0, to: keys.count, by: 1000) {
            let slice = Array(keys[start ..< min(start + 1000, keys.count)])
            let rows = try await db.raw("SELECT id, row_key, fingerprint FROM movements WHERE row_key IN (\(binds: slice))").all()
            for row in rows {
                existing[try row.decode(column: "row_key", as: String.self)] =
                    (try row.decode(column: "id", as: Int.self), try row.decode(column: "fingerprint", as: String.self))
            }
        }
        var inserts: [String: Movement] = [:]
        var insertOrder: [String] = []
        var updates: [Int: Movement] = [:]
        for movement in batch {
            let fingerprint = movement.fingerprint
            if let pending = inserts[movement.key] {
                if pending.fingerprint == fingerprint { counts.ignored += 1 } else { inserts[movement.key] = movement; counts.updated += 1 }
            } else if let stored = existing[movement.key] {
                if stored.fingerprint == fingerprint {
                    counts.ignored += 1
                } else {
                    updates[stored.id] = movement
                    existing[movement.key] = (stored.id, fingerprint)
                    counts.updated += 1
                }
            } else {
                inserts[movement.key] = movement
                insertOrder.append(movement.key)
                counts.imported += 1
            }
        }
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(insertOrder.count)
        for key in insertOrder { rows.append(try await values(inserts[key]!)) }
        try await db.insert(into: "movements", columns: Self.columns, rows: rows)
        for (id, movement) in updates.sorted(by: { $0.key < $1.key }) {
            let values = try await values(movement)
            var query: SQLQueryString = "UPDATE movements SET "
            for (index, column) in Self.columns.enumerated() {
                query += SQLQueryString((index == 0 ? "" : ", ") + column + " = ") + "\(bind: values[index])"
            }
            query += " WHERE id = \(bind: id)"
            try await db.raw(query).run()
        }
    }

    private mutating func values(_ m: Movement) async throws -> [any Encodable & Sendable] {
        let organisationID: Int
        if let known = organisationIDs[m.organisation] {
            organisationID = known
        } else {
            organisationID = try await Store.organisationID(named: m.organisation, on: db)
            organisationIDs[m.organisation] = organisationID
        }
        var originCountry: String?, originArea: String?
        switch m.origin {
        case .country(let code): originCountry = code
        case .area(let code): originArea = code
        case nil: break
        }
        let d = m.destination
        return [m.key, m.fingerprint, m.period.start.number, m.period.end.number, m.category.rawValue, m.crossing,
                originCountry, originArea, d.finest, d.level?.rawValue, d[.adm1], d[.adm2], d[.adm3], d[.adm4],
                m.persons, organisationID, m.source, m.externalId, importID, recordedAt]
    }
}

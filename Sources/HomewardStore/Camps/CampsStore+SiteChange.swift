import HomewardCore
import SQLKit

/// What a change of a site may give: its names, its operator, a transit centre's places and usual stay. Its code, kind and
/// area are what its records and operations name it by, and do not change; `nil` leaves a value as it is, an empty name in
/// another language takes it away.
public struct SiteChange: Sendable, Equatable {
    public var name: String?
    public var nameAr: String?
    public var nameRu: String?
    public var operatorName: String?
    public var capacity: Int?
    public var stayHours: Int?

    public init(name: String? = nil, nameAr: String? = nil, nameRu: String? = nil, operatorName: String? = nil, capacity: Int? = nil,
                stayHours: Int? = nil) {
        self.name = name
        self.nameAr = nameAr
        self.nameRu = nameRu
        self.operatorName = operatorName
        self.capacity = capacity
        self.stayHours = stayHours
    }
}

extension CampsStore {
    /// Changes a site as its rules allow a new one (a transit centre's places from 1, a stay of at most a year), audited with
    /// what it was and what it became: a centre enlarged, or its usual stay shortened, moves every estimate of its occupancy
    /// from then on, which the over-capacity warnings advise checking.
    /// - Returns: the site as it stands, and whether anything changed (a change to what it is already is no change, nor audited).
    /// - Throws: ``StoreError/notFound(_:)`` for a code no site has; ``StoreError/refused(_:)`` naming the field.
    public func changeSite(_ code: String, _ change: SiteChange, by caller: Caller) async throws -> (site: Site, changed: Bool) {
        guard let found = try await site(code) else { throw StoreError.notFound("site \(code)") }
        let gazetteer = try await places.gazetteer()
        return try await database.write(by: caller, for: .planning) { write in
            // Read again in the write, locked on PostgreSQL: two changes of other fields at once must not undo each other.
            let locking = write.connection.backend == .postgres ? "FOR UPDATE OF s" : ""
            guard let before = try await Self.sites(where: "s.code = \(bind: found.code)", suffix: locking, on: write.sql).first else {
                throw StoreError.notFound("site \(code)")
            }
            var after = before
            if let name = change.name { after.name = name }
            if let nameAr = change.nameAr { after.nameAr = nameAr }
            if let nameRu = change.nameRu { after.nameRu = nameRu }
            if let operatorName = change.operatorName { after.operatorName = operatorName }
            if let capacity = change.capacity { after.capacity = capacity }
            if let stayHours = change.stayHours { after.stayHours = stayHours }
            let others = Set(try await Self.sites(where: nil, on: write.sql).map(\.code)).subtracting([before.code])
            let checked = try StoreError.refusing { () throws(FieldProblem) in try SiteRules(gazetteer: gazetteer, existing: others).check(after) }
            guard checked != before else {
                write.trail.noteNothingChanged()
                return (before, false)
            }
            let operatorID = try await checked.operatorName.asyncMap { try await OrganisationsStore.organisationID(named: $0, on: write) }
            try await write.sql.raw("""
                UPDATE sites SET name = \(bind: checked.name), name_ar = \(bind: checked.nameAr), name_ru = \(bind: checked.nameRu),
                operator_id = \(bind: operatorID), capacity = \(bind: checked.capacity), stay_hours = \(bind: checked.stayHours)
                WHERE code = \(bind: before.code)
                """).run()
            try await write.audit("update", kind: "site", record: before.code, before: before, after: checked)
            return (checked, true)
        }
    }
}

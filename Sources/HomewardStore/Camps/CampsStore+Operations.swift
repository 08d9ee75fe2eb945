import HomewardCore
import SQLKit

extension CampsStore {
    /// Stores an evacuation operation, checked; returns it with its id. A site may have several operations (phases),
    /// but one the same as a stored one in baseline, start and pace is a second submission of it, refused by name.
    public func addOperation(_ operation: EvacuationOperation, today: Day, by caller: Caller) async throws -> EvacuationOperation {
        let sites = Dictionary(uniqueKeysWithValues: try await sites().map { ($0.code, $0) })
        let rules = EvacuationRules(sites: sites, today: today)
        let checked = try StoreError.refusing { () throws(FieldProblem) in try rules.check(operation) }
        let id = try await database.write(by: caller, for: .planning) { write in
            let db = write.sql
            // Departures recorded since the baseline count against it, as later ones will: never more than the residents.
            let left = try await db.raw("""
                SELECT CAST(COALESCE(SUM(persons), 0) AS BIGINT) AS n FROM site_departures
                WHERE site_code = \(bind: checked.site) AND end_day > \(bind: checked.baselineDate.number)
                """).first(decodingColumn: "n", as: Int.self) ?? 0
            guard left <= checked.baselineResidents else {
                throw StoreError.refused(FieldProblem(field: "baseline_residents", value: String(checked.baselineResidents),
                    Message("import.departures.overdrawn", ["site": .code(checked.site), "date": .day(checked.baselineDate),
                                                            "total": .count(left), "residents": .count(checked.baselineResidents)])))
            }
            if let same = try await db.raw("""
                SELECT id FROM evacuation_operations
                WHERE site_code = \(bind: checked.site) AND baseline_day = \(bind: checked.baselineDate.number)
                  AND baseline_residents = \(bind: checked.baselineResidents) AND start_day = \(bind: checked.start.number)
                  AND per_cycle = \(bind: checked.perCycle) AND cycle_days = \(bind: checked.cycleDays)
                ORDER BY id LIMIT 1
                """).first(decodingColumn: "id", as: Int.self) {
                throw StoreError.refused(FieldProblem(field: "site", value: checked.site, Message("evacuation.duplicate", ["id": .serial(same)])))
            }
            // A later operation takes over the site from its own baseline; one from the same census day would count every
            // departure twice, one from an earlier day none (the later takes them): two stories of one camp. On PostgreSQL the
            // site is locked first, so that two servers adding operations at once check one after the other.
            if write.connection.backend == .postgres {
                try await db.raw("SELECT code FROM sites WHERE code = \(bind: checked.site) FOR UPDATE").run()
            }
            if let other = try await db.raw("""
                SELECT id, baseline_day FROM evacuation_operations WHERE site_code = \(bind: checked.site) AND baseline_day >= \(bind: checked.baselineDate.number)
                ORDER BY baseline_day DESC, id LIMIT 1
                """).first() {
                throw StoreError.refused(FieldProblem(field: "baseline_date", value: checked.baselineDate.description, Message("evacuation.sameBaseline", [
                    "id": .serial(try other.decode(column: "id", as: Int.self)), "date": .day(Day(number: try other.decode(column: "baseline_day", as: Int.self)))])))
            }
            let earlier = try await db.raw("""
                SELECT id, baseline_day FROM evacuation_operations WHERE site_code = \(bind: checked.site) ORDER BY baseline_day DESC, id LIMIT 1
                """).first().map { (id: try $0.decode(column: "id", as: Int.self), baseline: Day(number: try $0.decode(column: "baseline_day", as: Int.self))) }
            let counts = try await db.raw("""
                SELECT c.residents, o.name FROM site_censuses c JOIN organisations o ON o.id = c.organisation_id
                WHERE c.site_code = \(bind: checked.site) AND c.day = \(bind: checked.baselineDate.number) ORDER BY o.name
                """).all().map { (organisation: try $0.decode(column: "name", as: String.self), residents: try $0.decode(column: "residents", as: Int.self)) }
            try StoreError.refusing { () throws(FieldProblem) in try EvacuationRules.checkBaseline(of: checked, after: earlier, counts: counts) }
            guard let id = try await db.raw("""
                INSERT INTO evacuation_operations (site_code, baseline_day, baseline_residents, start_day, per_cycle, cycle_days,
                                                   deadline_day, status, created_at, created_by)
                VALUES (\(bind: checked.site), \(bind: checked.baselineDate.number), \(bind: checked.baselineResidents),
                        \(bind: checked.start.number), \(bind: checked.perCycle), \(bind: checked.cycleDays), \(bind: checked.deadline?.number),
                        \(bind: checked.status.rawValue), \(bind: write.timestamp), \(bind: write.caller.description))
                RETURNING id
                """).first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new operation's id") }
            for (position, code) in checked.via.enumerated() {
                try await db.raw("""
                    INSERT INTO evacuation_transit_centres (operation_id, site_code, position) VALUES (\(bind: id), \(bind: code), \(bind: position))
                    """).run()
            }
            var stored = checked
            stored.id = id
            try await write.audit("create", kind: "evacuation", record: String(id), after: stored)
            return id
        }
        var stored = checked
        stored.id = id
        return stored
    }

    /// Every operation, oldest first.
    public func operations() async throws -> [EvacuationOperation] {
        try await database.read { try await Self.operations(on: $0) }
    }

    static func operations(on db: any SQLDatabase, id: Int? = nil) async throws -> [EvacuationOperation] {
        let only: SQLQueryString = id.map { "WHERE id = \(bind: $0)" } ?? ""
        let through: SQLQueryString = id.map { "WHERE operation_id = \(bind: $0)" } ?? ""
        var centres: [Int: [String]] = [:]
        for row in try await db.raw("SELECT operation_id, site_code FROM evacuation_transit_centres \(through) ORDER BY operation_id, position").all() {
            centres[try row.decode(column: "operation_id", as: Int.self), default: []].append(try row.decode(column: "site_code", as: String.self))
        }
        return try await db.raw("SELECT * FROM evacuation_operations \(only) ORDER BY id").all().map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let statusText = try row.decode(column: "status", as: String.self)
            guard let status = EvacuationOperation.Status(rawValue: statusText) else {
                throw StoreError.database("evacuation_operations holds status '\(statusText)'")
            }
            return EvacuationOperation(
                id: id, site: try row.decode(column: "site_code", as: String.self),
                baselineDate: Day(number: try row.decode(column: "baseline_day", as: Int.self)),
                baselineResidents: try row.decode(column: "baseline_residents", as: Int.self),
                start: Day(number: try row.decode(column: "start_day", as: Int.self)),
                perCycle: try row.decode(column: "per_cycle", as: Int.self), cycleDays: try row.decode(column: "cycle_days", as: Int.self),
                via: centres[id] ?? [], deadline: try row.decode(column: "deadline_day", as: Int?.self).map(Day.init(number:)), status: status)
        }
    }

    public func operation(_ id: Int) async throws -> EvacuationOperation? {
        try await database.read { try await Self.operations(on: $0, id: id).first }
    }

    /// Changes an operation's status after ``EvacuationRules/checkChange(of:to:on:after:today:)``, keeping the change
    /// with the day it took effect and who made it; returns the operation as it now stands.
    ///
    /// The status it has already, with a `day`, gives that day to the change that made it so
    /// (``EvacuationRules/checkRedating(of:latest:to:after:today:)``): a change recorded without its day is put right.
    /// - Parameter day: the day the change took effect; `nil` for today.
    @discardableResult
    public func setStatus(_ status: EvacuationOperation.Status, ofOperation id: Int, on day: Day? = nil, today: Day,
                          by caller: Caller) async throws -> EvacuationOperation {
        try await database.write(by: caller, for: .planning) { write in
            let db = write.sql
            // Locks the operation on PostgreSQL (SQLite's writers take turns already): its changes are read and added one
            // writer at a time, in the order of their days.
            try await db.raw("UPDATE evacuation_operations SET status = status WHERE id = \(bind: id)").run()
            guard var operation = try await Self.operations(on: db, id: id).first else { throw StoreError.notFound("evacuation operation \(id)") }
            let changes = try await Self.statusChanges(on: db, where: "operation_id = \(bind: id)")[id] ?? []
            if status == operation.status, let day {
                try StoreError.refusing { () throws(FieldProblem) in
                    try EvacuationRules.checkRedating(of: operation, latest: changes.last, to: day, after: changes.dropLast().last, today: today)
                }
                let latest = changes.last!
                guard latest.day != day else { return operation }
                try await db.raw("""
                    UPDATE evacuation_status_changes SET day = \(bind: day.number)
                    WHERE id = (SELECT MAX(id) FROM evacuation_status_changes WHERE operation_id = \(bind: id))
                    """).run()
                var redated = latest
                redated.day = day
                try await write.audit("update", kind: "evacuation", record: String(id),
                                      detail: "\(latest.from.rawValue) → \(latest.to.rawValue) from \(day), not \(latest.day)", before: latest, after: redated)
                return operation
            }
            let current = operation.status, day = day ?? today
            try StoreError.refusing { () throws(FieldProblem) in
                try EvacuationRules.checkChange(of: operation, to: status, on: day, after: changes.last, today: today)
            }
            try await db.raw("UPDATE evacuation_operations SET status = \(bind: status.rawValue) WHERE id = \(bind: id)").run()
            try await db.raw("""
                INSERT INTO evacuation_status_changes (operation_id, from_status, to_status, day, changed_at, changed_by)
                VALUES (\(bind: id), \(bind: current.rawValue), \(bind: status.rawValue), \(bind: day.number), \(bind: write.timestamp),
                        \(bind: write.caller.description))
                """).run()
            let before = operation
            operation.status = status
            try await write.audit("update", kind: "evacuation", record: String(id), detail: "\(current.rawValue) → \(status.rawValue) from \(day)",
                                  before: before, after: operation)
            return operation
        }
    }

    /// How an operation's status changed, oldest first.
    public func statusChanges(ofOperation id: Int) async throws -> [EvacuationStatusChange] {
        try await statusChanges(where: "operation_id = \(bind: id)")[id] ?? []
    }

    /// How operations' statuses changed, by operation, each oldest first.
    func statusChanges(where condition: SQLQueryString?) async throws -> [Int: [EvacuationStatusChange]] {
        try await database.read { try await Self.statusChanges(on: $0, where: condition) }
    }

    private static func statusChanges(on db: any SQLDatabase, where condition: SQLQueryString?) async throws -> [Int: [EvacuationStatusChange]] {
        var query: SQLQueryString = "SELECT operation_id, from_status, to_status, day, changed_at, changed_by FROM evacuation_status_changes"
        if let condition { query += " WHERE " + condition }
        query += " ORDER BY id"
        var changes: [Int: [EvacuationStatusChange]] = [:]
        for row in try await db.raw(query).all() {
            let from = try row.decode(column: "from_status", as: String.self), to = try row.decode(column: "to_status", as: String.self)
            guard let fromStatus = EvacuationOperation.Status(rawValue: from), let toStatus = EvacuationOperation.Status(rawValue: to) else {
                throw StoreError.database("evacuation_status_changes holds status '\(from)' or '\(to)'")
            }
            let at = try row.decode(column: "changed_at", as: String.self)
            // A change kept before days were: it took effect on the day it was recorded.
            guard let day = try row.decode(column: "day", as: Int?.self).map(Day.init(number:)) ?? Day(String(at.prefix(10))) else {
                throw StoreError.database("evacuation_status_changes holds the time '\(at)'")
            }
            changes[try row.decode(column: "operation_id", as: Int.self), default: []].append(
                EvacuationStatusChange(from: fromStatus, to: toStatus, day: day, at: at, by: try row.decode(column: "changed_by", as: String.self)))
        }
        return changes
    }
}

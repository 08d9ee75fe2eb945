import HomewardCore
import SQLKit

/// What a gazetteer load may not do to places that recorded figures name: remove them, or move them under another parent.
extension PlacesStore {
    /// Every column where a record names an area, and what its rows are called in a refusal.
    private static let areaColumns: [(table: String, column: String, records: String)] = [
        ("movements", "dest_pcode", "movements"), ("movements", "origin_pcode", "movements"),
        ("movement_revisions", "dest_pcode", "earlier versions of movements"), ("movement_revisions", "origin_pcode", "earlier versions of movements"),
        ("sites", "admin_pcode", "sites"), ("site_departures", "destination", "departures"),
        ("site_departure_revisions", "destination", "earlier versions of departures"),
        ("facility_works", "place_pcode", "facility records"), ("aid_actions", "place_pcode", "aid actions"),
        ("facility_work_revisions", "place_pcode", "earlier versions of facility records"),
        ("aid_action_revisions", "place_pcode", "earlier versions of aid actions"),
        ("source_figures", "area_pcode", "source figures"),
    ]
    private static let crossingColumns: [(table: String, column: String, records: String)] = [
        ("movements", "crossing_code", "movements"), ("movement_revisions", "crossing_code", "earlier versions of movements"),
    ]

    /// The codes of `candidates` that some record names, with what names them.
    private static func named(_ candidates: Set<String>, in columns: [(table: String, column: String, records: String)],
                              on db: any SQLDatabase) async throws -> [(code: String, records: String)] {
        guard !candidates.isEmpty else { return [] }
        var found: [(code: String, records: String)] = []
        for (table, column, records) in columns {
            // The distinct codes a table names are at most the gazetteer's, and read without binding thousands of candidates.
            let query: SQLQueryString = "SELECT DISTINCT \(ident: column) AS code FROM \(ident: table) WHERE \(ident: column) IS NOT NULL"
            for row in try await db.raw(query).all() {
                let code = try row.decode(column: "code", as: String.self)
                if candidates.contains(code) { found.append((code, records)) }
            }
        }
        return found
    }

    /// Names at most a few codes, and how many more there are.
    private static func listed(_ found: [(code: String, records: String)]) -> String {
        let codes = Array(Set(found.map(\.code))).sorted()
        let records = Array(Set(found.map(\.records))).sorted().joined(separator: ", ")
        let more = codes.count > 5 ? " and \(codes.count - 5) more" : ""
        return "\(codes.prefix(5).joined(separator: ", "))\(more) (named by \(records))"
    }

    /// Refuses a replacing load that leaves out places records name: their figures would name nothing.
    static func refuseRemovingWhatFiguresName(areas: Set<String>, crossings: Set<String>, on db: any SQLDatabase) async throws {
        let found = try await named(areas, in: areaColumns, on: db) + named(crossings, in: crossingColumns, on: db)
        guard !found.isEmpty else { return }
        throw ImportError("the folder does not list \(listed(found)): a gazetteer that replaces the stored one keeps every place "
            + "that figures are recorded in; add them to the folder, or load it without --replace")
    }

    /// Refuses a load that moves an area with figures recorded in it (or below it) under another parent: a movement keeps
    /// the areas above its destination as they were when it was recorded, so its province would no longer be the
    /// gazetteer's, and totals by province would split one place's figures between two.
    static func refuseMovesUnderFigures(_ moves: [ReferenceCheck.Move], areas: [String: ReferenceCheck.Stored], on db: any SQLDatabase) async throws {
        guard !moves.isEmpty else { return }
        var children: [String: [String]] = [:]
        for (code, area) in areas { if let parent = area.parent { children[parent, default: []].append(code) } }
        let below = moves.map { move in
            var below: Set<String> = [move.area.pcode]
            var queue = [move.area.pcode]
            while let code = queue.popLast() {
                for child in children[code] ?? [] where below.insert(child).inserted { queue.append(child) }
            }
            return below
        }
        // The tables are read once for every move: a corrected gazetteer may move hundreds of areas.
        let found = try await named(below.reduce(into: Set<String>()) { $0.formUnion($1) }, in: areaColumns, on: db)
        let problems = zip(moves, below).compactMap { move, below -> ImportProblem? in
            let here = found.filter { below.contains($0.code) }
            guard !here.isEmpty else { return nil }
            let from = move.was.parent.map { "from \($0) " } ?? ""
            let to = move.area.parent.map { "to \($0)" } ?? "to the top level"
            return ImportProblem(
                row: move.at.row, column: "adm\(move.area.level.rawValue)_pcode", value: move.area.pcode,
                reason: "\(move.at.file): \(move.area.pcode) would move \(from)\(to), but figures are recorded in it or below it: "
                    + "\(listed(here)). They keep the areas above them as they were recorded, so totals by the coarser level would "
                    + "split them from the place's new figures; load the area under its stored parent")
        }
        if !problems.isEmpty { throw ImportError(problems) }
    }

    /// Removes crossing points, then areas finest first, so that no row is left naming a parent that has gone.
    static func remove(crossings: Set<String>, areas: Set<String>, stored: [String: ReferenceCheck.Stored], on db: any SQLDatabase) async throws {
        for chunk in Array(crossings).sorted().chunks(of: 500) {
            try await db.raw("DELETE FROM crossing_points WHERE code IN (\(binds: Array(chunk)))").run()
        }
        for level in AdminLevel.allCases.reversed() {
            let codes = areas.filter { stored[$0]?.level == level }.sorted()
            for chunk in codes.chunks(of: 500) {
                try await db.raw("DELETE FROM admin_areas WHERE pcode IN (\(binds: Array(chunk)))").run()
            }
        }
    }
}

private extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0 ..< Swift.min($0 + size, count)] }
    }
}
